"""The pollers, shaped like the Azure SDK's `LROPoller`: `OperationPoller` (sync) and `AsyncOperationPoller`.

`result()` and `wait()` poll in the calling thread (or task) until the end. Unlike azure-core's `LROPoller`, no
background thread polls: `done()` and `status()` make progress themselves instead, with at most one GET each and
only when the next poll is due (the wait the last answer asked for has passed; the first one `interval` after the
poller was made), never sleeping. So `while not poller.done(): time.sleep(5)` ends, without polling faster than
`result()` would, and `sleep` and `clock` can still be injected so that a test never sleeps: a thread would have
to be started, stopped and kept from outliving its client, and its errors would surface out of sight. The async
poller's `done()` and `status()` cannot await: on asyncio they start that one GET as a task (the next
`await asyncio.sleep(...)` lets it run; an error it met is raised by the next `done()`, `status()` or `result()`);
elsewhere (trio) they only report, and `await poller.wait()` moves it.

`add_done_callback(fn)` calls `fn(poller)` once the operation is over (at once if it is already): after the GET
that read the end, whichever call made it. An exception in a callback is logged, never raised into the poller.

Both drive the same I/O-free `PollingCore`: they do the GETs and sleeps its `effects()` (or `poll_if_due()`) asks
for, through the client's own httpx client (so the GETs carry its bearer token or credential), and send back what
came of them. Each GET is bounded as `limits` says: a timeout in every phase, never much past the deadline, and a
body of at most `MAX_RESPONSE_BYTES`, read before the deadline (plus `GRACE`).

The statuses a poller ends in (`TERMINAL_STATUSES`): `completed`, `failed` (`result()` raises
`OperationFailedError` unless `raise_on_failure=False`) and `canceled` (the mock's word for a cancelled
operation, and what a synchronous cancel reports). Before the first GET `status()` is `notStarted`; an answer
without a status reads `unknown`, which does not end the wait.
"""

from __future__ import annotations

import asyncio
import logging
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

_log = logging.getLogger(__name__)

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
        self._callbacks: list[Callable[[Any], object]] = []

    @classmethod
    def _from_start(cls, client: AuthenticatedClient, start: Start, options: Mapping[str, Any]) -> Self:
        """The poller of a `Start`: how an answer, a continuation token and `begin_*` make one."""
        return cls(
            client, start.location, done=start.done, operation_id=start.operation_id, status=start.status, **options
        )

    def _base_url(self, client: AuthenticatedClient) -> httpx.URL:
        raise NotImplementedError

    def status(self) -> OperationStatus | str:
        """The status, polled once first if a poll is due (see the module): `notStarted` before the first GET,
        `canceled` for a synchronous cancel, `unknown` when the last answer had none (see `normalize_status`)."""
        self._poll_if_due()
        return self._core.status

    def done(self) -> bool:
        """Whether the operation is over (a terminal status read, or a synchronous 200 cancel), polled once first
        if a poll is due (see the module). Raises OperationPollingError when that GET failed for good."""
        self._poll_if_due()
        return self._core.finished

    def add_done_callback(self, callback: Callable[[Self], object]) -> None:
        """Call `callback(poller)` once the operation is over: at once if it already is, else after the GET that
        reads the end (in `result()`, `wait()`, `done()` or `status()`). Its exceptions are logged, not raised."""
        self._callbacks.append(callback)
        self._run_callbacks()

    def _poll_if_due(self) -> None:
        raise NotImplementedError

    def _run_callbacks(self) -> None:
        """Once the operation is over, call each callback not yet called, once."""
        if not self._core.finished:
            return
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback(self)
            except Exception:  # a callback's bug must not break the poller, nor hide the others
                _log.exception("a done callback of %r raised", self)

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
        return f"<{type(self).__name__} {self._core.location} status={self._core.status!s} done={self._core.finished}>"


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
        try:
            self._run(self._core.effects(timeout))
        finally:
            self._run_callbacks()

    def _poll_if_due(self) -> None:
        try:
            self._run(self._core.poll_if_due())
        finally:
            self._run_callbacks()

    def _run(self, effects: Generator[Effect, Reply, None]) -> None:
        """Do the GETs and sleeps `effects` asks for until it is done."""
        http = self._client.get_httpx_client()
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
        self._background: asyncio.Task[None] | None = None  # the GET `done()` or `status()` started, while it runs
        self._background_error: BaseException | None = None
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
        if (task := self._background) is not None:  # the GET that done() started ends first: one GET at a time
            await asyncio.wait([task])
            self._background_done(task)
        self._raise_background_error()
        try:
            await self._run(self._core.effects(limit))
        finally:
            self._run_callbacks()

    def _poll_if_due(self) -> None:
        """On asyncio, start the one GET that is due as a task (one at a time); elsewhere, nothing."""
        self._raise_background_error()
        if self._background is not None or self._core.finished:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no asyncio loop here (trio, or no loop at all): done() and status() only report
            return
        effects = self._core.poll_if_due()
        if (first := _advance(effects, None)) is None:
            return  # not due yet
        self._background = loop.create_task(self._run(effects, first))
        self._background.add_done_callback(self._background_done)

    def _background_done(self, task: asyncio.Task[None]) -> None:
        """Take in how the GET that done() started ended (once: `_drive` may have done it already)."""
        if self._background is not task:
            return
        self._background = None
        if not task.cancelled() and task.exception() is not None:
            self._background_error = task.exception()
        self._run_callbacks()

    def _raise_background_error(self) -> None:
        error, self._background_error = self._background_error, None
        if error is not None:
            raise error

    async def _run(self, effects: Generator[Effect, Reply, None], first: Effect | None = None) -> None:
        """Do the GETs and sleeps `effects` asks for until it is done (`first`: its first effect, if already
        taken)."""
        http = self._client.get_async_httpx_client()
        effect = first if first is not None else _advance(effects, None)
        while effect is not None:
            reply: Reply = None
            if isinstance(effect, Sleep):
                await self._sleep(effect.seconds)
            else:
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
            effect = _advance(effects, reply)
