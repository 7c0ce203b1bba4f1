"""Request validation from the spec, mapped to documented errors.

Each operation's parameters and body are checked against the bundled description of the mock's rules
(`OperationFacts.rules`, `spec.py`) by validators compiled once (`compiled.py`, built by openapi-core's own
factory); an operation that `compiled.py` cannot compile is checked by openapi-core per request instead. Added
to what the description's schemas say:

- unknown or repeated query parameters → 400 (openapi-core ignores them; schemathesis sends them as negative
  data);
- patterns with JSON Schema's meaning of `$` (Python's also matches before a final newline), on the path
  values as routed (openapi-core's path parser strips whitespace from them);
- notification-emails, entry by entry, so that the 400 names the bad address (where the description gives the
  list a syntax: the mock's rules do, the documented ones do not);
- every failure, including crashes while describing one, becomes a 400 that says what was wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.exceptions import (
    MissingParameterError,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from starlette.datastructures import Headers, QueryParams

from .compiled import CompiledOperation, compiled_operation
from .errors import ApiError, clip
from .notifications import address_problem
from .spec import OperationFacts, api_version, description

API_VERSION = "api-version"

SchemaMessages = list[tuple[list[Any], str]]
"""(path in the value, message) of each JSON Schema error."""


@dataclass
class SpecRequest:
    """A request as openapi-core's `Request` protocol wants it."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str


@dataclass(frozen=True)
class ValidRequest:
    path: Mapping[str, str]
    query: Mapping[str, str]
    emails: str | None = None
    body: Any = field(default=None)


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:  # reason: openapi-core errors can fail to print (undecodable bytes)
        return type(value).__name__


def _messages(schema_errors: Iterable[Any]) -> SchemaMessages:
    return [
        (list(getattr(error, "absolute_path", [])), _safe_str(getattr(error, "message", ""))) for error in schema_errors
    ]


def _cause_messages(error: BaseException) -> SchemaMessages:
    """The JSON Schema errors behind an openapi-core error (or its cause's text)."""
    cause = error.__cause__
    found = _messages(getattr(cause, "schema_errors", ()) or ())
    if not found and cause is not None:
        found.append(([], _safe_str(cause)))
    return found


def _unsupported_version(value: object) -> ApiError:
    return ApiError(400, "InvalidAPIVersion", f"api-version: {clip(str(value))} is not supported; use {api_version()}.")


def _missing_parameter(location: str, name: str) -> ApiError:
    if name == API_VERSION:
        return ApiError(400, "InvalidAPIVersion", f"api-version is required; use {api_version()}.")
    return ApiError(400, "MissingParameter", f"{location} parameter {name} is required.")


def _invalid_parameter(location: str, name: str, value: object, messages: SchemaMessages) -> ApiError:
    if name == API_VERSION:
        return _unsupported_version(value)
    reasons = "; ".join(message for _, message in messages) or "is not valid"
    return ApiError(400, "InvalidParameter", f"{location} parameter {name}: {reasons}")


def _parameter_error(error: ParameterValidationError) -> ApiError:
    if isinstance(error, MissingParameterError):
        return _missing_parameter(error.location, error.name)
    value = getattr(error.__cause__, "value", "?")
    return _invalid_parameter(error.location, error.name, value, _cause_messages(error))


def _notification_emails(body: Any) -> Any:
    """`metadata.notification-emails` of a body, or None where the body has none."""
    metadata = body.get("metadata") if isinstance(body, dict) else None
    return metadata.get("notification-emails") if isinstance(metadata, dict) else None


def _body_error(messages: SchemaMessages, body: Any, rules: str) -> ApiError:
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


def check_query(query: QueryParams, facts: OperationFacts) -> None:
    """400 for a missing required query parameter (openapi-core fills in the schema's `default` instead, and
    `api-version` has one), one the operation does not define, or one given more than once."""
    for name in sorted(facts.required_query, key=lambda n: n != API_VERSION):
        if name not in query:
            raise _missing_parameter("query", name)
    for name in dict.fromkeys(key for key, _ in query.multi_items()):
        if name not in facts.query_parameters:
            allowed = ", ".join(sorted(facts.query_parameters))
            raise ApiError(
                400,
                "UnknownParameter",
                f"query parameter {clip(name, 50)} is not defined for {facts.operation_id} (allowed: {allowed}).",
            )
        if (count := len(query.getlist(name))) > 1:
            raise ApiError(400, "InvalidParameter", f"query parameter {name} is given {count} times; give it once.")


def _compiled_checks(
    compiled: CompiledOperation,
    path_values: Mapping[str, str],
    query: QueryParams,
    body_value: Any,
    has_body: bool,
    rules: str,
) -> dict[str, str]:
    """The query values (defaults filled in) of a request that passes the compiled checks; else the documented
    400, the same one openapi-core's errors map to: api-version's first, then in the spec's order."""
    query_values: dict[str, str] = {}
    problems: list[tuple[str, ApiError]] = []
    for parameter in compiled.parameters:
        source: Mapping[str, str] = path_values if parameter.location == "path" else query
        value = source.get(parameter.name)
        if value is None:
            if parameter.has_default:
                value = parameter.default
            elif parameter.required:
                problems.append((parameter.name, _missing_parameter(parameter.location, parameter.name)))
                continue
            else:
                continue
        elif parameter.location == "query" and value == "":
            empty: SchemaMessages = [([], f"Value of {parameter.name} query parameter cannot be empty")]
            problems.append((parameter.name, _invalid_parameter("query", parameter.name, value, empty)))
            continue
        if errors := parameter.check.errors(value):
            problems.append(
                (parameter.name, _invalid_parameter(parameter.location, parameter.name, value, _messages(errors)))
            )
            continue
        if parameter.location == "query":
            query_values[parameter.name] = str(value)
    if problems:
        raise min(problems, key=lambda problem: problem[0] != API_VERSION)[1]
    if has_body and compiled.body is not None and (errors := compiled.body.errors(body_value)):
        raise _body_error(_messages(errors), body_value, rules)
    return query_values


def _openapi_core_checks(
    *,
    host_url: str,
    path: str,
    facts: OperationFacts,
    query: QueryParams,
    headers: Headers,
    body: bytes | None,
    body_value: Any,
) -> dict[str, str]:
    """The same checks done by openapi-core per request, for an operation `compiled.py` could not compile."""
    request = SpecRequest(
        host_url=host_url,
        path=path,
        method=facts.method.lower(),
        parameters=RequestParameters(query=query, header=headers),
        body=body,
        content_type="application/json",
    )
    try:
        result = description(facts.rules).openapi.unmarshal_request(request)
        errors = list(result.errors)
    except Exception as exc:  # reason: never a 5xx for a client's request
        raise ApiError(400, "InvalidRequest", f"the request could not be validated ({type(exc).__name__}).") from None
    security = [e for e in errors if isinstance(e, SecurityValidationError)]
    parameters = sorted(
        (e for e in errors if isinstance(e, ParameterValidationError)), key=lambda e: e.name != API_VERSION
    )
    bodies = [e for e in errors if isinstance(e, RequestBodyValidationError)]
    if security:
        raise ApiError(401, "Unauthorized", "The Authorization header is missing.", {"WWW-Authenticate": "Bearer"})
    if parameters:
        raise _parameter_error(parameters[0])
    if bodies:
        raise _body_error(_cause_messages(bodies[0]), body_value, facts.rules)
    if errors:
        raise ApiError(400, "InvalidRequest", f"the request is not valid: {clip(_safe_str(errors[0]), 200)}")
    return {k: str(v) for k, v in result.parameters.query.items()}


def validate(
    *,
    host_url: str,
    path: str,
    facts: OperationFacts,
    path_params: Mapping[str, str],
    query: QueryParams,
    headers: Headers,
    body: bytes | None,
    body_value: Any,
) -> ValidRequest:
    """Validate one request against its operation in the spec; raise the documented 400 (or 401).

    `body` is the raw body (None when none was sent) and `body_value` its JSON value."""
    check_query(query, facts)
    # Path values as routed: openapi-core's path parser strips whitespace (`contoso%0A` reads `contoso`).
    path_values = {k: str(v) for k, v in path_params.items()}
    compiled = compiled_operation(facts)
    if compiled is not None:
        query_values = _compiled_checks(compiled, path_values, query, body_value, body is not None, facts.rules)
    else:
        query_values = _openapi_core_checks(
            host_url=host_url, path=path, facts=facts, query=query, headers=headers, body=body, body_value=body_value
        )
    for location, name, pattern in facts.patterns:
        value = (path_values if location == "path" else query_values).get(name)
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
    return ValidRequest(path=path_values, query=query_values, emails=emails, body=body_value)
