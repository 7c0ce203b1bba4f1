"""The spec's request checks, compiled once per operation: one JSON Schema validator per parameter and body.

openapi-core builds its validators again on every request (its factories walk the spec, resolve `$ref`s and
deep-copy the format checker each time): that was about 95% of the mock's time per request (a profile is in
BENCHMARKS.md). Here the very same validators are built once, when the app starts, by openapi-core's own
factory for the document's version (`oas31_schema_validators_factory`: the `OAS31Validator` dialect and the
format checker openapi-core itself uses), and each request only runs them.

What openapi-core does around the schema check is done here the same way, for the shapes this module accepts:
parameters are read in openapi-core's order (the operation's, then the path item's), a missing optional
parameter takes its schema's `default`, an empty query value is refused, and a JSON body is checked only when
one was sent. An operation with anything else (a header or cookie parameter, a `content` parameter, a
parameter that is not a plain string, a body that is not `application/json`, another OpenAPI version) is not
compiled: `validation.py` leaves it to openapi-core whole. `tests/hardening/test_validation_equivalence.py`
checks that both answer the same for generated requests.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openapi_core.validation.schemas import oas31_schema_validators_factory

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
    """A jsonschema validator (`iter_errors(value)`), built by openapi-core's factory."""
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
    """The schema's `default` (openapi-core answers it for a missing parameter), or `_NO_DEFAULT`."""
    check: SchemaCheck

    @property
    def has_default(self) -> bool:
        return self.default is not _NO_DEFAULT


@dataclass(frozen=True)
class CompiledOperation:
    parameters: tuple[CompiledParameter, ...]
    body: SchemaCheck | None
    """The `application/json` body's schema, or None when the operation takes no body."""


def _supported_parameter(parameter: Mapping[str, Any], spec: Description) -> bool:
    location = parameter.get("in")
    if location not in SUPPORTED_PARAMETER_LOCATIONS or "content" in parameter or "schema" not in parameter:
        return False
    if parameter.get("style", _DEFAULT_STYLE[location]) != _DEFAULT_STYLE[location]:
        return False
    if "allowEmptyValue" in parameter or "allowReserved" in parameter:
        return False
    # A plain string needs no deserializing or casting: the raw value is what openapi-core validates.
    schema = spec.resolve(parameter["schema"])
    return isinstance(schema, dict) and schema.get("type") == "string"


def _operation_parameters(
    path_item: Mapping[str, Any], operation: Mapping[str, Any], spec: Description
) -> list[tuple[str, int]]:
    """(where, index) of each parameter in openapi-core's order: the operation's first, then the path item's,
    a (name, in) pair only once."""
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


@functools.cache
def compiled_operation(facts: OperationFacts) -> CompiledOperation | None:
    """The operation's checks, compiled; None when openapi-core has to check it (see the module's docstring)."""
    spec = description(facts.rules)
    document = spec.document
    if not str(document.get("openapi", "")).startswith("3.1."):
        return None
    path_item = spec.resolve(document["paths"][facts.path])
    operation = path_item[facts.method.lower()]
    spec_path = spec.openapi.spec
    item_path = spec_path / "paths" / facts.path
    operation_path = item_path / facts.method.lower()

    parameters: list[CompiledParameter] = []
    for where, index in _operation_parameters(path_item, operation, spec):
        raw = (operation if where == "operation" else path_item)["parameters"][index]
        parameter = spec.resolve(raw)
        if not _supported_parameter(parameter, spec):
            return None
        schema = spec.resolve(parameter["schema"])
        parameter_path = (operation_path if where == "operation" else item_path) / "parameters" / index
        parameters.append(
            CompiledParameter(
                location=parameter["in"],
                name=parameter["name"],
                required=bool(parameter.get("required", False)),
                default=schema.get("default", _NO_DEFAULT),
                check=_check(spec, spec_path, parameter_path / "schema"),
            )
        )

    body = None
    if "requestBody" in operation:
        content = spec.resolve(operation["requestBody"]).get("content", {})
        if set(content) != {"application/json"} or "schema" not in content["application/json"]:
            return None
        body = _check(spec, spec_path, operation_path / "requestBody" / "content" / "application/json" / "schema")
    return CompiledOperation(tuple(parameters), body)


def _check(spec: Description, spec_path: Any, schema_path: Any) -> SchemaCheck:
    # openapi-core's own factory, so that the dialect, `$ref` resolution and format checker are exactly its own;
    # then the same validator on the schema with its local `$ref`s written out, which spares a registry lookup
    # per `$ref` per request (a third of the time of a body check).
    validator = oas31_schema_validators_factory.create(spec_path, schema_path).validator
    inlined = _inline_refs(validator.schema, (), spec)
    if inlined is None:
        return SchemaCheck(validator, None)
    return SchemaCheck(validator.evolve(schema=inlined), compile_predicate(inlined))


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
