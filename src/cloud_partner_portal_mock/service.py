"""`MockService`: the API's actions on the in-memory state, one lock around each.

Every public method takes the lock, first applies the step ends due by `clock.now()` (`lifecycle.advance`),
then checks everything it needs before changing anything, so a refused call changes no state. The lock is a
`threading.Lock` rather than an `asyncio.Lock`: nothing inside it awaits, so asyncio tasks cannot interleave
within it, and it also serialises a test thread that reads `outbox` or calls `reset()` while a served mock
runs in another thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from . import lifecycle, views
from .config import MockConfig
from .errors import ApiError, clip, offer_not_found
from .notifications import Notification
from .seed import seed
from .store import Offer, Operation, Store


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


class MockService:
    def __init__(self, config: MockConfig) -> None:
        self.config = config
        self.clock = config.clock
        self._lock = threading.Lock()
        self._store = self._seeded()

    def _seeded(self) -> Store:
        store = Store(self.config.seed, self.config.retain_finished)
        seed(store, self.clock.now(), self.config.publishers)
        return store

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

    def _offer(self, publisher_id: str, offer_id: str) -> Offer:
        offer = self._store.offer(publisher_id, offer_id)
        if offer is None:
            raise offer_not_found(publisher_id, offer_id)
        return offer

    def publish(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._offer(publisher_id, offer_id)
            running = lifecycle.running_operation(self._store, offer)
            if running is not None:
                if running.kind == "publish":
                    # Idempotent: the same publish, whatever the body of the repeated call says.
                    return Accepted.of(running)
                raise _in_progress(running.id, running.kind, offer_id)
            if offer.validation_error:
                raise ApiError(
                    422, "OfferValidationFailed", f"Offer '{offer_id}' failed validation: {offer.validation_error}"
                )
            started = lifecycle.start_operation(self._store, offer, "publish", now, emails, self.config.step_seconds)
            return Accepted.of(started)

    def go_live(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._offer(publisher_id, offer_id)
            running = lifecycle.running_operation(self._store, offer)
            if running is not None:
                raise _in_progress(running.id, running.kind, offer_id)
            status = lifecycle.offer_status(self._store, offer)
            if status != "waitingForPublisherReview":
                raise ApiError(409, "OfferNotWaitingForSignoff", _not_ready_message(offer_id, status))
            started = lifecycle.start_operation(self._store, offer, "goLive", now, emails, self.config.step_seconds)
            return Accepted.of(started)

    def cancel(self, publisher_id: str, offer_id: str, emails: str | None) -> Accepted:
        """Cancel the offer's running publish or go-live (see `lifecycle` for the 200/202 rule)."""
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._offer(publisher_id, offer_id)
            running = lifecycle.running_operation(self._store, offer)
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
                lifecycle.cancel_now(self._store, running, now, emails)
                return Accepted.of(running, synchronous=True)
            canceller = lifecycle.request_cancel(self._store, offer, running, now, emails, self.config.step_seconds)
            return Accepted.of(canceller)

    def offer_status(self, publisher_id: str, offer_id: str) -> dict[str, Any]:
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            return views.offer_status_body(self._store, self._offer(publisher_id, offer_id), now)

    def list_operations(self, publisher_id: str, offer_id: str, status: str | None = None) -> list[dict[str, Any]]:
        """The offer's publish and go-live runs, newest first, optionally only those in `status` (`running`: at
        most one)."""
        with self._lock:
            return [views.submission(op) for op in self._submissions(publisher_id, offer_id, status)]

    def list_operations_json(self, publisher_id: str, offer_id: str, status: str | None = None) -> bytes:
        """`list_operations` as the JSON body of the answer, each submission rendered once per change."""
        with self._lock:
            runs = self._submissions(publisher_id, offer_id, status)
            return b"[" + b",".join(views.submission_json(op) for op in runs) + b"]"

    def _submissions(self, publisher_id: str, offer_id: str, status: str | None) -> list[Operation]:
        lifecycle.advance(self._store, self.clock.now())
        offer = self._offer(publisher_id, offer_id)
        if status == "running":
            running = lifecycle.running_submission(self._store, offer)
            return [running] if running is not None else []
        return [op for op in lifecycle.submissions(self._store, offer) if status is None or op.status == status]

    def get_operation(self, publisher_id: str, offer_id: str, operation_id: str) -> dict[str, Any]:
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._offer(publisher_id, offer_id)
            operation = self._store.operations.get(operation_id)
            if operation is None or (operation.publisher_id, operation.offer_id) != (offer.publisher_id, offer.id):
                raise ApiError(
                    404,
                    "OperationNotFound",
                    f"Operation '{operation_id}' does not exist on offer '{offer_id}' of publisher '{publisher_id}'.",
                )
            return views.operation_detail(operation, now)

    def get_legacy_operation(self, publisher_id: str, offer_id: str, number: int, slot: str) -> dict[str, Any]:
        """The operation the legacy status URL `{publisherId}${offerId}${number}${slot}` names."""
        with self._lock:
            now = self.clock.now()
            lifecycle.advance(self._store, now)
            offer = self._offer(publisher_id, offer_id)
            # The offer's kept operations (bounded by its retention), newest first.
            for operation_id in reversed(offer.operation_ids):
                operation = self._store.operations[operation_id]
                if operation.number == number and operation.slot == slot:
                    return views.operation_detail(operation, now)
            named = f"{publisher_id}${offer_id}${number}${slot}"
            raise ApiError(404, "OperationNotFound", f"Operation {clip(named)} does not exist.")


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
