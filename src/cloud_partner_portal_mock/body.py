"""Reading a request body: bounded (413), JSON only (415), valid UTF-8 and JSON (400).

These checks run before the body is validated: a body that is not UTF-8 makes openapi-core's own error crash
when printed (`MediaTypeDeserializeError.__str__` decodes the bytes), and an oversized body must be refused
without being read to its end. A 413 also closes the connection (`Connection: close`), so that the server does
not go on reading and discarding the rest of a huge upload to keep the connection alive. A client that hangs up
in the middle of its body gets a 400 it will not read, rather than a logged traceback.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import ClientDisconnect, Request

from .errors import ApiError, clip

JSON_MEDIA_TYPE = "application/json"


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


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def decode_json(body: bytes, content_type: str | None) -> object:
    """The JSON value of a non-empty body sent as application/json."""
    if media_type(content_type) != JSON_MEDIA_TYPE:
        sent = f"Content-Type {clip(content_type)}" if content_type else "A body without Content-Type"
        raise ApiError(415, "UnsupportedMediaType", f"{sent} is not supported; send {JSON_MEDIA_TYPE}.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400, "InvalidRequestBody", f"request body: byte {exc.start} (0x{body[exc.start]:02x}) is not valid UTF-8."
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "InvalidRequestBody",
            f"request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).",
        ) from None
    except ValueError as exc:
        raise ApiError(400, "InvalidRequestBody", f"request body is not valid JSON: {exc}.") from None
    except RecursionError:
        raise ApiError(400, "InvalidRequestBody", "request body is nested too deeply.") from None
