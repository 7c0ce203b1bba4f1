"""The service: the API's actions on the in-memory state, one lock around each.

Every action takes the lock, first applies the step ends due by `clock.now()` (`lifecycle.advance`), then
checks everything it needs before changing anything, so a refused call changes no state. `at_offer` is that
opening, once: the HTTP handlers read the state through it too (`http.endpoints`), rendering their bodies
under the same lock. The lock is a `threading.Lock` rather than an `asyncio.Lock`: nothing inside it awaits,
so asyncio tasks cannot interleave within it, and it also serialises a test thread that reads `outbox`,
takes a `snapshot()` or calls `reset()` while a served mock runs in another thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from . import lifecycle, snapshot
from .clock import Clock
from .errors import ApiError, clip, offer_not_found
from .offer_documents import NEVER_PUBLISHED, DocumentText, JsonObject, OfferDocuments, StatusOf, Written
from .offer_seed import seed_documents
from .outbox import Notification
from .seed import seed
from .snapshot import StateSnapshot
from .store import Offer, Operation, OperationKind, Store


class StateSettings(Protocol):
    """What the service reads of the mock's configuration (`MockConfig` has it all)."""

    @property
    def seed(self) -> int: ...
    @property
    def retain_finished(self) -> int: ...
    @property
    def step_seconds(self) -> Mapping[str, float]: ...
    @property
    def publishers(self) -> frozenset[str]: ...
    @property
    def clock(self) -> Clock: ...


@dataclass(frozen=True)
class Accepted:
    """The operation a call started (or found running, or cancelled synchronously)."""

    publisher_id: str
    offer_id: str
    operation_id: str
    number: int
    """The operation's number on its offer, which the legacy status URL names it by (`locations.py`)."""
    slot: str
    synchronous: bool = False

    @classmethod
    def of(cls, operation: Operation, *, synchronous: bool = False) -> Accepted:
        return cls(
            operation.publisher_id, operation.offer_id, operation.id, operation.number, operation.slot, synchronous
        )


@dataclass(frozen=True)
class OfferAt:
    """One offer of the store, read under the service's lock at `now` (after the step ends due by then)."""

    store: Store
    offer: Offer
    now: datetime

    def operation(self, operation_id: str) -> Operation:
        """The offer's operation `operation_id`; 404 when the offer has none of that id (any longer)."""
        operation = self.store.operations.get(operation_id)
        if operation is None or (operation.publisher_id, operation.offer_id) != (
            self.offer.publisher_id,
            self.offer.id,
        ):
            raise ApiError(
                404,
                "OperationNotFound",
                f"Operation '{operation_id}' does not exist on offer '{self.offer.id}' of publisher "
                f"'{self.offer.publisher_id}'.",
            )
        return operation

    def legacy_operation(self, number: int, slot: str) -> Operation:
        """The operation the legacy status URL `{publisherId}${offerId}${number}${slot}` names; 404 when none."""
        # The offer's kept operations (bounded by its retention), newest first.
        for operation_id in reversed(self.offer.operation_ids):
            operation = self.store.operations[operation_id]
            if operation.number == number and operation.slot == slot:
                return operation
        named = f"{self.offer.publisher_id}${self.offer.id}${number}${slot}"
        raise ApiError(404, "OperationNotFound", f"Operation {clip(named)} does not exist.")

    def submissions(self, status: str | None = None) -> list[Operation]:
        """The offer's publish and go-live runs, newest first, optionally only those in `status` (`running`: at
        most one)."""
        if status == "running":
            running = lifecycle.running_submission(self.store, self.offer)
            return [running] if running is not None else []
        return [op for op in lifecycle.submissions(self.store, self.offer) if status is None or op.status == status]


class PublishingService:
    def __init__(self, config: StateSettings) -> None:
        self.config = config
        self.clock = config.clock
        self._lock = threading.Lock()
        self._store = self._seeded()

    def _seeded(self) -> Store:
        store = Store(self.config.seed, self.config.retain_finished)
        now = self.clock.now()
        seed(store, now, self.config.publishers)
        # The documents after the history: replaying it with them in place would publish the drafts again.
        documents = OfferDocuments()
        seed_documents(documents, now)
        store.documents = documents
        return store

    @contextmanager
    def _documents(self, publisher_id: str) -> Iterator[tuple[OfferDocuments, StatusOf, datetime]]:
        """The documents under the lock, with the step ends due by now applied, and the publisher's offers'
        status as `/status` reads it (so a document, the summary list and `/status` never disagree)."""
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            store = self._store
            assert store.documents is not None

            def status_of(offer_id: str) -> str:
                offer = store.offer(publisher_id, offer_id)
                return NEVER_PUBLISHED if offer is None else lifecycle.offer_status(store, offer)

            yield store.documents, status_of, now

    def offers(self, publisher_id: str) -> list[JsonObject]:
        """The publisher's offers as `listOffers` lists them (E1)."""
        with self._documents(publisher_id) as (documents, status_of, _):
            return documents.summary(publisher_id, status_of)

    def offer_document(
        self, publisher_id: str, offer_id: str, *, slot: str | None = None, version: int | None = None
    ) -> DocumentText:
        """The offer's draft, or its document in `slot`, or as published as `version` (E2, E4, E3), as the API
        answers it (its JSON text and ETag)."""
        with self._documents(publisher_id) as (documents, status_of, _):
            return documents.read_text(publisher_id, offer_id, status_of, slot=slot, version=version)

    def put_offer(self, publisher_id: str, offer_id: str, body: object, if_match: str | None) -> Written:
        """Create the offer or replace its draft (E6): a check-and-set under the lock, so of several writers with
        the same ETag exactly one wins and the others get 412, and a refused PUT changes nothing."""
        with self._documents(publisher_id) as (documents, status_of, now):
            written = documents.put(publisher_id, offer_id, body, if_match, now, status_of)
            if written.created:
                self._store.add_offer(Offer(publisher_id, offer_id, written.offer_type_id))
            return written

    def reset(self) -> None:
        """Back to the seeded data set (at the clock's current time), with the id generator re-seeded and an
        empty outbox. The clock is not touched."""
        with self._lock:
            self._store = self._seeded()

    @property
    def outbox(self) -> list[Notification]:
        """A copy of the notifications recorded so far of the operations still kept, oldest first (after applying
        due step ends)."""
        with self._lock:
            lifecycle.advance(self._store, self.clock.now())
            return self._store.notifications()

    def snapshot(self) -> StateSnapshot:
        """The whole state now, taken under the lock (after the step ends due by now): publishers, offers with
        their status, operations with their status and steps, the outbox. Frozen, and a copy: it does not change
        as the mock moves on (`state/snapshot.py`)."""
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            return snapshot.take(self._store, now)

    @contextmanager
    def at_offer(self, publisher_id: str, offer_id: str) -> Iterator[OfferAt]:
        """The offer, under the lock, with the step ends due by now applied; 404 when there is no such offer."""
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._store.offer(publisher_id, offer_id)
            if offer is None:
                raise offer_not_found(publisher_id, offer_id)
            yield OfferAt(self._store, offer, now)

    def publish(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        with self.at_offer(publisher_id, offer_id) as at:
            running = lifecycle.running_operation(at.store, at.offer)
            if running is not None:
                if running.kind == "publish":
                    # Idempotent: the same publish, whatever the body of the repeated call says.
                    return Accepted.of(running)
                raise _in_progress(running.id, running.kind, offer_id)
            if at.offer.validation_error:
                raise ApiError(
                    422, "OfferValidationFailed", f"Offer '{offer_id}' failed validation: {at.offer.validation_error}"
                )
            return Accepted.of(self._start(at, "publish", emails))

    def go_live(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        with self.at_offer(publisher_id, offer_id) as at:
            running = lifecycle.running_operation(at.store, at.offer)
            if running is not None:
                raise _in_progress(running.id, running.kind, offer_id)
            status = lifecycle.offer_status(at.store, at.offer)
            if status != "waitingForPublisherReview":
                raise ApiError(409, "OfferNotWaitingForSignoff", _not_ready_message(offer_id, status))
            return Accepted.of(self._start(at, "goLive", emails))

    def cancel(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        """Cancel the offer's running publish or go-live (see `lifecycle` for the 200/202 rule)."""
        with self.at_offer(publisher_id, offer_id) as at:
            running = lifecycle.running_operation(at.store, at.offer)
            if running is None:
                raise ApiError(404, "NoOperationInProgress", f"No operation is in progress on offer '{offer_id}'.")
            if running.kind == "cancel":
                raise ApiError(
                    404,
                    "NoOperationInProgress",
                    f"No operation is in progress on offer '{offer_id}': operation {running.target} is already "
                    f"being cancelled by operation {running.id}.",
                )
            if lifecycle.cancels_synchronously(running):
                lifecycle.cancel_now(at.store, running, at.now, emails)
                return Accepted.of(running, synchronous=True)
            canceller = lifecycle.request_cancel(at.store, at.offer, running, at.now, emails, self.config.step_seconds)
            return Accepted.of(canceller)

    def _start(self, at: OfferAt, kind: OperationKind, emails: str | None) -> Operation:
        return lifecycle.start_operation(at.store, at.offer, kind, at.now, emails, self.config.step_seconds)


MockService = PublishingService
"""The name `PublishingService` had before; kept for users' code."""


def _in_progress(operation_id: str, kind: str, offer_id: str) -> ApiError:
    return ApiError(409, "OperationInProgress", f"Operation {operation_id} ({kind}) is running on offer '{offer_id}'.")


def _not_ready_message(offer_id: str, status: str) -> str:
    reasons = {
        "neverPublished": "it was never published; publish it and wait for the publisher-signoff step",
        "succeeded": "it is already live; publish a new version first",
        "canceled": "its last publish was canceled; publish it again",
        "failed": "its last publish failed; fix the offer and publish it again",
    }
    reason = reasons.get(status, f"its status is '{status}'")
    return f"Offer '{offer_id}' is not waiting for publisher sign-off ({reason})."
