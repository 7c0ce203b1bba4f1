"""Where the poller polls: Operation-Location, then Location, then the body; resolved, with api-version."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.types import Response

from cloud_partner_portal import (
    OperationLocationError,
    OperationPoller,
    OperationPollingError,
    begin_cancel,
    begin_publish,
)
from cloud_partner_portal.lro import MAX_REDIRECTS
from support.documented import ABSOLUTE_2018_LOCATION, BASE_URL, OPERATION_ID, OPERATION_URL, RELATIVE_LOCATION, TOKEN
from support.fake_api import ScriptedServer, make_client, polled, started
from support.fake_time import FakeTime


def test_relative_operation_location_is_resolved_against_the_base_url(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    poller.result()

    assert poller.location == OPERATION_URL
    assert server.urls[1] == OPERATION_URL
    assert server.requests[1].method == "GET"


def test_polls_carry_the_clients_bearer_token(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}), polled("completed"))
    begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep).result()

    assert server.requests[1].headers["Authorization"] == f"Bearer {TOKEN}"


def test_absolute_2018_location_gets_the_api_version(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": ABSOLUTE_2018_LOCATION}), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    poller.result()

    assert server.urls[1] == f"{ABSOLUTE_2018_LOCATION}?api-version=2017-10-31"


def test_api_version_already_on_the_location_is_not_repeated() -> None:
    poller = OperationPoller.from_location(make_client(ScriptedServer()), RELATIVE_LOCATION)

    assert poller.location.count("api-version") == 1


def test_location_header_is_read_when_operation_location_is_absent(fake_time: FakeTime) -> None:
    other = "/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/from-the-body"
    server = ScriptedServer(started(headers={"Location": RELATIVE_LOCATION}, body_location=other), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    assert poller.location == OPERATION_URL


def test_operation_location_wins_over_location() -> None:
    other = "/api/operations/contoso$contoso-virtualmachineoffer$2$preview?api-version=2017-10-31"
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION, "Location": other}))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert poller.location == OPERATION_URL


def test_body_operation_location_is_the_last_resort(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(body_location=ABSOLUTE_2018_LOCATION), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    poller.result()

    assert poller.location == f"{ABSOLUTE_2018_LOCATION}?api-version=2017-10-31"
    assert poller.operation_id == OPERATION_ID


def test_legacy_location_form_is_polled_as_given() -> None:
    legacy = "/api/operations/contoso$contoso-virtualmachineoffer$2$preview?api-version=2017-10-31"
    server = ScriptedServer(started(headers={"Location": legacy}), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer")

    poller.result()

    assert server.urls[1] == f"{BASE_URL}{legacy}"


def test_accepted_without_any_location_names_the_problem() -> None:
    server = ScriptedServer(started(202, body_location=""))

    with pytest.raises(OperationLocationError, match="cancelOperation answered 202 with no Operation-Location") as info:
        begin_cancel(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert info.value.status_code == 202
    assert len(server.requests) == 1


def test_from_response_without_body_or_headers_raises() -> None:
    response: Response[Any] = Response(status_code=HTTPStatus.ACCEPTED, content=b"", headers={}, parsed=None)

    with pytest.raises(OperationLocationError, match="no operation to poll"):
        OperationPoller.from_response(make_client(ScriptedServer()), response)


def test_location_on_another_host_is_refused_so_the_token_stays_home() -> None:
    with pytest.raises(OperationLocationError, match="does not send the bearer token to another host"):
        OperationPoller.from_location(
            make_client(ScriptedServer(), base_url="http://127.0.0.1:8080"), ABSOLUTE_2018_LOCATION
        )


def test_relative_location_follows_a_mock_base_url() -> None:
    poller = OperationPoller.from_location(
        make_client(ScriptedServer(), base_url="http://127.0.0.1:8080"), RELATIVE_LOCATION
    )

    assert poller.location == f"http://127.0.0.1:8080{RELATIVE_LOCATION}"


def test_same_host_with_explicit_default_port_is_accepted() -> None:
    location = f"https://cloudpartner.azure.com:443{RELATIVE_LOCATION}"
    poller = OperationPoller.from_location(make_client(ScriptedServer()), location)

    assert poller.location.endswith(RELATIVE_LOCATION)


def redirect(location: str, status: int = 302) -> httpx.Response:
    return httpx.Response(status, headers={"Location": location})


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_on_the_same_origin_is_followed_with_the_token(status: int) -> None:
    moved = "/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/moved?api-version=2017-10-31"
    server = ScriptedServer(redirect(moved, status), polled("completed"))

    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION)

    assert poller.result().status == "completed"
    assert server.urls == [OPERATION_URL, f"{BASE_URL}{moved}"]
    assert server.requests[1].headers["Authorization"] == f"Bearer {TOKEN}"
    assert poller.location == OPERATION_URL  # the next poll starts from the operation's own URL again


@pytest.mark.parametrize("follow_redirects", [False, True], ids=["client-default", "client-follows-redirects"])
def test_a_redirect_to_another_host_is_not_followed_so_the_token_stays_home(follow_redirects: bool) -> None:
    server = ScriptedServer(redirect("https://elsewhere.example/collect"))
    client = AuthenticatedClient(
        base_url=BASE_URL,
        token=TOKEN,
        follow_redirects=follow_redirects,
        httpx_args={"transport": httpx.MockTransport(server)},
    )

    with pytest.raises(OperationPollingError, match=r"redirected, and not followed: .* another host") as info:
        OperationPoller.from_location(client, RELATIVE_LOCATION).result()

    assert info.value.status_code == 302
    assert server.urls == [OPERATION_URL]


def test_redirects_in_a_row_are_bounded() -> None:
    server = ScriptedServer(*[redirect(RELATIVE_LOCATION)] * (MAX_REDIRECTS + 1))

    with pytest.raises(OperationPollingError, match=f"more than {MAX_REDIRECTS} redirects in a row"):
        OperationPoller.from_location(make_client(server), RELATIVE_LOCATION).result()

    assert len(server.requests) == MAX_REDIRECTS + 1
