"""A uvicorn protocol and server with caps: httptools (C parser), a cap on the request head, time limits, a
connection limit. How uvicorn serves the mock.

uvicorn's httptools protocol is fast, but left as it is, a client can hold the mock's connections for good: it
buffers a request head of any size, arms its keep-alive timer only after a response (a connection that never
sends a byte stays open), sets no time limit on a request that arrives a byte at a time (slowloris), and its
server accepts every pending connection at once, so once the open-file limit is reached the event loop (libuv)
accepts and closes the whole backlog unanswered. `ServingLimits` states what the mock allows instead:

- a request head of at most `MAX_HEAD_BYTES` (plus one read): past it, uvicorn's own 400 and the connection closed;
- `keep_alive_seconds` without a byte on a connection (before its first request or between two) closes it;
- `request_seconds` from a request's first byte to its last (head and body), else 408 (or, mid-body, the
  connection closed); a response the client leaves unread as long closes the connection too;
- at most `max_connections` open connections, fewer when the open-file limit is lower (`fitted`). `LimitedUvicornServer`
  accepts connections itself, one at a time, only while there is room, so a burst waits in the kernel's listen
  queue instead of being dropped. At the limit, the connection that has waited longest on its client (idle, or
  still sending its request) for at least `EVICTION_GRACE_SECONDS` is closed to make room: slow connections
  cannot lock ordinary clients out.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import logging
import socket
import sys
import time
from collections import OrderedDict
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .limits import EVICTION_GRACE_SECONDS, LISTEN_BACKLOG, MAX_HEAD_BYTES, ServingLimits

log = logging.getLogger(__package__)

ROOM_POLL_SECONDS = 0.25
_ACCEPT_ERRORS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


class ConnectionTable:
    """The open connections that wait on their client (idle, or with a request not yet complete), the one that
    has waited longest first, and a signal for each connection closed."""

    def __init__(self, limits: ServingLimits) -> None:
        self.limits = limits
        self.waiting: OrderedDict[LimitedHttpToolsProtocol, float] = OrderedDict()
        self.closed = asyncio.Event()

    def wait_on_client(self, connection: LimitedHttpToolsProtocol) -> None:
        self.waiting.pop(connection, None)
        self.waiting[connection] = time.monotonic()

    def answering(self, connection: LimitedHttpToolsProtocol) -> None:
        self.waiting.pop(connection, None)

    def lost(self, connection: LimitedHttpToolsProtocol) -> None:
        self.waiting.pop(connection, None)
        self.closed.set()

    def longest_waiting(self, at_least: float) -> LimitedHttpToolsProtocol | None:
        for connection, since in self.waiting.items():
            return connection if time.monotonic() - since >= at_least else None
        return None


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the head cap, the time limits and its place in a `ConnectionTable`."""

    def __init__(self, *args: Any, table: ConnectionTable | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table = table
        self.limits = table.limits if table is not None else ServingLimits()
        self._head_complete = False
        self._head_bytes = 0
        self._heads_seen = 0
        self._owed = 0
        """Requests received whole and not yet answered."""
        self._request_deadline: asyncio.TimerHandle | None = None
        self._write_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # uvicorn arms its keep-alive timer after each response only; a connection that never sends is idle too.
        self.timeout_keep_alive_task = self.loop.call_later(self.timeout_keep_alive, self.timeout_keep_alive_handler)
        if self.table is not None:
            self.table.wait_on_client(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._clear_request_deadline()
        self._clear_write_deadline()
        if self.table is not None:
            self.table.lost(self)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        heads_seen = self._heads_seen
        super().data_received(data)
        # Count the read only when no head was completed in it (a read may hold a whole request, head and body)
        # and a head is still pending.
        if self._heads_seen == heads_seen and not self._head_complete:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES and not self.transport.is_closing():
                self.send_400_response("Request head too large.")
        # Bytes while nothing is owed: a request is under way, and it has `request_seconds` to arrive.
        if self._owed == 0 and self._request_deadline is None and not self.transport.is_closing():
            self._request_deadline = self.loop.call_later(self.limits.request_seconds, self._request_too_slow)

    def on_headers_complete(self) -> None:
        self._head_complete = True
        self._heads_seen += 1
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._clear_request_deadline()
        if self.cycle is not None and not self.cycle.response_complete:
            self._owed += 1
            if self.table is not None:
                self.table.answering(self)
        super().on_message_complete()
        self._head_complete = False
        self._head_bytes = 0

    def on_response_complete(self) -> None:
        self._owed = max(0, self._owed - 1)
        super().on_response_complete()
        if self._owed == 0 and self.table is not None and not self.transport.is_closing():
            self.table.wait_on_client(self)

    def pause_writing(self) -> None:
        super().pause_writing()
        # The client does not read what it asked for: it gets as long as a request may take to arrive.
        if self._write_deadline is None:
            self._write_deadline = self.loop.call_later(self.limits.request_seconds, self.transport.abort)

    def resume_writing(self) -> None:
        self._clear_write_deadline()
        super().resume_writing()

    def evict(self) -> None:
        """Close this connection (it waits on its client) to make room for a new one."""
        self.transport.abort()

    def _clear_request_deadline(self) -> None:
        if self._request_deadline is not None:
            self._request_deadline.cancel()
            self._request_deadline = None

    def _clear_write_deadline(self) -> None:
        if self._write_deadline is not None:
            self._write_deadline.cancel()
            self._write_deadline = None

    def _request_too_slow(self) -> None:
        self._request_deadline = None
        if self.transport.is_closing():
            return
        if self._head_complete:
            self.transport.close()  # mid-body: the app is reading it and sees the client gone
            return
        message = b"Request not received in time."
        head = b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
        self.transport.write(head + b"content-length: %d\r\n\r\n" % len(message) + message)
        self.transport.close()


HTTP_PROTOCOL = LimitedHttpToolsProtocol


class LimitedUvicornServer(uvicorn.Server):
    """uvicorn's server, accepting connections itself while there is room (`ServingLimits.max_connections`)."""

    def __init__(self, config: uvicorn.Config, limits: ServingLimits) -> None:
        super().__init__(config)
        self.limits = limits
        self._accepting: list[asyncio.Task[None]] = []
        self._table: ConnectionTable | None = None
        self._own_sockets: list[socket.socket] = []
        self._warned = False

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's startup, but accepting in `_accept`: on `sockets` (bound), or on one bound to the config's
        host and port, announced once it listens."""
        await self.lifespan.startup()
        if self.lifespan.should_exit:
            sys.exit(STARTUP_FAILURE)
        if not sockets:
            self._own_sockets = sockets = [self._bind()]
        self._table = ConnectionTable(self.limits)
        protocol = functools.partial(
            LimitedHttpToolsProtocol,
            config=self.config,
            server_state=self.server_state,
            app_state=self.lifespan.state,
            table=self._table,
        )
        self.servers = []
        for sock in sockets:
            sock.setblocking(False)
            sock.listen(self.config.backlog)
            self._accepting.append(asyncio.create_task(self._accept(sock, protocol)))
        if self._own_sockets:
            host, port = self._own_sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            # uvicorn's own words, which tools and tests wait for; said only once connections are accepted.
            logging.getLogger("uvicorn.error").info(
                "Uvicorn running on http://%s:%d (Press CTRL+C to quit)", shown, port
            )
        self.started = True

    def _bind(self) -> socket.socket:
        host, port = self.config.host, self.config.port
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            return socket.create_server((host, port), family=family, backlog=self.config.backlog)
        except OSError as exc:
            logging.getLogger("uvicorn.error").error(exc)
            sys.exit(STARTUP_FAILURE)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for task in self._accepting:
            task.cancel()
        await asyncio.gather(*self._accepting, return_exceptions=True)
        await super().shutdown([*(sockets or []), *self._own_sockets])

    async def _accept(self, sock: socket.socket, protocol: functools.partial[LimitedHttpToolsProtocol]) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._room()
            try:
                connection, _ = await loop.sock_accept(sock)
            except OSError as exc:
                if exc.errno not in _ACCEPT_ERRORS:
                    raise
                log.warning("accepting a connection failed (%s); retrying in %s s", exc.strerror, ROOM_POLL_SECONDS)
                await asyncio.sleep(ROOM_POLL_SECONDS)
                continue
            try:
                await loop.connect_accepted_socket(protocol, connection)
            except OSError:
                connection.close()  # the client left before it was served

    async def _room(self) -> None:
        """Return once a connection may be accepted; at the limit, close the one that has waited longest."""
        assert self._table is not None
        while len(self.server_state.connections) >= self.limits.max_connections:
            if not self._warned:
                log.warning(
                    "%d connections open, the limit: closing those that wait longest on their client to make room",
                    self.limits.max_connections,
                )
                self._warned = True
            self._table.closed.clear()
            if (longest := self._table.longest_waiting(EVICTION_GRACE_SECONDS)) is not None:
                self._table.answering(longest)  # not chosen twice
                longest.evict()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._table.closed.wait(), ROOM_POLL_SECONDS)


def uvicorn_config(app: Any, limits: ServingLimits, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for the mock: httptools with the limits above; `options` as `uvicorn.Config`'s."""
    config = uvicorn.Config(app, http=HTTP_PROTOCOL, backlog=LISTEN_BACKLOG, **options)
    # reason: typed as whole seconds, but only ever a delay for `call_later`, where fractions work.
    config.timeout_keep_alive = limits.keep_alive_seconds  # type: ignore[assignment]
    return config
