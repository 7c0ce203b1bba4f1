"""The mock's clock: real time when served, frozen and moved by hand in tests (`advance`), never slept on."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

# The date of the seed page's list example (2018-03-26T21:46:01Z): a frozen clock starts here by default.
DEFAULT_FROZEN_START = datetime(2018, 3, 26, 21, 46, 1, tzinfo=UTC)


class Clock:
    """`now()` in UTC. A real-time clock follows the system time plus what `advance` added; a frozen one
    moves only by `advance`. Safe to call from a test thread while a server thread reads it."""

    def __init__(self, *, frozen_at: datetime | None = None) -> None:
        if frozen_at is not None and frozen_at.tzinfo is None:
            raise ValueError(f"Clock: frozen_at must be timezone-aware, got naive {frozen_at.isoformat()}")
        self._lock = threading.Lock()
        self._frozen_at = frozen_at
        self._offset = timedelta()

    @classmethod
    def frozen(cls, at: datetime = DEFAULT_FROZEN_START) -> Clock:
        """A clock that stands still until `advance` is called."""
        return cls(frozen_at=at)

    @property
    def is_frozen(self) -> bool:
        return self._frozen_at is not None

    def now(self) -> datetime:
        with self._lock:
            base = self._frozen_at if self._frozen_at is not None else datetime.now(UTC)
            return base + self._offset

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward; returns the new time."""
        if seconds < 0:
            raise ValueError(f"Clock.advance: seconds must be >= 0, got {seconds}")
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self.now()

    def reset(self) -> None:
        """Undo every `advance` (a frozen clock returns to its start)."""
        with self._lock:
            self._offset = timedelta()

    def __repr__(self) -> str:
        kind = "frozen" if self.is_frozen else "real-time"
        return f"Clock({kind}, now={self.now().isoformat()})"
