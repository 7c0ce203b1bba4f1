"""Closing a connection without a response, which ASGI has no message for (the `drop` fault).

An app that raises makes uvicorn log "Exception in ASGI application" with a traceback and answer 500; one that
returns without answering makes it log an error and answer 500 too. So the app reaches the connection itself:
`MockApp` keeps the server's own `send` in the scope (before Starlette's middleware wraps it), and uvicorn's
`send` is a method of the request cycle, which holds the transport. Closing it makes the client read the end
of the stream before any response (httpx: `RemoteProtocolError: Server disconnected without sending a
response`); the app then waits for uvicorn to see the disconnect, so that it logs nothing and sends nothing.

With no such transport (the app in-process, under `TestClient` or `httpx.ASGITransport`), the app raises the
error an httpx client gets from a real dropped connection, which both transports pass on to the caller.
"""

from __future__ import annotations

from typing import Any

import anyio
import httpx
from starlette.types import Receive, Scope

SERVER_SEND = "cloud_partner_portal_mock.server_send"
"""Scope key of the server's `send`, set by `app.MockApp`."""
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
