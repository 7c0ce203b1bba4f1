"""Compare two OpenAPI documents operation by operation: parameters, request bodies, responses, headers, security.

Operations are matched by method and path template (parameter names left out, so that a renamed path
parameter shows as that, not as a removed operation); ``where`` names them by operationId.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from .context import Comparison, Direction
from .model import Impact, Report
from .refs import Resolver
from .schemas import Place, SchemaComparer

B, A, C, N = Impact.BREAKING, Impact.ADDITION, Impact.CHANGE, Impact.NONE
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COVERED_TOP_LEVEL = ("paths", "components", "security")  # compared through the operations that use them


def compare_documents(old: Mapping[str, Any], new: Mapping[str, Any], *, old_name: str, new_name: str) -> Report:
    """Every change from ``old`` to ``new`` (both plain JSON-like data), classified for client and server."""
    comparison = Comparison(Resolver(old, old_name), Resolver(new, new_name))
    _OperationComparer(comparison, old, new).run()
    return Report(comparison.changes)


def _operations(document: Mapping[str, Any]) -> dict[tuple[str, str], tuple[str, Mapping[str, Any], Any]]:
    """(METHOD, path template without parameter names) → (path, path item, operation)."""
    found: dict[tuple[str, str], tuple[str, Mapping[str, Any], Any]] = {}
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in METHODS:
            if isinstance(item.get(method), Mapping):
                found[(method.upper(), re.sub(r"\{[^}]*\}", "{}", path))] = (path, item, item[method])
    return found


class _OperationComparer:
    def __init__(self, comparison: Comparison, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.cmp = comparison
        self.old = old
        self.new = new
        self.schemas = SchemaComparer(comparison)

    def run(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key, (path, _, op) in old_ops.items():
            if key not in new_ops:
                label = op.get("operationId") or f"{key[0]} {path}"
                self.cmp.add("operation-removed", f"{label}: operation", f"{key[0]} {path} removed", B)
        for key, (path, _, op) in new_ops.items():
            if key not in old_ops:
                label = op.get("operationId") or f"{key[0]} {path}"
                self.cmp.add("operation-added", f"{label}: operation", f"{key[0]} {path} added", A, A)
        for key in old_ops.keys() & new_ops.keys():
            self._operation(key[0], old_ops[key], new_ops[key])
        self.cmp.changes.sort(key=lambda c: c.where.split(":", 1)[0])  # grouped by operation, stable inside
        self._rest_of_document()

    def _rest_of_document(self) -> None:
        for key in sorted(self.old.keys() | self.new.keys()):
            if key in COVERED_TOP_LEVEL:
                continue
            if self.cmp.old.plain(self.old.get(key)) != self.cmp.new.plain(self.new.get(key)):
                self.cmp.add("document-changed", key, f"{key} changed", C)
        if not self.cmp.changes and self.old.get("components") != self.new.get("components"):
            self.cmp.add("document-changed", "components", "a component no operation uses changed", C)

    def _operation(
        self,
        method: str,
        old: tuple[str, Mapping[str, Any], Any],
        new: tuple[str, Mapping[str, Any], Any],
    ) -> None:
        (old_path, old_item, old_op), (new_path, new_item, new_op) = old, new
        label = new_op.get("operationId") or old_op.get("operationId") or f"{method} {new_path}"
        where = f"{label}: operation"
        if old_op.get("operationId") != new_op.get("operationId"):
            self.cmp.add(
                "operation-id-changed",
                where,
                f"operationId {old_op.get('operationId')} → {new_op.get('operationId')}: the generated module's name",
                B,
            )
        old_tag, new_tag = _first(old_op.get("tags")), _first(new_op.get("tags"))
        if old_tag != new_tag:
            self.cmp.add("operation-tag-changed", where, f"tag {old_tag} → {new_tag}: the generated module moves", B)
        if old_path != new_path:
            self.cmp.add("path-changed", where, f"path {old_path} → {new_path}", C)
        self.cmp.documentation(old_op, new_op, where, keys=("summary", "description", "externalDocs", "deprecated"))
        self._security(old_op, new_op, where)
        self._parameters(label, old_item, old_op, new_item, new_op)
        self._request_body(label, old_op.get("requestBody"), new_op.get("requestBody"))
        self._responses(label, old_op.get("responses") or {}, new_op.get("responses") or {})

    # -- security -------------------------------------------------------------------------------------------

    def _security(self, old_op: Mapping[str, Any], new_op: Mapping[str, Any], where: str) -> None:
        old_anon, old_sets = _security(old_op, self.old)
        new_anon, new_sets = _security(new_op, self.new)
        if old_anon and not new_anon:
            self.cmp.add("security-added", where, "now requires authentication", B, B)
        elif new_anon and not old_anon:
            self.cmp.add("security-removed", where, "no longer requires authentication", C, A)
        elif old_sets != new_sets:
            self.cmp.add("security-changed", where, "other credentials required", B, B)

    # -- parameters -----------------------------------------------------------------------------------------

    def _parameters(
        self,
        label: str,
        old_item: Mapping[str, Any],
        old_op: Mapping[str, Any],
        new_item: Mapping[str, Any],
        new_op: Mapping[str, Any],
    ) -> None:
        old_params = dict(self._effective_parameters(old_item, old_op, old=True))
        new_params = dict(self._effective_parameters(new_item, new_op, old=False))
        for key, (_, old_param) in old_params.items():
            where = f"{label}: parameter {key[0]} {old_param.get('name')}"
            if key not in new_params:
                self.cmp.add("parameter-removed", where, "parameter removed", B)
                continue
            new_raw, new_param = new_params[key]
            old_req, new_req = bool(old_param.get("required")), bool(new_param.get("required"))
            if new_req and not old_req:
                self.cmp.add("parameter-made-required", where, "parameter is now required", B)
            elif old_req and not new_req:
                self.cmp.add("parameter-made-optional", where, "parameter is now optional", A, A)
            for attribute in ("style", "explode", "allowReserved"):
                if old_param.get(attribute) != new_param.get(attribute):
                    self.cmp.add(
                        "parameter-serialization-changed",
                        where,
                        f"{attribute} {old_param.get(attribute)} → {new_param.get(attribute)}",
                        B,
                        A,
                    )
            self.cmp.documentation(old_param, new_param, where, component=_component("parameters", new_raw))
            self.schemas.compare(
                old_param.get("schema", {}), new_param.get("schema", {}), Place(where, Direction.REQUEST)
            )
        for key, (_, new_param) in new_params.items():
            if key not in old_params:
                where = f"{label}: parameter {key[0]} {new_param.get('name')}"
                if new_param.get("required"):
                    self.cmp.add("required-parameter-added", where, "required parameter added", B, A)
                else:
                    self.cmp.add("parameter-added", where, "optional parameter added", A, A)

    def _effective_parameters(
        self, item: Mapping[str, Any], op: Mapping[str, Any], *, old: bool
    ) -> Iterator[tuple[tuple[str, str], tuple[Any, Mapping[str, Any]]]]:
        """Path-level parameters, overridden by the operation's own (same ``in`` and name)."""
        resolver = self.cmp.old if old else self.cmp.new
        found: dict[tuple[str, str], tuple[Any, Mapping[str, Any]]] = {}
        for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
            param, _ = resolver.resolve(raw)
            if isinstance(param, Mapping):
                location, name = str(param.get("in")), str(param.get("name"))
                found[(location, name.lower() if location == "header" else name)] = (raw, param)
        yield from found.items()

    # -- request body ---------------------------------------------------------------------------------------

    def _request_body(self, label: str, old_raw: Any, new_raw: Any) -> None:
        where = f"{label}: request body"
        if old_raw is None and new_raw is None:
            return
        if new_raw is None:
            self.cmp.add("request-body-removed", where, "request body removed", B)
            return
        new_body, _ = self.cmp.new.resolve(new_raw)
        if old_raw is None:
            if new_body.get("required"):
                self.cmp.add("required-request-body-added", where, "required request body added", B, A)
            else:
                self.cmp.add("request-body-added", where, "optional request body added", A, A)
            return
        old_body, _ = self.cmp.old.resolve(old_raw)
        if new_body.get("required") and not old_body.get("required"):
            self.cmp.add("request-body-made-required", where, "request body is now required", B)
        elif old_body.get("required") and not new_body.get("required"):
            self.cmp.add("request-body-made-optional", where, "request body is now optional", A, A)
        self.cmp.documentation(old_body, new_body, where, component=_component("requestBodies", new_raw))
        self._content(where, old_body.get("content") or {}, new_body.get("content") or {}, Direction.REQUEST)

    def _content(self, where: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: Direction) -> None:
        for media_type in old:
            if media_type not in new:
                if direction is Direction.REQUEST:
                    self.cmp.add("media-type-removed", where, f"{media_type} no longer accepted", B)
                else:
                    self.cmp.add("media-type-removed", where, f"{media_type} no longer sent", B, B)
        for media_type in new:
            if media_type not in old:
                server = A if direction is Direction.REQUEST else N
                self.cmp.add("media-type-added", where, f"{media_type} added", A, server)
        for media_type in old.keys() & new.keys():
            here = f"{where} ({media_type})"
            old_media, new_media = old[media_type] or {}, new[media_type] or {}
            self.cmp.documentation(old_media, new_media, here, keys=("example", "examples"))
            self.schemas.compare(old_media.get("schema", {}), new_media.get("schema", {}), Place(here, direction))

    # -- responses ------------------------------------------------------------------------------------------

    def _responses(self, label: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for status in old:
            if status not in new:
                self.cmp.add("response-status-removed", f"{label}: response {status}", "status removed", B, B)
        for status in new:
            if status not in old:
                self.cmp.add("response-status-added", f"{label}: response {status}", "status added", A)
        for status in old.keys() & new.keys():
            where = f"{label}: response {status}"
            old_resp, _ = self.cmp.old.resolve(old[status])
            new_resp, _ = self.cmp.new.resolve(new[status])
            self.cmp.documentation(old_resp, new_resp, where, component=_component("responses", new[status]))
            self._headers(where, old_resp.get("headers") or {}, new_resp.get("headers") or {})
            self._content(where, old_resp.get("content") or {}, new_resp.get("content") or {}, Direction.RESPONSE)
            if self.cmp.old.plain(old_resp.get("links")) != self.cmp.new.plain(new_resp.get("links")):
                self.cmp.add("links-changed", where, "links changed", C)

    def _headers(self, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        old_by_name = {name.lower(): (name, raw) for name, raw in old.items()}
        new_by_name = {name.lower(): (name, raw) for name, raw in new.items()}
        for key, (name, _) in old_by_name.items():
            if key not in new_by_name:
                self.cmp.add("response-header-removed", f"{where} header {name}", "header removed", B)
        for key, (name, raw) in new_by_name.items():
            if key in old_by_name:
                continue
            header, _ = self.cmp.new.resolve(raw)
            here = f"{where} header {name}"
            if header.get("required"):
                self.cmp.add("required-response-header-added", here, "required header added", A, B)
            else:
                self.cmp.add("response-header-added", here, "optional header added", A)
        for key in old_by_name.keys() & new_by_name.keys():
            name, new_raw = new_by_name[key]
            here = f"{where} header {name}"
            old_header, _ = self.cmp.old.resolve(old_by_name[key][1])
            new_header, _ = self.cmp.new.resolve(new_raw)
            if new_header.get("required") and not old_header.get("required"):
                self.cmp.add("response-header-made-required", here, "header is now required", C, B)
            elif old_header.get("required") and not new_header.get("required"):
                self.cmp.add("response-header-made-optional", here, "header is now optional", B)
            self.cmp.documentation(old_header, new_header, here, component=_component("headers", new_raw))
            self.schemas.compare(
                old_header.get("schema", {}), new_header.get("schema", {}), Place(here, Direction.RESPONSE)
            )


def _first(tags: object) -> object:
    return tags[0] if isinstance(tags, list) and tags else None


def _component(section: str, raw: Any) -> str | None:
    """``components/<section>/<Name>`` when ``raw`` is a reference to a component of that section."""
    ref = raw.get("$ref") if isinstance(raw, Mapping) else None
    prefix = f"#/components/{section}/"
    return ref[2:] if isinstance(ref, str) and ref.startswith(prefix) else None


def _security(op: Mapping[str, Any], document: Mapping[str, Any]) -> tuple[bool, set[frozenset[str]]]:
    """Whether anonymous calls are allowed, and the sets of schemes that satisfy the operation."""
    requirements = op["security"] if "security" in op else document.get("security")
    if not requirements:
        return True, set()
    sets = {frozenset(r) for r in requirements if isinstance(r, Mapping)}
    return frozenset() in sets, sets - {frozenset()}
