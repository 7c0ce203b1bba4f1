"""Local ``$ref`` resolution, so that a change inside a referenced component is seen where it is used."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_REF_CHAIN = 64  # a $ref that points at a $ref ... longer than this is a loop


class RefError(ValueError):
    """A ``$ref`` that cannot be followed: not local, dangling, or a loop of references."""


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class Resolver:
    """Follows ``#/...`` references in one document (external references are not part of this project)."""

    def __init__(self, document: Mapping[str, Any], name: str) -> None:
        self.document = document
        self.name = name

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise RefError(f"{self.name}: $ref {ref!r} is not local (only '#/...' references are compared)")
        node: Any = self.document
        for token in ref[1:].split("/")[1:]:
            key = _unescape(token)
            if isinstance(node, Mapping) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise RefError(f"{self.name}: $ref {ref!r} points at nothing")
        return node

    def resolve(self, node: Any) -> tuple[Any, str | None]:
        """The object ``node`` stands for, and the name of the last component it was reached through.

        Keywords beside a ``$ref`` (OpenAPI 3.1 allows ``description`` and friends there) override the target's.
        """
        name: str | None = None
        seen: list[str] = []
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen or len(seen) >= MAX_REF_CHAIN:
                raise RefError(f"{self.name}: $ref loop: {' -> '.join([*seen, ref])}")
            seen.append(ref)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            target = self.lookup(ref)
            name = ref.rsplit("/", 1)[-1]
            node = {**target, **siblings} if siblings and isinstance(target, Mapping) else target
        return node, name

    def plain(self, node: Any, _depth: int = 0) -> Any:
        """``node`` with every reference replaced by its target, for comparing documentation values."""
        if _depth > MAX_REF_CHAIN:
            return "<recursive>"
        node, _ = self.resolve(node)
        if isinstance(node, Mapping):
            return {k: self.plain(v, _depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [self.plain(v, _depth + 1) for v in node]
        return node
