"""Slow and idle clients cannot hold the served mock: time limits close them, and a connection limit under the
open-file limit keeps room for ordinary requests (`http/limits.py`, `http/capped_protocol.py`).

The first tests serve the mock in this process with short limits. The last one serves it as `make mock` does, in
a process whose open-file limit is 1,024, and holds 1,100 slowloris connections against it while ordinary GETs
go on. Every socket has a timeout, every wait a deadline, and all of it talks to 127.0.0.1 only.
"""

from __future__ import annotations

import re
import resource
import selectors
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from cloud_partner_portal_mock.http.limits import DESCRIPTORS_KEPT, ServingLimits
from cloud_partner_portal_mock.testing import MockServer
from support.seed import SEED_OPERATION, STUCK_OFFER
from support.served_calls import API_VERSION
from support.served_mock import served_mock

GET = f"/api/publishers/contoso/offers/{STUCK_OFFER}/operations/{SEED_OPERATION}?api-version={API_VERSION}"
SHORT = ServingLimits(keep_alive_seconds=1.0, request_seconds=2.0)
SLACK_SECONDS = 10.0
"""How much later than its limit a close may come on a busy 2-core machine."""
SERVED_LIMIT = 1024
SLOW_CLIENTS = 1100
ORDINARY_GETS = 20
BURST = 3000
BURST_SECONDS = 60.0


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(limits=SHORT) as served:
        yield served


def _get_request(*lines: str) -> bytes:
    head = [f"GET {GET} HTTP/1.1", "Host: 127.0.0.1", "Authorization: Bearer contoso-token", *lines]
    return ("\r\n".join(head) + "\r\n\r\n").encode()


def _closed_within(sock: socket.socket, seconds: float) -> tuple[bool, bytes]:
    """Read until the server closes `sock` or `seconds` pass: (closed, what was read)."""
    deadline = time.monotonic() + seconds
    received = b""
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data = sock.recv(65536)
        except TimeoutError:
            break
        except ConnectionError:
            return True, received
        if not data:
            return True, received
        received += data
    return False, received


def test_a_connection_that_never_sends_is_closed_after_the_keep_alive_timeout(server: MockServer) -> None:
    sockets = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(20)]
    try:
        results = [_closed_within(sock, SHORT.keep_alive_seconds + SLACK_SECONDS) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()

    assert [closed for closed, _ in results] == [True] * 20
    assert all(data == b"" for _, data in results)


def test_an_idle_connection_after_an_answer_is_closed_after_the_keep_alive_timeout(server: MockServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(_get_request())
        closed, data = _closed_within(sock, SHORT.keep_alive_seconds + SLACK_SECONDS)

    assert closed
    assert data.startswith(b"HTTP/1.1 200 ")


def test_a_request_head_sent_a_byte_at_a_time_gets_408_after_the_request_timeout(server: MockServer) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        received = b""
        # A byte every 0.2 s keeps the connection from being idle: only the request timeout can end it.
        for byte in _get_request()[:-2] * 10:
            try:
                sock.sendall(bytes([byte]))
            except ConnectionError:
                break
            closed, data = _closed_within(sock, 0.2)
            received += data
            if closed or time.monotonic() - started > SHORT.request_seconds + SLACK_SECONDS:
                break

    assert received.startswith(b"HTTP/1.1 408 ")
    assert b"connection: close" in received


def test_a_body_sent_a_byte_at_a_time_closes_the_connection_after_the_request_timeout(server: MockServer) -> None:
    cancel = f"/api/publishers/contoso/offers/{STUCK_OFFER}/cancel?api-version={API_VERSION}"
    body = b'{"metadata": {"notification-emails": "jondoe@contoso.com"}}'
    head = (
        f"POST {cancel} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer contoso-token\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    server.reset()
    before = server.service.snapshot().submissions("contoso", STUCK_OFFER)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(head)
        closed = False
        for byte in body[:-1]:
            try:
                sock.sendall(bytes([byte]))
            except ConnectionError:
                closed = True
                break
            closed, _ = _closed_within(sock, 0.2)
            if closed:
                break

    assert closed
    assert server.service.snapshot().submissions("contoso", STUCK_OFFER) == before  # the cancel never happened


def test_a_client_that_does_not_read_its_answers_is_disconnected(server: MockServer) -> None:
    spec_request = b"GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    sent = 0
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", server.port))
        sock.settimeout(1)
        # Pipelined requests whose answers (about 100 KB each) are never read: the server's writes stall.
        try:
            for _ in range(2000):
                sock.sendall(spec_request)
                sent += 1
        except (TimeoutError, ConnectionError):
            pass
        time.sleep(SHORT.request_seconds + 2)
        closed, data = _closed_within(sock, SLACK_SECONDS)

    answered = data.count(b"HTTP/1.1 200 ")
    assert closed
    assert answered < sent


class SlowClients:
    """`count` connections that each send a request head a line at a time, forever, from one thread; `closed`
    counts those the server closed (a 408, an end of stream or a reset)."""

    def __init__(self, port: int, count: int) -> None:
        self.selector = selectors.DefaultSelector()
        self.open: set[socket.socket] = set()
        self.closed = 0
        self.answers_408 = 0
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))  # non-blocking: the kernel completes it (or queues it)
            self.selector.register(sock, selectors.EVENT_READ)
            self.open.add(sock)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="slowloris")
        self._thread.start()

    def _run(self) -> None:
        started = False
        next_line = time.monotonic() + 0.3  # the connections are established by then
        while not self._stop.is_set():
            for key, _ in self.selector.select(timeout=0.1):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                try:
                    data = sock.recv(4096)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if data.startswith(b"HTTP/1.1 408 "):
                    self.answers_408 += 1
                if not data:
                    self._forget(sock)
            if time.monotonic() >= next_line:
                line = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" if not started else b"X-Slow: 1\r\n"
                started = True
                for sock in list(self.open):
                    try:
                        sock.send(line)
                    except (BlockingIOError, InterruptedError):
                        pass
                    except OSError:
                        self._forget(sock)
                next_line = time.monotonic() + 0.5

    def _forget(self, sock: socket.socket) -> None:
        if sock in self.open:
            self.open.discard(sock)
            self.selector.unregister(sock)
            sock.close()
            self.closed += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        for sock in list(self.open):
            self.selector.unregister(sock)
            sock.close()
        self.selector.close()


def _ordinary_get(port: int, timeout: float) -> int:
    """The status of one GET on a new connection, 0 when it got no answer in `timeout` seconds."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(_get_request("Connection: close"))
            _, data = _closed_within(sock, timeout)
    except OSError:
        return 0
    found = re.match(rb"HTTP/1\.1 (\d{3}) ", data)
    return int(found.group(1)) if found else 0


@pytest.fixture
def enough_descriptors() -> Iterator[None]:
    """This process may open the slow clients' sockets: its soft open-file limit raised within the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = BURST + 500
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the hard open-file limit ({hard}) is below the {wanted} descriptors this test needs")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.fixture
def served_under_1024_descriptors(enough_descriptors: None) -> Iterator[int]:
    """`python -m cloud_partner_portal_mock` in a process whose open-file limit is 1,024 (soft and hard), with a
    5 s request timeout; its port."""
    with served_mock("--request-timeout", "5", open_files=SERVED_LIMIT) as served:
        yield int(served.url.rsplit(":", 1)[1])


def test_ordinary_gets_are_answered_while_1100_slowloris_connections_are_open_under_1024_descriptors(
    served_under_1024_descriptors: int,
) -> None:
    port = served_under_1024_descriptors
    assert ServingLimits().fitted(SERVED_LIMIT).max_connections == SERVED_LIMIT - DESCRIPTORS_KEPT
    slow = SlowClients(port, SLOW_CLIENTS)
    try:
        time.sleep(2)  # every slow connection has sent part of a head and waits past the eviction grace
        statuses = []
        deadline = time.monotonic() + 40
        for _ in range(ORDINARY_GETS):
            statuses.append(_ordinary_get(port, timeout=10))
            if statuses[-1] != 200 or time.monotonic() > deadline:
                break
        still_open_during_gets = len(slow.open)
        ended_by = time.monotonic() + 5 + SLACK_SECONDS
        while slow.open and time.monotonic() < ended_by:
            time.sleep(0.2)
    finally:
        slow.stop()

    assert statuses == [200] * ORDINARY_GETS
    assert still_open_during_gets > 0  # the GETs were answered while slow connections were still held
    assert slow.closed == SLOW_CLIENTS  # none outlived the request timeout
    assert slow.answers_408 > 0


def _burst(port: int, count: int, seconds: float) -> list[int]:
    """`count` clients connect at once, each sends a GET (`Connection: close`) as soon as it can and reads its
    answer to the end; the status each got (0: none within `seconds`)."""
    selector = selectors.DefaultSelector()
    statuses = [0] * count
    received: dict[int, bytes] = {}
    for index in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        selector.register(sock, selectors.EVENT_WRITE, index)
    request = _get_request("Connection: close")
    deadline = time.monotonic() + seconds
    try:
        while selector.get_map() and time.monotonic() < deadline:
            for key, events in selector.select(timeout=0.5):
                sock, index = key.fileobj, key.data
                assert isinstance(sock, socket.socket)
                if events & selectors.EVENT_WRITE:
                    try:
                        sock.send(request)  # a small request fits in an empty socket buffer at once
                    except (BlockingIOError, InterruptedError):
                        continue
                    except OSError:
                        selector.unregister(sock)
                        sock.close()
                        continue
                    selector.modify(sock, selectors.EVENT_READ, index)
                    continue
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                received[index] = received.get(index, b"") + data
                if not data:
                    found = re.match(rb"HTTP/1\.1 (\d{3}) ", received[index])
                    statuses[index] = int(found.group(1)) if found else 0
                    selector.unregister(sock)
                    sock.close()
    finally:
        for key in list(selector.get_map().values()):
            selector.unregister(key.fileobj)
            key.fileobj.close()  # type: ignore[union-attr]
        selector.close()
    return statuses


def test_a_burst_of_3000_connections_under_1024_descriptors_gets_every_answer(
    served_under_1024_descriptors: int,
) -> None:
    statuses = _burst(served_under_1024_descriptors, BURST, BURST_SECONDS)

    assert statuses.count(200) == BURST, {status: statuses.count(status) for status in set(statuses)}
