"""YAML through libyaml (PyYAML's C parser and emitter): plain JSON data, without comments or layout.

ruamel.yaml's round-trip reader keeps comments but is pure Python (tens of KB/s). This reader takes libyaml's
events and builds plain ``dict``/``list`` data itself, with the scalar rules of the round-trip reader
(``yamlio``): ruamel.yaml's own YAML 1.2 resolver table without timestamps, its integer and float spellings
(``0o17``, ``0x1F``, ``1_000``, ``.inf``), merge keys ``<<`` (the mapping's own keys first, then each merged
mapping's new keys in order), duplicate keys refused, mapping keys turned into JSON member names
(``200`` → ``"200"``). A document read here equals ``to_plain`` of the same document read by ``yamlio``; a
test holds the two readers to that. Explicit tags other than the core ones (``!!str``, ``!!int``, ``!!float``,
``!!bool``, ``!!null``, ``!!map``, ``!!seq``) give the node's plain value, as ``to_plain`` does for ruamel's
tagged scalars.

The bounds of ``limits`` are checked while reading: nesting past ``MAX_DEPTH`` fails at once, and every
alias is counted as the nodes it stands for, so nested aliases fail before they are expanded.

The writer is PyYAML's C emitter with block style and the input's key order. It quotes every string that a
YAML 1.1 or a YAML 1.2 reader would take for something else (``'yes'``, ``'0o17'``), so the text reads back
as the same data with either.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import yaml
from ruamel.yaml.resolver import implicit_resolvers

from ._data import key_str
from .limits import MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES, LimitExceeded, Size, alias_bomb, measure

__all__ = ["FastYamlError", "check_nesting", "dump_fast", "load_fast"]

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _MERGE = (_CORE + name for name in ("str", "int", "float", "bool", "null", "merge"))
# ruamel.yaml's YAML 1.2 implicit resolvers, by first character, in its order; timestamps stay strings.
_RESOLVERS: dict[str, list[tuple[str, Any]]] = {}
for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions and not _tag.endswith(":timestamp"):
        for _char in _first:
            _RESOLVERS.setdefault(_char, []).append((_tag, _regexp))


class FastYamlError(ValueError):
    """Text that libyaml cannot parse, or a node this reader cannot turn into JSON data."""


def _resolve(value: str) -> str:
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return str(tag)
    return _STR


def _integer(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    digits = digits.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[:1] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return math.nan
    return sign * float(digits)


class _MergeKey:
    """A plain ``<<`` (YAML's merge type): a merge when it is a mapping key, the string ``<<`` elsewhere."""

    __slots__ = ()


_MERGE_KEY: Any = _MergeKey()


def _scalar(event: Any) -> Any:
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        tag = _resolve(value) if event.implicit[0] else _STR
    try:
        if tag == _INT:
            return _integer(value)
        if tag == _FLOAT:
            return _float(value)
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _NULL:
            return None
    except (ValueError, IndexError) as exc:
        raise FastYamlError(f"{_where(event)}: cannot read {value!r} as {tag.removeprefix(_CORE)}: {exc}") from None
    if tag == _MERGE:
        return _MERGE_KEY
    return value


def _where(event: Any) -> str:
    mark = event.start_mark
    return f"line {mark.line + 1}, column {mark.column + 1}"


class _Frame:
    """An object or array being read."""

    __slots__ = ("anchor", "container", "deepest", "first_node", "key", "merges")

    def __init__(self, container: dict[str, Any] | list[Any], anchor: str | None, first_node: int) -> None:
        self.container = container
        self.anchor = anchor
        self.first_node = first_node
        self.deepest = 0  # nesting of the deepest child so far
        self.key: Any = _NO_KEY  # a mapping's key waiting for its value
        self.merges: list[Any] = []  # what << keys name, merged at the end


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()


class _Builder:
    """Builds one document from libyaml events, counting nodes as aliases expand."""

    def __init__(self) -> None:
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # anchor -> (value, nodes, nesting)
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.written = 0
        self.stack: list[_Frame] = []

    def count(self, nodes: int, *, written: bool) -> None:
        self.nodes += nodes
        if written:
            self.written += nodes
        if self.nodes > MAX_NODES:
            raise LimitExceeded(
                f"more than {MAX_NODES:,} nodes (objects, arrays and scalars, aliases expanded): too large"
            )
        if self.nodes - self.written > MAX_ALIAS_NODES:
            raise alias_bomb(f"more than {MAX_ALIAS_NODES:,}")

    def build(self, events: Iterator[Any]) -> tuple[Any, int]:
        """The document and its nesting."""
        root: Any = None
        root_depth = 0
        documents = 0
        stack = self.stack
        for event in events:
            kind = type(event)
            depth = 0
            if kind is yaml.ScalarEvent:
                self.count(1, written=True)
                value = _scalar(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, 0)
            elif kind is yaml.AliasEvent:
                value, depth = self._alias(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise LimitExceeded(f"objects and arrays nest deeper than {MAX_DEPTH:,} levels ({_where(event)})")
                self.count(1, written=True)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, event.anchor, self.nodes - 1))
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                value, depth = frame.container, frame.deepest + 1
                if frame.merges and isinstance(value, dict):
                    self._merge(value, frame.merges, event)
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (value, self.nodes - frame.first_node, depth)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise FastYamlError(f"{_where(event)}: expected a single document, found a second one")
                continue
            else:
                continue
            if not stack:
                root, root_depth = ("<<" if value is _MERGE_KEY else value), depth
                continue
            parent = stack[-1]
            parent.deepest = max(parent.deepest, depth)
            self._add(parent, value, event)
        return root, root_depth

    def _alias(self, event: Any) -> tuple[Any, int]:
        anchor = event.anchor
        if anchor in self.open_anchors:
            raise LimitExceeded(f"alias *{anchor} refers to an object or array that contains it ({_where(event)})")
        if anchor not in self.anchors:
            raise FastYamlError(f"{_where(event)}: found undefined alias *{anchor}")
        value, nodes, depth = self.anchors[anchor]
        if len(self.stack) + depth > MAX_DEPTH:
            raise LimitExceeded(f"objects and arrays nest deeper than {MAX_DEPTH:,} levels ({_where(event)})")
        self.count(nodes, written=False)
        return _copy(value), depth

    def _add(self, frame: _Frame, value: Any, event: Any) -> None:
        container = frame.container
        if isinstance(container, list):
            container.append("<<" if value is _MERGE_KEY else value)
            return
        if frame.key is _NO_KEY:
            if isinstance(value, dict | list):
                raise FastYamlError(f"{_where(event)}: a mapping key must be a scalar to be a JSON member name")
            frame.key = value
            return
        key, frame.key = frame.key, _NO_KEY
        if key is _MERGE_KEY:
            frame.merges.extend(value if isinstance(value, list) else [value])
            return
        name = key_str(key)
        if name in container:
            raise FastYamlError(f"{_where(event)}: found duplicate key {key!r}")
        container[name] = "<<" if value is _MERGE_KEY else value

    def _merge(self, mapping: dict[str, Any], sources: list[Any], event: Any) -> None:
        """YAML's merge: the mapping's own keys win, then the first merged mapping that has a key."""
        for source in sources:
            if not isinstance(source, dict):
                raise FastYamlError(f"{_where(event)}: a merge key << needs a mapping or a list of mappings")
            for name, value in source.items():
                if name not in mapping:
                    self.count(measure(value).nodes, written=False)
                    mapping[name] = _copy(value)


def _copy(value: Any) -> Any:
    """A deep copy of plain data (an alias must not share what its anchor holds)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def load_fast(text: str) -> tuple[Any, Size]:
    """Parse one YAML document into plain JSON data (``None`` for an empty stream) and its size."""
    builder = _Builder()
    try:
        data, depth = builder.build(yaml.parse(text, Loader=yaml.CSafeLoader))
        return data, Size(nodes=builder.nodes, written=builder.written, depth=depth, plain=True)
    except yaml.YAMLError as exc:
        _raise_if_too_deep(exc)
        raise FastYamlError(str(exc)) from None


def check_nesting(text: str) -> None:
    """Raise ``LimitExceeded`` if objects and arrays in ``text`` nest deeper than ``MAX_DEPTH``.

    For the round-trip reader, which recurses once per level (a ``RecursionError`` past ~450) and slows down
    quadratically with the nesting of flow collections (1,000 levels: 10 s). libyaml's events take
    milliseconds per megabyte. Text libyaml cannot parse is left to the round-trip reader to report.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    raise LimitExceeded(f"objects and arrays nest deeper than {MAX_DEPTH:,} levels ({_where(event)})")
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
    except yaml.YAMLError as exc:
        _raise_if_too_deep(exc)


def _raise_if_too_deep(exc: yaml.YAMLError) -> None:
    """libyaml stops at 1,000 levels of its own, before the events reach the check above."""
    if "maximum nesting depth" in str(exc):
        raise LimitExceeded(f"objects and arrays nest deeper than {MAX_DEPTH:,} levels") from None


class _Dumper(yaml.CSafeDumper):
    """PyYAML's C dumper, quoting what YAML 1.2 (ruamel.yaml's table) would also read as a non-string."""


for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        _Dumper.add_implicit_resolver(_tag, _regexp, _first)


def dump_fast(data: Any) -> str:
    """Block-style YAML, keys in their order, Unicode as is, lines never wrapped."""
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 30, default_flow_style=False
    )
    return text
