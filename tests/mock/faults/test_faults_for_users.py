"""Faults for users' resilience tests: latency, 429 and 503 with Retry-After, dropped connections.

Asked for per request (`X-Mock-Fault`) or for a whole mock (`MockConfig(faults=...)`, `--fault`); a fault never
changes state. The package's own poller against them: test_poller_under_faults.py.
"""

from __future__ import annotations

import time

import httpx
import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.__main__ import build_config, parser
from cloud_partner_portal_mock.faults.catalog import FAULTS, build_faults
from cloud_partner_portal_mock.testing import InProcessMock, MockServer
from support.seed import SEED_OPERATION, STUCK_OFFER
from support.served_calls import API_VERSION, auth, offer_url

QUERY = {"api-version": API_VERSION}
BODY = {"metadata": {"notification-emails": "jondoe@contoso.com"}}


def operation_url(base: str, operation_id: str = SEED_OPERATION) -> str:
    return offer_url(base, STUCK_OFFER, f"operations/{operation_id}")


# --- per request: the X-Mock-Fault header ---------------------------------------------------------------------


def test_latency_header_delays_the_answer_then_answers_as_usual(cpp_mock_server: MockServer) -> None:
    started = time.monotonic()
    response = httpx.get(
        operation_url(cpp_mock_server.url), params=QUERY, headers={**auth(), "X-Mock-Fault": "latency=0.2"}
    )

    assert response.status_code == 200
    assert response.json()["status"] == "running"
    assert time.monotonic() - started >= 0.2


@pytest.mark.parametrize(
    ("header", "status", "code", "retry_after"),
    [
        ("429", 429, "TooManyRequests", "1"),
        ("429;retry-after=2", 429, "TooManyRequests", "2"),
        ("503", 503, "ServiceUnavailable", "1"),
        ("503; Retry-After=30", 503, "ServiceUnavailable", "30"),
        ("latency=0.05, 503;retry-after=0", 503, "ServiceUnavailable", "0"),
    ],
)
def test_refusal_header_answers_with_retry_after_and_the_error_body(
    cpp_mock_server: MockServer, header: str, status: int, code: str, retry_after: str
) -> None:
    response = httpx.get(operation_url(cpp_mock_server.url), params=QUERY, headers={**auth(), "X-Mock-Fault": header})

    assert response.status_code == status
    assert response.headers["Retry-After"] == retry_after
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == code
    assert f"Retry after {retry_after} seconds" in response.json()["error"]["message"]


def test_drop_header_closes_the_connection_without_a_response_and_logs_nothing_alarming(
    cpp_mock_server: MockServer, logs
) -> None:
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        httpx.get(operation_url(cpp_mock_server.url), params=QUERY, headers={**auth(), "X-Mock-Fault": "drop"})

    # The server goes on: the next request on a new connection is answered.
    assert httpx.get(operation_url(cpp_mock_server.url), params=QUERY, headers=auth()).status_code == 200
    assert "Traceback" not in logs.text
    assert not [line for line in logs.lines if line.startswith(("ERROR", "CRITICAL", "WARNING"))], logs.text
    assert " 500" not in logs.text


def test_drop_in_process_raises_what_httpx_raises_for_a_dropped_connection() -> None:
    with InProcessMock().client() as client, pytest.raises(httpx.RemoteProtocolError):
        client.get(
            f"/api/publishers/contoso/offers/{STUCK_OFFER}/submissions/", params=QUERY, headers={"X-Mock-Fault": "drop"}
        )


@pytest.mark.parametrize("header", ["429", "503;retry-after=5", "drop", "latency=0.01, drop"])
@pytest.mark.parametrize("action", ["cancel", "publish", "golive"])
def test_a_fault_header_changes_no_state(cpp_mock_server: MockServer, header: str, action: str) -> None:
    cpp_mock_server.reset()
    before = cpp_mock_server.snapshot()

    try:
        response = httpx.post(
            offer_url(cpp_mock_server.url, STUCK_OFFER, action),
            params=QUERY,
            headers={**auth(), "X-Mock-Fault": header},
            json=BODY,
        )
        assert response.status_code in (429, 503)
    except httpx.TransportError:  # a dropped connection reads as a protocol error or a reset, by timing
        assert "drop" in header

    assert cpp_mock_server.snapshot() == before


def test_latency_alone_lets_the_request_act_as_usual(cpp_mock_server: MockServer) -> None:
    cpp_mock_server.reset()
    response = httpx.post(
        offer_url(cpp_mock_server.url, STUCK_OFFER, "cancel"),
        params=QUERY,
        headers={**auth(), "X-Mock-Fault": "latency=0.01"},
    )

    assert response.status_code == 202
    cancel_id = cpp_mock_server.snapshot().operations[SEED_OPERATION].cancelled_by
    assert response.headers["Operation-Location"].endswith(f"/operations/{cancel_id}")


@pytest.mark.parametrize(
    ("header", "complaint"),
    [
        ("bogus", "unknown fault 'bogus'"),
        ("latency", "latency needs seconds"),
        ("latency=abc", "'abc' is not a number"),
        ("latency=3600", "must be from 0 to 60"),
        ("latency=nan", "must be from 0 to 60"),
        ("429;retry-after=-1", "must be whole seconds"),
        ("503;retry-after=1.5", "must be whole seconds"),
        ("503;color=red", "unknown option 'color'"),
        ("drop=1", "drop takes no value"),
        ("503;times=2", "times= counts requests to a whole mock"),
        ("omit-operation-location", "a switch of the whole mock, not of one request"),
        (",,", "names no fault"),
        ("x" * 5000, "unknown fault"),
    ],
)
def test_malformed_fault_header_is_400_saying_why_and_changes_no_state(
    cpp_mock_server: MockServer, header: str, complaint: str
) -> None:
    cpp_mock_server.reset()
    before = cpp_mock_server.snapshot()

    response = httpx.post(
        offer_url(cpp_mock_server.url, STUCK_OFFER, "cancel"), params=QUERY, headers={**auth(), "X-Mock-Fault": header}
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "InvalidMockFault"
    assert complaint in error["message"]
    assert len(error["message"]) <= 500
    assert cpp_mock_server.snapshot() == before


def test_fault_header_is_ignored_outside_the_api(cpp_mock_server: MockServer) -> None:
    assert httpx.get(f"{cpp_mock_server.url}/openapi.json", headers={"X-Mock-Fault": "503"}).status_code == 200
    assert httpx.get(f"{cpp_mock_server.url}/nowhere", headers={"X-Mock-Fault": "503"}).status_code == 404


# --- for a whole mock: MockConfig(faults=...) and --fault -------------------------------------------------------


def test_config_fault_limited_to_an_operation_and_a_number_of_requests() -> None:
    mock = InProcessMock(MockConfig(clock=Clock.frozen(), faults=frozenset({"503;only=getOperation;times=2"})))
    url = f"/api/publishers/contoso/offers/{STUCK_OFFER}/operations/{SEED_OPERATION}"
    with mock.client() as client:
        assert client.get(f"/api/publishers/contoso/offers/{STUCK_OFFER}/status", params=QUERY).status_code == 200
        assert [client.get(url, params=QUERY).status_code for _ in range(4)] == [503, 503, 200, 200]
        mock.reset()
        assert client.get(url, params=QUERY).status_code == 503


def test_config_fault_rate_is_reproducible_for_a_seed() -> None:
    def statuses() -> list[int]:
        mock = InProcessMock(MockConfig(clock=Clock.frozen(), faults=frozenset({"429;rate=0.5"})))
        with mock.client() as client:
            url = f"/api/publishers/contoso/offers/{STUCK_OFFER}/status"
            return [client.get(url, params=QUERY).status_code for _ in range(40)]

    first = statuses()
    assert first == statuses()
    assert 5 < first.count(429) < 35


@pytest.mark.parametrize(
    ("spec", "complaint"),
    [("slow", "unknown fault 'slow'"), ("latency=-1", "must be from 0 to 60"), ("503;times=x", "whole number")],
)
def test_malformed_config_fault_is_an_error_naming_it(spec: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        MockConfig(faults=frozenset({spec}))


def test_command_line_takes_fault_specs_and_contract_switches() -> None:
    args = parser().parse_args(
        ["--fault", "latency=0.05", "--fault", "503;only=getOperation", "--break", "omit-operation-location"]
    )
    config = build_config(args, {})

    assert config.faults == {"latency=0.05", "503;only=getOperation", "omit-operation-location"}
    assert [fault.spec() for fault in build_faults(config.faults)] == [
        "latency=0.05",
        "503;retry-after=1",
        "omit-operation-location",
    ]
    with pytest.raises(SystemExit):
        parser().parse_args(["--break", "drop"])  # --break is for the broken-contract switches


def test_every_fault_is_described_and_the_transient_ones_say_so() -> None:
    assert {name for name, cls in FAULTS.items() if cls.transient} == {"latency", "429", "503", "drop"}
    assert all(cls.description for cls in FAULTS.values())
