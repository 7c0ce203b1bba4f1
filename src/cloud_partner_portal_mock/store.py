"""The in-memory state: publishers, their offers, operations and the notification outbox.

Plain data; `lifecycle.py` changes it and `service.py` guards it with a lock. Operation ids are GUIDs drawn
from a generator seeded by `MockConfig.seed`, so the same actions give the same ids on every run.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from .notifications import Notification

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
    operations_started: int = 0
    """How many operations the offer has started, ever: the last `Operation.number` given."""


@dataclass(slots=True)
class Publisher:
    id: str
    offers: dict[str, Offer] = field(default_factory=dict)


class Store:
    def __init__(self, seed: int) -> None:
        self.publishers: dict[str, Publisher] = {}
        self.operations: dict[str, Operation] = {}
        self.running: dict[str, Operation] = {}
        """The operations whose status is `running`, in the order they started (kept by `lifecycle`)."""
        self.outbox: list[Notification] = []
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

    def operations_of(self, offer: Offer) -> list[Operation]:
        """The offer's operations, oldest first."""
        return [self.operations[i] for i in offer.operation_ids]
