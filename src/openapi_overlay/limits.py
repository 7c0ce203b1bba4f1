"""The applier's bounds. Every input, and every document an overlay builds, stays within them, or the apply
fails with an ``OverlayError`` naming the bound (the command line prints ``error: ...`` and exits 1) instead
of hanging or exhausting memory.

- ``MAX_INPUT_BYTES``: a spec or overlay file is at most 64 MiB (``/dev/zero`` fails after reading that much).
- ``MAX_ROUND_TRIP_YAML_BYTES``: YAML read with its comments kept (the default when YAML is written) is at most
  16 MiB: ruamel.yaml's round-trip reader is pure Python (tens of KB/s, about 140 times the file's size in
  memory). Larger YAML is read with libyaml (``--fast-yaml``, or automatically when only JSON is written).
- ``MAX_DEPTH``: objects and arrays nest at most 128 levels, in the inputs and in the result (real OpenAPI
  documents stay under 30). Every recursive step of the applier, ruamel.yaml and ``..`` queries stays far
  below Python's recursion limit within it.
- ``MAX_NODES``: a document has at most 10,000,000 nodes (objects, arrays and scalars), counting each YAML
  alias as the nodes it stands for; an overlay that would grow the document past it fails.
- ``MAX_ALIAS_NODES``: YAML aliases add at most 1,000,000 nodes to those written out in a file, so that a
  few hundred bytes of nested aliases (a "billion laughs") fail at once instead of expanding.
- ``REGEX_SECONDS``: the ``match()`` and ``search()`` calls of one overlay's queries run at most 5 s in total;
  a pattern that backtracks for longer (``(a|a)+$`` on a few dozen characters) fails the apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "MAX_NODES",
    "MAX_ROUND_TRIP_YAML_BYTES",
    "REGEX_SECONDS",
    "LimitExceeded",
    "Size",
    "alias_bomb",
    "check_document",
    "measure",
    "mib",
]

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_ROUND_TRIP_YAML_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 128
MAX_NODES = 10_000_000
MAX_ALIAS_NODES = 1_000_000
REGEX_SECONDS = 5.0

_PLAIN_SCALARS = (str, int, float, bool, type(None))
_PLAIN_SCALARS_SET = frozenset(_PLAIN_SCALARS)


class LimitExceeded(ValueError):
    """A document goes past one of the bounds above; the message says which and by how much."""


def mib(size: int) -> str:
    """``64 MiB``, ``1.5 MiB``: a byte count for messages."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"


@dataclass(frozen=True)
class Size:
    """What ``measure`` found in a value."""

    nodes: int
    """Objects, arrays and scalars, each alias counted as the nodes it stands for."""
    written: int
    """The same, counting each shared object or array once (as a YAML file writes it out)."""
    depth: int
    """Nesting of objects and arrays: 0 for a scalar, 1 for ``{}`` or ``[1]``, 2 for ``{"a": []}``."""
    plain: bool
    """Only ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``, string keys, nothing shared."""


_PLAIN_KINDS = frozenset((*_PLAIN_SCALARS, dict, list))


def _is_container(value: object) -> bool:
    return isinstance(value, Mapping | list | tuple)


def measure(value: object, *, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Size:
    """Count the nodes and the nesting of ``value`` without expanding shared objects or arrays.

    A container reached twice (a YAML alias) is walked once and its count reused, so a document of nested
    aliases is measured in time proportional to what its file writes out. Raises ``LimitExceeded`` as soon as
    the count passes ``max_nodes`` or the nesting passes ``max_depth`` (before recursing deeper: the walk
    never goes more than ``max_depth`` calls down), and for a container that contains itself (a recursive
    alias).
    """
    done: dict[int, tuple[int, int]] = {}  # id of a walked container -> (nodes, depth)
    open_ids: set[int] = set()
    written = 0
    plain = True

    def too_many() -> LimitExceeded:
        if max_nodes - written > MAX_ALIAS_NODES:  # so the aliases add more than MAX_ALIAS_NODES
            return alias_bomb(f"more than {max_nodes - written:,}")
        return LimitExceeded(
            f"more than {max_nodes:,} nodes (objects, arrays and scalars, aliases expanded): too large"
        )

    def walk(node: Any, level: int) -> tuple[int, int]:
        nonlocal plain, written
        if level > max_depth:
            raise LimitExceeded(f"objects and arrays nest deeper than {max_depth:,} levels")
        mapping = type(node) is dict or isinstance(node, Mapping)
        children = node.values() if mapping else node
        kinds = set(map(type, children))  # one pass in C: most objects hold only scalars and plain containers
        if plain and (
            not kinds <= _PLAIN_KINDS
            or type(node) not in (dict, list)
            or (mapping and not all(type(k) is str for k in node))
        ):
            plain = False
        nodes = 1 + len(children)
        written += nodes
        if kinds <= _PLAIN_SCALARS_SET:
            return nodes, 1
        deepest = 0
        generic = not kinds <= _PLAIN_KINDS
        open_ids.add(id(node))
        for child in children:
            if type(child) is dict or type(child) is list or (generic and _is_container(child)):
                written -= 1  # counted again by its own walk, or not written out at all (an alias)
                known = done.get(id(child))
                if known is None:
                    if id(child) in open_ids:
                        raise LimitExceeded("an alias refers to an object or array that contains it (recursion)")
                    known = done[id(child)] = walk(child, level + 1)
                else:
                    plain = False  # shared: a change made through one place would show in the other
                nodes += known[0] - 1
                deepest = max(deepest, known[1])
                if nodes > max_nodes:
                    raise too_many()
        open_ids.discard(id(node))
        return nodes, deepest + 1

    if not _is_container(value):
        return Size(1, 1, 0, type(value) in _PLAIN_SCALARS)
    nodes, depth = walk(value, 1)
    return Size(nodes, written, depth, plain)


def check_document(value: object) -> Size:
    """``measure`` with the document bounds, plus the bound on what aliases add."""
    size = measure(value)
    if size.nodes - size.written > MAX_ALIAS_NODES:
        raise alias_bomb(f"{size.nodes - size.written:,}")
    return size


def alias_bomb(added: str) -> LimitExceeded:
    return LimitExceeded(
        f"aliases expand to {added} nodes beyond those the document writes out; at most {MAX_ALIAS_NODES:,} "
        "are allowed (a YAML alias bomb?)"
    )
