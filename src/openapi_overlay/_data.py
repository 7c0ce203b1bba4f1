"""Helpers for JSON-like data held in ruamel.yaml round-trip containers or plain dict/list."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping, MutableMapping
from typing import Any

from jsonpath_rfc9535.serialize import canonical_string
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.scalarbool import ScalarBoolean

Location = tuple[str | int, ...]
"""A normalized location: the member names and array indices from the root to a node."""


def key_str(key: object) -> str:
    """Return the JSON member name for a mapping key (YAML allows non-string keys).

    ``200`` (an unquoted status code) becomes ``"200"``, ``true`` becomes ``"true"`` and
    ``null`` becomes ``"null"``, the same as ``json.dumps`` does.
    """
    if isinstance(key, str):
        return str(key)
    if isinstance(key, bool | ScalarBoolean):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return str(int(key))
    if isinstance(key, float):
        return repr(float(key))
    return str(key)


def find_key(mapping: Mapping[Any, Any], name: str) -> Hashable | None:
    """Return the key of ``mapping`` whose JSON member name is ``name``, or None."""
    if name in mapping:
        return name
    for key in mapping:
        if key_str(key) == name:
            return key  # type: ignore[no-any-return]
    return None


def to_plain(value: object) -> Any:
    """Return a deep copy of ``value`` made of plain dict, list, str, int, float, bool and None.

    ruamel.yaml round-trip data uses subclasses (``CommentedMap``, ``ScalarFloat``,
    ``ScalarBoolean``, which is an ``int`` and not a ``bool``, quoted-string classes...).
    Converting first gives JSONPath filters and JSON Schema validation exact JSON semantics.
    """
    if isinstance(value, Mapping):
        return {key_str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, bool | ScalarBoolean):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime.date):  # only with an explicit !!timestamp tag
        return value.isoformat()
    if isinstance(value, TaggedScalar):
        return to_plain(value.value)
    return str(value)


def clone(value: object) -> Any:
    """Deep-copy a value for insertion into a document, without YAML comments or flow style.

    Containers become fresh ``CommentedMap``/``CommentedSeq`` objects, so one overlay value
    inserted at several targets is never shared (which would make the YAML dumper emit
    anchors and aliases), comments that belonged to the overlay file (ruamel attaches the
    comment before the next action to the last scalar of the previous one) do not leak
    into the output, and inserted objects and arrays are written in block style like the
    rest of a typical OpenAPI document (inside a flow container they are flow anyway).
    Scalars are immutable and kept as they are, so their quoting style is kept too.
    """
    if isinstance(value, Mapping):
        new_map = CommentedMap()
        for k, v in value.items():
            new_map[k] = clone(v)
        return new_map
    if isinstance(value, list | tuple):
        return CommentedSeq(clone(v) for v in value)
    return value


def kind(value: object) -> str:
    """Return ``object``, ``array`` or ``primitive``."""
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    return "primitive"


def type_name(value: object) -> str:
    """Return the JSON type name of a value, for messages."""
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    if value is None:
        return "null"
    if isinstance(value, bool | ScalarBoolean):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


def normalized_path(location: Location) -> str:
    """Return the RFC 9535 normalized path for a location, e.g. ``$['servers'][0]``."""
    parts = ["$"]
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(f"[{canonical_string(step)}]")
    return "".join(parts)


def set_member(mapping: MutableMapping[Any, Any], name: str, value: object) -> None:
    """Set ``mapping[name]``, reusing an existing key with the same JSON member name."""
    key = find_key(mapping, name)
    mapping[name if key is None else key] = value
