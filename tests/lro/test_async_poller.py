"""AsyncOperationPoller drives the same state machine as the sync one, with the async client and sleep."""

from __future__ import annotations

import httpx
import pytest

from cloud_partner_portal import (
    CANCELED,
    ApiError,
    AsyncOperationPoller,
    OperationFailedError,
    OperationPoller,
    OperationPollingError,
    OperationTimeoutError,
    ProgressEvent,
    begin_cancel_async,
    begin_go_live_async,
    begin_publish_async,
)
from support.documented import ABSOLUTE_2018_LOCATION, OPERATION_URL, RELATIVE_LOCATION, step
from support.fake_api import ScriptedServer, api_error, make_client, polled, started
from support.fake_time import FakeTime

pytestmark = pytest.mark.anyio


async def test_async_cancel_polls_the_cancel_operation_to_completion(fake_time: FakeTime) -> None:
    events: list[ProgressEvent] = []
    server = ScriptedServer(
        started(headers={"Location": RELATIVE_LOCATION}),
        polled("running", step("cancel", "Cancel", "inProgress", 50)),
        polled("completed", step("cancel", "Cancel", "complete", 100)),
    )

    poller = await begin_cancel_async(
        make_client(server),
        "contoso",
        "contoso-virtualmachineoffer",
        sleep=fake_time.async_sleep,
        progress=events.append,
    )
    detail = await poller.result()

    assert detail.status == "completed"
    assert server.urls[1:] == [OPERATION_URL, OPERATION_URL]
    assert fake_time.sleeps == [5]
    assert [event.percentage for event in events] == [50, 100]


async def test_awaiting_the_poller_is_its_result(fake_time: FakeTime) -> None:
    server = ScriptedServer(started(headers={"Operation-Location": ABSOLUTE_2018_LOCATION}), polled("completed"))

    poller = await begin_publish_async(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert (await poller).status == "completed"
    assert server.urls[1] == f"{ABSOLUTE_2018_LOCATION}?api-version=2017-10-31"


async def test_async_retries_then_succeeds(fake_time: FakeTime) -> None:
    server = ScriptedServer(
        api_error(429, "TooManyRequests", "Slow down.", headers={"Retry-After": "3"}),
        httpx.ConnectError("[Errno 111] Connection refused"),
        polled("completed"),
    )
    poller = AsyncOperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, sleep=fake_time.async_sleep, interval=2
    )

    assert (await poller.result()).status == "completed"
    assert fake_time.sleeps == [3, 4]


async def test_async_retries_are_bounded(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[api_error(503, "ServiceUnavailable", "Try later.")] * 3)
    poller = AsyncOperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, sleep=fake_time.async_sleep, max_retries=2
    )

    with pytest.raises(OperationPollingError, match="gave up after 3 attempts"):
        await poller.result()


async def test_async_404_raises_polling_error(fake_time: FakeTime) -> None:
    server = ScriptedServer(api_error(404, "OperationNotFound", "No such operation."))
    poller = AsyncOperationPoller.from_location(make_client(server), RELATIVE_LOCATION)

    with pytest.raises(OperationPollingError) as info:
        await poller.result()

    assert (info.value.status_code, info.value.code) == (404, "OperationNotFound")


async def test_async_timeout_and_wait(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[polled("running")] * 5)
    poller = AsyncOperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, sleep=fake_time.async_sleep, clock=fake_time.clock, interval=5
    )

    await poller.wait(timeout=5)
    assert not poller.done()
    with pytest.raises(OperationTimeoutError, match="last status running"):
        await poller.result(timeout=12)

    # wait: GET, 5 s, GET at the deadline. result: GET, then the backoff's 20 s cut to the 12 s left, GET.
    assert fake_time.sleeps == [5, 12]
    assert len(server.requests) == 4


async def test_async_failed_raises_with_detail() -> None:
    poller = AsyncOperationPoller.from_location(make_client(ScriptedServer(polled("failed"))), RELATIVE_LOCATION)

    with pytest.raises(OperationFailedError) as info:
        await poller.result()

    assert info.value.detail.status == "failed"


async def test_async_synchronous_cancel_is_done_at_once() -> None:
    server = ScriptedServer(started(200, body_location=RELATIVE_LOCATION), polled("canceled"))

    poller = await begin_cancel_async(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert poller.done()
    assert poller.status() == CANCELED
    assert (await poller.result()).status == "canceled"


async def test_async_api_error() -> None:
    server = ScriptedServer(api_error(409, "OperationInProgress", "Another operation runs."))

    with pytest.raises(ApiError, match="goLiveOffer answered HTTP 409 OperationInProgress"):
        await begin_go_live_async(make_client(server), "contoso", "contoso-virtualmachineoffer")


async def test_tokens_move_between_sync_and_async_pollers(fake_time: FakeTime) -> None:
    token = OperationPoller.from_location(make_client(ScriptedServer()), RELATIVE_LOCATION).continuation_token()
    server = ScriptedServer(polled("completed"))

    poller = AsyncOperationPoller.from_continuation_token(make_client(server), token)

    assert (await poller.result()).status == "completed"
    assert server.urls == [OPERATION_URL]
