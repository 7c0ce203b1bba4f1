"""The checks of one request against its operation in the description, mapped to documented errors.

Each operation's parameters and body are checked against the bundled description of the mock's rules
(`OperationFacts.rules`, `spec.py`) by validators compiled once (`compiled.py`): the only engine at run time.
Added to what the description's schemas say:

- unknown or repeated query parameters → 400 (schemathesis sends them as negative data);
- patterns with JSON Schema's meaning of `$` (Python's also matches before a final newline), on the path
  values as routed;
- notification-emails, entry by entry, so that the 400 names the bad address (where the description gives the
  list a syntax: the mock's rules do, the documented ones do not);
- every failure becomes a 400 that says what was wrong.

The error mapping (`missing_parameter`, `invalid_parameter`, `body_error`, `schema_messages`) is public so that
the equivalence test can map openapi-core's errors, its oracle, the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..state.errors import ApiError, clip
from .compiled import compiled_operation
from .notification_emails import address_problem
from .spec import OperationFacts, api_version

API_VERSION = "api-version"

SchemaMessages = list[tuple[list[Any], str]]
"""(path in the value, message) of each JSON Schema error."""

QueryItems = Sequence[tuple[str, str]]
"""A query string's (name, value) pairs, in order, a name as often as it was given."""

SchemaChecks = Callable[[OperationFacts, Mapping[str, str], Mapping[str, str], Any, bool], dict[str, str]]
"""(operation, path values, query values, body value, whether a body was sent) → the query values, defaults filled
in; else the documented 400."""


@dataclass(frozen=True)
class ValidRequest:
    path: Mapping[str, str]
    query: Mapping[str, str]
    emails: str | None = None
    body: Any = field(default=None)


def safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:  # reason: a library's error can fail to print (undecodable bytes)
        return type(value).__name__


def schema_messages(schema_errors: Iterable[Any]) -> SchemaMessages:
    """(path, message) of jsonschema errors."""
    return [
        (list(getattr(error, "absolute_path", [])), safe_str(getattr(error, "message", ""))) for error in schema_errors
    ]


def _unsupported_version(value: object) -> ApiError:
    return ApiError(400, "InvalidAPIVersion", f"api-version: {clip(str(value))} is not supported; use {api_version()}.")


def missing_parameter(location: str, name: str) -> ApiError:
    if name == API_VERSION:
        return ApiError(400, "InvalidAPIVersion", f"api-version is required; use {api_version()}.")
    return ApiError(400, "MissingParameter", f"{location} parameter {name} is required.")


def invalid_parameter(location: str, name: str, value: object, messages: SchemaMessages) -> ApiError:
    if name == API_VERSION:
        return _unsupported_version(value)
    reasons = "; ".join(message for _, message in messages) or "is not valid"
    return ApiError(400, "InvalidParameter", f"{location} parameter {name}: {reasons}")


def _notification_emails(body: Any) -> Any:
    """`metadata.notification-emails` of a body, or None where the body has none."""
    metadata = body.get("metadata") if isinstance(body, dict) else None
    return metadata.get("notification-emails") if isinstance(metadata, dict) else None


def body_error(messages: SchemaMessages, body: Any, rules: str) -> ApiError:
    for path, _ in messages:
        if path[-1:] == ["notification-emails"]:
            emails = _notification_emails(body)
            if isinstance(emails, str) and (problem := address_problem(emails, rules)):
                return ApiError(400, "InvalidNotificationEmails", problem)
            return ApiError(
                400, "InvalidNotificationEmails", "notification-emails: must be a string of comma-separated addresses."
            )
    described = "; ".join(
        f"{'at ' + '.'.join(map(str, path)) + ': ' if path else ''}{message}" for path, message in messages
    )
    return ApiError(400, "InvalidRequestBody", f"request body: {described or 'does not match the schema'}")


def check_query(query: QueryItems, facts: OperationFacts) -> dict[str, str]:
    """The query's values, each name once; 400 for a missing required query parameter (a validator fills in the
    schema's `default` instead, and `api-version` has one), one the operation does not define, or one given more
    than once."""
    values: dict[str, str] = {}
    counts: dict[str, int] = {}
    for name, value in query:
        values.setdefault(name, value)
        counts[name] = counts.get(name, 0) + 1
    for name in sorted(facts.required_query, key=lambda n: n != API_VERSION):
        if name not in values:
            raise missing_parameter("query", name)
    for name, count in counts.items():
        if name not in facts.query_parameters:
            allowed = ", ".join(sorted(facts.query_parameters))
            raise ApiError(
                400,
                "UnknownParameter",
                f"query parameter {clip(name, 50)} is not defined for {facts.operation_id} (allowed: {allowed}).",
            )
        if count > 1:
            raise ApiError(400, "InvalidParameter", f"query parameter {name} is given {count} times; give it once.")
    return values


def compiled_checks(
    facts: OperationFacts, path_values: Mapping[str, str], query: Mapping[str, str], body_value: Any, has_body: bool
) -> dict[str, str]:
    """The query values (defaults filled in) of a request that passes the compiled checks; else the documented
    400: api-version's first, then in the description's order (as openapi-core orders them)."""
    compiled = compiled_operation(facts)
    query_values: dict[str, str] = {}
    problems: list[tuple[str, ApiError]] = []
    for parameter in compiled.parameters:
        source = path_values if parameter.location == "path" else query
        value = source.get(parameter.name)
        if value is None:
            if parameter.has_default:
                value = parameter.default
            elif parameter.required:
                problems.append((parameter.name, missing_parameter(parameter.location, parameter.name)))
                continue
            else:
                continue
        elif parameter.location == "query" and value == "":
            empty: SchemaMessages = [([], f"Value of {parameter.name} query parameter cannot be empty")]
            problems.append((parameter.name, invalid_parameter("query", parameter.name, value, empty)))
            continue
        if errors := parameter.check.errors(value):
            problems.append(
                (parameter.name, invalid_parameter(parameter.location, parameter.name, value, schema_messages(errors)))
            )
            continue
        if parameter.location == "query":
            query_values[parameter.name] = str(value)
    if problems:
        raise min(problems, key=lambda problem: problem[0] != API_VERSION)[1]
    if has_body and compiled.body is not None and (errors := compiled.body.errors(body_value)):
        raise body_error(schema_messages(errors), body_value, facts.rules)
    return query_values


def validate(
    facts: OperationFacts,
    *,
    path_params: Mapping[str, str],
    query: QueryItems,
    body_value: Any,
    has_body: bool,
    schema_checks: SchemaChecks = compiled_checks,
) -> ValidRequest:
    """Validate one request against its operation; raise the documented 400.

    `body_value` is the body's JSON value, `has_body` whether one was sent. `schema_checks` is the engine of the
    schema checks: the compiled one; the equivalence test passes its oracle."""
    query_values = check_query(query, facts)
    # Path values as routed: a validator's own path parser may strip whitespace (`contoso%0A` reads `contoso`).
    path_values = {k: str(v) for k, v in path_params.items()}
    checked_query = schema_checks(facts, path_values, query_values, body_value, has_body)
    for location, name, pattern in facts.patterns:
        value = (path_values if location == "path" else checked_query).get(name)
        if value is not None and not pattern.search(value):
            raise ApiError(
                400, "InvalidParameter", f"{location} parameter {name}: {clip(value)} does not match {pattern.pattern}"
            )
    # The body is valid here: under the mock rules it always names the addresses; under the documented rules
    # it may leave them out.
    emails = _notification_emails(body_value)
    if isinstance(emails, str):
        if problem := address_problem(emails, facts.rules):
            raise ApiError(400, "InvalidNotificationEmails", problem)
    else:
        emails = None
    return ValidRequest(path=path_values, query=checked_query, emails=emails, body=body_value)
