"""The pollers, shaped like the Azure SDK's `LROPoller`: `OperationPoller` (sync) and `AsyncOperationPoller`.

Unlike Azure's pollers, no background thread polls: `result()` and `wait()` poll in the calling thread (or task),
so `sleep` and `clock` can be injected and a test never sleeps. Both drive the same I/O-free `PollingCore`: they
do the GETs and sleeps its `effects()` asks for, through the client's own httpx client (so the GETs carry its
bearer token), and send back what came of them. Each GET is bounded as `limits` says: a timeout in every phase,
never much past the deadline, and a body of at most `MAX_RESPONSE_BYTES`, read before the deadline (plus `GRACE`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any, Final, Self, Unpack, cast

import httpx
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.models import OperationDetail, OperationStatus
from cloud_partner_portal_client.types import Response

from ..errors import OperationTimeoutError
from .answers import start_from_response
from .core import Effect, Get, PollingCore, Reply, Sleep
from .limits import GRACE, read_bounded, read_bounded_async, request_timeout
from .options import AsyncPollOptions, CommonPollOptions, Policy, PollOptions, default_async_sleep, default_sleep
from .progress import ProgressEvent
from .start import Start
from .token import decode_token
from .transport import POLLER_EXTENSION

__all__ = ["AsyncOperationPoller", "OperationPoller"]

_ACCEPT_JSON: Final = {"Accept": "application/json"}
# The poller retries its GETs itself: a `BoundedTransport` under the client leaves them alone.
_POLLER_GET: Final = {POLLER_EXTENSION: True}


def _advance(effects: Generator[Effect, Reply, None], reply: Reply) -> Effect | None:
    """The core's next effect once it has `reply`; None when it is done."""
    try:
        return effects.send(reply)
    except StopIteration:
        return None


class _Bounds:
    """The limits of one GET: its per-phase timeout and the deadline of its body, on the policy's clock."""

    def __init__(self, effect: Get, timeout: httpx.Timeout, clock: Callable[[], float]) -> None:
        remaining = None if effect.deadline is None else effect.deadline - clock()
        self.timeout = request_timeout(timeout, remaining)
        self.deadline = None if effect.deadline is None else effect.deadline + GRACE
        self.clock = clock


class _PollerBase:
    """What both pollers share: the one constructor path, and what they answer without I/O."""

    _core: PollingCore

    def __init__(
        self,
        client: AuthenticatedClient,
        location: str | None,
        *,
        done: bool = False,
        operation_id: str | None = None,
        status: OperationStatus | str | None = None,
        **options: Any,
    ) -> None:
        self._client = client
        start = Start(location, done=done, operation_id=operation_id, status=status)
        policy = Policy.from_options(cast(CommonPollOptions, options))
        self._core = PollingCore(start, self._base_url(client), policy)

    @classmethod
    def _from_start(cls, client: AuthenticatedClient, start: Start, options: Mapping[str, Any]) -> Self:
        """The poller of a `Start`: how an answer, a continuation token and `begin_*` make one."""
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    def _base_url(self, client: AuthenticatedClient) -> httpx.URL:
        raise NotImplementedError

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
        self._sleep: Callable[[float], object] = options.get("sleep", default_sleep())
        super().__init__(client, location, done=done, operation_id=operation_id, status=status, **options)

    def _base_url(self, client: AuthenticatedClient) -> httpx.URL:
        return client.get_httpx_client().base_url

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
        return cls._from_start(client, start_from_response(response, None), options)

    @classmethod
    def from_location(cls, client: AuthenticatedClient, location: str, **options: Unpack[PollOptions]) -> Self:
        """From an `Operation-Location` value, absolute or relative to the client's base URL."""
        return cls(client, location, **options)

    @classmethod
    def from_continuation_token(cls, client: AuthenticatedClient, token: str, **options: Unpack[PollOptions]) -> Self:
        """From `continuation_token()`. Raises InvalidContinuationTokenError for anything else."""
        return cls._from_start(client, decode_token(token), options)

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
        effects = self._core.effects(timeout)
        reply: Reply = None
        while (effect := _advance(effects, reply)) is not None:
            if isinstance(effect, Sleep):
                self._sleep(effect.seconds)
                reply = None
                continue
            bounds = _Bounds(effect, http.timeout, self._core.policy.clock)
            try:
                with http.stream(
                    "GET",
                    effect.url,
                    headers=_ACCEPT_JSON,
                    follow_redirects=False,
                    timeout=bounds.timeout,
                    extensions=_POLLER_GET,
                ) as response:
                    reply = read_bounded(response, deadline=bounds.deadline, clock=bounds.clock)
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
        self._sleep: Callable[[float], Awaitable[object]] = options.get("sleep", default_async_sleep())
        super().__init__(client, location, done=done, operation_id=operation_id, status=status, **options)

    def _base_url(self, client: AuthenticatedClient) -> httpx.URL:
        return client.get_async_httpx_client().base_url

    @classmethod
    def from_response(
        cls,
        client: AuthenticatedClient,
        response: Response[Any],
        **options: Unpack[AsyncPollOptions],
    ) -> Self:
        """As `OperationPoller.from_response`."""
        return cls._from_start(client, start_from_response(response, None), options)

    @classmethod
    def from_location(cls, client: AuthenticatedClient, location: str, **options: Unpack[AsyncPollOptions]) -> Self:
        """As `OperationPoller.from_location`."""
        return cls(client, location, **options)

    @classmethod
    def from_continuation_token(
        cls, client: AuthenticatedClient, token: str, **options: Unpack[AsyncPollOptions]
    ) -> Self:
        """As `OperationPoller.from_continuation_token`."""
        return cls._from_start(client, decode_token(token), options)

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
        effects = self._core.effects(limit)
        reply: Reply = None
        while (effect := _advance(effects, reply)) is not None:
            if isinstance(effect, Sleep):
                await self._sleep(effect.seconds)
                reply = None
                continue
            bounds = _Bounds(effect, http.timeout, self._core.policy.clock)
            try:
                async with http.stream(
                    "GET",
                    effect.url,
                    headers=_ACCEPT_JSON,
                    follow_redirects=False,
                    timeout=bounds.timeout,
                    extensions=_POLLER_GET,
                ) as response:
                    reply = await read_bounded_async(response, deadline=bounds.deadline, clock=bounds.clock)
            except httpx.RequestError as exc:
                reply = exc
