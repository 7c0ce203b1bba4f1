"""The generated client and the poller against the mock: the user story of a stuck publish, and every error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http import HTTPStatus

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation, get_operation, list_operations
from cloud_partner_portal_client.models import (
    NotificationMetadata,
    NotificationRequest,
    OperationDetail,
    OperationStatus,
    Submission,
)

from cloud_partner_portal import (
    CANCELED,
    ApiError,
    AsyncOperationPoller,
    OperationPoller,
    begin_cancel,
    begin_go_live,
    begin_publish,
    normalize_status,
)
from cloud_partner_portal_mock.testing import InProcessMock, MockServer
from support.seed import (
    CONTOSO_TOKEN,
    DRAFT_OFFER,
    FABRIKAM_TOKEN,
    INVALID_OFFER,
    LIVE_OFFER,
    PUBLISHER,
    STUCK_OFFER,
)

EMAILS = "jondoe@contoso.com,janedoe@contoso.com"

# What the mock answers publish, go live and cancel with may be any documented form (a location header, a body
# naming it, both, or for a synchronous cancel nothing): these tests read it only through the poller.


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer() as served:
        yield served


@pytest.fixture
def client(server: MockServer) -> AuthenticatedClient:
    server.reset()
    return AuthenticatedClient(base_url=server.url, token=CONTOSO_TOKEN, raise_on_unexpected_status=True)


def notify() -> NotificationRequest:
    return NotificationRequest(metadata=NotificationMetadata(notification_emails=EMAILS))


def running_operation(client: AuthenticatedClient, offer_id: str) -> Submission:
    listed = list_operations.sync(PUBLISHER, offer_id, client=client, status=OperationStatus.RUNNING)
    assert isinstance(listed, list)
    (running,) = listed
    return running


def read_status(client: AuthenticatedClient, offer_id: str, operation_id: object) -> OperationStatus | str:
    assert isinstance(operation_id, str)
    detail = get_operation.sync(PUBLISHER, offer_id, operation_id, client=client)
    assert isinstance(detail, OperationDetail)
    return normalize_status(detail.status)


def test_user_story_find_the_running_publish_cancel_it_and_wait_until_it_reads_canceled(
    client: AuthenticatedClient, server: MockServer
) -> None:
    running = running_operation(client, STUCK_OFFER)

    response = cancel_operation.sync_detailed(PUBLISHER, STUCK_OFFER, client=client, body=notify())
    assert response.status_code == HTTPStatus.ACCEPTED

    poller = OperationPoller.from_response(client, response, interval=30, sleep=server.clock.advance)
    final = poller.result(timeout=24 * 3600)
    assert final.status is OperationStatus.COMPLETED  # the cancel operation itself

    assert read_status(client, STUCK_OFFER, running.id) == CANCELED  # the mock's word for a cancelled operation
    assert list_operations.sync(PUBLISHER, STUCK_OFFER, client=client, status=OperationStatus.RUNNING) == []
    assert {n.address for n in server.service.outbox} >= {"jondoe@contoso.com", "janedoe@contoso.com"}


def test_cancel_of_a_publish_in_its_first_step_is_synchronous(client: AuthenticatedClient) -> None:
    started = publish_offer.sync_detailed(PUBLISHER, DRAFT_OFFER, client=client, body=notify())
    assert started.status_code == HTTPStatus.ACCEPTED
    publish = running_operation(client, DRAFT_OFFER)

    poller = begin_cancel(client, PUBLISHER, DRAFT_OFFER)

    assert poller.done()
    assert poller.status() == CANCELED
    assert normalize_status(poller.result().status) == CANCELED
    assert read_status(client, DRAFT_OFFER, publish.id) == CANCELED


def test_begin_cancel_waits_to_the_end_in_one_call(client: AuthenticatedClient, server: MockServer) -> None:
    poller = begin_cancel(client, PUBLISHER, STUCK_OFFER, notification_emails=EMAILS, sleep=server.clock.advance)
    assert poller.result(timeout=24 * 3600).status is OperationStatus.COMPLETED


@pytest.mark.parametrize(
    ("begin", "token", "offer", "status", "code"),
    [
        (begin_cancel, CONTOSO_TOKEN, LIVE_OFFER, 404, "NoOperationInProgress"),
        (begin_cancel, CONTOSO_TOKEN, "no-such-offer", 404, "OfferNotFound"),
        (begin_cancel, FABRIKAM_TOKEN, STUCK_OFFER, 403, None),
        (begin_cancel, "not-a-token", STUCK_OFFER, 401, None),
        (begin_publish, CONTOSO_TOKEN, INVALID_OFFER, 422, "OfferValidationFailed"),
        (begin_go_live, CONTOSO_TOKEN, DRAFT_OFFER, 409, None),  # the mock's own status
    ],
    ids=["nothing-running", "no-offer", "other-publisher", "bad-token", "invalid-offer", "not-signed-off"],
)
def test_every_error_of_the_mock_comes_back_as_an_api_error(
    server: MockServer, begin: Callable[..., OperationPoller], token: str, offer: str, status: int, code: str | None
) -> None:
    server.reset()
    client = AuthenticatedClient(base_url=server.url, token=token, raise_on_unexpected_status=True)

    with pytest.raises(ApiError) as info:
        begin(client, PUBLISHER, offer)

    assert info.value.status_code == status
    if code:
        assert info.value.code == code


def test_a_bad_notification_list_is_a_400_naming_the_address(client: AuthenticatedClient) -> None:
    with pytest.raises(ApiError) as info:
        begin_cancel(client, PUBLISHER, STUCK_OFFER, notification_emails="jondoe@contoso.com,bob@")

    assert info.value.status_code == HTTPStatus.BAD_REQUEST
    assert "bob@" in str(info.value)


@pytest.mark.anyio
async def test_async_user_story_against_the_mock_in_process() -> None:
    mock = InProcessMock()

    async def sleep(seconds: float) -> None:
        mock.clock.advance(seconds)

    client = AuthenticatedClient(
        base_url="http://testserver", token=CONTOSO_TOKEN, httpx_args={"transport": httpx.ASGITransport(mock.app)}
    )
    async with client:
        listed = await list_operations.asyncio(PUBLISHER, STUCK_OFFER, client=client, status=OperationStatus.RUNNING)
        assert isinstance(listed, list)
        assert len(listed) == 1
        response = await cancel_operation.asyncio_detailed(PUBLISHER, STUCK_OFFER, client=client, body=notify())
        assert response.status_code == HTTPStatus.ACCEPTED
        cancel_op = await AsyncOperationPoller.from_response(client, response, interval=60, sleep=sleep)
        original = await get_operation.asyncio(PUBLISHER, STUCK_OFFER, str(listed[0].id), client=client)
    assert cancel_op.status is OperationStatus.COMPLETED
    assert isinstance(original, OperationDetail)
    assert normalize_status(original.status) == CANCELED


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
