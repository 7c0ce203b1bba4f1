"""begin_cancel / begin_publish / begin_go_live: one POST with the optional body, ApiError on an error status."""

from __future__ import annotations

import json

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal import ApiError, begin_cancel, begin_go_live, begin_publish
from support.documented import BASE_URL, RELATIVE_LOCATION, TOKEN
from support.fake_api import ScriptedServer, api_error, make_client, polled, started
from support.fake_time import FakeTime


def test_cancel_posts_the_notification_emails(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}), polled("completed"))

    begin_cancel(
        make_client(server),
        "contoso",
        "contoso-virtualmachineoffer",
        notification_emails=["jondoe@contoso.com", "janedoe@contoso.com"],
        sleep=fake_time.sleep,
    ).result()

    post = server.requests[0]
    assert (post.method, post.url.path) == ("POST", "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel")
    assert post.url.params["api-version"] == "2017-10-31"
    assert json.loads(post.content) == {"metadata": {"notification-emails": "jondoe@contoso.com,janedoe@contoso.com"}}


def test_without_emails_no_body_is_sent() -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}))

    begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert server.requests[0].content == b""
    assert server.requests[0].url.path.endswith("/publish")


def test_go_live_posts_to_golive() -> None:
    server = ScriptedServer(started(headers={"Operation-Location": RELATIVE_LOCATION}))

    poller = begin_go_live(make_client(server), "contoso", "contoso-virtualmachineoffer", notification_emails="a@b.co")

    assert server.requests[0].url.path.endswith("/golive")
    assert json.loads(server.requests[0].content) == {"metadata": {"notification-emails": "a@b.co"}}
    assert not poller.done()


def test_documented_error_raises_api_error_with_code_and_message() -> None:
    server = ScriptedServer(
        api_error(404, "NoOperationInProgress", "No operation is in progress on offer 'contoso-virtualmachineoffer'.")
    )

    with pytest.raises(ApiError) as info:
        begin_cancel(make_client(server), "contoso", "contoso-virtualmachineoffer")

    error = info.value
    assert error.status_code == 404
    assert error.code == "NoOperationInProgress"
    assert error.message == "No operation is in progress on offer 'contoso-virtualmachineoffer'."
    assert error.call == "cancelOperation"
    assert str(error).startswith("cancelOperation answered HTTP 404 NoOperationInProgress: No operation")


def test_the_post_is_never_retried() -> None:
    server = ScriptedServer(httpx.Response(503, text="busy"))

    with pytest.raises(ApiError) as info:
        begin_publish(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert info.value.status_code == 503
    assert info.value.error is None
    assert "busy" in str(info.value)
    assert len(server.requests) == 1


def test_post_transport_error_propagates_unretried() -> None:
    server = ScriptedServer(httpx.ConnectError("[Errno 111] Connection refused"))

    with pytest.raises(httpx.ConnectError):
        begin_cancel(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert len(server.requests) == 1


def test_undocumented_status_raises_api_error_even_with_raise_on_unexpected_status() -> None:
    server = ScriptedServer(httpx.Response(500, json={"error": {"code": "Internal", "message": "Oops."}}))
    client = AuthenticatedClient(
        base_url=BASE_URL,
        token=TOKEN,
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.MockTransport(server)},
    )

    with pytest.raises(ApiError) as info:
        begin_go_live(client, "contoso", "contoso-virtualmachineoffer")

    assert (info.value.status_code, info.value.code, info.value.call) == (500, "Internal", "goLiveOffer")
