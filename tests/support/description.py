"""`openapi.yaml` as plain data, and helpers to walk it: its operations, local `$ref`s, effective parameters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
"""The repository's root."""
SPEC_PATH = ROOT / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    # BaseLoader would keep every scalar a string; SafeLoader is what the tools see (YAML 1.1 booleans aside,
    # the description quotes everything ambiguous).
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of the description."""
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a node that is not a reference."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref not in seen, f"$ref cycle through {ref}"
        seen.add(ref)
        node = pointer(spec, ref)
    return node


def pointer(spec: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"only local references are used, got {ref}"
    node: Any = spec
    for raw in ref[2:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        else:
            assert token in node, f"{ref}: no {token!r}"
            node = node[token]
    return node


def parameters_of(spec: dict[str, Any], path: str, method: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The effective parameters of an operation, path-level ones overridden by operation-level ones."""
    item = spec["paths"][path]
    params: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*item.get("parameters", []), *item[method].get("parameters", [])]:
        param = resolve(spec, raw)
        params[(param["in"], param["name"])] = param
    return params


def find_operation(spec: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, method, op in operations(spec):
        if op.get("operationId") == operation_id:
            return path, method, op
    raise AssertionError(f"no operation {operation_id!r}")
