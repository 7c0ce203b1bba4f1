"""Where the poller polls: Operation-Location, then Location, then the body; resolved, with api-version."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from cloud_partner_portal_client.models import ErrorResponse, OperationReference
from cloud_partner_portal_client.types import Response

from cloud_partner_portal import OperationLocationError, OperationPoller, begin_cancel, begin_publish

from .conftest import (
    ABSOLUTE_2018_LOCATION,
    BASE_URL,
    OPERATION_ID,
    POLLING_URL,
    RELATIVE_LOCATION,
    TOKEN,
    FakeTime,
    ScriptedServer,
    make_client,
    polled,
    started,
)


def test_relative_operation_location_is_resolved_against_the_base_url(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}), polled("completed"))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    poller.result()

    assert poller.location == POLLING_URL
    assert server.urls[1] == POLLING_URL
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

    assert poller.location == POLLING_URL


def test_operation_location_wins_over_location() -> None:
    other = "/api/operations/contoso$contoso-virtualmachineoffer$2$preview?api-version=2017-10-31"
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION, "Location": other}))
    poller = begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert poller.location == POLLING_URL


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
    response: Response[ErrorResponse | OperationReference] = Response(
        status_code=HTTPStatus.ACCEPTED, content=b"", headers={}, parsed=None
    )

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
