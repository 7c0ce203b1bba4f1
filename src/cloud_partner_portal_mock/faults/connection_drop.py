"""The `drop` fault's answer: closing the connection without a response, which ASGI has no message for.

An app that raises makes uvicorn log "Exception in ASGI application" with a traceback and answer 500; one that
returns without answering makes it log an error and answer 500 too. So the app reaches the connection itself:
`http.app.StarletteWithServerSend` keeps the server's own `send` in the scope (before Starlette's middleware wraps
it), and uvicorn's `send` is a method of the request cycle, which holds the transport. Closing it makes the client
read the end of the stream before any response (httpx: `RemoteProtocolError: Server disconnected without sending a
response`); the app then waits for uvicorn to see the disconnect, so that it logs nothing and sends nothing.

`ConnectionDrop` is that, as a Starlette `Response` a fault's `before` returns: the pipeline "sends" it as any
other answer. With no such transport (the app in-process, under `TestClient` or `httpx.ASGITransport`), the app
raises the error an httpx client gets from a real dropped connection, which both transports pass on to the caller.
"""

from __future__ import annotations

from typing import Any

import anyio
import httpx
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ..http.fault_hooks import SERVER_SEND

DISCONNECT_WAIT_SECONDS = 1.0


def _transport(scope: Scope) -> Any:
    cycle = getattr(scope.get(SERVER_SEND), "__self__", None)
    transport = getattr(cycle, "transport", None)
    return transport if callable(getattr(transport, "close", None)) else None


async def drop_connection(scope: Scope, receive: Receive, why: str) -> None:
    """Close the request's connection without a response (see the module's docstring)."""
    transport = _transport(scope)
    if transport is None:
        raise httpx.RemoteProtocolError(f"Server disconnected without sending a response (the mock's fault {why}).")
    transport.close()
    with anyio.move_on_after(DISCONNECT_WAIT_SECONDS):
        while (await receive())["type"] != "http.disconnect":
            pass


class ConnectionDrop(Response):
    """An answer that is no answer: sending it closes the connection (see the module's docstring)."""

    def __init__(self, why: str) -> None:
        super().__init__()
        self.why = why

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await drop_connection(scope, receive, self.why)
