"""The poller against hostile servers on loopback: one that never answers, one that drips, absurd `Retry-After`
values, a gzip bomb. A client made as the README makes it (`AuthenticatedClient(base_url, token)`, no timeout).

Each call runs in a thread joined with a generous bound, so that a regression fails the test instead of hanging it.
The stated bound of `result(timeout=T)`: T + `GRACE` + one request timeout of `GRACE` (a phase started at the
deadline), about T + 2 s; the tests allow T + 10 s for a slow machine.
"""

from __future__ import annotations

import asyncio
import tracemalloc
from typing import Any

import pytest
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal import OperationPollingError, OperationTimeoutError
from cloud_partner_portal.lro import MAX_RESPONSE_BYTES, MAX_WAIT, AsyncOperationPoller, OperationPoller
from support.documented import RELATIVE_LOCATION, TOKEN
from support.fake_api import operation_body
from support.fake_time import FakeTime
from support.hostile import HostileServer, answering, dripping, gzip_bomb, outcome_within, silent

TIMEOUT = 2.0
BOUND = TIMEOUT + 10.0


def as_the_readme_makes_it(server: HostileServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token=TOKEN)


@pytest.mark.parametrize("behaviour", [silent, dripping], ids=["never-answers", "drips-a-byte-every-0.25s"])
def test_result_with_a_timeout_ends_in_time_against_a_server_that_stalls(behaviour: Any) -> None:
    with HostileServer(behaviour) as server:
        poller = OperationPoller.from_location(as_the_readme_makes_it(server), RELATIVE_LOCATION, interval=1)
        elapsed, raised = outcome_within(BOUND, lambda: poller.result(timeout=TIMEOUT))

    assert isinstance(raised, OperationTimeoutError)
    assert TIMEOUT <= elapsed < BOUND


@pytest.mark.parametrize("behaviour", [silent, dripping], ids=["never-answers", "drips-a-byte-every-0.25s"])
def test_the_async_poller_ends_in_time_against_a_server_that_stalls(behaviour: Any) -> None:
    with HostileServer(behaviour) as server:
        poller = AsyncOperationPoller.from_location(as_the_readme_makes_it(server), RELATIVE_LOCATION, interval=1)
        elapsed, raised = outcome_within(BOUND, lambda: asyncio.run(poller.result(timeout=TIMEOUT)))

    assert isinstance(raised, OperationTimeoutError)
    assert elapsed < BOUND


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("1e9", MAX_WAIT),
        ("1e300", MAX_WAIT),
        ("Fri, 31 Dec 9999 23:59:59 GMT", MAX_WAIT),
        ("0", 1.0),
        ("-5", 1.0),
        ("Mon, 01 Jan 2001 00:00:00 GMT", 1.0),
        ("nonsense", 1.0),
    ],
)
def test_a_retry_after_is_clamped_between_the_interval_and_an_hour(retry_after: str, expected: float) -> None:
    running = answering(200, operation_body("running"), {"Retry-After": retry_after})
    with HostileServer(running, running, answering(200, operation_body("completed"))) as server:
        fake_time = FakeTime()
        poller = OperationPoller.from_location(
            as_the_readme_makes_it(server), RELATIVE_LOCATION, interval=1, sleep=fake_time.sleep, clock=fake_time.clock
        )
        _elapsed, raised = outcome_within(BOUND, poller.result)

    assert raised is None
    # "nonsense" is no Retry-After: the computed waits, 1 s then 2 s.
    assert fake_time.sleeps == ([1.0, 2.0] if retry_after == "nonsense" else [expected, expected])


def test_a_running_answer_with_retry_after_0_is_polled_about_once_a_second_not_in_a_loop() -> None:
    with HostileServer(answering(200, operation_body("running"), {"Retry-After": "0"})) as server:
        poller = OperationPoller.from_location(as_the_readme_makes_it(server), RELATIVE_LOCATION, interval=1)
        _elapsed, raised = outcome_within(BOUND, lambda: poller.result(timeout=3))

    assert isinstance(raised, OperationTimeoutError)
    assert 2 <= len(server.requests) <= 6  # about one a second for 3 s (was thousands)


def test_a_gzip_bomb_is_refused_at_the_size_cap_without_decoding_it_into_memory() -> None:
    decoded = 256 * 1024 * 1024  # about 256 KiB on the wire
    with HostileServer(gzip_bomb(decoded)) as server:
        poller = OperationPoller.from_location(as_the_readme_makes_it(server), RELATIVE_LOCATION, interval=1)
        tracemalloc.start()
        try:
            _elapsed, raised = outcome_within(BOUND, lambda: poller.result(timeout=TIMEOUT))
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert isinstance(raised, OperationPollingError)
    assert f"{MAX_RESPONSE_BYTES} bytes" in str(raised)
    assert peak < 4 * MAX_RESPONSE_BYTES < decoded
