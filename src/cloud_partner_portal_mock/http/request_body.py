"""Reading a request body: bounded (413), and a client that hangs up in the middle of it (400).

An oversized body must be refused without being read to its end. A 413 also closes the connection
(`Connection: close`), so that the server does not go on reading and discarding the rest of a huge upload to keep
the connection alive. A client that hangs up in the middle of its body gets a 400 it will not read, rather than a
logged traceback. What the bytes must be (JSON, UTF-8) is `validation.json_body`'s.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request

from ..state.errors import ApiError, clip


def _too_large(limit: int, size: int | None) -> ApiError:
    told = f"is {size} bytes" if size is not None else f"is more than {limit} bytes"
    message = f"The request body {told}; at most {limit} are accepted."
    return ApiError(413, "PayloadTooLarge", message, {"Connection": "close"})


async def read_body(request: Request, limit: int) -> bytes:
    """The body's bytes, refusing (413) one over `limit` by its Content-Length or, without one, by what
    arrives, reading no more than `limit + 1` bytes' worth of chunks."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "InvalidRequest", f"Content-Length: {clip(declared)} is not a number of bytes.")
        if int(declared) > limit:
            raise _too_large(limit, int(declared))
    chunks: list[bytes] = []
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise _too_large(limit, None)
            chunks.append(chunk)
    except ClientDisconnect:
        raise ApiError(
            400, "IncompleteRequestBody", f"The client closed the connection after {received} bytes of the body."
        ) from None
    return b"".join(chunks)
