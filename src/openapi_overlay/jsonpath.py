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

``match()`` and ``search()`` are the library's own (the same ``regex`` patterns, the same I-Regexp check),
with one change: they run under a time budget (``RegexBudget``, ``limits.REGEX_SECONDS`` per overlay), and
a call that overruns it raises ``RegexTimeoutError`` instead of backtracking for minutes. google-re2, a
linear-time engine, was tried and rejected: it refuses I-Regexp's ``\\p{Cn}`` and repetition counts over
1,000, cannot search strings with lone surrogates (it works on UTF-8), and logs to stderr by default.

The query environment's recursion bound for ``..`` is the document nesting bound (``limits.MAX_DEPTH``),
so a descendant query works on every document the applier accepts.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex
from iregexp_check import check as is_i_regexp
from jsonpath_rfc9535 import JSONPathEnvironment, JSONPathError, JSONPathQuery
from jsonpath_rfc9535 import function_extensions as standard_functions
from jsonpath_rfc9535.filter_expressions import (
    Expression,
    FilterContext,
    RelativeFilterQuery,
)
from jsonpath_rfc9535.function_extensions._pattern import map_re
from jsonpath_rfc9535.node import JSONPathNode, JSONPathNodeList
from jsonpath_rfc9535.parse import Parser
from jsonpath_rfc9535.tokens import TokenStream

from ._data import Location, find_key, normalized_path, to_plain
from .limits import MAX_DEPTH, REGEX_SECONDS

__all__ = [
    "InvalidJSONPathError",
    "Match",
    "RegexBudget",
    "RegexTimeoutError",
    "compile_path",
    "regex_budget",
    "resolve",
    "select",
    "select_plain",
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


class RegexTimeoutError(Exception):
    """``match()`` or ``search()`` ran past the time budget (a pattern that backtracks catastrophically)."""

    def __init__(self, function: str, pattern: str, length: int, seconds: float) -> None:
        self.function = function
        self.pattern = pattern
        self.length = length
        self.seconds = seconds
        super().__init__(
            f"{function}() with pattern {pattern!r} on a string of {length:,} characters ran past the "
            f"{seconds:g} s allowed for the regular expressions of one overlay; simplify the pattern "
            "(nested or overlapping repetitions such as (a|a)+ backtrack exponentially)"
        )


class RegexBudget:
    """Seconds left for ``match()`` and ``search()`` calls, shared by every query evaluated under it."""

    def __init__(self, seconds: float = REGEX_SECONDS) -> None:
        self.seconds = seconds
        self.left = seconds


_BUDGET: ContextVar[RegexBudget | None] = ContextVar("openapi_overlay_regex_budget", default=None)


@contextmanager
def regex_budget(budget: RegexBudget) -> Iterator[RegexBudget]:
    """Evaluate queries within ``budget`` (without one, regular expressions run unbounded)."""
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


@lru_cache(maxsize=256)
def _compiled(pattern: str, flags: int) -> Any:
    """The library's translation of an I-Regexp, compiled once (``None`` if it is not a valid I-Regexp)."""
    if not is_i_regexp(pattern):
        return None
    try:
        return regex.compile(map_re(pattern), flags)
    except regex.error:
        return None


def _timed(function: str, pattern: object, string: object, flags: int, full: bool) -> bool:
    """What the library's ``match``/``search`` return, with the budget's remaining time as timeout."""
    if not isinstance(pattern, str) or not isinstance(string, str):
        return False
    compiled = _compiled(pattern, flags)
    if compiled is None:
        return False
    budget = _BUDGET.get()
    if budget is None:
        return (compiled.fullmatch(string) if full else compiled.search(string)) is not None
    if budget.left <= 0:
        raise RegexTimeoutError(function, pattern, len(string), budget.seconds)
    started = time.monotonic()
    try:
        found = (
            compiled.fullmatch(string, timeout=budget.left) if full else compiled.search(string, timeout=budget.left)
        )
    except TimeoutError:
        budget.left = 0
        raise RegexTimeoutError(function, pattern, len(string), budget.seconds) from None
    budget.left -= time.monotonic() - started
    return found is not None


class _Match(standard_functions.Match):
    """RFC 9535 ``match()``: the whole string matches (as the library does it, with the budget)."""

    def __call__(self, string: str, pattern: object) -> bool:
        return _timed("match", pattern, string, 0, full=True)


class _Search(standard_functions.Search):
    """RFC 9535 ``search()``: some substring matches (as the library does it, with the budget)."""

    def __call__(self, string: str, pattern: object) -> bool:
        return _timed("search", pattern, string, regex.VERSION1, full=False)


class _Environment(JSONPathEnvironment):
    parser_class = _Parser
    max_recursion_depth = MAX_DEPTH + 1

    def setup_function_extensions(self) -> None:
        super().setup_function_extensions()
        self.function_extensions["match"] = _Match()
        self.function_extensions["search"] = _Search()


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


def select_plain(query: JSONPathQuery, plain: object) -> list[Match]:
    """Return the nodes ``query`` selects in plain JSON data (``to_plain``), in nodelist order."""
    return [Match(location=tuple(node.location), value=node.value) for node in query.finditer(plain)]  # type: ignore[arg-type]


def select(query: JSONPathQuery, document: object, *, snapshot: object = None) -> list[Match]:
    """Return the nodes of ``document`` that ``query`` selects, in nodelist order.

    ``snapshot`` may be a plain-data copy of ``document`` made with ``to_plain`` (to share
    one between several queries on an unchanged document). Duplicates are kept, as RFC 9535
    nodelists may contain them.
    """
    plain: Any = to_plain(document) if snapshot is None else snapshot
    matches: list[Match] = []
    for found in select_plain(query, plain):
        value, _ = resolve(document, found.location)
        matches.append(Match(location=found.location, value=value))
    return matches
