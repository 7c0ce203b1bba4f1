"""A request body's JSON value: sent as JSON (415), valid UTF-8 (400) and valid JSON (400).

These checks run before the body is validated against its schema, each with a 400 that says what was wrong
(where the bytes stop being UTF-8, where the JSON breaks). How many bytes are read is `http.request_body`'s.
"""

from __future__ import annotations

import json
from typing import Any

from ..state.errors import ApiError, clip

JSON_MEDIA_TYPE = "application/json"


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
