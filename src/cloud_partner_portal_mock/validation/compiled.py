"""The description's request checks, compiled once per operation: one JSON Schema validator per parameter and body.

Each schema is checked by jsonschema's own Draft 2020-12 validator (the dialect of an OpenAPI 3.1 description)
with its format checker, on the schema with its local `$ref`s written out, built once when the app starts; each
request only runs them (building validators per request, as openapi-core does, was about 95% of the mock's time
per request: BENCHMARKS.md). A quick predicate (`predicates.py`) answers "valid" first where it can.

What an OpenAPI validator does around the schema check is done here the same way, for the shapes this module
accepts: parameters are read in the operation's order, then the path item's, a missing optional parameter takes
its schema's `default`, an empty query value is refused, and a JSON body is checked only when one was sent. An
operation with anything else (a header or cookie parameter, a `content` parameter, a parameter that is not a
plain string, a body that is not `application/json`, a recursive or remote `$ref`, another OpenAPI version) is
refused when the app starts (`UnsupportedOperation`), so there is one engine and no operation goes unchecked.
`tests/mock/validation/test_validation_equivalence.py` holds this engine to openapi-core's answers (the oracle)
for generated requests.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from .predicates import Predicate, compile_predicate
from .spec import Description, OperationFacts, description

_NO_DEFAULT: Any = object()
_LITERAL_KEYWORDS = frozenset({"const", "enum", "default", "example", "examples", "description", "title", "required"})
SUPPORTED_PARAMETER_LOCATIONS = ("path", "query")
_DEFAULT_STYLE = {"path": "simple", "query": "form"}


@dataclass(frozen=True)
class SchemaCheck:
    """One schema, compiled: the jsonschema validator, and a quick predicate when the schema allows one."""

    validator: Any
    """A jsonschema `Draft202012Validator` (`iter_errors(value)`) with its format checker."""
    accepts: Predicate | None
    """`predicates.compile_predicate` of the schema: True only for values the validator finds valid."""

    def errors(self, value: Any) -> Sequence[Any]:
        """The jsonschema errors of `value` (empty when valid)."""
        if self.accepts is not None and self.accepts(value):
            return ()
        return tuple(self.validator.iter_errors(value))


@dataclass(frozen=True)
class CompiledParameter:
    location: str
    name: str
    required: bool
    default: Any
    """The schema's `default` (what a missing parameter reads), or `_NO_DEFAULT`."""
    check: SchemaCheck

    @property
    def has_default(self) -> bool:
        return self.default is not _NO_DEFAULT


class UnsupportedOperation(ValueError):
    """An operation of the description that this module cannot compile; the message says what it uses."""


@dataclass(frozen=True)
class CompiledOperation:
    parameters: tuple[CompiledParameter, ...]
    body: SchemaCheck | None
    """The `application/json` body's schema, or None when the operation takes no body."""


def _unsupported_parameter(parameter: Mapping[str, Any], spec: Description) -> str | None:
    """What this module cannot check in `parameter`, or None."""
    location = parameter.get("in")
    if location not in SUPPORTED_PARAMETER_LOCATIONS:
        return f"a {location} parameter"
    if "content" in parameter or "schema" not in parameter:
        return "a parameter with `content` rather than a `schema`"
    if parameter.get("style", _DEFAULT_STYLE[location]) != _DEFAULT_STYLE[location]:
        return f"a parameter of style {parameter.get('style')!r}"
    if "allowEmptyValue" in parameter or "allowReserved" in parameter:
        return "allowEmptyValue or allowReserved"
    # A plain string needs no deserializing or casting: the raw value is what is validated.
    schema = spec.resolve(parameter["schema"])
    if not (isinstance(schema, dict) and schema.get("type") == "string"):
        return "a parameter that is not a plain string"
    return None


def _operation_parameters(
    path_item: Mapping[str, Any], operation: Mapping[str, Any], spec: Description
) -> list[tuple[str, int]]:
    """(where, index) of each parameter in the order an OpenAPI validator reads them (openapi-core's): the
    operation's first, then the path item's, a (name, in) pair only once."""
    seen: set[tuple[str, str]] = set()
    found: list[tuple[str, int]] = []
    levels = (("operation", operation.get("parameters", [])), ("path", path_item.get("parameters", [])))
    for where, parameters in levels:
        for index, raw in enumerate(parameters):
            parameter = spec.resolve(raw)
            key = (parameter["name"], parameter["in"])
            if key not in seen:
                seen.add(key)
                found.append((where, index))
    return found


def compiled_operation(facts: OperationFacts) -> CompiledOperation:
    """The checks of an operation of a bundled description, compiled once."""
    return compile_operation(description(facts.rules), facts)


@functools.cache
def compile_operation(spec: Description, facts: OperationFacts) -> CompiledOperation:
    """The operation's checks, compiled; `UnsupportedOperation` when it uses what this module does not check
    (see the module's docstring)."""

    def unsupported(what: str) -> UnsupportedOperation:
        return UnsupportedOperation(f"{spec.resource}: {facts.operation_id} uses {what}, which the mock cannot check")

    document = spec.document
    if not str(document.get("openapi", "")).startswith("3.1."):
        raise unsupported(f"OpenAPI {document.get('openapi')!r} (3.1 only)")
    path_item = spec.resolve(document["paths"][facts.path])
    operation = path_item[facts.method.lower()]

    parameters: list[CompiledParameter] = []
    for where, index in _operation_parameters(path_item, operation, spec):
        raw = (operation if where == "operation" else path_item)["parameters"][index]
        parameter = spec.resolve(raw)
        if (problem := _unsupported_parameter(parameter, spec)) is not None:
            raise unsupported(problem)
        schema = spec.resolve(parameter["schema"])
        if (check := _check(parameter["schema"], spec)) is None:
            raise unsupported("a recursive or remote $ref")
        parameters.append(
            CompiledParameter(
                location=parameter["in"],
                name=parameter["name"],
                required=bool(parameter.get("required", False)),
                default=schema.get("default", _NO_DEFAULT),
                check=check,
            )
        )

    body = None
    if "requestBody" in operation:
        content = spec.resolve(operation["requestBody"]).get("content", {})
        if set(content) != {"application/json"} or "schema" not in content["application/json"]:
            raise unsupported("a request body that is not application/json with a schema")
        body = _check(content["application/json"]["schema"], spec)
        if body is None:
            raise unsupported("a recursive or remote $ref")
    return CompiledOperation(tuple(parameters), body)


def _check(schema: Any, spec: Description) -> SchemaCheck | None:
    """The schema's check, on the schema with its local `$ref`s written out (which spares a registry lookup per
    `$ref` per request, a third of the time of a body check); None when one cannot be written out."""
    inlined = _inline_refs(schema, (), spec)
    if inlined is None:
        return None
    validator = Draft202012Validator(inlined, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return SchemaCheck(validator, compile_predicate(inlined))


def _inline_refs(node: Any, seen: tuple[str, ...], spec: Description) -> Any:
    """`node` with each local `$ref` replaced by what it names; None if a reference is recursive or not local.

    A `$ref` alone becomes the schema it names; one with sibling keywords keeps them and gets the named schema
    as an `allOf` entry, which in JSON Schema 2020-12 applies the same way."""
    if isinstance(node, list):
        items = [_inline_refs(item, seen, spec) for item in node]
        return None if any(item is None for item in items) else items
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str):
        if not reference.startswith("#/") or reference in seen:
            return None
        target = _inline_refs(spec.resolve({"$ref": reference}), (*seen, reference), spec)
        if target is None:
            return None
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        if not siblings:
            return target
        rest = _inline_refs(siblings, seen, spec)
        return None if rest is None else {**rest, "allOf": [*rest.get("allOf", []), target]}
    if "$id" in node or "$anchor" in node or "$dynamicRef" in node or "$dynamicAnchor" in node:
        return None
    out = {}
    for key, value in node.items():
        # Keywords whose values are not schemas are copied as they are (an `enum` may hold an object with "$ref").
        inlined = value if key in _LITERAL_KEYWORDS else _inline_refs(value, seen, spec)
        if inlined is None:
            return None
        out[key] = inlined
    return out
