"""Validation of overlay documents before they are applied.

Checks, in order: the document is an object; ``overlay`` is a supported version (1.0.x or
1.1.x, the patch number is ignored as the specification asks); ``actions`` is a non-empty
list; the document matches the Overlay JSON Schema for its version (``schema/``); every
action has something to do (``update``, ``copy`` or ``remove``), does not combine
``update`` with ``copy``, uses ``copy`` only in 1.1, and its ``target`` (and ``copy``
source) compile as RFC 9535 JSONPath queries. All problems are collected and raised
together as one ``OverlayValidationError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonpath_rfc9535 import JSONPathQuery
from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema._keywords import uniqueItems as jsonschema_unique_items

from ._data import to_plain, type_name
from .errors import OverlayValidationError, action_label
from .jsonpath import InvalidJSONPathError, compile_path
from .limits import LimitExceeded, check_document

__all__ = [
    "SUPPORTED_VERSIONS",
    "Action",
    "ValidatedOverlay",
    "overlay_schema",
    "validate_overlay",
]

SUPPORTED_VERSIONS = "1.0.x, 1.1.x"
_VERSION_RE = re.compile(r"^1\.([01])\.(0|[1-9][0-9]*)$")


class _Absent:
    """Marker for an ``update`` field that is not present (``None`` is a valid update)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<absent>"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Action:
    """One validated action. ``index`` is 1-based."""

    index: int
    target: str
    query: JSONPathQuery
    description: str | None
    update: Any
    """As the overlay has it (a ruamel.yaml tree keeps its quoting styles in YAML output)."""
    plain_update: Any
    """The same as plain JSON data."""
    remove: bool
    copy: str | None
    copy_query: JSONPathQuery | None

    @property
    def has_update(self) -> bool:
        return self.update is not ABSENT


@dataclass(frozen=True)
class ValidatedOverlay:
    """An overlay that passed validation: its version and its compiled actions."""

    version: str
    minor: int
    actions: list[Action]
    source: str | None = None


@cache
def overlay_schema(minor: int) -> dict[str, Any]:
    """Return the Overlay JSON Schema for version 1.``minor`` (0 or 1)."""
    text = resources.files("openapi_overlay").joinpath("schema", f"overlay-1.{minor}.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


class _NoKey(Exception):
    """A value without an exact canonical key (a NaN, which equals nothing, not even itself)."""


def _canonical(value: Any) -> Any:
    """A hashable key equal for values that jsonschema's ``uniqueItems`` holds equal (1 and 1.0, not true)."""
    if isinstance(value, dict):
        return ("object", frozenset((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_canonical(v) for v in value))
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, float) and value != value:
        raise _NoKey
    return ("number", value)  # 1 == 1.0 and hash(1) == hash(1.0)


def _unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Any:
    """jsonschema's ``uniqueItems`` by hashing: its own compares every pair of objects (200 actions:
    20,000 deep comparisons, 0.3 s; 2,000 actions: 30 s). Same verdict; NaN falls back to jsonschema's."""
    if not unique or not validator.is_type(instance, "array"):
        return
    try:
        keys = [_canonical(item) for item in instance]
    except _NoKey:
        yield from jsonschema_unique_items(validator, unique, instance, schema)
        return
    if len(set(keys)) != len(keys):
        yield ValidationError(f"{instance!r} has non-unique elements")


_OverlayValidator = validators.extend(Draft202012Validator, {"uniqueItems": _unique_items})


@cache
def _validator(minor: int) -> Any:
    return _OverlayValidator(overlay_schema(minor))


def _format_path(path: Sequence[str | int]) -> str:
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", step):
            out += f".{step}" if out else step
        else:
            out += f"[{json.dumps(step, ensure_ascii=False)}]"
    return out


def _where(source: str | None, path: Sequence[str | int], actions: Any) -> str:
    """Label a location in the overlay for a message, e.g. ``overlay actions[2] (action 3)``."""
    label = action_label(source=source)
    if not path:
        return label
    text = f"{label} {_format_path(path)}"
    if len(path) >= 2 and path[0] == "actions" and isinstance(path[1], int):
        index = path[1]
        target = None
        if isinstance(actions, list) and index < len(actions) and isinstance(actions[index], Mapping):
            candidate = actions[index].get("target")
            target = candidate if isinstance(candidate, str) else None
        text += f" (action {index + 1}" + (f", target `{target}`" if target is not None else "") + ")"
    return text


def _schema_message(error: ValidationError) -> str:
    """The jsonschema message, without repeating a large instance."""
    if error.validator == "uniqueItems" and isinstance(error.instance, list):
        seen: dict[Any, int] = {}
        pairs: list[str] = []
        for index, item in enumerate(error.instance):
            try:
                key = _canonical(item)
            except _NoKey:
                key = json.dumps(item, sort_keys=True)
            if key in seen:
                where = _format_path([*error.absolute_path])
                pairs.append(f"{where}[{seen[key]}] and {where}[{index}]")
            else:
                seen[key] = index
        return f"items must be unique, but {', '.join(pairs)} are identical"
    message: str = error.message
    if len(message) > 300:
        message = message[:200] + " ... " + message[-80:]
    return message


def _check_version(overlay: Mapping[str, Any], source: str | None) -> tuple[str, int]:
    label = action_label(source=source)
    if "overlay" not in overlay:
        raise OverlayValidationError(
            [
                f"{label}: the 'overlay' field (the Overlay Specification version) is missing; "
                f"supported: {SUPPORTED_VERSIONS}"
            ],
            source=source,
        )
    version = overlay["overlay"]
    if not isinstance(version, str):
        hint = " (write the version as a string, e.g. '1.1.0')" if isinstance(version, int | float) else ""
        raise OverlayValidationError(
            [f"{label}: unsupported overlay version {version!r}{hint}; supported: {SUPPORTED_VERSIONS}"],
            source=source,
        )
    match = _VERSION_RE.match(str(version))
    if match is None:
        raise OverlayValidationError(
            [f"{label}: unsupported overlay version '{version}'; supported: {SUPPORTED_VERSIONS}"],
            source=source,
        )
    return str(version), int(match.group(1))


def _check_actions_list(overlay: Mapping[str, Any], source: str | None) -> list[Any]:
    label = action_label(source=source)
    if "actions" not in overlay:
        raise OverlayValidationError(
            [f"{label}: 'actions' is missing; an overlay needs a list of at least one action"],
            source=source,
        )
    actions = overlay["actions"]
    if not isinstance(actions, list):
        raise OverlayValidationError(
            [f"{label}: 'actions' must be a list of action objects, got {type_name(actions)}"],
            source=source,
        )
    if not actions:
        raise OverlayValidationError(
            [f"{label}: 'actions' is empty; an overlay needs at least one action"],
            source=source,
        )
    return actions


def validate_overlay(overlay: object, *, source: str | None = None) -> ValidatedOverlay:
    """Validate an overlay document and compile its JSONPath queries.

    ``source`` (usually the file name) is included in messages. Raises
    ``OverlayValidationError`` listing every problem found.
    """
    label = action_label(source=source)
    if not isinstance(overlay, Mapping):
        raise OverlayValidationError(
            [f"{label}: an overlay document must be an object (a mapping), got {type_name(overlay)}"],
            source=source,
        )
    try:
        check_document(overlay)
    except LimitExceeded as exc:
        raise OverlayValidationError([f"{label}: the overlay {exc}"], source=source) from None
    version, minor = _check_version(overlay, source)
    _check_actions_list(overlay, source)

    plain = to_plain(overlay)
    actions_plain: list[Any] = plain["actions"]
    errors: list[tuple[tuple[int, int], str]] = []  # ((action position or -1, order), message)
    compiled: list[Action] = []

    for position, raw in enumerate(actions_plain):
        number = position + 1
        if not isinstance(raw, dict):
            errors.append(
                (
                    (position, 0),
                    f"{_where(source, ['actions', position], actions_plain)}: "
                    f"an action must be an object, got {type_name(raw)}",
                )
            )
            continue
        target = raw.get("target")
        at = action_label(source=source, action=number, target=target if isinstance(target, str) else None)
        has_update = "update" in raw
        has_copy = "copy" in raw
        has_remove = "remove" in raw
        if has_copy and minor == 0:
            errors.append(((position, 1), f"{at}: 'copy' requires Overlay 1.1; this overlay is version {version}"))
        if not (has_update or has_copy or has_remove):
            errors.append(((position, 1), f"{at}: the action has no 'update', 'copy' or 'remove'"))
        if has_update and has_copy:
            errors.append(
                (
                    (position, 1),
                    f"{at}: the action has both 'update' and 'copy'; use one of them "
                    "(the specification gives neither precedence)",
                )
            )
        query = None
        if isinstance(target, str):
            try:
                query = compile_path(target)
            except InvalidJSONPathError as exc:
                errors.append(
                    (
                        (position, 1),
                        f"{action_label(source=source, action=number)}: target `{target}` is not a valid "
                        f"RFC 9535 JSONPath: {exc.reason}",
                    )
                )
        copy_query = None
        copy_source = raw.get("copy")
        if minor == 1 and isinstance(copy_source, str):
            try:
                copy_query = compile_path(copy_source)
            except InvalidJSONPathError as exc:
                errors.append(
                    (
                        (position, 1),
                        f"{at}: copy source `{copy_source}` is not a valid RFC 9535 JSONPath: {exc.reason}",
                    )
                )
        if query is not None and isinstance(target, str):
            remove = raw.get("remove", False)
            description = raw.get("description")
            compiled.append(
                Action(
                    index=number,
                    target=target,
                    query=query,
                    description=description if isinstance(description, str) else None,
                    # Take update from the original (round-trip) overlay to keep quoting styles.
                    update=overlay["actions"][position].get("update", ABSENT) if has_update else ABSENT,
                    plain_update=raw.get("update") if has_update else ABSENT,
                    remove=remove is True,
                    copy=copy_source if isinstance(copy_source, str) else None,
                    copy_query=copy_query,
                )
            )

    # 'copy' in a 1.0 overlay is reported above in plainer words than the schema's
    # "Unevaluated properties are not allowed ('copy' was unexpected)".
    schema_input = plain
    if minor == 0:
        schema_input = dict(plain)
        schema_input["actions"] = [
            {k: v for k, v in a.items() if k != "copy"} if isinstance(a, dict) else a for a in actions_plain
        ]
    schema_errors = sorted(
        _validator(minor).iter_errors(schema_input),
        key=lambda e: (_format_path(list(e.absolute_path)), e.message),
    )
    for error in schema_errors:
        path = list(error.absolute_path)
        if len(path) == 3 and path[2] == "target" and error.validator == "pattern":
            continue  # reported above as "not a valid RFC 9535 JSONPath"
        if path[:1] == ["actions"] and len(path) >= 2 and isinstance(path[1], int):
            if not isinstance(actions_plain[path[1]], dict):
                continue  # already reported as "an action must be an object"
            position = path[1]
        else:
            position = -1
        errors.append(((position, 2), f"{_where(source, path, actions_plain)}: {_schema_message(error)}"))

    if errors:
        ordered = [message for _, message in sorted(errors, key=lambda item: item[0])]
        raise OverlayValidationError(list(dict.fromkeys(ordered)), source=source)
    return ValidatedOverlay(version=version, minor=minor, actions=compiled, source=source)
