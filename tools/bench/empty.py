"""An ASGI app that does nothing but answer `{}`: served by the same uvicorn as the mock, it is the ceiling any
app can reach on this server (HTTP parsing in h11, the event loop, the sockets), measured beside Prism."""

from __future__ import annotations

from typing import Any


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"{}"})
