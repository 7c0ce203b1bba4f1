"""Request validation from the spec: openapi-core, plus what it does not check, mapped to documented errors.

openapi-core validates parameters and the body against the bundled spec. Added here:

- unknown or repeated query parameters → 400 (openapi-core ignores them; schemathesis sends them as negative
  data);
- patterns with JSON Schema's meaning of `$` (Python's also matches before a final newline), on the path
  values as routed (openapi-core's path parser strips whitespace from them);
- notification-emails, entry by entry, so that the 400 names the bad address;
- every openapi-core failure, including crashes while describing one, becomes a 400 that says what was wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
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

from .errors import ApiError, clip
from .notifications import address_problem
from .spec import OperationFacts, api_version, validation_openapi

API_VERSION = "api-version"


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


def _schema_messages(error: BaseException) -> list[tuple[list[Any], str]]:
    """(path in the value, message) of each JSON Schema error behind an openapi-core error."""
    cause = error.__cause__
    found: list[tuple[list[Any], str]] = []
    for schema_error in getattr(cause, "schema_errors", ()) or ():
        found.append(
            (list(getattr(schema_error, "absolute_path", [])), _safe_str(getattr(schema_error, "message", "")))
        )
    if not found and cause is not None:
        found.append(([], _safe_str(cause)))
    return found


def _unsupported_version(value: object) -> ApiError:
    return ApiError(400, "InvalidAPIVersion", f"api-version: {clip(str(value))} is not supported; use {api_version()}.")


def _parameter_error(error: ParameterValidationError) -> ApiError:
    if error.name == API_VERSION:
        if isinstance(error, MissingParameterError):
            return ApiError(400, "InvalidAPIVersion", f"api-version is required; use {api_version()}.")
        return _unsupported_version(getattr(error.__cause__, "value", "?"))
    if isinstance(error, MissingParameterError):
        return ApiError(400, "MissingParameter", f"{error.location} parameter {error.name} is required.")
    reasons = "; ".join(message for _, message in _schema_messages(error)) or "is not valid"
    return ApiError(400, "InvalidParameter", f"{error.location} parameter {error.name}: {reasons}")


def _body_error(error: RequestBodyValidationError, body: Any) -> ApiError:
    messages = _schema_messages(error)
    for path, _ in messages:
        if path[-1:] == ["notification-emails"]:
            emails = body.get("metadata", {}).get("notification-emails") if isinstance(body, dict) else None
            if isinstance(emails, str) and (problem := address_problem(emails)):
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
            if name == API_VERSION:
                raise ApiError(400, "InvalidAPIVersion", f"api-version is required; use {api_version()}.")
            raise ApiError(400, "MissingParameter", f"query parameter {name} is required.")
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
    """Validate one request against its operation in the spec; raise the documented 400 (or 401)."""
    check_query(query, facts)
    request = SpecRequest(
        host_url=host_url,
        path=path,
        method=facts.method.lower(),
        parameters=RequestParameters(query=query, header=headers),
        body=body,
        content_type="application/json",
    )
    try:
        result = validation_openapi().unmarshal_request(request)
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
        raise _body_error(bodies[0], body_value)
    if errors:
        raise ApiError(400, "InvalidRequest", f"the request is not valid: {clip(_safe_str(errors[0]), 200)}")
    # Path values as routed: openapi-core's path parser strips whitespace (`contoso%0A` reads `contoso`).
    path_values = {k: str(v) for k, v in path_params.items()}
    query_values = {k: str(v) for k, v in result.parameters.query.items()}
    for location, name, pattern in facts.patterns:
        value = (path_values if location == "path" else query_values).get(name)
        if value is not None and not pattern.search(value):
            raise ApiError(
                400, "InvalidParameter", f"{location} parameter {name}: {clip(value)} does not match {pattern.pattern}"
            )
    emails = None
    if isinstance(body_value, dict):
        emails = body_value["metadata"]["notification-emails"]
        if problem := address_problem(emails):
            raise ApiError(400, "InvalidNotificationEmails", problem)
    return ValidRequest(path=path_values, query=query_values, emails=emails, body=body_value)
