"""The answers' JSON bodies, rendered from the state exactly as the description's schemas shape them:
`OperationDetail`, `Submission` (and a list of them), `OfferStatus`. The locations of accepted calls, and their
optional body, are `locations.py`'s. Called under the service's lock: operations change in place."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from ..state.lifecycle import LIVE_STEP, SIGNOFF_STEP, latest_runs, offer_status
from ..state.store import Message, Offer, Operation, StepRun, Store

_TICKS_EPOCH = datetime(1, 1, 1, tzinfo=UTC)
MARKETPLACE = "https://azuremarketplace.microsoft.com/marketplace/apps"


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def ticks(moment: datetime) -> int:
    """.NET ticks (100 ns since 0001-01-01), which the `version` field of the list example looks like."""
    return (moment - _TICKS_EPOCH) // timedelta(microseconds=1) * 10


def _message(message: Message) -> dict[str, Any]:
    return {"messageHtml": message.html, "level": message.level, "timestamp": timestamp(message.timestamp)}


def _progress(step: StepRun, status: str, now: datetime) -> int:
    if status == "complete":
        return 100
    if status != "inProgress" or step.started_at is None or not step.seconds:
        return 0
    elapsed = ((step.frozen_at or now) - step.started_at).total_seconds()
    return max(0, min(99, int(100 * elapsed / step.seconds)))


def _step(step: StepRun, now: datetime, status: str | None = None) -> dict[str, Any]:
    status = status or step.status
    body: dict[str, Any] = {}
    if step.definition.estimate is not None:
        body["estimatedTimeFrame"] = step.definition.estimate
    body.update(
        id=step.definition.id,
        stepName=step.definition.name,
        description=step.definition.description,
        status=status,
        messages=[_message(m) for m in step.messages],
        progressPercentage=_progress(step, status, now),
    )
    return body


def _link(operation: Operation, *, preview: bool) -> dict[str, str]:
    suffix = "-preview" if preview else ""
    return {
        "displayText": "Preview" if preview else "Live",
        "uri": f"{MARKETPLACE}/{operation.publisher_id}.{operation.offer_id}{suffix}",
    }


def cancellation_request_state(operation: Operation) -> str:
    if operation.status != "running" or operation.kind == "cancel":
        return "cannotCancel"
    return "cancelRequested" if operation.cancelled_by else "canCancel"


def operation_detail(operation: Operation, now: datetime) -> dict[str, Any]:
    completed = operation.status == "completed"
    return {
        "status": operation.status,
        "messages": [_message(m) for m in operation.messages],
        "publishingVersion": operation.publishing_version,
        "offerVersion": operation.offer_version,
        "cancellationRequestState": cancellation_request_state(operation),
        "steps": [_step(s, now) for s in operation.steps],
        "previewLinks": [_link(operation, preview=True)] if completed and operation.kind == "publish" else [],
        "liveLinks": [_link(operation, preview=False)] if completed and operation.kind == "goLive" else [],
        "notificationEmails": operation.emails,
    }


def submission(operation: Operation) -> dict[str, Any]:
    metadata = {"emails": operation.emails} if operation.emails else {}
    return {
        "id": operation.id,
        "offerId": operation.offer_id,
        "offerVersion": operation.offer_version,
        "offerTypeId": operation.offer_type_id,
        "publisherId": operation.publisher_id,
        "submissionType": operation.kind,
        "submissionState": operation.status,
        "publishingVersion": operation.publishing_version,
        "slot": operation.slot,
        "version": ticks(operation.created_at),
        "definition": {"metadata": metadata},
        "changedTime": timestamp(operation.changed_at),
        "createdDateTime": timestamp(operation.created_at),
        "lastActionDateTime": timestamp(operation.changed_at),
        "status": operation.status,
        "error": operation.error,
    }


def json_bytes(value: Any) -> bytes:
    """`value` encoded as Starlette's `JSONResponse` encodes its content."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


def submission_json(operation: Operation) -> bytes:
    """`submission(operation)` as JSON, rendered again only when the operation changed since the last time."""
    key = (operation.status, operation.changed_at)
    if operation.rendered_submission is None or operation.rendered_submission[0] != key:
        operation.rendered_submission = (key, json_bytes(submission(operation)))
    return operation.rendered_submission[1]


def submissions_json(operations: Iterable[Operation]) -> bytes:
    """A JSON list of the operations' submissions, each rendered once per change."""
    return b"[" + b",".join(submission_json(op) for op in operations) + b"]"


def offer_status_body(store: Store, offer: Offer, now: datetime) -> dict[str, Any]:
    """The offer's status and the steps of its latest publish run, the `live` step taken from the go-live
    that followed it (if any)."""
    publish, go_live = latest_runs(store, offer)
    if publish is None:
        return {"status": "neverPublished", "messages": [], "steps": [], "previewLinks": [], "liveLinks": []}
    signed_off = go_live is not None and go_live.status in ("running", "completed")
    steps = [
        _step(s, now, "complete" if s.definition.id == SIGNOFF_STEP and signed_off else None) for s in publish.steps
    ]
    steps.append(_step(go_live.steps[0] if go_live else StepRun(LIVE_STEP, None), now))
    status = offer_status(store, offer)
    preview = publish.status == "completed"
    ever_live = offer.ever_live
    messages = [m for op in (publish, go_live) if op is not None for m in op.messages]
    return {
        "status": status,
        "messages": [_message(m) for m in messages],
        "steps": steps,
        "previewLinks": [_link(publish, preview=True)] if preview else [],
        "liveLinks": [_link(publish, preview=False)] if ever_live else [],
        "notificationEmails": publish.emails,
    }
