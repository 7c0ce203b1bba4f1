"""The error body of an `ApiError` (`state.errors`): `{"error": {"code", "message"}}` with its status and headers."""

from __future__ import annotations

from starlette.responses import JSONResponse

from ..state.errors import ApiError, encodable

MAX_MESSAGE_CHARS = 500


def error_response(error: ApiError) -> JSONResponse:
    message = encodable(error.message)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return JSONResponse(
        {"error": {"code": error.code, "message": message}},
        status_code=error.status,
        headers=error.headers,
    )
