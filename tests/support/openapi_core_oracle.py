"""openapi-core, the reference the mock's own request and response checks are held to (tests only: the mock
runs one engine, `cloud_partner_portal_mock.validation.compiled`).

`openapi_of` reads one of the mock's descriptions with openapi-core; `SpecRequest` is a request as its `Request`
protocol wants it; `schema_checks` is openapi-core's answer to the schema checks of one request, mapped to the
mock's documented errors the same way the mock maps its own (`validation.request_checks`), to pass as
`validate(..., schema_checks=...)`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.exceptions import (
    MissingParameterError,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from cloud_partner_portal_mock.state.errors import ApiError, clip
from cloud_partner_portal_mock.validation import request_checks
from cloud_partner_portal_mock.validation.request_checks import SchemaMessages, safe_str, schema_messages
from cloud_partner_portal_mock.validation.spec import Description, OperationFacts, description


@dataclass
class SpecRequest:
    """A request as openapi-core's `Request` protocol wants it."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str


def openapi_of(spec: Description) -> OpenAPI:
    """openapi-core's view of a description, with `servers: [{url: "/"}]` so any host the request names matches."""
    document = spec.copy()
    document["servers"] = [{"url": "/"}]
    return OpenAPI.from_dict(document)


_OPENAPI: dict[str, OpenAPI] = {}


def _cause_messages(error: BaseException) -> SchemaMessages:
    """The JSON Schema errors behind an openapi-core error (or its cause's text)."""
    cause = error.__cause__
    found = schema_messages(getattr(cause, "schema_errors", ()) or ())
    if not found and cause is not None:
        found.append(([], safe_str(cause)))
    return found


def _parameter_error(error: ParameterValidationError) -> ApiError:
    if isinstance(error, MissingParameterError):
        return request_checks.missing_parameter(error.location, error.name)
    value = getattr(error.__cause__, "value", "?")
    return request_checks.invalid_parameter(error.location, error.name, value, _cause_messages(error))


def schema_checks(
    facts: OperationFacts, path_values: Mapping[str, str], query: Mapping[str, str], body_value: Any, has_body: bool
) -> dict[str, str]:
    """What openapi-core says of one request's parameters and body, as the mock's documented 400 (or 401)."""
    if facts.rules not in _OPENAPI:
        _OPENAPI[facts.rules] = openapi_of(description(facts.rules))
    request = SpecRequest(
        host_url="http://testserver",
        path=facts.path.format(**path_values),
        method=facts.method.lower(),
        parameters=RequestParameters(
            query=ImmutableMultiDict(list(query.items())),
            header=Headers({"authorization": "Bearer contoso-token", "content-type": "application/json"}),
        ),
        body=json.dumps(body_value).encode() if has_body else None,
        content_type="application/json",
    )
    try:
        result = _OPENAPI[facts.rules].unmarshal_request(request)
        errors = list(result.errors)
    except Exception as exc:  # reason: the mock answers 400 to anything it cannot validate
        raise ApiError(400, "InvalidRequest", f"the request could not be validated ({type(exc).__name__}).") from None
    security = [e for e in errors if isinstance(e, SecurityValidationError)]
    parameters = sorted(
        (e for e in errors if isinstance(e, ParameterValidationError)),
        key=lambda e: e.name != request_checks.API_VERSION,
    )
    bodies = [e for e in errors if isinstance(e, RequestBodyValidationError)]
    if security:
        raise ApiError(401, "Unauthorized", "The Authorization header is missing.", {"WWW-Authenticate": "Bearer"})
    if parameters:
        raise _parameter_error(parameters[0])
    if bodies:
        raise request_checks.body_error(_cause_messages(bodies[0]), body_value, facts.rules)
    if errors:
        raise ApiError(400, "InvalidRequest", f"the request is not valid: {clip(safe_str(errors[0]), 200)}")
    return {k: str(v) for k, v in result.parameters.query.items()}
