"""Polling GETs are retried on 429, 503 and transport errors, a bounded number of times; other errors raise."""

from __future__ import annotations

import httpx
import pytest

from cloud_partner_portal import OperationPollingError
from support.documented import OPERATION_URL
from support.fake_api import ScriptedServer, api_error, polled, poller_for
from support.fake_time import FakeTime


def connect_error() -> httpx.ConnectError:
    return httpx.ConnectError("[Errno 111] Connection refused")


def test_429_503_and_connection_errors_are_retried_then_polling_goes_on(fake_time: FakeTime) -> None:
    server = ScriptedServer(
        api_error(429, "TooManyRequests", "Slow down.", headers={"Retry-After": "7"}),
        api_error(503, "ServiceUnavailable", "Try later."),
        connect_error(),
        httpx.ReadTimeout("read timed out"),
        polled("completed"),
    )

    detail = poller_for(server, fake_time, interval=2, backoff=2).result()

    assert detail.status == "completed"
    assert len(server.requests) == 5
    # Retry-After for the 429, then 2 * 2**n for the 2nd, 3rd and 4th failure in a row.
    assert fake_time.sleeps == [7, 4, 8, 16]


def test_a_success_resets_the_retry_count(fake_time: FakeTime) -> None:
    server = ScriptedServer(
        api_error(503, "ServiceUnavailable", "Try later."),
        polled("running"),
        api_error(503, "ServiceUnavailable", "Try later."),
        polled("completed"),
    )

    poller_for(server, fake_time, interval=1, backoff=2, max_retries=1).result()

    assert fake_time.sleeps == [1, 1, 1]


def test_retries_are_bounded(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[api_error(503, "ServiceUnavailable", "Try later.")] * 4)

    with pytest.raises(OperationPollingError) as info:
        poller_for(server, fake_time, max_retries=3).result()

    assert info.value.status_code == 503
    assert info.value.code == "ServiceUnavailable"
    assert info.value.attempts == 4
    assert "gave up after 4 attempts" in str(info.value)
    assert len(server.requests) == 4


def test_unreachable_server_ends_in_a_polling_error_naming_the_cause(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[connect_error()] * 3)

    with pytest.raises(OperationPollingError, match="ConnectError: \\[Errno 111\\] Connection refused") as info:
        poller_for(server, fake_time, max_retries=2).result()

    assert info.value.status_code is None
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_404_while_polling_raises_with_the_api_error_body(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), api_error(404, "OperationNotFound", "No such operation."))

    with pytest.raises(OperationPollingError) as info:
        poller_for(server, fake_time).result()

    error = info.value
    assert error.status_code == 404
    assert (error.code, error.message) == ("OperationNotFound", "No such operation.")
    assert error.location == OPERATION_URL
    assert "HTTP 404 OperationNotFound: No such operation." in str(error)
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 500])
def test_other_error_statuses_are_not_retried(fake_time: FakeTime, status: int) -> None:
    server = ScriptedServer(api_error(status, "Nope", "Not this time."))

    with pytest.raises(OperationPollingError) as info:
        poller_for(server, fake_time).result()

    assert info.value.status_code == status
    assert fake_time.sleeps == []


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (httpx.Response(200), "HTTP 200 OK (no body); expected an operation"),
        (
            httpx.Response(200, html="<html><head><title>Sign in</title></head></html>"),
            'HTTP 200 OK (an HTML page: "Sign in"); expected an operation',
        ),
        (httpx.Response(200, json="running"), 'HTTP 200 OK: "running"; expected an operation'),
        (httpx.Response(200, json=[{}, {}]), "HTTP 200 OK: [{},{}]; expected an operation"),
        (httpx.Response(200, json={"steps": 5}), 'HTTP 200 OK: {"steps":5}; expected an operation'),
    ],
    ids=["empty", "html", "a-string", "two-objects", "steps-not-a-list"],
)
def test_an_answer_that_is_not_an_operation_raises_saying_what_it_was(
    fake_time: FakeTime, answer: httpx.Response, said: str
) -> None:
    with pytest.raises(OperationPollingError) as info:
        poller_for(ScriptedServer(answer), fake_time).result()

    assert str(info.value) == f"polling {OPERATION_URL}: {said}"
    assert info.value.status_code == 200
    assert fake_time.sleeps == []


def test_a_decoding_error_is_a_polling_error_not_retried(fake_time: FakeTime) -> None:
    broken = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip at all"))

    with pytest.raises(OperationPollingError, match="DecodingError") as info:
        poller_for(ScriptedServer(broken), fake_time).result()

    assert info.value.status_code is None
    assert fake_time.sleeps == []
