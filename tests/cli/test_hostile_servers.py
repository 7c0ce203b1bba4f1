"""The command line against hostile servers: on loopback (one that never answers, `Retry-After: 0`, a gzip bomb)
and behind the fake API (429, 503 and dropped connections on the reads; a 503 on a POST). Real-time cases run in a
thread joined with a generous bound, so that a regression fails instead of hanging."""

from __future__ import annotations

import httpx
import pytest

from cloud_partner_portal.cli import Runtime
from cloud_partner_portal.cli.exits import ExitCode
from cloud_partner_portal.lro import MAX_RESPONSE_BYTES, MAX_WAIT
from support.command_line import Invoke, run_cpp
from support.documented import OFFER, OFFER_PATH, OPERATION_ID, OPERATION_PATH, PUBLISHER, RELATIVE_LOCATION, TOKEN
from support.fake_api import SUBMISSION, FakeApi, api_error, operation_body, polled
from support.fake_time import FakeTime
from support.hostile import HostileServer, answering, gzip_bomb, outcome_within, silent

OFFER_STATUS = {"status": "running", "messages": [], "steps": [], "previewLinks": [], "liveLinks": []}
READS = {
    "status": (["status", PUBLISHER, OFFER], f"{OFFER_PATH}/status", OFFER_STATUS),
    "operations list": (["operations", "list", PUBLISHER, OFFER], f"{OFFER_PATH}/submissions/", [SUBMISSION]),
    "operations show": (["operations", "show", PUBLISHER, OFFER, OPERATION_ID], OPERATION_PATH, operation_body()),
}


def test_wait_with_a_timeout_ends_in_time_against_a_server_that_never_answers() -> None:
    with HostileServer(silent) as server:
        args = ["--base-url", server.base_url, "wait", RELATIVE_LOCATION, "--timeout", "2", "--interval", "1"]
        results: list[int] = []
        elapsed, raised = outcome_within(14, lambda: results.append(run_cpp(args, Runtime(), TOKEN).exit_code))

    assert raised is None
    assert results == [ExitCode.TIMEOUT]
    assert elapsed < 14


def test_wait_on_a_running_answer_with_retry_after_0_polls_about_once_a_second() -> None:
    with HostileServer(answering(200, operation_body("running"), {"Retry-After": "0"})) as server:
        args = ["--base-url", server.base_url, "wait", RELATIVE_LOCATION, "--timeout", "3", "--interval", "1"]
        results: list[int] = []
        _elapsed, raised = outcome_within(15, lambda: results.append(run_cpp(args, Runtime(), TOKEN).exit_code))

    assert raised is None
    assert results == [ExitCode.TIMEOUT]
    assert 2 <= len(server.requests) <= 6  # about one a second for 3 s (was thousands)


def test_a_read_answered_with_a_gzip_bomb_ends_with_a_clear_error() -> None:
    with HostileServer(gzip_bomb(64 * 1024 * 1024)) as server:
        outcome: list[tuple[int, str]] = []

        def status() -> None:
            result = run_cpp(["--base-url", server.base_url, "status", PUBLISHER, OFFER], Runtime(), TOKEN)
            outcome.append((result.exit_code, result.output))

        _elapsed, raised = outcome_within(15, status)

    assert raised is None
    [(code, output)] = outcome
    assert code == ExitCode.API_ERROR
    assert f"passed {MAX_RESPONSE_BYTES} bytes once decoded" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("read", READS, ids=list(READS))
def test_a_read_is_retried_on_503_429_and_a_dropped_connection(
    invoke: Invoke, api: FakeApi, fake_time: FakeTime, read: str
) -> None:
    args, path, body = READS[read]
    api.on(
        "GET",
        path,
        api_error(503, "ServiceUnavailable", "Try later."),
        api_error(429, "TooManyRequests", "Slow down.", headers={"Retry-After": "1e9"}),
        httpx.ConnectError("[Errno 104] Connection reset by peer"),
        httpx.Response(200, json=body),
    )

    result = invoke([*args, "--json"])

    assert result.exit_code == 0, result.output
    assert len(api.requests) == 4
    # The backoff from 1 s, the Retry-After clamped to an hour, the backoff again.
    assert fake_time.sleeps == [1.0, MAX_WAIT, 4.0]


def test_a_read_gives_up_after_five_retries(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", f"{OFFER_PATH}/status", api_error(503, "ServiceUnavailable", "Try later."))

    result = invoke(["status", PUBLISHER, OFFER])

    assert result.exit_code == ExitCode.API_ERROR
    assert "503" in result.stderr
    assert len(api.requests) == 6


def test_a_post_is_never_retried(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", api_error(503, "ServiceUnavailable", "Try later."))
    api.on("GET", OPERATION_PATH, polled("completed"))

    result = invoke(["publish", PUBLISHER, OFFER])

    assert result.exit_code == ExitCode.API_ERROR
    assert [request.method for request in api.requests] == ["POST"]


@pytest.mark.parametrize(
    "option", [["--interval", "nan"], ["--interval", "inf"], ["--interval", "1e300"], ["--timeout", "nan"]]
)
def test_a_wait_option_that_is_not_a_finite_number_of_seconds_is_a_usage_error(
    invoke: Invoke, option: list[str]
) -> None:
    result = invoke(["wait", RELATIVE_LOCATION, *option])

    assert result.exit_code == ExitCode.USAGE
    assert "Traceback" not in result.output
