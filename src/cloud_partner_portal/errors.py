"""The errors of the hand-written layer, each carrying what a caller needs to act on it.

Every class derives from `CloudPartnerPortalError`. Transport failures of a single call (`httpx.TransportError`)
are not wrapped: the POSTs that start an operation are never retried, so the caller sees httpx's own error.
"""

from __future__ import annotations

import json
from collections.abc import Generator
from contextlib import contextmanager
from html.parser import HTMLParser
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from cloud_partner_portal_client.errors import UnexpectedStatus
from cloud_partner_portal_client.models import ErrorDetail
from cloud_partner_portal_client.types import UNSET

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cloud_partner_portal_client.models import Message, OperationDetail, OperationStatus
    from cloud_partner_portal_client.types import Response, Unset

__all__ = [
    "ApiError",
    "CloudPartnerPortalError",
    "InvalidContinuationTokenError",
    "OperationFailedError",
    "OperationLocationError",
    "OperationPollingError",
    "OperationTimeoutError",
    "describe_answer",
    "error_detail_from_body",
    "unexpected_status_as_api_error",
]

#: How much of a body that is not the API's error body (or of an HTML page's title) an error message quotes.
_QUOTED_CHARS = 200
#: How much of an error body's code or message an error message quotes.
_ERROR_TEXT_CHARS = 1000
#: How much of a body is searched for an HTML page's title.
_HTML_SCAN_BYTES = 64 * 1024


def error_detail_from_body(body: bytes) -> ErrorDetail | None:
    """The `error` of the API's error body `{"error": {"code", "message"}}`, or None when the body is not one.

    The pages say an error *may* carry this body: an empty body, a page from a gateway or a body of another
    shape gives None, never an exception. A `code` or `message` that is not a string is dropped.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return None
    code, message = error.get("code"), error.get("message")
    if not isinstance(code, str) and not isinstance(message, str):
        return None
    return ErrorDetail(
        code=code if isinstance(code, str) else UNSET, message=message if isinstance(message, str) else UNSET
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


class _TitleReader(HTMLParser):
    """The text of an HTML page's first <title>, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title" and self.title is None

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data


def one_line(text: str, limit: int = _ERROR_TEXT_CHARS) -> str:
    """At most `limit` characters of `text` (`…` when cut), whitespace runs as one space and control characters
    gone, so that a message stays one safe line of a bounded length."""
    head = text[: limit * 4]  # enough for `limit` characters once whitespace runs are squeezed
    line = " ".join("".join(c if c.isprintable() else " " for c in head).split())
    return line if len(line) <= limit and len(head) == len(text) else line[:limit] + "…"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:256].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<title")) or "<html" in head


def describe_answer(status_code: int | None, body: bytes) -> str:
    """One line saying what an answer was: its status, then its error body or what the body was instead."""
    return _describe_body(status_code, error_detail_from_body(body), body)


def _describe_body(status_code: int | None, error: ErrorDetail | None, body: bytes) -> str:
    """`HTTP 404 NoOperationInProgress: No operation…`, `HTTP 404 Not Found (no body)`, `HTTP 503 Service
    Unavailable (an HTML page: "…")`, or `HTTP 502 Bad Gateway: <the text>`; always one line."""
    if status_code is None:
        status = "no answer"
    else:
        try:
            status = f"HTTP {status_code} {HTTPStatus(status_code).phrase}"
        except ValueError:
            status = f"HTTP {status_code}"
    if error is not None:
        code, message = _text(error.code), _text(error.message)
        if code is not None and message is not None:
            return f"HTTP {status_code} {one_line(code)}: {one_line(message)}"
        return f"{status}: {one_line(code or message or '')}"
    text = body.decode("utf-8", errors="replace")
    if not text.strip():
        return f"{status} (no body)"
    if _looks_like_html(text):
        reader = _TitleReader()
        reader.feed(body[:_HTML_SCAN_BYTES].decode("utf-8", errors="replace"))
        title = one_line(reader.title or "", _QUOTED_CHARS)
        return f'{status} (an HTML page: "{title}")' if title else f"{status} (an HTML page)"
    return f"{status}: {one_line(text, _QUOTED_CHARS)}"


class CloudPartnerPortalError(Exception):
    """Base class of the errors raised by `cloud_partner_portal`."""


class _ErrorAnswer:
    """The `code` and `message` of an answer's error body, None when it had none (the pages make it optional)."""

    error: ErrorDetail | None

    @property
    def code(self) -> str | None:
        return _text(self.error.code) if self.error is not None else None

    @property
    def message(self) -> str | None:
        return _text(self.error.message) if self.error is not None else None


class ApiError(_ErrorAnswer, CloudPartnerPortalError):
    """A call answered an error status (a documented 4xx, or a status the description does not list), or a
    success whose body is not what the call returns.

    The message is one line: the status, then the error body's code and message, or what the body was instead
    (none, an HTML page from a gateway, plain text).

    Attributes:
        status_code: the HTTP status.
        error: the parsed error body (`code`, `message`), or None when the body was not the API's error body.
        body: the raw response body.
        call: the operationId of the call (`cancelOperation`, `publishOffer`, ...), when known.
    """

    def __init__(self, status_code: int, body: bytes, *, call: str | None = None, reason: str | None = None) -> None:
        """`reason`, when given, is added after the description of the answer (e.g. "expected an operation")."""
        self.status_code = status_code
        self.body = body
        self.call = call
        self.error = error_detail_from_body(body)
        prefix = f"{call} answered " if call else ""
        because = f"; {reason}" if reason else ""
        super().__init__(prefix + _describe_body(status_code, self.error, body) + because)

    @classmethod
    def from_response(cls, response: Response[Any], *, call: str | None = None, reason: str | None = None) -> ApiError:
        return cls(int(response.status_code), response.content, call=call, reason=reason)


@contextmanager
def unexpected_status_as_api_error(call: str) -> Generator[None]:
    """Turn the generated client's `UnexpectedStatus` into `ApiError`, so that every error status reads the same.

    The generated functions raise it for a status the description does not list when the client was made with
    `raise_on_unexpected_status=True`, and always for a status that is not a registered HTTP status (a 520
    from a front end).
    """
    try:
        yield
    except UnexpectedStatus as exc:
        raise ApiError(exc.status_code, exc.content, call=call) from exc


class OperationLocationError(CloudPartnerPortalError, ValueError):
    """No usable operation location: a 200/202 answer that names none, or one the poller refuses to follow.

    Attributes:
        status_code: the status of the answer that lacked a location, when there was one.
        body: that answer's body (empty when not from an answer).
    """

    def __init__(self, message: str, *, status_code: int | None = None, body: bytes = b"") -> None:
        self.status_code = status_code
        self.body = body
        super().__init__(message)


class OperationPollingError(_ErrorAnswer, CloudPartnerPortalError):
    """Reading the operation failed: an error status, an answer that is not an operation, or retries exhausted.

    Attributes:
        location: the URL polled.
        status_code: the HTTP status of the last answer, or None when the server could not be reached.
        error: the parsed error body (`code`, `message`), or None.
        body: the raw body of the last answer.
        attempts: how many GETs the last poll took (1 when the error was not retried).
    """

    def __init__(
        self,
        location: str,
        *,
        status_code: int | None,
        body: bytes = b"",
        reason: str | None = None,
        attempts: int = 1,
    ) -> None:
        self.location = location
        self.status_code = status_code
        self.body = body
        self.error = error_detail_from_body(body)
        self.attempts = attempts
        what = reason if reason is not None else _describe_body(status_code, self.error, body)
        tries = f" (gave up after {attempts} attempts)" if attempts > 1 else ""
        super().__init__(f"polling {location}: {what}{tries}")


class OperationTimeoutError(CloudPartnerPortalError, TimeoutError):
    """The operation was not finished when the wait's timeout ran out. The operation itself goes on.

    Attributes:
        location: the URL polled.
        elapsed: seconds waited in the call that timed out.
        status: the last status read (or the initial one when no poll answered).
        step: the display name of the step in progress at the last poll, when known.
    """

    def __init__(
        self, location: str, *, elapsed: float, status: OperationStatus | str, step: str | None = None
    ) -> None:
        self.location = location
        self.elapsed = elapsed
        self.status = status
        self.step = step
        at_step = f", step {step!r}" if step else ""
        super().__init__(
            f"operation {location} still not finished after {elapsed:.1f} s; last status {status}{at_step}"
        )


class OperationFailedError(CloudPartnerPortalError):
    """The operation ended with status `failed` (raised by `result()` unless `raise_on_failure=False`).

    Attributes:
        location: the URL polled (None when there was nothing to poll).
        detail: the final `OperationDetail`, whose `messages` and `steps[].messages` say why.
    """

    def __init__(self, location: str | None, detail: OperationDetail) -> None:
        self.location = location
        self.detail = detail
        reasons = _error_texts(detail.messages)
        for step in detail.steps or ():
            name = _text(step.step_name) or _text(step.id) or "a step"
            reasons += [f"{name}: {text}" for text in _error_texts(step.messages)]
        why = f": {'; '.join(reasons)}" if reasons else ""
        what = f"operation {location}" if location is not None else "the operation"
        super().__init__(f"{what} failed{why}")


def _error_texts(messages: Sequence[Message] | Unset) -> list[str]:
    """The texts of the `error` messages; a message without text or level is skipped (no field is required)."""
    texts = (_text(m.message_html) for m in messages or () if str(m.level).lower() == "error")
    return [one_line(text) for text in texts if text]


class InvalidContinuationTokenError(CloudPartnerPortalError, ValueError):
    """A continuation token that this package did not make (or that was cut or altered)."""
