"""The errors of the hand-written layer, each carrying what a caller needs to act on it.

Every class derives from `CloudPartnerPortalError`. Transport failures of a single call (`httpx.TransportError`)
are not wrapped: the POSTs that start an operation are never retried, so the caller sees httpx's own error.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cloud_partner_portal_client.models import ErrorDetail, ErrorResponse

if TYPE_CHECKING:
    from cloud_partner_portal_client.models import OperationDetail, OperationStatus
    from cloud_partner_portal_client.types import Response

__all__ = [
    "ApiError",
    "CloudPartnerPortalError",
    "InvalidContinuationTokenError",
    "OperationFailedError",
    "OperationLocationError",
    "OperationPollingError",
    "OperationTimeoutError",
    "error_detail_from_body",
]


def error_detail_from_body(body: bytes) -> ErrorDetail | None:
    """The `error` of the API's error body `{"error": {"code", "message"}}`, or None when the body is not one."""
    try:
        data = json.loads(body)
        return ErrorResponse.from_dict(data).error if isinstance(data, dict) else None
    except (ValueError, KeyError, TypeError):
        return None


def _describe_body(status_code: int | None, error: ErrorDetail | None, body: bytes) -> str:
    status = f"HTTP {status_code}" if status_code is not None else "no answer"
    if error is not None:
        return f"{status} {error.code}: {error.message}"
    text = body.decode("utf-8", errors="replace").strip()
    return f"{status}: {text[:200]}" if text else status


class CloudPartnerPortalError(Exception):
    """Base class of the errors raised by `cloud_partner_portal`."""


class ApiError(CloudPartnerPortalError):
    """A call answered an error status (a documented 4xx, or a status the description does not list).

    Attributes:
        status_code: the HTTP status.
        error: the parsed error body (`code`, `message`), or None when the body was not the API's error body.
        body: the raw response body.
        call: the operationId of the call (`cancelOperation`, `publishOffer`, ...), when known.
    """

    def __init__(self, status_code: int, body: bytes, *, call: str | None = None) -> None:
        self.status_code = status_code
        self.body = body
        self.call = call
        self.error = error_detail_from_body(body)
        prefix = f"{call} answered " if call else ""
        super().__init__(prefix + _describe_body(status_code, self.error, body))

    @classmethod
    def from_response(cls, response: Response[Any], *, call: str | None = None) -> ApiError:
        return cls(int(response.status_code), response.content, call=call)

    @property
    def code(self) -> str | None:
        return self.error.code if self.error is not None else None

    @property
    def message(self) -> str | None:
        return self.error.message if self.error is not None else None


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


class OperationPollingError(CloudPartnerPortalError):
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

    @property
    def code(self) -> str | None:
        return self.error.code if self.error is not None else None

    @property
    def message(self) -> str | None:
        return self.error.message if self.error is not None else None


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
        location: the URL polled.
        detail: the final `OperationDetail`, whose `messages` and `steps[].messages` say why.
    """

    def __init__(self, location: str, detail: OperationDetail) -> None:
        self.location = location
        self.detail = detail
        reasons = [m.message_html for m in detail.messages if str(m.level) == "error"]
        reasons += [
            f"{s.step_name}: {m.message_html}" for s in detail.steps for m in s.messages if str(m.level) == "error"
        ]
        why = f": {'; '.join(reasons)}" if reasons else ""
        super().__init__(f"operation {location} failed{why}")


class InvalidContinuationTokenError(CloudPartnerPortalError, ValueError):
    """A continuation token that this package did not make (or that was cut or altered)."""
