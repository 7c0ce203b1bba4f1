"""The API description as the mock reads it: the bundled `openapi.json` and the facts taken from it.

`openapi.json` is derived from `openapi.yaml` by `make generate` (servers pointed at loopback) and ships inside
the package, so it is read with `importlib.resources` and works from a wheel. Everything the mock needs to
know about the API's shape (paths, methods, query parameters, documented statuses, the api-version, the
notification-emails pattern) is read from it here rather than written again in code.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from openapi_core import OpenAPI

SPEC_RESOURCE = "openapi.json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class OperationFacts:
    """One operation of the spec, reduced to what request handling needs."""

    operation_id: str
    method: str
    path: str
    query_parameters: frozenset[str]
    required_query: frozenset[str]
    statuses: frozenset[int]
    has_body: bool
    patterns: tuple[tuple[str, str, re.Pattern[str]], ...] = ()
    """(location, name, pattern) of each parameter with a `pattern`, compiled with ECMA-262 `$` semantics."""


@functools.cache
def spec_bytes() -> bytes:
    """The bundled spec, byte for byte as `GET /openapi.json` serves it."""
    return resources.files(__package__).joinpath(SPEC_RESOURCE).read_bytes()


@functools.cache
def _spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(spec_bytes())
    return loaded


def spec_document() -> dict[str, Any]:
    """The bundled spec, shared: read it, never change it (`spec()` gives a copy to change)."""
    return _spec()


def spec() -> dict[str, Any]:
    """A fresh copy of the bundled spec, safe to change."""
    return copy.deepcopy(_spec())


@functools.cache
def validation_openapi() -> OpenAPI:
    """openapi-core's view of the spec, with `servers: [{url: "/"}]` so any host the request names matches."""
    document = spec()
    document["servers"] = [{"url": "/"}]
    return OpenAPI.from_dict(document)


def resolve(node: Any) -> Any:
    """Follow a local `$ref` (`#/components/...`) until a value that is not a reference."""
    while isinstance(node, dict) and "$ref" in node:
        reference = node["$ref"]
        if not isinstance(reference, str) or not reference.startswith("#/"):
            raise ValueError(f"openapi.json: only local references are supported, not {reference!r}")
        node = _spec()
        for part in reference[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """`pattern` for `re.search` with JSON Schema's (ECMA-262) meaning of a final `$`: the end of the string.
    Python's `$` also matches before a final newline, so jsonschema lets `'contoso\\n'` through."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


@functools.cache
def operations() -> tuple[OperationFacts, ...]:
    """Every operation of the spec, in document order."""
    found: list[OperationFacts] = []
    for path, raw_item in _spec()["paths"].items():
        item = resolve(raw_item)
        shared = [resolve(p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            parameters = shared + [resolve(p) for p in operation.get("parameters", [])]
            found.append(
                OperationFacts(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    query_parameters=frozenset(p["name"] for p in parameters if p["in"] == "query"),
                    required_query=frozenset(
                        p["name"] for p in parameters if p["in"] == "query" and p.get("required", False)
                    ),
                    statuses=frozenset(int(code) for code in operation["responses"] if code.isdigit()),
                    has_body="requestBody" in operation,
                    patterns=tuple(
                        (p["in"], p["name"], ecma_pattern(resolve(p["schema"])["pattern"]))
                        for p in parameters
                        if "pattern" in resolve(p.get("schema", {}))
                    ),
                )
            )
    return tuple(found)


def methods_by_path() -> dict[str, dict[str, OperationFacts]]:
    """Path template → upper-case method → operation."""
    table: dict[str, dict[str, OperationFacts]] = {}
    for facts in operations():
        table.setdefault(facts.path, {})[facts.method] = facts
    return table


@functools.cache
def api_version() -> str:
    """The only api-version the spec allows (the `const` of the `api-version` query parameter)."""
    for raw_item in _spec()["paths"].values():
        for raw in resolve(raw_item).get("parameters", []):
            parameter = resolve(raw)
            if parameter["name"] == "api-version":
                version: str = resolve(parameter["schema"])["const"]
                return version
    raise LookupError("openapi.json: no api-version parameter with a const value")


@functools.cache
def notification_emails_pattern() -> re.Pattern[str]:
    """The pattern of `NotificationEmails`; it accepts a single address as well as a list."""
    pattern: str = _spec()["components"]["schemas"]["NotificationEmails"]["pattern"]
    return re.compile(pattern)
