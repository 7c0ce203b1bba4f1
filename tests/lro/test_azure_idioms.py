"""The Azure SDK's idioms: `done()` and `status()` move the poller on their own (one GET when a poll is due),
`add_done_callback`, `polling_interval=` and `continuation_token=` on every `begin_*`, and the POST of `begin_*`
bounded as a poll is when the caller's client has no timeout."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

import cloud_partner_portal
from cloud_partner_portal import AsyncOperationPoller, OperationPoller, begin_publish, begin_publish_async
from cloud_partner_portal.lro import DEFAULT_REQUEST_TIMEOUT, limits
from cloud_partner_portal_mock.testing import MockServer
from support.documented import BASE_URL, OFFER, PUBLISHER, RELATIVE_LOCATION, TOKEN
from support.fake_api import ScriptedServer, make_client, polled, poller_for, started_at
from support.fake_time import FakeTime
from support.hostile import HostileServer, outcome_within, silent
from support.seed import CONTOSO_TOKEN, DRAFT_OFFER

CALLS = ("cancel", "publish", "go_live")
BEGINS = [getattr(cloud_partner_portal, f"begin_{call}") for call in CALLS]
ASYNC_BEGINS = [getattr(cloud_partner_portal, f"begin_{call}_async") for call in CALLS]


def test_done_polls_only_once_a_poll_is_due(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), polled("completed"))
    poller = poller_for(server, fake_time, interval=5)

    assert not poller.done()  # made just now: the first poll is due in 5 s
    assert server.requests == []
    fake_time.sleep(5)
    assert poller.status() == "running"  # due: one GET
    assert not poller.done()  # the answer asked for 5 s more: no GET
    assert len(server.requests) == 1
    fake_time.sleep(5)
    assert poller.done()
    assert poller.status() == "completed"
    assert len(server.requests) == 2  # over: done() and status() GET nothing more


def test_the_azure_loop_on_done_ends_against_the_served_mock() -> None:
    with MockServer() as server:
        fake_time = FakeTime(also=server.clock.advance)
        client = AuthenticatedClient(base_url=server.url, token=CONTOSO_TOKEN, timeout=httpx.Timeout(30))
        poller = begin_publish(client, PUBLISHER, DRAFT_OFFER, sleep=fake_time.sleep, clock=fake_time.clock)
        loops = 0
        while not poller.done():  # the idiom of azure-core's LROPoller
            fake_time.sleep(30)
            loops += 1
            assert loops < 10_000, f"still {poller.status()} after {fake_time.now} s of mock time"

    assert str(poller.status()) == "completed"
    assert poller.result().status == "completed"


def test_the_async_pollers_done_starts_the_due_get_as_a_task(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), polled("completed"))
    poller = AsyncOperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, interval=1, sleep=fake_time.async_sleep, clock=fake_time.clock
    )

    async def loop() -> int:
        turns = 0
        while not poller.done():
            fake_time.sleep(1)
            await asyncio.sleep(0)
            turns += 1
            assert turns < 100
        return turns

    assert asyncio.run(loop()) >= 2
    assert str(poller.status()) == "completed"
    assert len(server.requests) == 2


def test_a_done_callback_is_called_once_with_the_poller_when_it_ends(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), polled("completed"))
    poller = poller_for(server, fake_time)
    seen: list[Any] = []
    poller.add_done_callback(seen.append)
    assert seen == []

    poller.result()
    poller.result()
    poller.done()

    assert seen == [poller]


def test_a_done_callback_added_after_the_end_is_called_at_once(fake_time: FakeTime) -> None:
    poller = poller_for(ScriptedServer(polled("completed")), fake_time)
    poller.result()
    seen: list[str] = []

    poller.add_done_callback(lambda done: seen.append(str(done.status())))

    assert seen == ["completed"]


def test_a_callback_that_raises_breaks_neither_the_poller_nor_the_other_callbacks(
    fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    poller = poller_for(ScriptedServer(polled("running"), polled("completed")), fake_time, interval=1)
    seen: list[str] = []

    def broken(_poller: OperationPoller) -> None:
        raise RuntimeError("a bug in the caller's callback")

    poller.add_done_callback(broken)
    poller.add_done_callback(lambda done: seen.append("second"))
    with caplog.at_level(logging.ERROR):
        while not poller.done():  # the callbacks run from done() too
            fake_time.sleep(1)

    assert seen == ["second"]
    assert poller.result().status == "completed"
    assert "a bug in the caller's callback" in caplog.text


@pytest.mark.parametrize("begin", BEGINS)
def test_polling_interval_is_the_interval_under_the_azure_name(begin: Any, fake_time: FakeTime) -> None:
    server = ScriptedServer(started_at(), polled("running"), polled("completed"))

    begin(make_client(server), PUBLISHER, OFFER, polling_interval=7, backoff=1, sleep=fake_time.sleep).result()

    assert fake_time.sleeps == [7.0]


def test_interval_and_a_different_polling_interval_are_refused() -> None:
    with pytest.raises(ValueError, match="same option"):
        OperationPoller.from_location(make_client(ScriptedServer()), RELATIVE_LOCATION, interval=5, polling_interval=7)


@pytest.mark.parametrize("begin", BEGINS)
def test_a_continuation_token_resumes_without_sending_the_post(begin: Any, fake_time: FakeTime) -> None:
    token = poller_for(ScriptedServer(), fake_time).continuation_token()
    server = ScriptedServer(polled("completed"))

    poller = begin(make_client(server), PUBLISHER, OFFER, continuation_token=token, sleep=fake_time.sleep)

    assert poller.result().status == "completed"
    assert [request.method for request in server.requests] == ["GET"]


@pytest.mark.parametrize("begin", ASYNC_BEGINS)
def test_a_continuation_token_resumes_the_async_begins_without_a_post(begin: Any, fake_time: FakeTime) -> None:
    token = poller_for(ScriptedServer(), fake_time).continuation_token()
    server = ScriptedServer(polled("completed"))

    async def resume() -> str:
        poller = await begin(make_client(server), PUBLISHER, OFFER, continuation_token=token)
        return str((await poller.result()).status)

    assert asyncio.run(resume()) == "completed"
    assert [request.method for request in server.requests] == ["GET"]


@pytest.mark.parametrize("begin", BEGINS)
def test_the_post_gets_the_default_timeout_when_the_client_has_none(begin: Any) -> None:
    server = ScriptedServer(started_at())

    begin(make_client(server), PUBLISHER, OFFER)

    assert server.requests[0].extensions["timeout"] == dict.fromkeys(
        ("connect", "read", "write", "pool"), DEFAULT_REQUEST_TIMEOUT
    )


def test_the_post_keeps_the_callers_own_timeout() -> None:
    server = ScriptedServer(started_at())
    client = AuthenticatedClient(
        base_url=BASE_URL,
        token=TOKEN,
        timeout=httpx.Timeout(4.0),
        httpx_args={"transport": httpx.MockTransport(server)},
    )

    begin_publish(client, PUBLISHER, OFFER)

    assert server.requests[0].extensions["timeout"]["read"] == 4.0


@pytest.mark.parametrize("begin", [begin_publish, begin_publish_async])
def test_a_post_to_a_server_that_never_answers_times_out(begin: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "DEFAULT_REQUEST_TIMEOUT", 0.5)  # the default, made short for the test
    with HostileServer(silent) as server:
        client = AuthenticatedClient(base_url=server.base_url, token=TOKEN)  # no timeout, as the README once made it

        def call() -> object:
            result = begin(client, PUBLISHER, OFFER)
            return asyncio.run(result) if asyncio.iscoroutine(result) else result

        _elapsed, raised = outcome_within(30, call)

    assert isinstance(raised, httpx.TimeoutException)
