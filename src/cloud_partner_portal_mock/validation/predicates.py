"""A small subset of JSON Schema compiled to a plain Python predicate: a quick "yes, valid" before jsonschema.

jsonschema walks a schema keyword by keyword through generic machinery (about 20 µs for the cancel body even
with its `$ref`s written out). A request that is valid, the common case, only needs a yes; so `compile_predicate`
turns a schema made only of the keywords below into nested closures that answer the same yes or no, and the
mock asks jsonschema only when the predicate says no (to get the errors it reports) or when the schema uses
anything else (then there is no predicate). A predicate never accepts what jsonschema rejects:
`tests/mock/validation/test_validation_equivalence.py` checks both on generated values.

Supported, with the meaning of JSON Schema 2020-12 as jsonschema implements it:

- `type`: `string`, `object`, `array`, `boolean`, `null`, `integer`, `number` (one or a list);
- `properties`, `required`, `additionalProperties` (without `patternProperties`), `allOf`, `anyOf`, `items` (one
  schema for every item);
- `minLength`, `maxLength` (in code points), `pattern` (`re.search`), `const` and `enum` of strings;
- `minimum`, `maximum` (numbers), `format` (asked of jsonschema's own format checker, so the answer is its own);
- annotations, which validate nothing: `title`, `description`, `default`, `example`, `examples`, `$comment`,
  `deprecated`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jsonschema import Draft202012Validator

Predicate = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"title", "description", "default", "example", "examples", "$comment", "deprecated"})
_TYPES: Mapping[str, Callable[[Any], bool]] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    # jsonschema's meaning: a bool is no number, and a float with no fraction is an integer.
    "integer": lambda value: (
        (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    ),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
}
_FORMATS = Draft202012Validator.FORMAT_CHECKER
"""The format checker the compiled validators use (`compiled.py`)."""


class Unsupported(Exception):
    """The schema uses something the predicates do not cover."""


def compile_predicate(schema: Any) -> Predicate | None:
    """A predicate equal to validating against `schema`, or None when the schema is outside the subset."""
    try:
        return _compile(schema)
    except (Unsupported, re.error, TypeError):
        return None


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _compile(schema: Any) -> Predicate:
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, dict):
        raise Unsupported(f"not a schema: {schema!r}")
    unknown = set(schema) - _ANNOTATIONS - set(_KEYWORDS)
    if unknown:
        raise Unsupported(f"keywords {sorted(unknown)}")
    keywords = set(schema) & set(_KEYWORDS)
    if schema.get("type") == "string" and keywords <= _STRING_KEYWORDS:
        return _string(schema)
    if schema.get("type") == "object" and keywords <= _OBJECT_KEYWORDS:
        return _object(schema)
    if schema.get("type") == "array" and keywords <= _ARRAY_KEYWORDS:
        return _array(schema)
    checks = [_KEYWORDS[key](schema[key], schema) for key in schema if key in _KEYWORDS]
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    return _every(checks)


def _every(checks: list[Predicate]) -> Predicate:
    # A loop rather than `all()` over a generator: this runs for every value of a body (an offer has hundreds),
    # and building a generator per value was a fifth of a PUT's validation.
    def check(value: Any) -> bool:
        for test in checks:  # noqa: SIM110  # reason: a loop, no generator per value (see above)
            if not test(value):
                return False
        return True

    return check


# The shapes the request schemas of the spec are made of, each fused into one closure: the same answers as the
# keyword-by-keyword predicates, with a quarter of the calls.
_STRING_KEYWORDS = frozenset({"type", "minLength", "maxLength", "pattern", "const", "enum"})
_OBJECT_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties"})
_ARRAY_KEYWORDS = frozenset({"type", "items"})


def _string(schema: Mapping[str, Any]) -> Predicate:
    rest = [_KEYWORDS[key](schema[key], schema) for key in ("const", "enum") if key in schema]
    minimum = schema.get("minLength", 0)
    maximum = schema.get("maxLength")
    for limit in (minimum, maximum):
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise Unsupported("length")
    pattern = schema.get("pattern")
    if pattern is not None and not isinstance(pattern, str):
        raise Unsupported("pattern")
    search = re.compile(pattern).search if pattern is not None else None

    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        size = len(value)
        if size < minimum or (maximum is not None and size > maximum):
            return False
        if search is not None and search(value) is None:
            return False
        for test in rest:  # noqa: SIM110  # reason: most strings have no `rest`: no generator built for nothing
            if not test(value):
                return False
        return True

    return check


def _object(schema: Mapping[str, Any]) -> Predicate:
    properties = schema.get("properties", {})
    if not isinstance(properties, dict):
        raise Unsupported("properties")
    tests = {name: _compile(sub) for name, sub in properties.items()}
    required = schema.get("required", [])
    if not isinstance(required, list) or not all(isinstance(name, str) for name in required):
        raise Unsupported("required")
    names = tuple(required)
    additional = _compile(schema.get("additionalProperties", True))

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        for name in names:
            if name not in value:
                return False
        for key, item in value.items():
            test = tests.get(key, additional)
            if test is not _always and not test(item):
                return False
        return True

    return check


def _array(schema: Mapping[str, Any]) -> Predicate:
    test = _compile(schema.get("items", True))

    def check(value: Any) -> bool:
        if not isinstance(value, list):
            return False
        if test is not _always:
            for item in value:
                if not test(item):
                    return False
        return True

    return check


def _type(expected: Any, schema: Mapping[str, Any]) -> Predicate:
    names = [expected] if isinstance(expected, str) else expected
    if not isinstance(names, list) or not names or any(name not in _TYPES for name in names):
        raise Unsupported(f"type {expected!r}")
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]

    def check(value: Any) -> bool:
        for test in tests:  # noqa: SIM110  # reason: as in `_every`
            if test(value):
                return True
        return False

    return check


def _properties(properties: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(properties, dict):
        raise Unsupported("properties")
    compiled = [(name, _compile(sub)) for name, sub in properties.items()]

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        return all(test(value[name]) for name, test in compiled if name in value)

    return check


def _required(required: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(required, list) or not all(isinstance(name, str) for name in required):
        raise Unsupported("required")
    names = tuple(required)
    return lambda value: not isinstance(value, dict) or all(name in value for name in names)


def _additional_properties(additional: Any, schema: Mapping[str, Any]) -> Predicate:
    if "patternProperties" in schema:
        raise Unsupported("additionalProperties with patternProperties")
    declared = frozenset(schema.get("properties", {}))
    test = _compile(additional)

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        return all(test(value[key]) for key in value if key not in declared)

    return check


def _all_of(schemas: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(schemas, list) or not schemas:
        raise Unsupported("allOf")
    tests = [_compile(sub) for sub in schemas]
    return lambda value: all(test(value) for test in tests)


def _any_of(schemas: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(schemas, list) or not schemas:
        raise Unsupported("anyOf")
    tests = [_compile(sub) for sub in schemas]
    return lambda value: any(test(value) for test in tests)


def _items(items: Any, schema: Mapping[str, Any]) -> Predicate:
    if "prefixItems" in schema:
        raise Unsupported("items with prefixItems")
    test = _compile(items)
    return lambda value: not isinstance(value, list) or all(test(item) for item in value)


def _bound(limit: Any, *, minimum: bool) -> Predicate:
    if isinstance(limit, bool) or not isinstance(limit, int | float):
        raise Unsupported("bound")
    number = _TYPES["number"]
    if minimum:
        return lambda value: not number(value) or value >= limit
    return lambda value: not number(value) or value <= limit


def _format(name: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(name, str):
        raise Unsupported("format")
    return lambda value: _FORMATS.conforms(value, name)


def _length(limit: Any, *, minimum: bool) -> Predicate:
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise Unsupported("length")
    if minimum:
        return lambda value: not isinstance(value, str) or len(value) >= limit
    return lambda value: not isinstance(value, str) or len(value) <= limit


def _pattern(pattern: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(pattern, str):
        raise Unsupported("pattern")
    search = re.compile(pattern).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _const(constant: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(constant, str):
        raise Unsupported("const that is not a string")
    return lambda value: isinstance(value, str) and value == constant


def _enum(values: Any, schema: Mapping[str, Any]) -> Predicate:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise Unsupported("enum with values that are not strings")
    allowed = frozenset(values)
    return lambda value: isinstance(value, str) and value in allowed


_KEYWORDS: Mapping[str, Callable[[Any, Mapping[str, Any]], Predicate]] = {
    "type": _type,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional_properties,
    "allOf": _all_of,
    "anyOf": _any_of,
    "items": _items,
    "minimum": lambda limit, schema: _bound(limit, minimum=True),
    "maximum": lambda limit, schema: _bound(limit, minimum=False),
    "format": _format,
    "minLength": lambda limit, schema: _length(limit, minimum=True),
    "maxLength": lambda limit, schema: _length(limit, minimum=False),
    "pattern": _pattern,
    "const": _const,
    "enum": _enum,
}
