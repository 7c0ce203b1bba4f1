"""The generated client and the poller against the mock: the user story of a stuck publish, and every error."""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation, get_operation, list_operations
from cloud_partner_portal_client.models import (
    ErrorResponse,
    NotificationMetadata,
    NotificationRequest,
    OperationDetail,
    OperationReference,
    OperationStatus,
    Submission,
)

from cloud_partner_portal import OperationPoller, begin_cancel
from cloud_partner_portal_mock.testing import InProcessMock, MockServer

PUBLISHER = "contoso"
SEED_OFFER = "contoso-virtualmachineoffer"  # a publish blocked at certification: cancelling it needs an operation
EMAILS = "jondoe@contoso.com,janedoe@contoso.com"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer() as served:
        yield served


@pytest.fixture
def client(server: MockServer) -> AuthenticatedClient:
    server.reset()
    return AuthenticatedClient(base_url=server.url, token="contoso-token", raise_on_unexpected_status=True)


def notify() -> NotificationRequest:
    return NotificationRequest(metadata=NotificationMetadata(notification_emails=EMAILS))


def running_operation(client: AuthenticatedClient, offer_id: str) -> Submission:
    listed = list_operations.sync(PUBLISHER, offer_id, client=client, status=OperationStatus.RUNNING)
    assert isinstance(listed, list)
    (running,) = listed
    return running


def test_user_story_find_the_running_publish_cancel_it_and_wait_until_it_reads_canceled(
    client: AuthenticatedClient, server: MockServer
) -> None:
    running = running_operation(client, SEED_OFFER)

    response = cancel_operation.sync_detailed(PUBLISHER, SEED_OFFER, client=client, body=notify())
    assert response.status_code == HTTPStatus.ACCEPTED
    location = response.headers["Operation-Location"]
    assert isinstance(response.parsed, OperationReference)
    assert location == response.parsed.operation_location

    poller = OperationPoller.from_response(client, response, interval=30, sleep=server.clock.advance)
    final = poller.result(timeout=24 * 3600)
    assert final.status is OperationStatus.COMPLETED  # the cancel operation itself

    original = get_operation.sync(PUBLISHER, SEED_OFFER, running.id, client=client)
    assert isinstance(original, OperationDetail)
    assert original.status is OperationStatus.CANCELED
    assert list_operations.sync(PUBLISHER, SEED_OFFER, client=client, status=OperationStatus.RUNNING) == []
    assert {n.address for n in server.service.outbox} >= {"jondoe@contoso.com", "janedoe@contoso.com"}


def test_cancel_of_a_publish_in_its_first_step_is_synchronous(client: AuthenticatedClient) -> None:
    started = publish_offer.sync_detailed(PUBLISHER, "contoso-draftoffer", client=client, body=notify())
    assert started.status_code == HTTPStatus.ACCEPTED
    response = cancel_operation.sync_detailed(PUBLISHER, "contoso-draftoffer", client=client)
    assert response.status_code == HTTPStatus.OK
    assert isinstance(response.parsed, OperationReference)
    cancelled = get_operation.sync(PUBLISHER, "contoso-draftoffer", response.parsed.operation_id, client=client)
    assert isinstance(cancelled, OperationDetail)
    assert cancelled.status is OperationStatus.CANCELED


def test_begin_cancel_waits_to_the_end_in_one_call(client: AuthenticatedClient, server: MockServer) -> None:
    poller = begin_cancel(client, PUBLISHER, SEED_OFFER, notification_emails=EMAILS, sleep=server.clock.advance)
    assert poller.result(timeout=24 * 3600).status is OperationStatus.COMPLETED


@pytest.mark.parametrize(
    ("call", "token", "publisher", "offer", "status", "code"),
    [
        ("cancel", "contoso-token", PUBLISHER, "contoso-liveoffer", 404, "NoOperationInProgress"),
        ("cancel", "contoso-token", PUBLISHER, "no-such-offer", 404, "OfferNotFound"),
        ("cancel", "fabrikam-token", PUBLISHER, SEED_OFFER, 403, None),
        ("cancel", "not-a-token", PUBLISHER, SEED_OFFER, 401, None),
        ("publish", "contoso-token", PUBLISHER, "contoso-invalidoffer", 422, "OfferValidationFailed"),
        ("golive", "contoso-token", PUBLISHER, "contoso-draftoffer", 409, None),
    ],
)
def test_every_documented_error_comes_back_as_a_typed_error_body(
    server: MockServer, call: str, token: str, publisher: str, offer: str, status: int, code: str | None
) -> None:
    server.reset()
    client = AuthenticatedClient(base_url=server.url, token=token, raise_on_unexpected_status=True)
    function = {"cancel": cancel_operation, "publish": publish_offer, "golive": go_live_offer}[call]
    response = function.sync_detailed(publisher, offer, client=client)
    assert response.status_code == status
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.message
    if code:
        assert response.parsed.error.code == code


def test_a_bad_notification_list_is_a_400_naming_the_address(client: AuthenticatedClient) -> None:
    body = NotificationRequest(metadata=NotificationMetadata(notification_emails="jondoe@contoso.com,bob@"))
    response = cancel_operation.sync_detailed(PUBLISHER, SEED_OFFER, client=client, body=body)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert isinstance(response.parsed, ErrorResponse)
    assert "bob@" in response.parsed.error.message


@pytest.mark.anyio
async def test_async_user_story_against_the_mock_in_process() -> None:
    mock = InProcessMock()
    client = AuthenticatedClient(
        base_url="http://testserver", token="contoso-token", httpx_args={"transport": httpx.ASGITransport(mock.app)}
    )
    async with client:
        listed = await list_operations.asyncio(PUBLISHER, SEED_OFFER, client=client, status=OperationStatus.RUNNING)
        assert isinstance(listed, list)
        assert len(listed) == 1
        response = await cancel_operation.asyncio_detailed(PUBLISHER, SEED_OFFER, client=client, body=notify())
        assert response.status_code == HTTPStatus.ACCEPTED
        assert isinstance(response.parsed, OperationReference)
        mock.clock.advance(24 * 3600)
        cancel_op = await get_operation.asyncio(PUBLISHER, SEED_OFFER, response.parsed.operation_id, client=client)
        original = await get_operation.asyncio(PUBLISHER, SEED_OFFER, listed[0].id, client=client)
    assert isinstance(cancel_op, OperationDetail)
    assert isinstance(original, OperationDetail)
    assert (cancel_op.status, original.status) == (OperationStatus.COMPLETED, OperationStatus.CANCELED)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
