"""Hostile input over real HTTP (uvicorn on loopback): a documented 4xx, bounded memory, no state change, no token
in any log line.

Requests that httpx refuses to send (CR/LF in header values, lying Content-Length, bytes that are not UTF-8) go
through a raw socket. Every socket has a timeout and every loop a count, so each test ends by itself.
"""

from __future__ import annotations

import re
import socket
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from cloud_partner_portal_mock.testing import MockServer
from support.seed import SEED_OPERATION, STUCK_OFFER
from support.served_calls import API_VERSION, auth, offer_url

CANCEL = f"/api/publishers/contoso/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}"
GET = f"/api/publishers/contoso/offers/{STUCK_OFFER}/operations/{SEED_OPERATION}?api-version={API_VERSION}"
HOSTILE_TOKEN = "hostile-secret-token-4d1f"  # a made-up token that must never be logged
CHUNK = b"a" * 65536
MEMORY_BOUND = 8 * 1024 * 1024
"""Peak bytes the whole process (server thread included) may allocate while refusing one huge request."""


@dataclass
class Answer:
    statuses: list[int]
    raw: bytes

    @property
    def status(self) -> int:
        return self.statuses[0] if self.statuses else 0

    def header(self, name: str) -> str | None:
        head = self.raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        found = re.search(rf"^{re.escape(name)}: ([^\r\n]*)", head, re.IGNORECASE | re.MULTILINE)
        return found.group(1) if found else None

    @property
    def body(self) -> str:
        return self.raw.split(b"\r\n\r\n", 1)[-1].decode("utf-8", "replace")


def raw_request(port: int, head: bytes, body: Iterable[bytes] = (), *, timeout: float = 2.0) -> Answer:
    """Send `head` then each chunk of `body` (stopping when the server stops reading), read until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(head)
            for chunk in body:
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed while we were still sending
        received = b""
        try:
            while len(received) < 1_000_000:
                data = sock.recv(65536)
                if not data:
                    break
                received += data
        except OSError:
            pass
    return Answer([int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", received)], received)


def head(method: str, target: str, *lines: str | bytes, token: str = "contoso-token") -> bytes:
    parts = [f"{method} {target} HTTP/1.1".encode(), b"Host: 127.0.0.1", f"Authorization: Bearer {token}".encode()]
    parts += [line.encode() if isinstance(line, str) else line for line in lines]
    return b"\r\n".join([*parts, b"Connection: close", b"", b""])


@pytest.fixture
def quiet_state(cpp_mock_server: MockServer) -> Iterator[MockServer]:
    """The served mock at its seed; the test must leave its state exactly as it found it."""
    cpp_mock_server.reset()
    before = cpp_mock_server.snapshot()
    yield cpp_mock_server
    assert cpp_mock_server.snapshot() == before


def peak_while(action: Any) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- bodies ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("framing", "chunks"),
    [
        ("Content-Length: 52428800", (CHUNK for _ in range(800))),
        ("Transfer-Encoding: chunked", (b"10000\r\n" + CHUNK + b"\r\n" for _ in range(800))),
    ],
    ids=["content-length", "chunked"],
)
def test_a_50_mib_body_is_413_with_bounded_memory_and_the_connection_closed(
    quiet_state: MockServer, framing: str, chunks: Iterator[bytes]
) -> None:
    started = time.monotonic()
    answer, peak = peak_while(
        lambda: raw_request(quiet_state.port, head("POST", CANCEL, "Content-Type: application/json", framing), chunks)
    )

    assert answer.statuses == [413]
    assert '"code":"PayloadTooLarge"' in answer.body
    assert answer.header("connection") == "close"
    assert peak < MEMORY_BOUND, f"peak {peak} bytes"
    assert time.monotonic() - started < 5  # refused, not drained


def test_content_length_shorter_than_the_body_gets_4xx_for_each_part(quiet_state: MockServer) -> None:
    body = b'{"metadata": {"notification-emails": "jondoe@contoso.com"}}'
    answer = raw_request(
        quiet_state.port, head("POST", CANCEL, "Content-Type: application/json", "Content-Length: 10") + body
    )

    # The first 10 bytes are the body (not JSON); what follows is not an HTTP request.
    assert answer.statuses[0] == 400
    assert '"code":"InvalidRequestBody"' in answer.body
    assert all(400 <= status < 500 for status in answer.statuses)


def test_content_length_longer_than_the_body_then_hanging_up_logs_no_traceback(quiet_state: MockServer, logs) -> None:
    with socket.create_connection(("127.0.0.1", quiet_state.port), timeout=2) as sock:
        sock.sendall(head("POST", CANCEL, "Content-Type: application/json", "Content-Length: 1000") + b'{"meta')
        time.sleep(0.1)

    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and not logs.lines:
        time.sleep(0.02)
    assert httpx.get(f"http://127.0.0.1:{quiet_state.port}{GET}", headers=auth()).status_code == 200
    assert "Traceback" not in logs.text
    assert "mock failure" not in logs.text


@pytest.mark.parametrize("lines", [["Content-Length: 12abc"], ["Content-Length: 2", "Content-Length: 3"]])
def test_malformed_content_length_is_400(quiet_state: MockServer, lines: list[str]) -> None:
    answer = raw_request(quiet_state.port, head("POST", CANCEL, "Content-Type: application/json", *lines) + b"{}")

    assert answer.statuses == [400]


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"[" * 100_000, 413, "PayloadTooLarge"),
        (b"[" * 60_000, 400, "nested too deeply"),
        (b'{"a":' * 9_000 + b"1" + b"}" * 9_000, 400, "nested too deeply"),
        (b'{"metadata": {"notification-emails": "j\xffdoe@contoso.com"}}', 400, "not valid UTF-8"),
        (b"\xef\xbb\xbf{}", 400, "not valid JSON"),
    ],
    ids=["100k-brackets", "60k-brackets", "9k-objects", "invalid-utf8", "utf8-bom"],
)
def test_hostile_json_is_a_documented_4xx(quiet_state: MockServer, body: bytes, status: int, fragment: str) -> None:
    response = httpx.post(
        f"http://127.0.0.1:{quiet_state.port}{CANCEL}",
        content=body,
        headers={**auth(), "Content-Type": "application/json"},
    )

    assert response.status_code == status
    assert fragment in response.text


DRAFT_URL = f"/api/publishers/contoso/offers/contoso-draftoffer?api-version={API_VERSION}"


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"[" * 60_000, 400, "nested too deeply"),
        (b'{"a":' * 9_000 + b"1" + b"}" * 9_000, 400, "nested too deeply"),
        (
            b'{"publisherId":"contoso","id":"contoso-draftoffer","offerTypeId":"microsoft-azure-virtualmachines",'
            b'"definition":' + b'{"a":' * 100 + b"{}" + b"}" * 100 + b"}",
            400,
            "more than 64 deep",
        ),
        (
            b'{"publisherId":"contoso","id":"contoso-draftoffer","offerTypeId":"x","definition":{}}',
            400,
            "OfferTypeMismatch",
        ),
    ],
    ids=["60k-brackets", "9k-objects", "definition-101-deep", "offer-type-changed"],
)
def test_a_hostile_offer_body_is_a_documented_4xx_that_changes_nothing(
    quiet_state: MockServer, body: bytes, status: int, fragment: str
) -> None:
    url = f"http://127.0.0.1:{quiet_state.port}{DRAFT_URL}"
    before = httpx.get(url, headers=auth())

    response = httpx.put(url, content=body, headers={**auth(), "Content-Type": "application/json", "If-Match": "*"})

    assert response.status_code == status
    assert fragment in response.text
    assert httpx.get(url, headers=auth()).content == before.content


# --- headers --------------------------------------------------------------------------------------------------


def test_a_1_mib_header_is_400_with_bounded_memory(quiet_state: MockServer) -> None:
    start = head("GET", GET).removesuffix(b"\r\n\r\n") + b"\r\nX-Big: "
    answer, peak = peak_while(lambda: raw_request(quiet_state.port, start, (CHUNK for _ in range(16))))

    assert answer.statuses == [400]
    assert peak < MEMORY_BOUND, f"peak {peak} bytes"


def test_a_head_under_the_cap_is_served_and_one_over_it_is_refused(quiet_state: MockServer) -> None:
    under = raw_request(quiet_state.port, head("GET", GET, "X-Pad: " + "a" * 40_000))
    over = raw_request(quiet_state.port, head("GET", GET, "X-Pad: " + "a" * 200_000))  # the cap plus more than a read

    assert under.status == 200
    assert over.status == 400
    assert b"Request head too large." in over.raw


def test_many_small_headers_get_an_answer_not_an_error(quiet_state: MockServer) -> None:
    answer = raw_request(quiet_state.port, head("GET", GET, *[f"X-Pad-{i}: {i}" for i in range(2000)]))

    assert answer.status in (200, 400, 431)


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        (b"X-Mock-Fault: 503\rX-Evil: injected", 400),  # a bare CR inside a value
        (b"X-Note: a\nX-Evil: injected", 400),  # a bare LF: httptools refuses the request
        (b"X-Note: a\r\n X-Evil: injected", 400),  # obsolete line folding: refused as well
        (b"X-Note: \x00injected", 400),  # NUL in a value
        (b"Authorization: Bearer contoso-token\r\nX-Evil: injected", 200),
    ],
    ids=["bare-cr", "bare-lf", "obs-fold", "nul", "crlf-in-the-middle"],
)
def test_header_injection_attempts_are_refused_or_inert(quiet_state: MockServer, extra: bytes, status: int) -> None:
    answer = raw_request(quiet_state.port, head("GET", GET, extra))

    assert answer.status == status
    assert b"x-evil" not in answer.raw.split(b"\r\n\r\n", 1)[0].lower()


def test_httpx_refuses_crlf_in_header_values_before_sending(cpp_mock_server: MockServer) -> None:
    with pytest.raises(httpx.LocalProtocolError):
        httpx.get(cpp_mock_server.url + GET, headers={**auth(), "X-Mock-Fault": "503\r\nX-Evil: injected"})


@pytest.mark.parametrize("host", [b"evil.example", b"a b", b"127.0.0.1:1/x?y=", b"[::1", b"\xff\xfe"])
def test_hostile_host_header_never_makes_an_invalid_operation_location(
    cpp_mock_server: MockServer, host: bytes
) -> None:
    cpp_mock_server.reset()
    request = head("POST", CANCEL, "Content-Length: 0").replace(b"Host: 127.0.0.1", b"Host: " + host)

    answer = raw_request(cpp_mock_server.port, request)

    assert answer.status in (202, 400)
    if answer.status == 202:
        location = answer.header("operation-location") or ""
        assert re.fullmatch(r"https?://[^\s/?#]+/api/publishers/contoso/offers/[^\s]+", location), location
        # The path names the cancel operation this request started, whatever the Host header said.
        named = httpx.get(
            cpp_mock_server.url + httpx.URL(location).path, params={"api-version": API_VERSION}, headers=auth()
        )
        assert named.status_code == 200
        assert [step["id"] for step in named.json()["steps"]] == ["cancel"]


# --- paths and queries ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        f"/api/publishers/contoso/offers/contoso%2Fvirtualmachineoffer/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/%2E%2E/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/%2e%2e%2fcontoso-draftoffer/publish?api-version={API_VERSION}",
        f"/api/publishers/fabrikam/../contoso/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/./{STUCK_OFFER}/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}%00/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}%FF/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}%0D%0AX-Evil:%201/cancel?api-version={API_VERSION}",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}/cancel?api-version=%FF",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}%00",
        f"/api/publishers/contoso/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}&api%2Dversion=1",
        f"/api/publishers/{'a' * 5000}/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}",
    ],
)
def test_encoded_slashes_dots_and_bytes_in_the_path_are_a_4xx_that_touches_nothing(
    quiet_state: MockServer, target: str
) -> None:
    answer = raw_request(quiet_state.port, head("POST", target, "Content-Length: 0"))

    assert 400 <= answer.status < 500, answer.raw[:300]
    assert b"x-evil" not in answer.raw.split(b"\r\n\r\n", 1)[0].lower()


# --- e-mail lists ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("emails", "status", "fragment"),
    [
        (",".join(f"user{i}@contoso.com" for i in range(3000)), 400, "at most 1024"),
        ("a@b.c," * 9000 + "!", 400, "at most 1024"),
        ("a@b.c, " * 145 + "a@b.c.", 400, "is not an e-mail address"),
        (",".join(f"user{i}@contoso.com" for i in range(4000)), 413, "PayloadTooLarge"),
    ],
    ids=["3000-addresses", "9000-entries-then-junk", "almost-valid-1k", "over-64-kib"],
)
def test_huge_email_lists_are_refused_quickly(quiet_state: MockServer, emails: str, status: int, fragment: str) -> None:
    started = time.monotonic()
    response = httpx.post(
        f"http://127.0.0.1:{quiet_state.port}{CANCEL}",
        json={"metadata": {"notification-emails": emails}},
        headers=auth(),
    )

    assert response.status_code == status
    assert fragment in response.text
    assert time.monotonic() - started < 2  # no catastrophic backtracking in the address pattern


def test_longest_allowed_email_list_notifies_each_address_once(cpp_mock_server: MockServer) -> None:
    cpp_mock_server.reset()
    addresses = [f"u{i:03d}@contoso.com" for i in range(59)]
    emails = ",".join([*addresses, addresses[0]])  # 60 entries of 16 characters: 1019, and one repeated
    assert len(emails) <= 1024

    response = httpx.post(
        offer_url(cpp_mock_server.url, "contoso-draftoffer", "publish"),
        params={"api-version": API_VERSION},
        json={"metadata": {"notification-emails": emails}},
        headers=auth(),
    )

    assert response.status_code == 202
    started = [n.address for n in cpp_mock_server.service.outbox if n.event == "started"]
    assert sorted(started) == sorted(set(emails.split(",")))


# --- the whole battery: no token in any log -------------------------------------------------------------------


def test_no_token_reaches_any_log_line(quiet_state: MockServer, logs) -> None:
    port = quiet_state.port
    tokens = ["contoso-token", "fabrikam-token", HOSTILE_TOKEN]
    for token in tokens:
        for request in (
            head("GET", GET, token=token),
            head("POST", CANCEL, "Content-Type: text/plain", "Content-Length: 1", token=token) + b"x",
            head("POST", CANCEL, "Content-Type: application/json", "Content-Length: 10", token=token) + b"[" * 20,
            head("GET", GET, "X-Mock-Fault: drop", token=token),
            head("GET", GET, f"X-Mock-Fault: {token}", token=token),
            head("GET", GET + "&verbose=1", token=token),
            head("GET", GET.replace("contoso", "fabrikam", 1), token=token),
            head("GET", GET, "X-Bad: a\rb", token=token),
            head("POST", CANCEL, "Content-Type: application/json", "Content-Length: 99", token=token) + b"{",
            head("DELETE", GET, token=token),
        ):
            raw_request(port, request, timeout=0.5)
    # Requests with the token where the client hangs up are answered last; give the server a moment.
    time.sleep(0.2)

    assert logs.lines  # the access log saw the requests: the check below is not vacuous
    for token in tokens:
        assert token not in logs.text
    assert "Traceback" not in logs.text
    assert not [line for line in logs.lines if line.startswith(("ERROR", "CRITICAL"))], logs.text
