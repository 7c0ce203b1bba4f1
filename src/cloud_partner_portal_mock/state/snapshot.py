"""`StateSnapshot`: the whole state at one moment, as frozen data that stays as it was.

`PublishingService.snapshot()` takes one under the service's lock (after the step ends due by then), so it is
consistent: every operation an offer names is in it, and the outbox holds exactly their notifications. Nothing in
it refers to the live state: holding one while the mock moves on, or trying to change it, leaves both as they
were. For tests, users' and ours, that want to look at the state without going through HTTP.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from .lifecycle import offer_status
from .offer_documents import NEVER_PUBLISHED, JsonObject
from .outbox import Notification
from .store import Offer, Operation, OperationKind, Store


@dataclass(frozen=True, slots=True)
class StepView:
    id: str
    status: str
    messages: tuple[str, ...]
    """The HTML of its messages, oldest first."""


@dataclass(frozen=True, slots=True)
class OperationView:
    id: str
    kind: OperationKind
    publisher_id: str
    offer_id: str
    status: str
    steps: tuple[StepView, ...]
    current_step: str
    """The id of the step in progress (or the one the operation ended in)."""
    number: int
    slot: str
    emails: str | None
    messages: tuple[str, ...]
    cancelled_by: str | None
    target: str | None
    """For a cancel operation: the id of the operation it stops."""
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class OfferView:
    publisher_id: str
    id: str
    status: str
    """As `getOfferStatus` reads it: `neverPublished`, `running`, `waitingForPublisherReview`, `succeeded`, ..."""
    publishing_version: int
    operation_ids: tuple[str, ...]
    """The operations kept, oldest first (cancel operations included)."""
    live: bool
    """Whether a go-live of the offer ever completed (its status shows a live link)."""


@dataclass(frozen=True, slots=True)
class OfferDocumentView:
    """An offer's documents as `getOfferSlot` would answer them (copies: changing one changes nothing else)."""

    draft: JsonObject
    preview: JsonObject | None
    """None: never previewed (the slot answers 404)."""
    production: JsonObject | None
    """None: never live (the slot answers 404)."""
    versions: tuple[int, ...]
    """The published versions kept (`getOfferVersion`), oldest first."""


@dataclass(frozen=True, slots=True)
class StateSnapshot:
    at: datetime
    """The clock's time when it was taken."""
    publishers: tuple[str, ...]
    offers: Mapping[tuple[str, str], OfferView]
    """(publisher id, offer id) → the offer."""
    operations: Mapping[str, OperationView]
    """Operation id → the operation, for every operation kept."""
    running: tuple[str, ...]
    """The ids of the running operations as the store's index of them holds them, in the order they started: the
    operations that read `running`, no more, no fewer (the soak test holds the index to that)."""
    outbox: tuple[Notification, ...]
    """The notifications of the operations kept, oldest first."""
    documents: Mapping[tuple[str, str], OfferDocumentView]
    """(publisher id, offer id) → the offer's documents, for every offer that has them."""

    def offer(self, publisher_id: str, offer_id: str) -> OfferView:
        return self.offers[(publisher_id, offer_id)]

    def submissions(self, publisher_id: str, offer_id: str) -> tuple[OperationView, ...]:
        """The offer's publish and go-live runs, newest first: what `listOperations` lists."""
        ids = reversed(self.offer(publisher_id, offer_id).operation_ids)
        return tuple(op for op in map(self.operations.__getitem__, ids) if op.kind != "cancel")


def _operation(operation: Operation) -> OperationView:
    return OperationView(
        id=operation.id,
        kind=operation.kind,
        publisher_id=operation.publisher_id,
        offer_id=operation.offer_id,
        status=operation.status,
        steps=tuple(
            StepView(step.definition.id, step.status, tuple(m.html for m in step.messages)) for step in operation.steps
        ),
        current_step=operation.current_step.definition.id,
        number=operation.number,
        slot=operation.slot,
        emails=operation.emails,
        messages=tuple(m.html for m in operation.messages),
        cancelled_by=operation.cancelled_by,
        target=operation.target,
        changed_at=operation.changed_at,
    )


def _offer(store: Store, offer: Offer) -> OfferView:
    return OfferView(
        publisher_id=offer.publisher_id,
        id=offer.id,
        status=offer_status(store, offer),
        publishing_version=offer.publishing_version,
        operation_ids=tuple(offer.operation_ids),
        live=offer.ever_live,
    )


def _same(status: str, offer_id: str) -> str:
    return status


def _documents(store: Store) -> dict[tuple[str, str], OfferDocumentView]:
    documents = store.documents
    if documents is None:
        return {}
    views: dict[tuple[str, str], OfferDocumentView] = {}
    for publisher_id in store.publishers:
        for offer_id in documents.offer_ids(publisher_id):
            offer = store.offer(publisher_id, offer_id)
            status = offer_status(store, offer) if offer is not None else NEVER_PUBLISHED
            slots = documents.slots(publisher_id, offer_id, functools.partial(_same, status))
            draft = slots["Draft"]
            assert draft is not None
            views[(publisher_id, offer_id)] = OfferDocumentView(
                draft, slots["Preview"], slots["Production"], documents.kept_versions(publisher_id, offer_id)
            )
    return views


def take(store: Store, at: datetime) -> StateSnapshot:
    """The snapshot of `store` (the caller holds the lock and has applied the step ends due by `at`)."""
    return StateSnapshot(
        at=at,
        publishers=tuple(store.publishers),
        offers=MappingProxyType(
            {(p.id, o.id): _offer(store, o) for p in store.publishers.values() for o in p.offers.values()}
        ),
        operations=MappingProxyType({op_id: _operation(op) for op_id, op in store.operations.items()}),
        running=tuple(store.running),
        outbox=tuple(store.notifications()),
        documents=MappingProxyType(_documents(store)),
    )
