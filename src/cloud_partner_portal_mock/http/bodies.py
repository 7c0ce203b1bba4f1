"""The answers' JSON bodies, rendered from the state exactly as the description's schemas shape them:
`OperationDetail`, `Submission` (and a list of them), `OfferStatus`, an `Offer` with its `ETag` header, the offer
types. The locations of accepted calls, and their
optional body, are `locations.py`'s. Called under the service's lock: operations change in place."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from ..state import json_text
from ..state.lifecycle import LIVE_STEP, SIGNOFF_STEP, latest_runs, offer_status
from ..state.offer_documents import DocumentText, JsonObject, changed_time, ticks
from ..state.offer_seed import OFFER_TYPE_VERSIONS
from ..state.store import Message, Offer, Operation, StepRun, Store
from ..validation.json_body import JSON_MEDIA_TYPE

MARKETPLACE = "https://azuremarketplace.microsoft.com/marketplace/apps"


def timestamp(moment: datetime) -> str:
    """`moment` as the pages write times: UTC with 7 fractional digits (`2018-03-26T21:46:01.1799480Z`)."""
    return changed_time(ticks(moment.astimezone(UTC)))


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


def _detail_key(operation: Operation, now: datetime) -> Hashable:
    """All that `operation_detail` shows that can change: equal keys, equal bodies. Not `changed_at` alone: under a
    frozen clock a change can keep it, and a step's progress moves with `now` between changes."""
    steps = tuple((step.status, len(step.messages), _progress(step, step.status, now)) for step in operation.steps)
    return (operation.status, operation.changed_at, operation.cancelled_by, len(operation.messages), steps)


def operation_detail_json(operation: Operation, now: datetime) -> bytes:
    """`operation_detail` as JSON, rendered again only when what it shows changed (a blocked or finished operation,
    polled over and over, is rendered once)."""
    key = _detail_key(operation, now)
    if operation.rendered_detail is None or operation.rendered_detail[0] != key:
        operation.rendered_detail = (key, json_bytes(operation_detail(operation, now)))
    return operation.rendered_detail[1]


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


json_bytes = json_text.encode
"""`value` encoded as Starlette's `JSONResponse` encodes its content (`state.json_text`)."""


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


def json_answer(text: bytes, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    """An answer whose body is JSON text already encoded (by `state.json_text`, possibly kept from an earlier
    answer): the bytes `JSONResponse` would send, without encoding them again."""
    return Response(text, status_code=status_code, media_type=JSON_MEDIA_TYPE, headers=headers)


def offer_response(document: DocumentText, status_code: int = 200, *, etag: bool = True) -> Response:
    """An offer document, with its ETag in the `ETag` header as well unless `etag` is false (the concurrency page:
    a read of the offer, and so its draft, carries it; no page shows the header on a slot or a version)."""
    return json_answer(document.text, status_code, {"ETag": document.etag} if etag else None)


def json_response(value: Any) -> Response:
    """JSON data as the answer, encoded by `state.json_text` (which, unlike `JSONResponse`, writes an offer's lone
    surrogates as escapes rather than failing)."""
    return json_answer(json_text.encode(value))


def offer_types() -> list[JsonObject]:
    """`listOfferTypes`'s answer, which no page shows: the mock's choice is the types it seeds, each with the
    schema versions its offers are created with."""
    return [
        {"offerTypeId": offer_type, "offerTypeVersions": dict(versions)}
        for offer_type, versions in OFFER_TYPE_VERSIONS.items()
    ]
