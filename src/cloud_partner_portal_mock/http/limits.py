"""`ServingLimits`: what a client may take from the served mock (time, connections, request head);
`capped_protocol.py` enforces them. Apart from it so that the command line states them without importing uvicorn."""

from __future__ import annotations

import resource
from dataclasses import dataclass, replace

MAX_HEAD_BYTES = 64 * 1024
LISTEN_BACKLOG = 2048
"""Connections the kernel holds for the mock while it has no room (the kernel caps it at `somaxconn`)."""
DESCRIPTORS_KEPT = 64
"""File descriptors left for everything but connections (listening socket, event loop, logs, files)."""
EVICTION_GRACE_SECONDS = 1.0
"""A connection is closed to make room only once it has waited this long on its client: a new client's request,
on its way, is never cut off."""


@dataclass(frozen=True)
class ServingLimits:
    """What a client may take from the served mock."""

    keep_alive_seconds: float = 5.0
    """A connection without a byte for this long (before its first request or between two) is closed."""
    request_seconds: float = 10.0
    """A request must arrive whole (head and body) within this long of its first byte (else 408, connection
    closed); a response left unread as long closes the connection."""
    max_connections: int = 1000
    """Open connections at most; `fitted` lowers it to what the open-file limit allows."""

    def __post_init__(self) -> None:
        for name in ("keep_alive_seconds", "request_seconds"):
            if not getattr(self, name) > 0:
                raise ValueError(f"ServingLimits.{name}: must be > 0, got {getattr(self, name)}")
        if self.max_connections < 1:
            raise ValueError(f"ServingLimits.max_connections: must be >= 1, got {self.max_connections}")

    def fitted(self, open_files: int | None = None) -> ServingLimits:
        """These limits with `max_connections` at most the open-file limit (default: this process's soft limit)
        minus `DESCRIPTORS_KEPT`: a connection past it would fail to be accepted."""
        if open_files is None:
            open_files = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if open_files == resource.RLIM_INFINITY:
            return self
        room = max(1, open_files - DESCRIPTORS_KEPT)
        return self if self.max_connections <= room else replace(self, max_connections=room)
