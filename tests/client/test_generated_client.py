"""The generated client against an in-process fake transport: the exact request of the seed page, and every answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient, errors
from cloud_partner_portal_client.api.offers import get_offer_status, go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation, get_operation, list_operations
from cloud_partner_portal_client.models import (
    ErrorResponse,
    NotificationMetadata,
    NotificationRequest,
    OfferStatus,
    OperationDetail,
    OperationStatus,
    StepStatus,
    Submission,
    SubmissionType,
)

BASE = "https://cloudpartner.azure.com"
SEED_LOCATION = (
    f"{BASE}/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8"
)
ERROR = {"error": {"code": "Forbidden", "message": "No access to the publisher namespace 'contoso'."}}


def client_answering(
    handler: Callable[[httpx.Request], httpx.Response], *, strict: bool = False
) -> tuple[AuthenticatedClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    client = AuthenticatedClient(
        base_url=BASE,
        token="seed-token",
        raise_on_unexpected_status=strict,
        httpx_args={"transport": httpx.MockTransport(record)},
    )
    return client, seen


def seed_body() -> NotificationRequest:
    return NotificationRequest(metadata=NotificationMetadata(notification_emails="jondoe@contoso.com"))


def test_cancel_sends_exactly_the_request_of_the_seed_page() -> None:
    client, seen = client_answering(lambda _: httpx.Response(202, headers={"Operation-Location": SEED_LOCATION}))
    cancel_operation.sync_detailed("contoso", "contoso-virtualmachineoffer", client=client, body=seed_body())
    (request,) = seen
    assert request.method == "POST"
    assert request.url.path == "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel"
    assert dict(request.url.params) == {"api-version": "2017-10-31"}
    assert request.headers["Authorization"] == "Bearer seed-token"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"metadata": {"notification-emails": "jondoe@contoso.com"}}


def test_cancel_without_body_sends_no_body() -> None:
    client, seen = client_answering(lambda _: httpx.Response(200))
    cancel_operation.sync("contoso", "contoso-virtualmachineoffer", client=client)
    assert seen[0].content == b""


def test_path_segments_are_escaped_so_the_caller_never_builds_a_url() -> None:
    client, seen = client_answering(lambda _: httpx.Response(200))
    cancel_operation.sync("con/toso", "offer?x", client=client)
    assert seen[0].url.raw_path.startswith(b"/api/publishers/con%2Ftoso/offers/offer%3Fx/cancel?")


def test_cancel_202_exposes_operation_location_and_parses_no_body() -> None:
    client, _ = client_answering(lambda _: httpx.Response(202, headers={"Operation-Location": SEED_LOCATION}))
    response = cancel_operation.sync_detailed("contoso", "contoso-virtualmachineoffer", client=client, body=seed_body())
    assert response.status_code == HTTPStatus.ACCEPTED
    assert response.headers["Operation-Location"] == SEED_LOCATION
    assert response.parsed is None


def test_cancel_200_is_a_status_with_nothing_to_parse() -> None:
    client, _ = client_answering(lambda _: httpx.Response(200))
    response = cancel_operation.sync_detailed("contoso", "o", client=client)
    assert (response.status_code, response.content, response.parsed) == (HTTPStatus.OK, b"", None)


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_documented_error_statuses_return_the_typed_error_body(status: int) -> None:
    client, _ = client_answering(lambda _: httpx.Response(status, json=ERROR))
    parsed = cancel_operation.sync("contoso", "contoso-virtualmachineoffer", client=client)
    assert isinstance(parsed, ErrorResponse)
    assert (parsed.error.code, parsed.error.message) == ("Forbidden", ERROR["error"]["message"])


def test_publish_validation_failure_is_a_typed_error() -> None:
    client, _ = client_answering(lambda _: httpx.Response(422, json=ERROR))
    assert isinstance(publish_offer.sync("contoso", "o", client=client, body=seed_body()), ErrorResponse)


@pytest.mark.parametrize("status", [409, 418, 500, 503])
def test_a_status_the_spec_does_not_document_raises_unexpected_status(status: int) -> None:
    client, _ = client_answering(lambda _: httpx.Response(status, text="teapot"), strict=True)
    with pytest.raises(errors.UnexpectedStatus) as caught:
        cancel_operation.sync_detailed("contoso", "contoso-virtualmachineoffer", client=client)
    assert caught.value.status_code == status
    assert caught.value.content == b"teapot"


def test_an_undocumented_status_without_strict_mode_parses_to_none() -> None:
    client, _ = client_answering(lambda _: httpx.Response(500, text="boom"))
    assert cancel_operation.sync_detailed("contoso", "o", client=client).parsed is None


def test_list_operations_sends_the_status_filter_and_the_trailing_slash() -> None:
    listed = [
        {"id": "5a63deb5", "submissionType": "publish", "submissionState": "running", "publisherId": "contoso"},
        {"id": "6b", "submissionType": "reindex", "submissionState": "archived"},
    ]
    client, seen = client_answering(lambda _: httpx.Response(200, json=listed))
    parsed = list_operations.sync("contoso", "o", client=client, status=OperationStatus.RUNNING)
    assert seen[0].url.path == "/api/publishers/contoso/offers/o/submissions/"
    assert dict(seen[0].url.params) == {"api-version": "2017-10-31", "status": "running"}
    assert isinstance(parsed, list)
    first, second = parsed
    assert isinstance(first, Submission)
    assert first.submission_state is OperationStatus.RUNNING
    assert first.submission_type is SubmissionType.PUBLISH
    # Values the service may add later pass through as strings instead of failing.
    assert (second.submission_type, second.submission_state) == ("reindex", "archived")


def test_get_operation_parses_steps_messages_and_unknown_values() -> None:
    detail = {
        "status": "running",
        "messages": [],
        "cancellationRequestState": "canCancel",
        "steps": [
            {
                "id": "displaycertify",
                "stepName": "Certification",
                "status": "blocked",
                "progressPercentage": 0,
                "messages": [
                    {"messageHtml": "No image.", "level": "error", "timestamp": "2017-03-28T19:50:39.5506018Z"}
                ],
            },
            {"id": "x", "stepName": "X", "status": "paused", "progressPercentage": 5, "messages": []},
        ],
        "futureField": 1,
    }
    client, seen = client_answering(lambda _: httpx.Response(200, json=detail))
    parsed = get_operation.sync("contoso", "o", "5a63deb5", client=client)
    assert seen[0].url.path == "/api/publishers/contoso/offers/o/operations/5a63deb5"
    assert isinstance(parsed, OperationDetail)
    assert parsed.status is OperationStatus.RUNNING
    assert parsed.steps[0].status is StepStatus.BLOCKED
    assert parsed.steps[0].messages[0].timestamp == "2017-03-28T19:50:39.5506018Z"  # kept as sent
    assert parsed.steps[1].status == "paused"
    assert parsed.additional_properties == {"futureField": 1}


def test_offer_status_and_go_live_use_their_documented_paths() -> None:
    status = {"status": "waitingForPublisherReview", "messages": [], "steps": [], "previewLinks": [], "liveLinks": []}
    client, seen = client_answering(
        lambda request: (
            httpx.Response(200, json=status)
            if request.method == "GET"
            else httpx.Response(202, headers={"Location": "/g"})
        )
    )
    assert isinstance(get_offer_status.sync("contoso", "o", client=client), OfferStatus)
    assert go_live_offer.sync_detailed("contoso", "o", client=client).headers["Location"] == "/g"
    assert [request.url.path for request in seen] == [
        "/api/publishers/contoso/offers/o/status",
        "/api/publishers/contoso/offers/o/golive",
    ]


@pytest.mark.anyio
async def test_async_cancel_sends_the_same_request_and_parses_the_same_answer() -> None:
    client, seen = client_answering(lambda _: httpx.Response(202, headers={"Operation-Location": SEED_LOCATION}))
    async with client:
        response = await cancel_operation.asyncio_detailed(
            "contoso", "contoso-virtualmachineoffer", client=client, body=seed_body()
        )
        parsed = await cancel_operation.asyncio("contoso", "contoso-virtualmachineoffer", client=client)
    assert response.headers["Operation-Location"] == SEED_LOCATION
    assert parsed is None
    assert seen[0].headers["Authorization"] == "Bearer seed-token"
    assert dict(seen[0].url.params) == {"api-version": "2017-10-31"}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_a_malformed_timestamp_costs_only_its_own_field() -> None:
    # The client keeps timestamps as the service's strings (overlays/client.overlay.yaml): a strict date parse in
    # the generated model would lose the whole list to one bad value.
    listed = [{"id": "op-1", "submissionState": "running", "changedTime": "26/03/2018 21:46"}]
    client, _ = client_answering(lambda _: httpx.Response(200, json=listed))
    parsed = list_operations.sync("contoso", "contoso-virtualmachineoffer", client=client)
    assert isinstance(parsed, list)
    assert parsed[0].id == "op-1"
    assert parsed[0].changed_time == "26/03/2018 21:46"
