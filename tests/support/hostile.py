"""Hostile HTTP servers on loopback: one that accepts and never answers, one that drips its body a byte at a time,
one that answers a `Retry-After` of any kind, one that sends a gzip bomb. Raw sockets, so that nothing between the
test and the client smooths the hostility away.

    with HostileServer(silent) as server:
        client = AuthenticatedClient(server.base_url, token=TOKEN)
"""

from __future__ import annotations

import json
import socket
import threading
import time
import zlib
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from support.fake_api import operation_body

#: How an answer is sent: to the connection, with the server's stop event (set when the test is over).
Behaviour = Callable[[socket.socket, threading.Event], None]


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "Connection: close", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def silent(_connection: socket.socket, stop: threading.Event) -> None:
    """Accepts the request and never answers."""
    stop.wait(60)


def dripping(connection: socket.socket, stop: threading.Event) -> None:
    """Announces a 200 with a long body, then sends it one byte every 0.25 s."""
    body = json.dumps(operation_body("running")).encode() * 1000
    connection.sendall(_head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))}))
    for byte in body:
        if stop.wait(0.25):
            return
        connection.sendall(bytes([byte]))


def answering(status: int, body: Any, headers: dict[str, str] | None = None) -> Behaviour:
    """Answers `status` with `body` as JSON and `headers`."""
    content = json.dumps(body).encode()

    def answer(connection: socket.socket, _stop: threading.Event) -> None:
        fields = {"Content-Type": "application/json", "Content-Length": str(len(content)), **(headers or {})}
        connection.sendall(_head(status, fields) + content)

    return answer


def gzip_bomb(decoded_bytes: int) -> Behaviour:
    """Answers a 200 whose gzip body decodes to `decoded_bytes` of spaces (about a thousandth of that sent)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(decoded_bytes // len(chunk))]
    parts.append(compressor.flush())
    content = b"".join(parts)

    def answer(connection: socket.socket, _stop: threading.Event) -> None:
        fields = {"Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": str(len(content))}
        connection.sendall(_head(200, fields) + content)

    return answer


def outcome_within(seconds: float, call: Callable[[], Any]) -> tuple[float, BaseException | None]:
    """How long `call` took and what it raised; fails if it has not returned within `seconds`."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            raised.append(exc)

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still blocked after {seconds} s"
    return time.monotonic() - started, (raised[0] if raised else None)


class HostileServer:
    """Serves `behaviour` on a free loopback port, each connection in a thread; `requests`: the request lines seen.
    A list of behaviours is served in turn, the last one repeated."""

    def __init__(self, *behaviours: Behaviour) -> None:
        self._behaviours = list(behaviours)
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        host, port = self._listener.getsockname()[:2]
        self.base_url = f"http://{host}:{port}"
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> Self:
        self._acceptor.start()
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stop.set()
        self._acceptor.join(5)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            behaviour = self._behaviours.pop(0) if len(self._behaviours) > 1 else self._behaviours[0]
            thread = threading.Thread(target=self._serve, args=(connection, behaviour), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket, behaviour: Behaviour) -> None:
        with connection:
            connection.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    data = connection.recv(65536)
                    if not data:
                        return
                    head += data
                self.requests.append(head.split(b"\r\n", 1)[0].decode())
                behaviour(connection, self._stop)
            except OSError:  # the client gave up and closed: what a hostile test expects
                return
