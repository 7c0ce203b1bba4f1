"""How operations move: the publishing steps, their progression on the clock, and cancellation.

Publish walks `displaydummycertify` → `displaycertify` → `displayprovision` → `displaypackage` →
`publisher-signoff`. On reaching sign-off the step reads `waitingForPublisherReview`, the publish operation
reads `completed` and the offer `waitingForPublisherReview`. Go live walks `live`; when it ends the offer
reads `succeeded`. Each step runs for its configured seconds. An offer's `Problem` can block a step (it
waits until cancelled) or fail it when it ends (the operation reads `failed`, the offer `failed`).

Cancel acts on the offer's running publish or go-live:

- a publish still in its first step (`displaydummycertify`: only validation has happened) is cancelled at
  once (synchronous, **200**);
- anything later, and any go-live, gets a cancel operation of its own (**202**): the operation being stopped
  freezes and reads `cancellationRequestState: cancelRequested`; the cancel operation walks the `cancel` step,
  then reads `completed`, and the stopped operation reads `canceled` from that moment.

At most one operation runs per offer: while a cancel operation runs, the operation it stops is still the one
running submission. The cancel operation is read at the location its 202 gave; `listOperations` lists publish
and go-live runs only (`submissions`), so `status=running` never lists two.

A cancelled publish leaves the offer `canceled`; a cancelled go-live leaves it `waitingForPublisherReview`
(the preview still stands and go live may be called again).

State moves lazily: `advance(store, now)` applies every step end due by `now`, in time order, stamping each
change with the time it was due rather than the time of the request that noticed it. So the state at a given
time does not depend on how often anyone polled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from .outbox import Notification, addresses
from .store import (
    TERMINAL,
    Message,
    Offer,
    Operation,
    OperationKind,
    StepDefinition,
    StepRun,
    Store,
)

PUBLISH_STEPS = (
    StepDefinition(
        "displaydummycertify", "Validate Pre-Requisites", "Offer settings provided are validated.", "< 15 min"
    ),
    StepDefinition("displaycertify", "Certification", "The offer is certified.", "~2-3 days"),
    StepDefinition("displayprovision", "Provisioning", "The offer is provisioned.", "< 1 day"),
    StepDefinition(
        "displaypackage",
        "Packaging and Lead Generation Registration",
        "The offer is packaged and its lead destination registered.",
        "< 1 hour",
    ),
    StepDefinition(
        "publisher-signoff", "Publisher signoff", "The publisher checks the preview and calls go live.", "< 1 hour"
    ),
)
SIGNOFF_STEP = "publisher-signoff"
LIVE_STEP = StepDefinition("live", "Live", "The offer is pushed to production.", "~2-5 days")
CANCEL_STEP = StepDefinition("cancel", "Cancel operation", "The operation in progress is stopped.", "< 15 min")
SLOTS: Mapping[OperationKind, str] = {"publish": "staging", "goLive": "production", "cancel": "staging"}


def _notify(
    store: Store, operation: Operation, event: str, step: str | None, at: datetime, extra: Iterable[str] = ()
) -> None:
    for address in dict.fromkeys([*addresses(operation.emails), *extra]):
        store.outbox.append(
            Notification(address, operation.id, event, step, at, operation.publisher_id, operation.offer_id)
        )


def _settle(store: Store, operation: Operation, status: str) -> None:
    """The operation ends in `status`, leaves the store's index of running operations and joins the finished ones
    (the oldest of which the store may then drop)."""
    operation.status = status
    store.running.pop(operation.id, None)
    if status == "completed" and operation.kind == "goLive":
        offer = store.offer(operation.publisher_id, operation.offer_id)
        assert offer is not None
        offer.ever_live = True
    store.finished(operation)


def _enter_step(store: Store, offer: Offer, operation: Operation, index: int, at: datetime) -> None:
    operation.current = index
    operation.changed_at = at
    step = operation.steps[index]
    step.started_at = at
    event = "started" if index == 0 else "stepChanged"
    problem = offer.problem if operation.kind == "publish" else None
    if step.definition.id == SIGNOFF_STEP:
        step.status = "waitingForPublisherReview"
        _notify(store, operation, event, step.definition.id, at)
        _settle(store, operation, "completed")
        _notify(store, operation, "completed", step.definition.id, at)
    elif problem is not None and problem.step == step.definition.id and problem.outcome == "block":
        step.status = "blocked"
        step.messages.append(Message(problem.message, "error", at))
        _notify(store, operation, event, step.definition.id, at)
        _notify(store, operation, "blocked", step.definition.id, at)
    else:
        step.status = "inProgress"
        assert step.seconds is not None
        step.due_at = at + timedelta(seconds=step.seconds)
        _notify(store, operation, event, step.definition.id, at)


def _end_step(store: Store, operation: Operation) -> None:
    step = operation.current_step
    at = step.due_at
    assert at is not None
    step.due_at = None
    operation.changed_at = at
    offer = store.offer(operation.publisher_id, operation.offer_id)
    assert offer is not None
    problem = offer.problem if operation.kind == "publish" else None
    if problem is not None and problem.step == step.definition.id and problem.outcome == "fail":
        step.status = "rejected"
        step.messages.append(Message(problem.message, "error", at))
        _settle(store, operation, "failed")
        operation.error = problem.message
        operation.messages.append(Message(f"Step '{step.definition.name}' failed: {problem.message}", "error", at))
        _notify(store, operation, "failed", step.definition.id, at)
        return
    step.status = "complete"
    step.messages.append(Message("Step completed.", "information", at))
    if operation.current + 1 < len(operation.steps):
        _enter_step(store, offer, operation, operation.current + 1, at)
        return
    _settle(store, operation, "completed")
    _notify(store, operation, "completed", step.definition.id, at)
    if operation.kind == "cancel" and operation.target is not None:
        _finish_cancel(store, store.operations[operation.target], at, by=operation.id)


def _finish_cancel(
    store: Store, operation: Operation, at: datetime, *, by: str | None, extra: Iterable[str] = ()
) -> None:
    step = operation.current_step
    step.status = "canceled"
    step.due_at = None
    step.messages.append(Message("Step canceled.", "information", at))
    _settle(store, operation, "canceled")
    operation.changed_at = at
    how = f" by operation {by}" if by else ""
    operation.messages.append(Message(f"Operation canceled{how}.", "information", at))
    _notify(store, operation, "canceled", step.definition.id, at, extra)


def advance(store: Store, now: datetime) -> None:
    """Apply every step end due by `now`, oldest first."""
    while True:
        # Only running operations can have a step end due: the index keeps this independent of history's length.
        due = [
            op for op in store.running.values() if op.current_step.due_at is not None and op.current_step.due_at <= now
        ]
        if not due:
            return
        _end_step(store, min(due, key=lambda op: (op.current_step.due_at, op.sequence)))


def start_operation(
    store: Store,
    offer: Offer,
    kind: OperationKind,
    at: datetime,
    emails: str | None,
    step_seconds: Mapping[str, float],
    *,
    operation_id: str | None = None,
    target: Operation | None = None,
) -> Operation:
    """Create and start an operation on `offer` (the caller has checked that it may start)."""
    if kind == "publish":
        offer.publishing_version += 1
        definitions: tuple[StepDefinition, ...] = PUBLISH_STEPS
    elif kind == "goLive":
        definitions = (LIVE_STEP,)
    else:
        definitions = (CANCEL_STEP,)
    publishing_version = target.publishing_version if target else offer.publishing_version
    operation = Operation(
        id=operation_id or store.new_operation_id(),
        kind=kind,
        publisher_id=offer.publisher_id,
        offer_id=offer.id,
        offer_type_id=offer.offer_type_id,
        offer_version=offer.version,
        publishing_version=publishing_version,
        slot=target.slot if target else SLOTS[kind],
        created_at=at,
        changed_at=at,
        sequence=store.next_sequence(),
        steps=[StepRun(d, None if d.id == SIGNOFF_STEP else step_seconds[d.id]) for d in definitions],
        emails=emails,
        target=target.id if target else None,
    )
    offer.operations_started += 1
    operation.number = offer.operations_started
    store.operations[operation.id] = operation
    store.running[operation.id] = operation
    offer.operation_ids.append(operation.id)
    if kind == "publish":
        offer.latest_publish = operation.id
    elif kind == "goLive":
        offer.latest_go_live = operation.id
    _enter_step(store, offer, operation, 0, at)
    return operation


def _running_on(store: Store, offer: Offer) -> list[Operation]:
    # The index of running operations: never more than two per offer, whatever the history.
    return [op for op in store.running.values() if op.offer_id == offer.id and op.publisher_id == offer.publisher_id]


def running_operation(store: Store, offer: Offer) -> Operation | None:
    """The offer's running operation: a cancel operation if one runs, else the running publish or go-live."""
    running = _running_on(store, offer)
    cancels = [op for op in running if op.kind == "cancel"]
    candidates = cancels or running
    return candidates[-1] if candidates else None


def running_submission(store: Store, offer: Offer) -> Operation | None:
    """The offer's running publish or go-live (at most one runs; while a cancel operation stops it, it is still
    the one running, reading `cancellationRequestState: cancelRequested`)."""
    runs = [op for op in _running_on(store, offer) if op.kind != "cancel"]
    return runs[-1] if runs else None


def submissions(store: Store, offer: Offer) -> list[Operation]:
    """The offer's publish and go-live runs kept, newest first: what `listOperations` lists. Cancel operations
    are not submissions; each is read at the location its cancel call answered."""
    return [op for op in map(store.operations.__getitem__, reversed(offer.operation_ids)) if op.kind != "cancel"]


def cancels_synchronously(operation: Operation) -> bool:
    """A publish still in its first step (only validation has happened) is cancelled on the spot."""
    return operation.kind == "publish" and operation.current == 0


def cancel_now(store: Store, operation: Operation, at: datetime, emails: str | None) -> None:
    """Synchronous cancel: the operation reads `canceled` at once; the cancel request's addresses are told too."""
    _finish_cancel(store, operation, at, by=None, extra=addresses(emails))


def request_cancel(
    store: Store,
    offer: Offer,
    operation: Operation,
    at: datetime,
    emails: str | None,
    step_seconds: Mapping[str, float],
) -> Operation:
    """Asynchronous cancel: freeze `operation` and start the cancel operation that will stop it."""
    operation.current_step.due_at = None
    operation.current_step.frozen_at = at
    operation.changed_at = at
    canceller = start_operation(store, offer, "cancel", at, emails, step_seconds, target=operation)
    operation.cancelled_by = canceller.id
    return canceller


def latest_runs(store: Store, offer: Offer) -> tuple[Operation | None, Operation | None]:
    """The offer's latest publish, and the go-live that followed it (None when none did)."""
    publish = store.operations[offer.latest_publish] if offer.latest_publish else None
    go_live = store.operations[offer.latest_go_live] if offer.latest_go_live else None
    if go_live is not None and (publish is None or go_live.sequence < publish.sequence):
        go_live = None
    return publish, go_live


def offer_status(store: Store, offer: Offer) -> str:
    """The offer's status, derived from its latest publish or go-live."""
    publish, go_live = latest_runs(store, offer)
    latest = go_live or publish
    if latest is None:
        return "neverPublished"
    if latest.status not in TERMINAL:
        return "running"
    if latest.kind == "publish":
        return {"completed": "waitingForPublisherReview", "canceled": "canceled", "failed": "failed"}[latest.status]
    return {"completed": "succeeded", "canceled": "waitingForPublisherReview", "failed": "failed"}[latest.status]
