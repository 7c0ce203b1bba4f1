"""The API description as the mock reads it: a bundled JSON copy and the facts taken from it.

The mock runs under one of two sets of rules, each with its own description:

- `mock` (the default): `openapi.json`, derived from `openapi.yaml` plus the mock's overlays (loopback servers
  and `overlays/mock-rules.overlay.yaml`: identifier patterns, closed bodies, 409/413/415, ...);
- `documented`: `openapi.documented.json`, derived from `openapi.yaml` plus the loopback servers alone: the
  public description, which states what Microsoft's pages state and no more.

Both are written by `make generate` and ship at the top of the package, so they are read with
`importlib.resources` and work from a wheel. Everything the mock needs to know about the API's shape (paths,
methods, query parameters, documented statuses, the api-version, the notification-emails syntax) is read from the
description here rather than written again in code.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

MOCK_RULES = "mock"
DOCUMENTED_RULES = "documented"
DESCRIPTIONS = {MOCK_RULES: "openapi.json", DOCUMENTED_RULES: "openapi.documented.json"}
"""The rules the mock can run under → the bundled description that states them."""
RULES = tuple(DESCRIPTIONS)
PACKAGE = "cloud_partner_portal_mock"
"""The package whose top holds the bundled descriptions."""
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
    rules: str = MOCK_RULES
    """The rules whose description this operation was read from (`Description.rules`)."""


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """`pattern` for `re.search` with JSON Schema's (ECMA-262) meaning of a final `$`: the end of the string.
    Python's `$` also matches before a final newline, so jsonschema lets `'contoso\\n'` through."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


class Description:
    """One bundled description, read once: its bytes, its document, and the facts the mock takes from it."""

    def __init__(self, rules: str, data: bytes | None = None) -> None:
        """The bundled description of `rules`; or, given `data`, that document read as if it stated `rules`."""
        if rules not in DESCRIPTIONS:
            raise ValueError(f"unknown rules {rules!r}; known: {', '.join(RULES)}")
        self.rules = rules
        self.resource = DESCRIPTIONS[rules] if data is None else f"a {rules} description given as data"
        self.bytes = resources.files(PACKAGE).joinpath(DESCRIPTIONS[rules]).read_bytes() if data is None else data
        """The description, byte for byte as `GET /openapi.json` serves it."""
        self.document: dict[str, Any] = json.loads(self.bytes)
        """Shared: read it, never change it (`copy()` gives one to change)."""

    def copy(self) -> dict[str, Any]:
        """A fresh copy of the document, safe to change."""
        return copy.deepcopy(self.document)

    def resolve(self, node: Any) -> Any:
        """Follow a local `$ref` (`#/components/...`) until a value that is not a reference."""
        while isinstance(node, dict) and "$ref" in node:
            reference = node["$ref"]
            if not isinstance(reference, str) or not reference.startswith("#/"):
                raise ValueError(f"{self.resource}: only local references are supported, not {reference!r}")
            node = self.document
            for part in reference[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    @functools.cached_property
    def operations(self) -> tuple[OperationFacts, ...]:
        """Every operation, in document order."""
        found: list[OperationFacts] = []
        for path, raw_item in self.document["paths"].items():
            item = self.resolve(raw_item)
            shared = [self.resolve(p) for p in item.get("parameters", [])]
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                operation = item[method]
                parameters = shared + [self.resolve(p) for p in operation.get("parameters", [])]
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
                            (p["in"], p["name"], ecma_pattern(self.resolve(p["schema"])["pattern"]))
                            for p in parameters
                            if "pattern" in self.resolve(p.get("schema", {}))
                        ),
                        rules=self.rules,
                    )
                )
        return tuple(found)

    def methods_by_path(self) -> dict[str, dict[str, OperationFacts]]:
        """Path template → upper-case method → operation."""
        table: dict[str, dict[str, OperationFacts]] = {}
        for facts in self.operations:
            table.setdefault(facts.path, {})[facts.method] = facts
        return table

    @functools.cached_property
    def api_version(self) -> str:
        """The only api-version the description allows (the `const` of the `api-version` query parameter)."""
        for raw_item in self.document["paths"].values():
            for raw in self.resolve(raw_item).get("parameters", []):
                parameter = self.resolve(raw)
                if parameter["name"] == "api-version":
                    version: str = self.resolve(parameter["schema"])["const"]
                    return version
        raise LookupError(f"{self.resource}: no api-version parameter with a const value")

    @functools.cached_property
    def notification_emails(self) -> dict[str, Any]:
        """The `NotificationEmails` schema: its `pattern` and `maxLength`, where the description states them."""
        schema: dict[str, Any] = self.resolve(self.document["components"]["schemas"]["NotificationEmails"])
        return schema


@functools.cache
def description(rules: str = MOCK_RULES) -> Description:
    """The bundled description of `rules`, read once."""
    return Description(rules)


# The mock rules' description, as the functions the rest of the package and its tests have always used.


def spec_bytes() -> bytes:
    """The bundled mock description, byte for byte as `GET /openapi.json` serves it."""
    return description().bytes


def spec_document() -> dict[str, Any]:
    """The bundled mock description, shared: read it, never change it (`spec()` gives a copy to change)."""
    return description().document


def spec() -> dict[str, Any]:
    """A fresh copy of the bundled mock description, safe to change."""
    return description().copy()


def resolve(node: Any) -> Any:
    """Follow a local `$ref` of the mock description."""
    return description().resolve(node)


def operations() -> tuple[OperationFacts, ...]:
    """Every operation of the mock description, in document order."""
    return description().operations


def methods_by_path() -> dict[str, dict[str, OperationFacts]]:
    """Path template → upper-case method → operation, of the mock description."""
    return description().methods_by_path()


def api_version() -> str:
    """The only api-version the descriptions allow."""
    return description().api_version
