"""RFC 9535 JSONPath for overlays: a thin wrapper over ``jsonpath_rfc9535``.

Queries are evaluated on a plain-data snapshot of the document (see ``_data.to_plain``)
and each match is then resolved, by its normalized location, to the node in the live
document, which may be a ruamel.yaml round-trip tree. Two reasons:

- ruamel.yaml round-trip scalars are subclasses, and some do not behave like their JSON
  values under ``jsonpath_rfc9535``'s ``isinstance`` checks: an anchored ``true`` is a
  ``ScalarBoolean``, which subclasses ``int``, so ``[?@ == true]`` does not select it
  (and ``[?@ == 1]`` does). Containers (``CommentedMap``/``CommentedSeq`` subclass
  ``dict``/``list``) work directly.
- Mapping keys in YAML need not be strings (``200:`` is an integer key); in JSON, and so in
  JSONPath, every member name is a string (``$.responses['200']``).

jsonpath-rfc9535 1.0.1 also mishandles the bare current-node query ``@`` when the current
node is a primitive: it passes the raw value instead of a one-node nodelist, so
``[?@]`` drops ``false``, ``0`` and ``""`` elements, ``count(@)`` raises ``TypeError``
(or returns a string's length) and ``value(@)`` raises ``AttributeError``. The
environment below fixes that one method.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jsonpath_rfc9535 import JSONPathEnvironment, JSONPathError, JSONPathQuery
from jsonpath_rfc9535.filter_expressions import (
    Expression,
    FilterContext,
    RelativeFilterQuery,
)
from jsonpath_rfc9535.node import JSONPathNode, JSONPathNodeList
from jsonpath_rfc9535.parse import Parser
from jsonpath_rfc9535.tokens import TokenStream

from ._data import Location, find_key, normalized_path, to_plain

__all__ = [
    "InvalidJSONPathError",
    "Match",
    "compile_path",
    "resolve",
    "select",
]


class _CurrentNodeQuery(RelativeFilterQuery):
    """``@...`` in a filter, with ``@`` on a primitive node giving a one-node nodelist."""

    __slots__ = ()

    def evaluate(self, context: FilterContext) -> object:
        if self.query.empty():
            return JSONPathNodeList([JSONPathNode(value=context.current, location=(), parent=None, root=context.root)])
        return super().evaluate(context)


class _Parser(Parser):
    def parse_relative_query(self, stream: TokenStream) -> Expression:
        query = super().parse_relative_query(stream)
        assert isinstance(query, RelativeFilterQuery)
        return _CurrentNodeQuery(token=query.token, query=query.query)


class _Environment(JSONPathEnvironment):
    parser_class = _Parser


_ENV = _Environment()


class InvalidJSONPathError(ValueError):
    """The expression is not a valid RFC 9535 JSONPath query."""

    def __init__(self, expression: str, reason: str) -> None:
        self.expression = expression
        self.reason = reason
        super().__init__(f"`{expression}` is not a valid RFC 9535 JSONPath: {reason}")


def compile_path(expression: str) -> JSONPathQuery:
    """Compile an RFC 9535 JSONPath query, raising ``InvalidJSONPathError`` with the parser message."""
    if not isinstance(expression, str):
        raise InvalidJSONPathError(repr(expression), f"expected a string, got {type(expression).__name__}")
    try:
        return _ENV.compile(expression)
    except JSONPathError as exc:
        raise InvalidJSONPathError(expression, str(exc)) from exc


@dataclass(frozen=True)
class Match:
    """A node selected by a query: its normalized location and the live value there."""

    location: Location
    value: Any

    @property
    def path(self) -> str:
        """The RFC 9535 normalized path, e.g. ``$['servers'][0]``."""
        return normalized_path(self.location)


def resolve(document: object, location: Location) -> tuple[Any, Location]:
    """Return the node at ``location`` in ``document`` and the location in the document's own keys.

    Member names are matched to non-string YAML keys through their JSON spelling, so the
    returned location may contain e.g. the integer key ``200`` where ``location`` has
    ``"200"``. Raises ``LookupError`` if there is no such node.
    """
    node: Any = document
    actual: list[str | int] = []
    for step in location:
        if isinstance(step, int):
            if not isinstance(node, list):
                raise LookupError(f"{normalized_path(location)}: not an array at step {step}")
            node = node[step]
            actual.append(step)
        else:
            if not isinstance(node, dict):
                raise LookupError(f"{normalized_path(location)}: not an object at step {step!r}")
            key = find_key(node, step)
            if key is None:
                raise LookupError(f"{normalized_path(location)}: no member {step!r}")
            node = node[key]
            actual.append(key)  # type: ignore[arg-type]
    return node, tuple(actual)


def select(query: JSONPathQuery, document: object, *, snapshot: object = None) -> list[Match]:
    """Return the nodes of ``document`` that ``query`` selects, in nodelist order.

    ``snapshot`` may be a plain-data copy of ``document`` made with ``to_plain`` (to share
    one between several queries on an unchanged document). Duplicates are kept, as RFC 9535
    nodelists may contain them.
    """
    plain: Any = to_plain(document) if snapshot is None else snapshot
    matches: list[Match] = []
    for node in query.finditer(plain):
        value, _ = resolve(document, node.location)
        matches.append(Match(location=tuple(node.location), value=value))
    return matches
