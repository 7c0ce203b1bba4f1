"""Compare two JSON Schemas at one place of an API, knowing who sends the data.

The rules follow one question per audience. For the generated client: does code that used the old client still
type-check, and does the client still read every answer the server may now send? (Its enumerations are closed:
``from_dict`` raises on a value it does not know, unless the description leaves them open with
``anyOf: [enum, {type: string}]``.) For a server under contract test: does an answer that conformed before still
conform? A request that accepts more is an addition; a request that accepts less breaks callers; an answer that
may carry more breaks readers; an answer that promises more breaks servers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .context import DOC_KEYS, Comparison, Direction
from .model import Impact

B, A, C, N = Impact.BREAKING, Impact.ADDITION, Impact.CHANGE, Impact.NONE

LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
EXACT_CONSTRAINTS = ("pattern", "multipleOf", "uniqueItems")


@dataclass(frozen=True)
class Place:
    """Where a schema sits: the section (``getOperation: response 200 (application/json)``) and the path in it."""

    section: str
    direction: Direction
    path: str = ""
    stack: frozenset[tuple[str, str]] = frozenset()  # component pairs being compared: stops recursion

    @property
    def where(self) -> str:
        return f"{self.section} {self.path}" if self.path else self.section

    def child(self, step: str) -> Place:
        return replace(self, path=f"{self.path}{step}")


@dataclass(frozen=True)
class EnumFacts:
    values: tuple[Any, ...]
    open: bool  # anyOf [enum, plain string]: any string is valid, the listed ones get enum members
    varnames: Mapping[Any, str]


def _types(schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema allows, or None for any."""
    declared = schema.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list):
        types = {t for t in declared if isinstance(t, str)}
    elif "enum" in schema or "const" in schema:
        values = schema.get("enum", [schema.get("const")])
        types = {_json_type(v) for v in values} if isinstance(values, list) else set()
    elif "properties" in schema or "additionalProperties" in schema:
        types = {"object"}
    elif "items" in schema:
        types = {"array"}
    else:
        return None
    if schema.get("nullable") is True:  # OpenAPI 3.0 spelling
        types.add("null")
    return frozenset(types)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return "string"


def _covers(wide: frozenset[str] | None, narrow: frozenset[str] | None) -> bool:
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _branches(schema: Mapping[str, Any]) -> list[Any] | None:
    for key in ("anyOf", "oneOf"):
        value = schema.get(key)
        if isinstance(value, list) and value:
            return value
    return None


def _is_plain_string(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "string" and not any(
        k in schema for k in ("enum", "const", "format", "pattern", "maxLength", "minLength")
    )


class SchemaComparer:
    def __init__(self, comparison: Comparison) -> None:
        self.cmp = comparison

    # -- reading one side -----------------------------------------------------------------------------------

    def _merged(self, schema: Mapping[str, Any], old: bool) -> Mapping[str, Any]:
        """``allOf`` flattened into one object schema: properties and required lists joined."""
        parts = schema.get("allOf")
        if not isinstance(parts, list):
            return schema
        resolver = self.cmp.old if old else self.cmp.new
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        properties: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for part in parts:
            resolved, _ = resolver.resolve(part)
            resolved = self._merged(resolved, old)
            properties.update(resolved.get("properties") or {})
            required.extend(r for r in resolved.get("required") or [] if r not in required)
            for key, value in resolved.items():
                merged.setdefault(key, value)
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged

    def _enum(self, schema: Mapping[str, Any], old: bool) -> EnumFacts | None:
        resolver = self.cmp.old if old else self.cmp.new
        branches = _branches(schema)
        if branches is not None:
            if len(branches) != 2:
                return None
            resolved = [resolver.resolve(b)[0] for b in branches]
            enums = [b for b in resolved if isinstance(b.get("enum"), list)]
            plain = [b for b in resolved if _is_plain_string(b)]
            if len(enums) != 1 or len(plain) != 1:
                return None
            return EnumFacts(tuple(enums[0]["enum"]), True, self._varnames(enums[0]))
        if isinstance(schema.get("enum"), list):
            return EnumFacts(tuple(schema["enum"]), False, self._varnames(schema))
        if "const" in schema:
            return EnumFacts((schema["const"],), False, {})
        return None

    @staticmethod
    def _varnames(schema: Mapping[str, Any]) -> Mapping[Any, str]:
        names = schema.get("x-enum-varnames")
        values = schema.get("enum")
        if not isinstance(names, list) or not isinstance(values, list):
            return {}
        return {v: str(n) for v, n in zip(values, names, strict=False)}

    # -- comparing ------------------------------------------------------------------------------------------

    def compare(self, old: Any, new: Any, place: Place) -> None:
        old_schema, old_name = self.cmp.old.resolve(old)
        new_schema, new_name = self.cmp.new.resolve(new)
        if not isinstance(old_schema, Mapping) or not isinstance(new_schema, Mapping):
            if old_schema != new_schema:  # boolean schemas (true/false)
                self._type_change(place, "schema", f"{old_schema!r} → {new_schema!r}", None, frozenset())
            return
        if old_name and new_name:
            pair = (old_name, new_name)
            if pair in place.stack:
                return
            place = replace(place, stack=place.stack | {pair})
        old_schema = self._merged(old_schema, old=True)
        new_schema = self._merged(new_schema, old=False)
        self._names(old_schema, new_schema, old_name, new_name, place)

        old_enum, new_enum = self._enum(old_schema, old=True), self._enum(new_schema, old=False)
        if (old_enum and old_enum.open) or (new_enum and new_enum.open):
            old_types = frozenset({"string"}) if old_enum and old_enum.open else _types(old_schema)
            new_types = frozenset({"string"}) if new_enum and new_enum.open else _types(new_schema)
            if self._types(old_types, new_types, place):
                self._enums(old_enum, new_enum, place)
            return
        old_branches, new_branches = _branches(old_schema), _branches(new_schema)
        if old_branches is not None or new_branches is not None:
            self._unions(old_branches or [old_schema], new_branches or [new_schema], place)
            return
        if not self._types(_types(old_schema), _types(new_schema), place):
            return
        self._format(old_schema.get("format"), new_schema.get("format"), place)
        self._enums(old_enum, new_enum, place)
        self._constraints(old_schema, new_schema, place)
        self._object(old_schema, new_schema, place)
        if "items" in old_schema and "items" in new_schema:
            self.compare(old_schema["items"], new_schema["items"], place.child("[]"))

    def _names(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        old_name: str | None,
        new_name: str | None,
        place: Place,
    ) -> None:
        """Class names of the generated models: the title, else the component's key (the generator's order)."""
        is_model = all("properties" in s or "enum" in s for s in (old, new))
        old_class = (old.get("title") or old_name) if is_model else None
        new_class = (new.get("title") or new_name) if is_model else None
        if old_class and new_class and old_class != new_class:
            self.cmp.add("schema-renamed", place.where, f"the generated class {old_class} is now {new_class}", B)
        if old_name != new_name:
            return  # another component here: its documentation is its own, not a change of this one's
        keys = tuple(k for k in DOC_KEYS if not (is_model and k == "title"))
        component = f"components/schemas/{new_name}" if new_name else None
        self.cmp.documentation(old, new, place.where, component=component, keys=keys)

    def _types(self, old: frozenset[str] | None, new: frozenset[str] | None, place: Place) -> bool:
        """Record a type change; False when the two share no type and nothing below can be compared."""
        if old == new:
            return True
        self._type_change(place, "type", f"{_show(old)} → {_show(new)}", old, new)
        return old is None or new is None or bool(old & new) or ("integer" in old and "number" in new)

    def _type_change(
        self, place: Place, what: str, message: str, old: frozenset[str] | None, new: frozenset[str] | None
    ) -> None:
        if _covers(new, old):
            kind, note = "type-widened", "now also null" if new and old and new - old == {"null"} else ""
            request, response = (A, A), (B, N)
        elif _covers(old, new):
            kind, note = "type-narrowed", "no longer null" if new and old and old - new == {"null"} else ""
            request, response = (B, N), (C, B)
        else:
            kind, note = "type-changed", ""
            request, response = (B, N), (B, B)
        text = f"{what} {message}" + (f" ({note})" if note else "")
        self.cmp.add_directed(place.direction, kind, place.where, text, request=request, response=response)

    def _format(self, old: object, new: object, place: Place) -> None:
        if old == new:
            return
        # The generated type follows the format (str, datetime.datetime, datetime.date, UUID, File), and a value
        # valid under one format may be refused under the other: a change either way is breaking for the client.
        server = B if place.direction is Direction.RESPONSE and new is not None else N
        self.cmp.add("format-changed", place.where, f"format {old or '(none)'} → {new or '(none)'}", B, server)

    def _enums(self, old: EnumFacts | None, new: EnumFacts | None, place: Place) -> None:
        d, where = place.direction, place.where
        if old is None and new is None:
            return
        if old is None and new is not None:
            if new.open:
                self.cmp.add("enum-added", where, "now an open enumeration (members for known values)", C)
            else:
                self.cmp.add_directed(
                    d, "enum-added", where, f"now limited to {_values(new.values)}", request=(B, N), response=(C, B)
                )
            return
        if new is None and old is not None:
            # The enum class goes away: code naming its members breaks, whichever way the data flows.
            request = (B, N) if old.open else (A, A)
            self.cmp.add_directed(
                d, "enum-removed", where, "no longer an enumeration", request=request, response=(B, N)
            )
            return
        assert old is not None
        assert new is not None
        if old.open and not new.open:
            self.cmp.add_directed(
                d, "enum-closed", where, "enumeration closed: other strings are no longer valid",
                request=(B, N), response=(C, B),
            )  # fmt: skip
        elif new.open and not old.open:
            self.cmp.add_directed(
                d, "enum-opened", where, "enumeration opened: any string is now valid", request=(A, A), response=(B, N)
            )
        removed = [v for v in old.values if v not in new.values]
        added = [v for v in new.values if v not in old.values]
        if removed:
            server = B if d is Direction.RESPONSE and not new.open else N
            self.cmp.add("enum-value-removed", where, f"enum value {_values(removed)} removed", B, server)
        if added:
            closed_answer = d is Direction.RESPONSE and not new.open
            note = " (the client is closed here: it raises on a value it does not know)" if closed_answer else ""
            self.cmp.add_directed(
                d, "enum-value-added", where, f"enum value {_values(added)} added{note}",
                request=(A, A), response=(B, N) if closed_answer else (A, N),
            )  # fmt: skip
        renamed = [
            f"{v!r}: {old.varnames[v]} → {new.varnames[v]}"
            for v in new.values
            if v in old.values and v in old.varnames and v in new.varnames and old.varnames[v] != new.varnames[v]
        ]
        if renamed:
            self.cmp.add("enum-member-renamed", where, f"generated enum member renamed: {', '.join(renamed)}", B)

    def _constraints(self, old: Mapping[str, Any], new: Mapping[str, Any], place: Place) -> None:
        tighter: list[str] = []
        looser: list[str] = []
        for key in (*LOWER_BOUNDS, *UPPER_BOUNDS, *EXACT_CONSTRAINTS):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            text = f"{key} {_or_none(before)} → {_or_none(after)}"
            if after is None or after is False:
                looser.append(text)
            elif before is None or key in EXACT_CONSTRAINTS or isinstance(after, bool):
                tighter.append(text)  # a new bound, a different pattern, OpenAPI 3.0's exclusive flag set
            elif isinstance(before, int | float) and isinstance(after, int | float):
                (tighter if (after > before) == (key in LOWER_BOUNDS) else looser).append(text)
            else:
                tighter.append(text)
        d, where = place.direction, place.where
        if tighter:
            self.cmp.add_directed(d, "constraint-tightened", where, ", ".join(tighter), request=(B, N), response=(C, B))
        if looser:
            self.cmp.add_directed(d, "constraint-loosened", where, ", ".join(looser), request=(C, A), response=(C, N))

    def _object(self, old: Mapping[str, Any], new: Mapping[str, Any], place: Place) -> None:
        old_props: Mapping[str, Any] = old.get("properties") or {}
        new_props: Mapping[str, Any] = new.get("properties") or {}
        old_required = set(old.get("required") or [])
        new_required = set(new.get("required") or [])
        d = place.direction
        names = [*old_props, *(n for n in new_props if n not in old_props)]
        names += [n for n in sorted(old_required | new_required) if n not in names]
        for name in names:
            here = place.child(f"/{name}")
            was = name in old_props or name in old_required
            now = name in new_props or name in new_required
            if was and not now:
                # A server that still sends the field fails the contract only where extra fields are refused.
                server = B if d is Direction.RESPONSE and new.get("additionalProperties") is False else N
                self.cmp.add("property-removed", here.where, "property removed", B, server)
                continue
            if now and not was:
                if name in new_required:
                    self.cmp.add_directed(
                        d, "required-property-added", here.where, "required property added",
                        request=(B, A), response=(A, B),
                    )  # fmt: skip
                else:
                    self.cmp.add_directed(
                        d, "property-added", here.where, "optional property added", request=(A, A), response=(A, N)
                    )
                continue
            if name in new_required and name not in old_required:
                self.cmp.add_directed(
                    d, "property-made-required", here.where, "property is now required", request=(B, N), response=(C, B)
                )
            elif name in old_required and name not in new_required:
                self.cmp.add_directed(
                    d, "property-made-optional", here.where, "property is now optional", request=(A, A), response=(B, N)
                )
            if name in old_props and name in new_props:
                self.compare(old_props[name], new_props[name], here)
        self._additional(old.get("additionalProperties"), new.get("additionalProperties"), place)

    def _additional(self, old: object, new: object, place: Place) -> None:
        old_open, new_open = old is not False, new is not False
        if old_open and not new_open:
            self.cmp.add_directed(
                place.direction, "additional-properties-closed", place.where, "other properties are now refused",
                request=(B, N), response=(C, B),
            )  # fmt: skip
        elif new_open and not old_open:
            self.cmp.add_directed(
                place.direction, "additional-properties-opened", place.where, "other properties are now allowed",
                request=(A, A), response=(C, N),
            )  # fmt: skip
        elif isinstance(old, Mapping) and isinstance(new, Mapping):
            self.compare(old, new, place.child("/*"))

    def _unions(self, old: Sequence[Any], new: Sequence[Any], place: Place) -> None:
        """anyOf/oneOf branches, matched by component name or by type; a lone schema is a union of one."""
        old_keys = [self._branch_key(b, old=True) for b in old]
        new_keys = [self._branch_key(b, old=False) for b in new]
        unmatched_new = list(range(len(new)))
        unmatched_old: list[int] = []
        pairs: list[tuple[int, int]] = []
        for i, key in enumerate(old_keys):
            j = next((j for j in unmatched_new if new_keys[j] == key), None)
            if j is None:
                unmatched_old.append(i)
            else:
                unmatched_new.remove(j)
                pairs.append((i, j))
        if len(unmatched_old) == len(unmatched_new):  # the same branches, changed inside
            pairs += list(zip(unmatched_old, unmatched_new, strict=True))
            unmatched_old, unmatched_new = [], []
        for i in unmatched_old:
            self.cmp.add_directed(
                place.direction, "union-branch-removed", place.where, f"no longer accepts {old_keys[i]}",
                request=(B, N), response=(C, B),
            )  # fmt: skip
        for j in unmatched_new:
            self.cmp.add_directed(
                place.direction, "union-branch-added", place.where, f"now also accepts {new_keys[j]}",
                request=(A, A), response=(B, N),
            )  # fmt: skip
        for i, j in pairs:
            self.compare(old[i], new[j], place)

    def _branch_key(self, branch: Any, old: bool) -> str:
        resolver = self.cmp.old if old else self.cmp.new
        schema, name = resolver.resolve(branch)
        if name:
            return name
        if not isinstance(schema, Mapping):
            return repr(schema)
        types = _types(schema)
        return _show(types) + (f" ({schema['format']})" if "format" in schema else "")


def _show(types: frozenset[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "nothing"


def _or_none(value: object) -> str:
    return "(none)" if value is None else str(value)


def _values(values: Sequence[Any]) -> str:
    return ", ".join(repr(v) if not isinstance(v, str) else f"'{v}'" for v in values)
