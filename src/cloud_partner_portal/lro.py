"""Wait for a publishing operation: pollers shaped like the Azure SDK's `LROPoller`, over the generated client.

Publish, go live and (sometimes) cancel answer 202 with the operation's URL in a header and, as the pages show
it, no body. The pages give three forms, and the poller follows each (a GET of that URL answers the operation):
`Operation-Location` with an absolute URL and no api-version (2018), `Location` with a relative
`/api/publishers/{p}/offers/{o}/operations/{id}?api-version=…` (2020, offers migrated to Partner Center), and
`Location` (or `Operation-Location`) with the operation-status URL of offers not migrated,
`/api/operations/{p}${o}${n}${slot}?api-version=…`. A body naming the location (`operationLocation`, as the
cancel page's prose says) is used when there is one, never required. The operation is over once its status is
`completed` or `failed` (the pages), or `canceled` (the offer and step statuses' word, which the bundled mock
uses for a cancelled operation); any other status, or none, means it still runs.

A 200 from cancel, with no body and no header, means the running operation was cancelled synchronously: the
poller is done at once, `status()` is `canceled`, `location` is None (there is nothing to read), and `result()`
returns an `OperationDetail` the poller makes, whose only field is `status="canceled"`. When such a 200 names a
location after all, `result()` reads the operation there once.

    poller = begin_cancel(client, "contoso", "contoso-virtualmachineoffer", timeout=600)
    operation = poller.result()          # OperationDetail; raises OperationFailedError if it failed

    token = poller.continuation_token()  # later, in another process:
    poller = OperationPoller.from_continuation_token(client, token)

Unlike Azure's pollers, no background thread polls: `result()` and `wait()` poll in the calling thread (or
task), so `sleep` and `clock` can be injected and a test never sleeps. `OperationPoller` and
`AsyncOperationPoller` drive one shared, I/O-free state machine (`_PollingCore.steps`), which yields the GETs
and sleeps it wants and receives their outcomes.

Polling GETs go through the client's own httpx client (so they carry its bearer token), are retried on 429,
503 and transport errors with backoff (`max_retries` in a row), and honour `Retry-After`. The POST that starts
an operation is never retried here. The bearer token is only sent to the client's own origin: a location on
another host raises `OperationLocationError`, and a redirect is followed only on that origin (at most
`MAX_REDIRECTS` in a row), never to another host.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import re
import time
from collections.abc import Awaitable, Callable, Generator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Final, Protocol, Self, TypedDict, Unpack

import httpx
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation
from cloud_partner_portal_client.models import (
    NotificationMetadata,
    NotificationRequest,
    OperationDetail,
    OperationStatus,
    Step,
    StepStatus,
)
from cloud_partner_portal_client.types import UNSET, Response, Unset, parse_documented_body

from .errors import (
    ApiError,
    InvalidContinuationTokenError,
    OperationFailedError,
    OperationLocationError,
    OperationPollingError,
    OperationTimeoutError,
    describe_answer,
    unexpected_status_as_api_error,
)

__all__ = [
    "API_VERSION",
    "CANCELED",
    "MAX_REDIRECTS",
    "RETRYABLE_STATUSES",
    "TERMINAL_STATUSES",
    "UNKNOWN_STATUS",
    "ApiError",
    "AsyncOperationPoller",
    "AsyncPollOptions",
    "InvalidContinuationTokenError",
    "OperationFailedError",
    "OperationLocationError",
    "OperationPoller",
    "OperationPollingError",
    "OperationTimeoutError",
    "PollOptions",
    "ProgressEvent",
    "begin_cancel",
    "begin_cancel_async",
    "begin_go_live",
    "begin_go_live_async",
    "begin_publish",
    "begin_publish_async",
    "is_terminal",
    "normalize_status",
]

#: The only api-version of these calls (`components.parameters.ApiVersion` is a `const`); 2018 absolute
#: locations lack it, so the poller adds it.
API_VERSION: Final = "2017-10-31"
#: The status of a cancelled operation: not an operation status on the pages, but the word of the offer and step
#: statuses, which the bundled mock uses, and what a synchronous cancel's poller reports.
CANCELED: Final = "canceled"
#: The status of an operation whose answer had none (no response field is required): not terminal.
UNKNOWN_STATUS: Final = "unknown"
#: Statuses after which nothing changes any more, lower case: the pages' `completed` and `failed`, and `canceled`.
TERMINAL_STATUSES: Final = frozenset({OperationStatus.COMPLETED.value, OperationStatus.FAILED.value, CANCELED})
#: Answers to a polling GET that are retried (with `Retry-After` when the server sends one).
RETRYABLE_STATUSES: Final = frozenset({429, 503})
#: Redirects a polling GET follows in a row, each on the client's own origin.
MAX_REDIRECTS: Final = 5
_COMPLETE_STEP_STATUSES: Final = frozenset({StepStatus.COMPLETE.value, StepStatus.COMPLETED.value})
_STATUS_BY_LOWER: Final[dict[str, OperationStatus | str]] = {
    **{status.value.lower(): status for status in OperationStatus},
    CANCELED: CANCELED,
}
_LOCATION_HEADERS: Final = ("Operation-Location", "Location")
# The operation id in the 2018 and migrated forms, as the description's link `GetStartedOperation` reads it.
_OPERATION_ID_IN_LOCATION: Final = re.compile(r"/offers/[^/?#]+/operations/([^/?#]+)")
_ACCEPT_JSON: Final = {"Accept": "application/json"}
_TOKEN_VERSION: Final = 1


# --- statuses and progress ------------------------------------------------------------------------------------


def normalize_status(status: OperationStatus | str | Unset | None) -> OperationStatus | str:
    """The `OperationStatus` member a status names, compared case-insensitively (`canceled` as `CANCELED`);
    another string unchanged; no status (a field the answer left out, or not a string) as `UNKNOWN_STATUS`."""
    if isinstance(status, OperationStatus):
        return status
    if not isinstance(status, str) or not status.strip():
        return UNKNOWN_STATUS
    return _STATUS_BY_LOWER.get(status.strip().lower(), status)


def is_terminal(status: OperationStatus | str | Unset | None) -> bool:
    """Whether the status is `completed`, `failed` or `canceled` (any case). Other statuses, and none, still run."""
    return normalize_status(status) in TERMINAL_STATUSES


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _is_complete(step: Step) -> bool:
    return isinstance(step.status, str) and step.status.lower() in _COMPLETE_STEP_STATUSES


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """What the `progress` callback receives each time the operation's status, step or percentage changes.

    Attributes:
        status: the operation's status (normalized, see `normalize_status`; `unknown` when the answer had none).
        step: the display name (`stepName`) of the step in progress: the first step that is not complete.
            None when every step is complete, the operation lists none, or the step has no name.
        step_id: that step's `id` (`displaycertify`, `live`, ...), when it has one.
        percentage: that step's `progressPercentage` (None when absent); 100 when every step is complete, None
            without steps.
    """

    status: OperationStatus | str
    step: str | None
    step_id: str | None
    percentage: int | None

    @classmethod
    def from_detail(cls, detail: OperationDetail) -> ProgressEvent:
        status = normalize_status(detail.status)
        steps = detail.steps or []
        current = next((step for step in steps if not _is_complete(step)), None)
        if current is None:
            return cls(status, None, None, 100 if steps else None)
        percentage = current.progress_percentage
        return cls(
            status,
            _text(current.step_name),
            _text(current.id),
            percentage if isinstance(percentage, int) and not isinstance(percentage, bool) else None,
        )


# --- options --------------------------------------------------------------------------------------------------


class _CommonPollOptions(TypedDict, total=False):
    interval: float
    max_interval: float
    backoff: float
    timeout: float | None
    max_retries: int
    raise_on_failure: bool
    progress: Callable[[ProgressEvent], object] | None
    clock: Callable[[], float]


class PollOptions(_CommonPollOptions, total=False):
    """Keyword options of `OperationPoller` and the `begin_*` functions.

    interval: seconds before the second GET (default 5); each further wait is `backoff` (default 2) times the
        previous one, up to `max_interval` (default 60). A `Retry-After` on an answer replaces the computed wait.
    timeout: default for `result()` / `wait()`: seconds a call waits before giving up (None, the default: forever).
    max_retries: retries of a GET that answered 429 or 503 or did not get through, in a row (default 5).
    raise_on_failure: whether `result()` raises `OperationFailedError` for a `failed` operation (default True).
    progress: called with a `ProgressEvent` after each GET that shows a change.
    sleep: how to wait (default `time.sleep`); clock: a monotonic clock in seconds (default `time.monotonic`).
    """

    sleep: Callable[[float], object]


class AsyncPollOptions(_CommonPollOptions, total=False):
    """Keyword options of `AsyncOperationPoller` and the `begin_*_async` functions: as `PollOptions`, with an
    awaitable `sleep` (default `asyncio.sleep`; pass `trio.sleep` or `anyio.sleep` on other event loops)."""

    sleep: Callable[[float], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class _Policy:
    interval: float = 5.0
    max_interval: float = 60.0
    backoff: float = 2.0
    timeout: float | None = None
    max_retries: int = 5
    raise_on_failure: bool = True
    progress: Callable[[ProgressEvent], object] | None = None
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        if not self.interval >= 0:
            raise ValueError(f"interval must be >= 0 seconds, got {self.interval}")
        if not self.max_interval >= 0:
            raise ValueError(f"max_interval must be >= 0 seconds, got {self.max_interval}")
        if not self.backoff >= 1:
            raise ValueError(f"backoff must be >= 1, got {self.backoff}")
        if self.timeout is not None and not self.timeout >= 0:
            raise ValueError(f"timeout must be >= 0 seconds or None, got {self.timeout}")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")

    def delay(self, attempt: int) -> float:
        """The wait before GET number `attempt + 1` of a series: interval, interval*backoff, ... up to the max."""
        return min(self.interval * self.backoff ** min(attempt, 64), self.max_interval)


def _policy(options: _CommonPollOptions) -> _Policy:
    default = _Policy()
    return _Policy(
        interval=options.get("interval", default.interval),
        max_interval=options.get("max_interval", default.max_interval),
        backoff=options.get("backoff", default.backoff),
        timeout=options.get("timeout", default.timeout),
        max_retries=options.get("max_retries", default.max_retries),
        raise_on_failure=options.get("raise_on_failure", default.raise_on_failure),
        progress=options.get("progress", default.progress),
        clock=options.get("clock", default.clock),
    )


# --- where to poll --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Start:
    """Where a poller starts: the location as given (None: a synchronous answer that names no operation), whether
    the operation is already over, its id if known, and its last status if known."""

    location: str | None
    done: bool = False
    operation_id: str | None = None
    status: OperationStatus | str | None = None


def _body_reference(content: bytes) -> tuple[str | None, str | None]:
    """(operationLocation, operationId) of a body that names them, as the cancel page's prose says a body does
    (no page shows one); (None, None) for no body or any other body."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    return _text(data.get("operationLocation")), _text(data.get("operationId"))


def _operation_id_in(location: str) -> str | None:
    """The operation id of a 2018 or migrated location (`.../offers/{o}/operations/{id}`); None for the legacy
    `/api/operations/{p}${o}${n}${slot}` form, whose segment is no operation id."""
    match = _OPERATION_ID_IN_LOCATION.search(location)
    return match.group(1) if match else None


def _start_from_response(response: Response[Any], call: str | None, *, synchronous_ok: bool = True) -> _Start:
    """Where to poll after the answer to publish, go live or cancel.

    202: the location from `Operation-Location`, else `Location`, else the body's `operationLocation`; one is
    needed. 200: cancel's synchronous answer when `synchronous_ok` (the operation is over; a location is used
    if named, not needed); for publish and go live, whose pages document no 200, it is read like a 202.
    """
    status = int(response.status_code)
    if status not in (httpx.codes.OK, httpx.codes.ACCEPTED):
        raise ApiError.from_response(response, call=call)
    headers = httpx.Headers(response.headers)
    body_location, body_operation_id = _body_reference(response.content)
    candidates = [headers.get(name) for name in _LOCATION_HEADERS] + [body_location]
    location = next((c.strip() for c in candidates if c is not None and c.strip()), None)
    synchronous = status == httpx.codes.OK and synchronous_ok
    if location is None and not synchronous:
        raise OperationLocationError(
            f"{call or 'the call'} answered {status} with no Operation-Location header, no Location header and no "
            "operationLocation in the body: there is no operation to poll",
            status_code=status,
            body=response.content,
        )
    operation_id = body_operation_id or (_operation_id_in(location) if location is not None else None)
    return _Start(location, done=synchronous, operation_id=operation_id, status=CANCELED if synchronous else None)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default_port


def _same_origin_url(location: str, base_url: httpx.URL, *, relative_to: httpx.URL | None = None) -> httpx.URL:
    """`location` resolved against `relative_to` (default: the client's base URL); OperationLocationError unless
    it is an http(s) URL on the base URL's origin, the only one the bearer token is sent to."""
    try:
        url = (relative_to or base_url).join(location)
    except httpx.InvalidURL as exc:
        raise OperationLocationError(f"operation location {location!r} is not a URL: {exc}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise OperationLocationError(f"operation location {location!r} is not an http(s) URL")
    if _origin(url) != _origin(base_url):
        raise OperationLocationError(
            f"operation location {url} is not on the client's base URL {base_url}: the poller does not send the "
            "bearer token to another host (use a client whose base_url is that host)"
        )
    return url


def _polling_url(location: str, base_url: httpx.URL) -> str:
    """The absolute URL to GET: `location` resolved against the client's base URL, with `api-version`."""
    url = _same_origin_url(location, base_url)
    if "api-version" not in url.params:
        url = url.copy_add_param("api-version", API_VERSION)
    return str(url)


def _encode_token(location: str | None, *, done: bool, operation_id: str | None, status: OperationStatus | str) -> str:
    # The location is kept as its path and query: shorter to paste, and resolved against the resuming client's base
    # URL like any relative location. A synchronous cancel has none.
    payload: dict[str, object] = {"v": _TOKEN_VERSION, "d": done, "s": str(status)}
    if location is not None:
        payload["l"] = httpx.URL(location).raw_path.decode("ascii")
    if operation_id is not None:
        payload["i"] = operation_id
    raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_token(token: str) -> _Start:
    text = token.strip()
    try:
        data = json.loads(base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii")))
    except ValueError as exc:  # binascii.Error, UnicodeError and JSONDecodeError are all ValueErrors
        raise InvalidContinuationTokenError(f"{token[:40]!r} is not a continuation token of this package") from exc
    if not isinstance(data, dict) or data.get("v") != _TOKEN_VERSION:
        raise InvalidContinuationTokenError(f"{token[:40]!r} is not a continuation token of this package")
    location, done, operation_id, status = data.get("l"), data.get("d"), data.get("i"), data.get("s")
    if not isinstance(done, bool):
        raise InvalidContinuationTokenError("continuation token without its state")
    if location is None and done:  # a synchronous cancel: nothing to read
        return _Start(None, done=True, status=CANCELED)
    if not isinstance(location, str) or not location.startswith("/"):
        raise InvalidContinuationTokenError("continuation token without a location")
    if operation_id is not None and not isinstance(operation_id, str):
        raise InvalidContinuationTokenError("continuation token with a malformed operation id")
    known = normalize_status(status) if isinstance(status, str) and status else None
    return _Start(location, done=done, operation_id=operation_id, status=known)


# --- reading one answer ---------------------------------------------------------------------------------------


def _retry_after(response: httpx.Response) -> float | None:
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


def _parse_detail(location: str, response: httpx.Response) -> OperationDetail:
    detail = parse_documented_body(response, _operation_from_json)
    if detail is None:
        raise OperationPollingError(
            location,
            status_code=response.status_code,
            body=response.content,
            reason=f"{describe_answer(response.status_code, response.content)}; expected an operation",
        )
    return detail


# --- the shared state machine ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Get:
    url: str


@dataclass(frozen=True, slots=True)
class _Sleep:
    seconds: float


_Effect = _Get | _Sleep
#: What a driver sends back: the GET's response or request error, or None after a sleep.
_Reply = httpx.Response | httpx.RequestError | None


class _PollingCore:
    """Everything a poller knows and decides, without I/O; both pollers run `steps()` with their own I/O."""

    def __init__(self, start: _Start, base_url: httpx.URL, policy: _Policy) -> None:
        if start.location is None and not start.done:
            raise ValueError("a poller without a location must be done (a synchronous cancel): pass done=True")
        self.base_url = base_url
        self.location = None if start.location is None else _polling_url(start.location, base_url)
        self.operation_id = start.operation_id
        self.policy = policy
        # `finished`: nothing will change any more. A 200 cancel is finished before its first GET.
        self.finished = start.done
        self.status: OperationStatus | str = start.status or OperationStatus.NOT_STARTED
        self.detail: OperationDetail | None = None
        if self.location is None:  # a synchronous cancel that named no operation: nothing to read, ever
            self.status = CANCELED
            self.detail = OperationDetail(status=CANCELED)
        self.last_event: ProgressEvent | None = None
        self._polls = 0  # non-terminal answers so far: the exponent of the backoff
        self._failures = 0  # retryable failures in a row

    @property
    def settled(self) -> bool:
        return self.finished and self.detail is not None

    def token(self) -> str:
        return _encode_token(self.location, done=self.finished, operation_id=self.operation_id, status=self.status)

    def steps(self, timeout: float | None) -> Generator[_Effect, _Reply, None]:
        """GET until the operation is over; raises OperationTimeoutError once `timeout` seconds have passed."""
        location = self.location
        if location is None or self.settled:
            return
        limit = self.policy.timeout if timeout is None else timeout
        started = self.policy.clock()
        while True:
            delay = self._on_reply(location, (yield from self._get(location)))
            if self.settled:
                return
            elapsed = self.policy.clock() - started
            if limit is not None:
                if elapsed >= limit:
                    step = self.last_event.step if self.last_event is not None else None
                    raise OperationTimeoutError(location, elapsed=elapsed, status=self.status, step=step)
                delay = min(delay, limit - elapsed)
            yield _Sleep(delay)

    def outcome(self) -> OperationDetail:
        """The final operation, once settled; raises OperationFailedError for `failed` if so configured."""
        if self.detail is None:
            raise RuntimeError("the operation has not been read yet")
        if self.policy.raise_on_failure and self.status == OperationStatus.FAILED:
            raise OperationFailedError(self.location, self.detail)
        return self.detail

    def _get(self, location: str) -> Generator[_Effect, _Reply, _Reply]:
        """One GET of the operation, following up to MAX_REDIRECTS redirects on the client's own origin."""
        reply = yield _Get(location)
        hops = 0
        while isinstance(reply, httpx.Response) and reply.has_redirect_location:
            hops += 1
            if hops > MAX_REDIRECTS:
                raise OperationPollingError(
                    location, status_code=reply.status_code, reason=f"more than {MAX_REDIRECTS} redirects in a row"
                )
            reply = yield _Get(self._redirect_target(location, reply))
        return reply

    def _redirect_target(self, location: str, reply: httpx.Response) -> str:
        target = reply.headers["Location"]
        try:
            return str(_same_origin_url(target, self.base_url, relative_to=reply.url))
        except OperationLocationError as exc:
            raise OperationPollingError(
                location, status_code=reply.status_code, reason=f"redirected, and not followed: {exc}"
            ) from exc

    def _on_reply(self, location: str, reply: _Reply) -> float:
        """Take in one GET's outcome; the seconds to wait before the next GET (ignored once settled)."""
        if isinstance(reply, httpx.TransportError):
            return self._retry(location, None, b"", None, cause=reply)
        if isinstance(reply, httpx.RequestError):  # e.g. a body that does not decode: not a passing failure
            raise OperationPollingError(
                location, status_code=None, reason=f"{type(reply).__name__}: {reply}"
            ) from reply
        if not isinstance(reply, httpx.Response):
            raise TypeError("a GET must be answered with an httpx.Response or an httpx.RequestError")
        if reply.status_code in RETRYABLE_STATUSES:
            return self._retry(location, reply.status_code, reply.content, _retry_after(reply))
        if reply.status_code != httpx.codes.OK:
            raise OperationPollingError(
                location, status_code=reply.status_code, body=reply.content, attempts=self._failures + 1
            )
        detail = _parse_detail(location, reply)
        self._failures = 0
        self._observe(detail)
        if self.finished or is_terminal(self.status):
            self.finished = True
            return 0.0
        wait = self.policy.delay(self._polls)
        self._polls += 1
        hint = _retry_after(reply)
        return wait if hint is None else hint

    def _retry(
        self,
        location: str,
        status_code: int | None,
        body: bytes,
        retry_after: float | None,
        cause: Exception | None = None,
    ) -> float:
        self._failures += 1
        if self._failures <= self.policy.max_retries:
            return retry_after if retry_after is not None else self.policy.delay(self._failures - 1)
        attempts, self._failures = self._failures, 0  # a later result()/wait() starts a fresh series
        reason = f"{type(cause).__name__}: {cause}" if cause is not None else None
        error = OperationPollingError(location, status_code=status_code, body=body, reason=reason, attempts=attempts)
        raise error from cause

    def _observe(self, detail: OperationDetail) -> None:
        self.detail = detail
        self.status = normalize_status(detail.status)
        event = ProgressEvent.from_detail(detail)
        if event != self.last_event:
            self.last_event = event
            if self.policy.progress is not None:
                self.policy.progress(event)


# --- the pollers ----------------------------------------------------------------------------------------------


class _PollerBase:
    """What both pollers answer without I/O."""

    _core: _PollingCore

    def status(self) -> OperationStatus | str:
        """The last status read: `notStarted` before the first GET, `canceled` for a synchronous cancel,
        `unknown` when the last answer had none (see `normalize_status`)."""
        return self._core.status

    def done(self) -> bool:
        """Whether the operation is over (terminal status read, or a synchronous 200 cancel)."""
        return self._core.finished

    def continuation_token(self) -> str:
        """An opaque string to resume waiting later, in this process or another: `from_continuation_token`."""
        return self._core.token()

    @property
    def location(self) -> str | None:
        """The absolute URL polled (with `api-version`); None for a synchronous cancel that named no operation."""
        return self._core.location

    @property
    def operation_id(self) -> str | None:
        """The operation's id, from the answer's body or its location (`.../operations/{id}`), when either has it."""
        return self._core.operation_id

    @property
    def detail(self) -> OperationDetail | None:
        """The operation as last read, or None before the first GET. For a synchronous cancel that named no
        operation: the `OperationDetail(status="canceled")` that `result()` returns, made by the poller."""
        return self._core.detail

    @property
    def last_event(self) -> ProgressEvent | None:
        """The last progress seen, or None before the first GET."""
        return self._core.last_event

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._core.location} status={self._core.status!s} done={self.done()}>"


class OperationPoller(_PollerBase):
    """Waits for one operation, polling in the calling thread.

    Args:
        client: the generated client; GETs go through its httpx client, so they carry its token.
        location: the operation's URL, absolute (on the client's host) or relative to the client's base URL; None
            only with `done`, for a synchronous cancel that named no operation (`result()` then reads nothing).
        done: the operation is already over (a 200 cancel): `result()` reads it once, without waiting.
        operation_id, status: what is already known of the operation.
        **options: see `PollOptions`.
    """

    def __init__(
        self,
        client: AuthenticatedClient,
        location: str | None,
        *,
        done: bool = False,
        operation_id: str | None = None,
        status: OperationStatus | str | None = None,
        **options: Unpack[PollOptions],
    ) -> None:
        self._client = client
        self._sleep: Callable[[float], object] = options.get("sleep", time.sleep)
        start = _Start(location, done=done, operation_id=operation_id, status=status)
        self._core = _PollingCore(start, client.get_httpx_client().base_url, _policy(options))

    @classmethod
    def from_response(
        cls,
        client: AuthenticatedClient,
        response: Response[Any],
        **options: Unpack[PollOptions],
    ) -> Self:
        """From the `*_detailed` answer of cancel, publish or go live. A 200 is read as cancel's synchronous answer
        (done; its location, if any, is read once). Raises ApiError for an error status and OperationLocationError
        when a 202 names no location."""
        start = _start_from_response(response, None)
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    @classmethod
    def from_location(cls, client: AuthenticatedClient, location: str, **options: Unpack[PollOptions]) -> Self:
        """From an `Operation-Location` value, absolute or relative to the client's base URL."""
        return cls(client, location, **options)

    @classmethod
    def from_continuation_token(cls, client: AuthenticatedClient, token: str, **options: Unpack[PollOptions]) -> Self:
        """From `continuation_token()`. Raises InvalidContinuationTokenError for anything else."""
        start = _decode_token(token)
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    def wait(self, timeout: float | None = None) -> None:
        """Poll until the operation is over or `timeout` seconds (default: the poller's `timeout`) have passed.

        Never raises for a timeout or a failed operation (see `done()`, `status()`); raises OperationPollingError.
        """
        try:
            self._drive(timeout)
        except OperationTimeoutError:
            return

    def result(self, timeout: float | None = None) -> OperationDetail:
        """Poll until the operation is over and return it.

        Raises:
            OperationTimeoutError: not over within `timeout` seconds (default: the poller's `timeout`).
            OperationFailedError: it ended `failed` (unless `raise_on_failure=False`); `.detail` has the operation.
            OperationPollingError: a GET answered an error, or retries ran out.
        """
        self._drive(timeout)
        return self._core.outcome()

    def _drive(self, timeout: float | None) -> None:
        http = self._client.get_httpx_client()
        steps = self._core.steps(timeout)
        reply: _Reply = None
        while True:
            try:
                effect = steps.send(reply)
            except StopIteration:
                return
            if isinstance(effect, _Sleep):
                self._sleep(effect.seconds)
                reply = None
                continue
            try:
                reply = http.get(effect.url, headers=_ACCEPT_JSON, follow_redirects=False)
            except httpx.RequestError as exc:
                reply = exc


class AsyncOperationPoller(_PollerBase):
    """Waits for one operation in an async task; `await poller` is `await poller.result()`.

    Arguments as `OperationPoller`; `**options`: see `AsyncPollOptions`.
    """

    def __init__(
        self,
        client: AuthenticatedClient,
        location: str | None,
        *,
        done: bool = False,
        operation_id: str | None = None,
        status: OperationStatus | str | None = None,
        **options: Unpack[AsyncPollOptions],
    ) -> None:
        self._client = client
        self._sleep: Callable[[float], Awaitable[object]] = options.get("sleep", asyncio.sleep)
        start = _Start(location, done=done, operation_id=operation_id, status=status)
        self._core = _PollingCore(start, client.get_async_httpx_client().base_url, _policy(options))

    @classmethod
    def from_response(
        cls,
        client: AuthenticatedClient,
        response: Response[Any],
        **options: Unpack[AsyncPollOptions],
    ) -> Self:
        """As `OperationPoller.from_response`."""
        start = _start_from_response(response, None)
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    @classmethod
    def from_location(cls, client: AuthenticatedClient, location: str, **options: Unpack[AsyncPollOptions]) -> Self:
        """As `OperationPoller.from_location`."""
        return cls(client, location, **options)

    @classmethod
    def from_continuation_token(
        cls, client: AuthenticatedClient, token: str, **options: Unpack[AsyncPollOptions]
    ) -> Self:
        """As `OperationPoller.from_continuation_token`."""
        start = _decode_token(token)
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    # Not asyncio.timeout(): this timeout reads the injected clock, polls a last time at the deadline and raises
    # OperationTimeoutError naming the location and the last status, as the sync poller does.
    async def wait(self, timeout: float | None = None) -> None:  # noqa: ASYNC109
        """As `OperationPoller.wait`."""
        try:
            await self._drive(timeout)
        except OperationTimeoutError:
            return

    async def result(self, timeout: float | None = None) -> OperationDetail:  # noqa: ASYNC109
        """As `OperationPoller.result`."""
        await self._drive(timeout)
        return self._core.outcome()

    def __await__(self) -> Generator[Any, None, OperationDetail]:
        return self.result().__await__()

    async def _drive(self, limit: float | None) -> None:
        http = self._client.get_async_httpx_client()
        steps = self._core.steps(limit)
        reply: _Reply = None
        while True:
            try:
                effect = steps.send(reply)
            except StopIteration:
                return
            if isinstance(effect, _Sleep):
                await self._sleep(effect.seconds)
                reply = None
                continue
            try:
                reply = await http.get(effect.url, headers=_ACCEPT_JSON, follow_redirects=False)
            except httpx.RequestError as exc:
                reply = exc


# --- begin_*: one POST, then a poller -------------------------------------------------------------------------


class _StartCall(Protocol):
    def __call__(
        self, publisher_id: str, offer_id: str, *, client: AuthenticatedClient, body: NotificationRequest | Unset = ...
    ) -> Response[Any]: ...


class _AsyncStartCall(Protocol):
    def __call__(
        self, publisher_id: str, offer_id: str, *, client: AuthenticatedClient, body: NotificationRequest | Unset = ...
    ) -> Awaitable[Response[Any]]: ...


def _notification_body(emails: str | Sequence[str] | None) -> NotificationRequest | Unset:
    """The optional body: addresses as one comma-separated string or a sequence; none at all sends no body."""
    if emails is None:
        return UNSET
    joined = emails if isinstance(emails, str) else ",".join(e.strip() for e in emails)
    if not joined.strip():
        return UNSET
    return NotificationRequest(metadata=NotificationMetadata(notification_emails=joined))


#: The one call whose pages document a 200: cancel, done synchronously.
_SYNCHRONOUS_CALL: Final = "cancelOperation"


def _begin(
    call: str,
    send: _StartCall,
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    emails: str | Sequence[str] | None,
    options: PollOptions,
) -> OperationPoller:
    with unexpected_status_as_api_error(call):
        response = send(publisher_id, offer_id, client=client, body=_notification_body(emails))
    start = _start_from_response(response, call, synchronous_ok=call == _SYNCHRONOUS_CALL)
    return OperationPoller(
        client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
    )


async def _begin_async(
    call: str,
    send: _AsyncStartCall,
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    emails: str | Sequence[str] | None,
    options: AsyncPollOptions,
) -> AsyncOperationPoller:
    with unexpected_status_as_api_error(call):
        response = await send(publisher_id, offer_id, client=client, body=_notification_body(emails))
    start = _start_from_response(response, call, synchronous_ok=call == _SYNCHRONOUS_CALL)
    return AsyncOperationPoller(
        client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
    )


def begin_cancel(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Cancel the operation running on the offer (one POST, never retried) and return its poller.

    A 202 gives a poller of the cancel operation: `result()` is that operation, `completed` once the cancel is
    done. A 200 (cancelled synchronously) gives a poller that is already done, with `status()` `canceled`: when
    the answer names no operation (the pages show none) `result()` returns `OperationDetail(status="canceled")`,
    made by the poller, and `location` is None; when it names one, `result()` reads it once. Raises ApiError for
    an error status (with or without the API's error body) and OperationLocationError for a 202 naming no
    location.
    """
    return _begin(
        "cancelOperation",
        cancel_operation.sync_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


def begin_publish(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start publishing the offer (one POST) and return the poller of the publish operation.

    Raises ApiError for an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "publishOffer", publish_offer.sync_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )


def begin_go_live(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start pushing the offer live (one POST) and return the poller of the go-live operation.

    Raises ApiError for an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "goLiveOffer", go_live_offer.sync_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )


async def begin_cancel_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_cancel`, with the async client."""
    return await _begin_async(
        "cancelOperation",
        cancel_operation.asyncio_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


async def begin_publish_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_publish`, with the async client."""
    return await _begin_async(
        "publishOffer",
        publish_offer.asyncio_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


async def begin_go_live_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_go_live`, with the async client."""
    return await _begin_async(
        "goLiveOffer", go_live_offer.asyncio_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )
