"""A clock that moves only when the code under test sleeps, recording every sleep (no real waiting in tests)."""

from __future__ import annotations

from collections.abc import Callable


class FakeTime:
    """`clock` and `sleep` (and `async_sleep`) for pollers; `also` is told of each sleep, e.g. a mock's clock."""

    def __init__(self, start: float = 0.0, also: Callable[[float], object] | None = None) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._also = also

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self._also is not None:
            self._also(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
