"""The API's errors as data: the exception that carries a status, code and message (`http.error_responses`
renders it as the error body, `{"error": {"code", "message"}}`), and the quoting its messages use."""

from __future__ import annotations

from collections.abc import Mapping


class ApiError(Exception):
    """A documented error answer: status, machine-readable code, a message that names the thing."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def clip(text: str, limit: int = 80) -> str:
    """`text` quoted, shortened for a message (request values can be up to 64 KiB)."""
    if len(text) <= limit:
        return f"'{text}'"
    return f"'{text[:limit]}…' ({len(text)} characters)"


def encodable(text: str) -> str:
    """`text` with each character UTF-8 cannot encode written as its escape (`\\ud800`): a JSON body can carry a
    lone surrogate (`"\\ud800"` decodes to one), messages quote request values, and Starlette encodes its JSON
    as UTF-8, which fails on one (a 500 instead of the 400)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def offer_not_found(publisher_id: str, offer_id: str) -> ApiError:
    return ApiError(404, "OfferNotFound", f"Offer '{offer_id}' of publisher '{publisher_id}' does not exist.")
