"""How a poller waits: the keyword options of the pollers and `begin_*`, and the checked policy made of them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypedDict

from .progress import ProgressEvent

__all__ = [
    "AsyncPollOptions",
    "CommonPollOptions",
    "Policy",
    "PollOptions",
    "default_async_sleep",
    "default_sleep",
    "sleeping_with",
]


class CommonPollOptions(TypedDict, total=False):
    """The options both pollers take; `sleep` is each one's own (see `PollOptions`, `AsyncPollOptions`)."""

    interval: float
    polling_interval: float
    max_interval: float
    backoff: float
    timeout: float | None
    max_retries: int
    raise_on_failure: bool
    progress: Callable[[ProgressEvent], object] | None
    clock: Callable[[], float]


class PollOptions(CommonPollOptions, total=False):
    """Keyword options of `OperationPoller` and the `begin_*` functions.

    interval: seconds before the second GET (default 5); each further wait is `backoff` (default 2) times the
        previous one, up to `max_interval` (default 60). A `Retry-After` on an answer replaces the computed wait.
        `polling_interval` is the same option under the Azure SDK's name (give one of the two).
    timeout: default for `result()` / `wait()`: seconds a call waits before giving up (None, the default: forever).
    max_retries: retries of a GET that answered 429 or 503 or did not get through, in a row (default 5).
    raise_on_failure: whether `result()` raises `OperationFailedError` for a `failed` operation (default True).
    progress: called with a `ProgressEvent` after each GET that shows a change.
    sleep: how to wait (default `time.sleep`, or what `sleeping_with` set); clock: a monotonic clock in seconds
        (default `time.monotonic`).
    """

    sleep: Callable[[float], object]


class AsyncPollOptions(CommonPollOptions, total=False):
    """Keyword options of `AsyncOperationPoller` and the `begin_*_async` functions: as `PollOptions`, with an
    awaitable `sleep` (default `asyncio.sleep`, or what `sleeping_with` set; pass `trio.sleep` or `anyio.sleep` on
    other event loops)."""

    sleep: Callable[[float], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class _SleepDefaults:
    sleep: Callable[[float], object] = time.sleep
    async_sleep: Callable[[float], Awaitable[object]] = asyncio.sleep


# A context variable rather than a module global: a test (or a task) that sets it leaves every other one alone.
_sleep_defaults: ContextVar[_SleepDefaults] = ContextVar("cloud_partner_portal_sleep_defaults")


def default_sleep() -> Callable[[float], object]:
    """How a poller built without a `sleep` option waits: `time.sleep`, or what `sleeping_with` set."""
    return _sleep_defaults.get(_SleepDefaults()).sleep


def default_async_sleep() -> Callable[[float], Awaitable[object]]:
    """How an async poller built without a `sleep` option waits: `asyncio.sleep`, or what `sleeping_with` set."""
    return _sleep_defaults.get(_SleepDefaults()).async_sleep


@contextmanager
def sleeping_with(
    sleep: Callable[[float], object] | None = None,
    async_sleep: Callable[[float], Awaitable[object]] | None = None,
) -> Iterator[None]:
    """Within the block (this thread or task's context), pollers built without a `sleep` option wait with these.

    The mock's pytest fixtures use it so that a poller's wait moves the mock's frozen clock instead of sleeping:
    `begin_cancel(client, ...).result(timeout=30)` then completes in milliseconds of real time. A `sleep` option
    given to a poller always wins.
    """
    current = _sleep_defaults.get(_SleepDefaults())
    token = _sleep_defaults.set(_SleepDefaults(sleep or current.sleep, async_sleep or current.async_sleep))
    try:
        yield
    finally:
        _sleep_defaults.reset(token)


@dataclass(frozen=True, slots=True)
class Policy:
    """The options but `sleep`, checked, with their defaults."""

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

    @classmethod
    def from_options(cls, options: CommonPollOptions) -> Policy:
        """The policy of a poller's keyword options (an unknown key is ignored; `sleep` is the poller's)."""
        default = cls()
        interval = options.get("interval", options.get("polling_interval", default.interval))
        if "polling_interval" in options and options["polling_interval"] != interval:
            raise ValueError("interval and polling_interval are the same option: give one")
        return cls(
            interval=interval,
            max_interval=options.get("max_interval", default.max_interval),
            backoff=options.get("backoff", default.backoff),
            timeout=options.get("timeout", default.timeout),
            max_retries=options.get("max_retries", default.max_retries),
            raise_on_failure=options.get("raise_on_failure", default.raise_on_failure),
            progress=options.get("progress", default.progress),
            clock=options.get("clock", default.clock),
        )

    def delay(self, attempt: int) -> float:
        """The wait before GET number `attempt + 1` of a series: interval, interval*backoff, ... up to the max."""
        return min(self.interval * self.backoff ** min(attempt, 64), self.max_interval)
