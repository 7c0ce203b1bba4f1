"""The state of one comparison: both documents, the changes found so far, and how a change is recorded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .model import Change, Impact
from .refs import Resolver

# Keywords that only document: a change to them is a patch for the client and nothing for a server.
DOC_KEYS = ("summary", "description", "title", "example", "examples", "externalDocs", "deprecated")

Impacts = tuple[Impact, Impact]  # (client, server)


class Direction(Enum):
    """Who sends the data a schema describes: the client (request) or the server (response)."""

    REQUEST = "request"
    RESPONSE = "response"


@dataclass
class Comparison:
    old: Resolver
    new: Resolver
    changes: list[Change] = field(default_factory=list)
    _documented: set[str] = field(default_factory=set)

    def add(self, kind: str, where: str, message: str, client: Impact, server: Impact = Impact.NONE) -> None:
        self.changes.append(Change(kind, where, message, client, server))

    def add_directed(
        self,
        direction: Direction,
        kind: str,
        where: str,
        message: str,
        *,
        request: Impacts,
        response: Impacts,
    ) -> None:
        """Record a change whose meaning depends on who sends the data (see the README's table)."""
        client, server = request if direction is Direction.REQUEST else response
        self.add(kind, where, message, client, server)

    def documentation(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        *,
        component: str | None = None,
        keys: tuple[str, ...] = DOC_KEYS,
    ) -> None:
        """A ``documentation-changed`` entry naming the keys that differ.

        Inside a referenced component the entry is made once, at the component, rather than at every use.
        """
        differ = [k for k in keys if self.old.plain(old.get(k)) != self.new.plain(new.get(k))]
        if not differ:
            return
        if component is not None:
            if component in self._documented:
                return
            self._documented.add(component)
            where = component
        self.add("documentation-changed", where, f"{', '.join(differ)} changed", Impact.CHANGE)
