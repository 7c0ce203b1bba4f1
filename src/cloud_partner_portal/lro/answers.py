"""Reading the service's answers: the 200 or 202 that starts an operation, and a GET of the operation.

A 202 of publish, go live or cancel names the operation (see `locations`). A 200 from cancel, with no body and no
header, means the running operation was cancelled synchronously: the poller is done at once. The GET of the
operation answers the operation itself, or the one-element array the page's example shows; its `Retry-After`,
in seconds or as an HTTP date, sets the next wait.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from cloud_partner_portal_client.models import OperationDetail
from cloud_partner_portal_client.types import Response, parse_documented_body

from ..errors import ApiError, OperationLocationError, OperationPollingError, describe_answer
from .locations import named_location
from .start import Start
from .statuses import CANCELED

__all__ = ["parse_operation", "retry_after", "start_from_response"]


def start_from_response(response: Response[Any], call: str | None, *, synchronous_ok: bool = True) -> Start:
    """Where to poll after the answer to publish, go live or cancel.

    202: the location the answer names; one is needed. 200: cancel's synchronous answer when `synchronous_ok` (the
    operation is over; a location is used if named, not needed); for publish and go live, whose pages document no
    200, it is read like a 202. Any other status: ApiError.
    """
    status = int(response.status_code)
    if status not in (httpx.codes.OK, httpx.codes.ACCEPTED):
        raise ApiError.from_response(response, call=call)
    location, operation_id = named_location(httpx.Headers(response.headers), response.content)
    synchronous = status == httpx.codes.OK and synchronous_ok
    if location is None and not synchronous:
        raise OperationLocationError(
            f"{call or 'the call'} answered {status} with no Operation-Location header, no Location header and no "
            "operationLocation in the body: there is no operation to poll",
            status_code=status,
            body=response.content,
        )
    return Start(location, done=synchronous, operation_id=operation_id, status=CANCELED if synchronous else None)


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks to wait (`Retry-After` as seconds or as an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (_aware(when) - _server_now(response)).total_seconds()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _server_now(response: httpx.Response) -> datetime:
    """The answer's `Date` (so that a `Retry-After` date does not depend on clock skew), else the local time."""
    try:
        return _aware(parsedate_to_datetime(response.headers["Date"]))
    except (KeyError, TypeError, ValueError):
        return datetime.now(UTC)


def _operation_from_json(data: Any) -> OperationDetail:
    # The page's example wraps the one operation in an array; the service is taken to answer the object itself
    # (an inference, shared by a third-party client), and the example's form is read too.
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    return OperationDetail.from_dict(data)


def parse_operation(location: str, response: httpx.Response) -> OperationDetail:
    """The operation a 200 of its GET carries; OperationPollingError saying what came instead."""
    detail = parse_documented_body(response, _operation_from_json)
    if detail is None:
        raise OperationPollingError(
            location,
            status_code=response.status_code,
            body=response.content,
            reason=f"{describe_answer(response.status_code, response.content)}; expected an operation",
        )
    return detail
