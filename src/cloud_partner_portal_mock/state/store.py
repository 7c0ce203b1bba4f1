"""The in-memory state: publishers, their offers, operations and the notification outbox.

Plain data; `lifecycle.py` changes it and `service.py` guards it with a lock. Operation ids are GUIDs drawn
from a generator seeded by `MockConfig.seed`, so the same actions give the same ids on every run.

State is bounded: each offer keeps its running operations, its `retain_finished` most recently finished
operations (`MockConfig.retain_finished`) and, besides those, its latest publish and go-live, from which its
status is read; an older finished one is dropped, with its notifications, as another finishes. So the mock's
memory, and what `listOperations` returns, stop growing once that many have finished, however long it runs.
"""

from __future__ import annotations

import random
import uuid
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from .offer_documents import OfferDocuments
from .outbox import Notification

OperationKind = Literal["publish", "goLive", "cancel"]
TERMINAL = frozenset({"completed", "failed", "canceled"})


@dataclass(frozen=True, slots=True)
class Message:
    html: str
    level: Literal["information", "warning", "error"]
    timestamp: datetime


@dataclass(frozen=True, slots=True)
class StepDefinition:
    id: str
    name: str
    description: str
    estimate: str | None


@dataclass(frozen=True, slots=True)
class Problem:
    """What goes wrong when a publish run reaches `step`: it is `block`ed there (and waits until cancelled),
    or it runs and then `fail`s the operation."""

    step: str
    outcome: Literal["block", "fail"]
    message: str


@dataclass(slots=True)
class StepRun:
    definition: StepDefinition
    seconds: float | None
    """How long the step runs once started; None: it waits (publisher sign-off)."""
    status: str = "notStarted"
    started_at: datetime | None = None
    due_at: datetime | None = None
    """When the step ends by itself; None while not started, waiting, blocked or frozen by a cancel."""
    frozen_at: datetime | None = None
    """When a cancel request froze the step (its progress stops there)."""
    messages: list[Message] = field(default_factory=list)


@dataclass(slots=True)
class Operation:
    id: str
    kind: OperationKind
    publisher_id: str
    offer_id: str
    offer_type_id: str
    offer_version: int
    publishing_version: int
    slot: str
    created_at: datetime
    changed_at: datetime
    sequence: int
    steps: list[StepRun]
    emails: str | None
    status: str = "running"
    current: int = 0
    """Index of the step in progress (or the one the operation ended in)."""
    messages: list[Message] = field(default_factory=list)
    cancelled_by: str | None = None
    """Id of the cancel operation that is stopping this one."""
    target: str | None = None
    """For a cancel operation: the id of the operation it stops."""
    error: str | None = None
    number: int = 0
    """The operation's number on its offer (1 for the offer's first), which its legacy status URL names it by."""
    rendered_submission: tuple[tuple[str, datetime], bytes] | None = None
    """Its `Submission` JSON and the (status, changed_at) it was rendered at (`http.bodies.submission_json`): every
    change of an operation moves `changed_at`, so a finished one is rendered once, whatever the number of lists."""
    rendered_detail: tuple[Hashable, bytes] | None = None
    """Its `OperationDetail` JSON and the key of what that shows (`http.bodies.operation_detail_json`)."""

    @property
    def current_step(self) -> StepRun:
        return self.steps[self.current]


@dataclass(slots=True)
class Offer:
    publisher_id: str
    id: str
    offer_type_id: str
    version: int = 1
    publishing_version: int = 0
    """How many times the offer was published; a new publish gets the next number."""
    validation_error: str | None = None
    """Set when publish must answer 422."""
    problem: Problem | None = None
    operation_ids: list[str] = field(default_factory=list)
    """The offer's operations kept in the store, oldest first."""
    operations_started: int = 0
    """How many operations the offer has started, ever: the last `Operation.number` given."""
    finished: deque[str] = field(default_factory=deque)
    """The ids of its finished operations still kept, in the order they finished."""
    latest_publish: str | None = None
    latest_go_live: str | None = None
    """Its latest publish and go-live, kept whatever their age: the offer's status is read from them."""
    ever_live: bool = False
    """Whether a go-live of the offer ever completed (its live link), known after that go-live is dropped."""


@dataclass(slots=True)
class Publisher:
    id: str
    offers: dict[str, Offer] = field(default_factory=dict)


class Store:
    def __init__(self, seed: int, retain_finished: int) -> None:
        if retain_finished < 1:
            raise ValueError(f"retain_finished: must be >= 1, got {retain_finished}")
        self.retain_finished = retain_finished
        self.publishers: dict[str, Publisher] = {}
        self.operations: dict[str, Operation] = {}
        self.running: dict[str, Operation] = {}
        """The operations whose status is `running`, in the order they started (kept by `lifecycle`)."""
        self.outbox: list[Notification] = []
        """The notifications of the operations kept, oldest first."""
        self.documents: OfferDocuments | None = None
        """The offers' documents (drafts, slots, versions), when the store has them: the service's seeding sets
        them after replaying the publishing history, so that the replay does not publish the seeded drafts again."""
        self._dropped: set[str] = set()
        """Ids of operations dropped since the outbox last lost their notifications."""
        # Ids only need to be reproducible, not unpredictable.
        self._ids = random.Random(seed)  # noqa: S311  # reason: deterministic test ids, not secrets
        self._sequence = 0

    def new_operation_id(self) -> str:
        while True:
            candidate = str(uuid.UUID(int=self._ids.getrandbits(128), version=4))
            if candidate not in self.operations:
                return candidate

    def next_sequence(self) -> int:
        self._sequence += 1
        return self._sequence

    def add_offer(self, offer: Offer) -> Offer:
        publisher = self.publishers.setdefault(offer.publisher_id, Publisher(offer.publisher_id))
        publisher.offers[offer.id] = offer
        return offer

    def offer(self, publisher_id: str, offer_id: str) -> Offer | None:
        publisher = self.publishers.get(publisher_id)
        return publisher.offers.get(offer_id) if publisher else None

    def finished(self, operation: Operation) -> None:
        """`operation` has just finished: it joins its offer's finished operations, and the oldest of them beyond
        the `retain_finished` most recent are dropped. The offer's latest publish and go-live are kept apart from
        that count, so the operation that has just finished is always kept."""
        offer = self.offer(operation.publisher_id, operation.offer_id)
        assert offer is not None
        offer.finished.append(operation.id)
        kept = {offer.latest_publish, offer.latest_go_live}
        excess = len(offer.finished) - sum(op_id in kept for op_id in offer.finished) - self.retain_finished
        position = 0
        while excess > 0:
            if offer.finished[position] in kept:
                position += 1
                continue
            excess -= 1
            dropped = offer.finished[position]
            del offer.finished[position]
            offer.operation_ids.remove(dropped)  # a short list: at most the kept ones and the running ones
            del self.operations[dropped]
            self._dropped.add(dropped)
        # The outbox loses the notifications of dropped operations in one pass, once as many operations were
        # dropped as are kept: a pass per notification would cost the outbox's length each time.
        if len(self._dropped) >= max(64, len(self.operations)):
            self.outbox = self.notifications()
            self._dropped.clear()

    def notifications(self) -> list[Notification]:
        """The notifications of the operations kept, oldest first."""
        if not self._dropped:
            return list(self.outbox)
        return [n for n in self.outbox if n.operation_id not in self._dropped]
