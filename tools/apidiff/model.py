"""What a difference between two descriptions is: one change, where it is, and what it means for whom."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum


class Impact(IntEnum):
    """What a change means for one audience, ordered so that ``max`` gives a release's level."""

    NONE = 0  # nothing this audience can observe
    CHANGE = 1  # observable but harmless: documentation, examples, a tighter promise (a patch release)
    ADDITION = 2  # something new to use or to implement (a minor release)
    BREAKING = 3  # code or a server that was right before is wrong now

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Change:
    """One difference. ``where`` is readable: ``operationId: section /instance/path``.

    ``client`` is the impact on code that uses the generated client (it decides the client's version);
    ``server`` the impact on a server that passed the contract tests of the old description.
    """

    kind: str
    where: str
    message: str
    client: Impact
    server: Impact = Impact.NONE

    @property
    def breaking(self) -> bool:
        return Impact.BREAKING in (self.client, self.server)

    @property
    def ack(self) -> str:
        """A short stable token for this change; a CHANGELOG.md line that carries it acknowledges it."""
        digest = hashlib.sha256(f"{self.kind}\n{self.where}".encode()).hexdigest()[:8]
        return f"ack:{digest}"

    def describe(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Report:
    """Every change between two descriptions, in the order they were found."""

    changes: list[Change] = field(default_factory=list)

    @property
    def client_level(self) -> Impact:
        return max((c.client for c in self.changes), default=Impact.NONE)

    @property
    def server_level(self) -> Impact:
        return max((c.server for c in self.changes), default=Impact.NONE)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]
