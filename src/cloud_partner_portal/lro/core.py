"""The polling state machine, without I/O: what both pollers know and decide.

`PollingCore.effects()` is a generator of the effects it wants, a `Get` of a URL or a `Sleep` of some seconds, and
receives each GET's outcome (`Reply`); the sync and the async poller each run it with their own I/O, so every
decision (backoff, `Retry-After`, retries, redirects, the timeout, progress, the end) is made here once, and a test
never sleeps. Every wait between two GETs is within [max(interval, `MIN_WAIT`), `MAX_WAIT`] (see `limits`), a
`Retry-After` included, but the last one, which ends at the deadline. Polling GETs are retried on 429, 503 and
transport errors with backoff (`max_retries` in a row), and a redirect is followed only on the client's own origin
(at most `MAX_REDIRECTS` in a row), never to another host.

`poll_if_due()` is the other way to move: at most one GET, and only once the wait the last answer asked for (or,
before the first, one `interval` after the poller was made) has passed; never a sleep. It is what the pollers'
`done()` and `status()` do, so that `while not poller.done(): sleep(...)` ends without polling more often than
`result()` would.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Final

import httpx
from cloud_partner_portal_client.models import OperationDetail, OperationStatus

from ..errors import OperationFailedError, OperationLocationError, OperationPollingError, OperationTimeoutError
from .answers import parse_operation, retry_after
from .limits import DEFAULT_REQUEST_TIMEOUT, clamp_wait
from .locations import polling_url, same_origin_url
from .options import Policy
from .progress import ProgressEvent
from .start import Start
from .statuses import CANCELED, is_terminal, normalize_status
from .token import encode_token

__all__ = ["MAX_REDIRECTS", "RETRYABLE_STATUSES", "Effect", "Get", "PollingCore", "Reply", "Sleep"]

#: Answers to a polling GET that are retried (with `Retry-After` when the server sends one).
RETRYABLE_STATUSES: Final = frozenset({429, 503})
#: Redirects a polling GET follows in a row, each on the client's own origin.
MAX_REDIRECTS: Final = 5


@dataclass(frozen=True, slots=True)
class Get:
    """GET this URL and send back the response, or the `httpx.RequestError` that stopped it; `deadline` (on the
    policy's clock, None: none) is when the whole of it, body included, must be over (see `limits`)."""

    url: str
    deadline: float | None = None


@dataclass(frozen=True, slots=True)
class Sleep:
    """Wait this many seconds, then send back None."""

    seconds: float


Effect = Get | Sleep
#: What a driver sends back: the GET's response or request error, or None after a sleep.
Reply = httpx.Response | httpx.RequestError | None


class PollingCore:
    """Everything a poller knows and decides, without I/O; both pollers run `effects()` with their own I/O."""

    def __init__(self, start: Start, base_url: httpx.URL, policy: Policy) -> None:
        if start.location is None and not start.done:
            raise ValueError("a poller without a location must be done (a synchronous cancel): pass done=True")
        self.base_url = base_url
        self.location = None if start.location is None else polling_url(start.location, base_url)
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
        # When `poll_if_due` may GET next, on the policy's clock: the wait an answer asked for, counted from it.
        self._due = policy.clock() + policy.interval

    @property
    def settled(self) -> bool:
        return self.finished and self.detail is not None

    def token(self) -> str:
        """The continuation token of what is known now."""
        return encode_token(Start(self.location, self.finished, self.operation_id, self.status))

    def effects(self, timeout: float | None) -> Generator[Effect, Reply, None]:
        """GET until the operation is over; raises OperationTimeoutError once `timeout` seconds have passed."""
        location = self.location
        if location is None or self.settled:
            return
        limit = self.policy.timeout if timeout is None else timeout
        started = self.policy.clock()
        deadline = None if limit is None else started + limit
        while True:
            delay = self._on_reply(location, (yield from self._get(location, deadline)))
            self._due = self.policy.clock() + delay
            if self.settled:
                return
            elapsed = self.policy.clock() - started
            if limit is not None:
                if elapsed >= limit:
                    step = self.last_event.step if self.last_event is not None else None
                    raise OperationTimeoutError(location, elapsed=elapsed, status=self.status, step=step)
                delay = min(delay, limit - elapsed)
            yield Sleep(delay)

    def poll_if_due(self) -> Generator[Effect, Reply, None]:
        """One GET (redirects followed) if the next poll is due on the policy's clock, none otherwise; never a
        sleep. The GET's body must be in within `DEFAULT_REQUEST_TIMEOUT` seconds."""
        location = self.location
        now = self.policy.clock()
        if location is None or self.settled or now < self._due:
            return
        delay = self._on_reply(location, (yield from self._get(location, now + DEFAULT_REQUEST_TIMEOUT)))
        self._due = self.policy.clock() + delay

    def outcome(self) -> OperationDetail:
        """The final operation, once settled; raises OperationFailedError for `failed` if so configured."""
        if self.detail is None:
            raise RuntimeError("the operation has not been read yet")
        if self.policy.raise_on_failure and self.status == OperationStatus.FAILED:
            raise OperationFailedError(self.location, self.detail)
        return self.detail

    def _get(self, location: str, deadline: float | None) -> Generator[Effect, Reply, Reply]:
        """One GET of the operation, following up to MAX_REDIRECTS redirects on the client's own origin."""
        reply = yield Get(location, deadline)
        hops = 0
        while isinstance(reply, httpx.Response) and reply.has_redirect_location:
            hops += 1
            if hops > MAX_REDIRECTS:
                raise OperationPollingError(
                    location, status_code=reply.status_code, reason=f"more than {MAX_REDIRECTS} redirects in a row"
                )
            reply = yield Get(self._redirect_target(location, reply), deadline)
        return reply

    def _redirect_target(self, location: str, reply: httpx.Response) -> str:
        target = reply.headers["Location"]
        try:
            return str(same_origin_url(target, self.base_url, relative_to=reply.url))
        except OperationLocationError as exc:
            raise OperationPollingError(
                location, status_code=reply.status_code, reason=f"redirected, and not followed: {exc}"
            ) from exc

    def _on_reply(self, location: str, reply: Reply) -> float:
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
            return self._retry(location, reply.status_code, reply.content, retry_after(reply))
        if reply.status_code != httpx.codes.OK:
            raise OperationPollingError(
                location, status_code=reply.status_code, body=reply.content, attempts=self._failures + 1
            )
        detail = parse_operation(location, reply)
        self._failures = 0
        self._observe(detail)
        if self.finished or is_terminal(self.status):
            self.finished = True
            return 0.0
        wait = self.policy.delay(self._polls)
        self._polls += 1
        hint = retry_after(reply)
        return clamp_wait(wait if hint is None else hint, self.policy.interval)

    def _retry(
        self,
        location: str,
        status_code: int | None,
        body: bytes,
        hint: float | None,
        cause: Exception | None = None,
    ) -> float:
        """The wait before retrying (`hint`: the answer's `Retry-After`), or OperationPollingError once retries ran
        out."""
        self._failures += 1
        if self._failures <= self.policy.max_retries:
            return clamp_wait(hint if hint is not None else self.policy.delay(self._failures - 1), self.policy.interval)
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
