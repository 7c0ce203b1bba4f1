"""Contract checks for facts of the description that OpenAPI cannot state exactly.

Where a documented fact has no exact OpenAPI form, the description states its liberal form and marks the
response with an extension; the checks here enforce the exact rule. Every contract run loads this module: the
schemathesis configurations (`schemathesis.toml` for the mock, `schemathesis.public.toml` for the public
description) name it under `hooks`, which the schemathesis command line (`make contract`) and its pytest plugin
(`tests/contract`) both import before they run.

- `x-location-headers: [Operation-Location, Location]`: the response must carry at least one of the named
  headers, non-empty and a URI reference (`location_headers_conformance`). Why: the pages name the started
  operation's URL in `Operation-Location` (2018) or in `Location` (2020); OpenAPI can require one header, not
  one of two, so the description makes both optional.
- `x-body-optional: true`: the response's body may be empty. Why: the pages say an error body *may* add
  detail and show a 202 with no body; OpenAPI cannot say that a described body may be absent, and
  schemathesis's `content_type_conformance` (no `Content-Type`: ST104) and `response_schema_conformance` (an
  empty body is not JSON) fail on an empty one. The configurations therefore switch those two built-ins off and
  run the two checks below instead, which call the built-ins themselves on every response except an empty one
  so marked. A non-empty body is checked in full; an undocumented status still fails (`status_code_conformance`).

And one rule of behaviour that no schema can state, which a contract run must still see broken:

- Optimistic concurrency (`putOffer`, the concurrency page): after a PUT stored an offer (200 or 201), the same PUT
  with an `If-Match` that is no longer the offer's ETag must answer 412 (`stale_etag_is_refused`). The stale tag
  is the one the stored PUT sent, when it sent one, else a made-up one no offer can have. Why: a server that
  ignores `If-Match` answers every status the description allows, so only a second call can show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema_rs
import schemathesis
from schemathesis import Case, CheckContext, Response
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance
from schemathesis.specs.openapi.schemas import OpenApiSchema

LOCATION_HEADERS = "x-location-headers"
BODY_OPTIONAL = "x-body-optional"
REPLACED_CHECKS = ("content_type_conformance", "response_schema_conformance")
"""The built-in checks that the two `..._allowing_no_body` checks stand in for: exclude them from every run."""
MAX_SHOWN_CHARS = 200
AnyCase = Case[Any]

PUT_OFFER = "putOffer"
NEVER_AN_ETAG = "W/\"datetime'0001-01-01T00%3A00%3A00.0000000Z'\""
"""A weak ETag in the pages' form that no offer can have (it names the first instant of the calendar)."""

_URI_REFERENCE = jsonschema_rs.validator_for(
    {"type": "string", "minLength": 1, "format": "uri-reference"}, validate_formats=True
)


def documented_response(case: AnyCase, response: Response) -> Mapping[str, Any] | None:
    """The description's response object for the response's status (`$ref`s resolved), or None."""
    if not isinstance(case.operation.schema, OpenApiSchema):
        return None
    found = case.operation.responses.find_by_status_code(response.status_code)
    if found is None:
        return None
    definition: Mapping[str, Any] = found.definition
    return definition


def _shown(values: list[str]) -> str:
    return ", ".join(repr(value[:MAX_SHOWN_CHARS]) for value in values) or "nothing"


@schemathesis.check
def location_headers_conformance(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A response marked `x-location-headers` carries one of the named headers, holding a URI reference."""
    definition = documented_response(case, response)
    names = definition.get(LOCATION_HEADERS) if definition is not None else None
    if not names:
        return None
    sent: list[str] = []
    for name in names:
        values = response.headers.get(str(name).lower(), [])
        if any(_URI_REFERENCE.is_valid(value) for value in values):
            return None
        sent += [f"{name}: {value}" for value in values]
    raise AssertionError(
        f"{response.status_code} names no operation: it must carry one of {', '.join(map(str, names))} with a "
        f"URI reference (x-location-headers); sent {_shown(sent)}"
    )


def is_empty_and_optional(case: AnyCase, response: Response) -> bool:
    """Whether the response has no body and its description marks the body `x-body-optional`."""
    if response.content or response.content_size:
        return False
    definition = documented_response(case, response)
    return definition is not None and definition.get(BODY_OPTIONAL) is True


@schemathesis.check
def content_type_conformance_allowing_no_body(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """schemathesis's `content_type_conformance`, except on an empty body marked `x-body-optional`."""
    if is_empty_and_optional(case, response):
        return None
    return content_type_conformance(ctx, response, case)


@schemathesis.check
def response_schema_conformance_allowing_no_body(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """schemathesis's `response_schema_conformance`, except on an empty body marked `x-body-optional`."""
    if is_empty_and_optional(case, response):
        return None
    return response_schema_conformance(ctx, response, case)


@schemathesis.check
def stale_etag_is_refused(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """After a 200/201 of `putOffer`, the same PUT with an ETag that is no longer the offer's answers 412."""
    if case.operation.definition.raw.get("operationId") != PUT_OFFER or response.status_code not in (200, 201):
        return None
    headers = dict(case.headers or {})
    sent = next((value for name, value in headers.items() if name.lower() == "if-match"), None)
    stored = response.headers.get("etag", [])
    stale: str = sent if isinstance(sent, str) and sent not in ("*", *stored) else NEVER_AN_ETAG
    headers = {name: value for name, value in headers.items() if name.lower() != "if-match"} | {"If-Match": stale}
    probe = case.operation.Case(
        path_parameters=case.path_parameters,
        query=case.query,
        headers=headers,
        body=case.body,
        media_type=case.media_type,
    )
    kwargs = dict(ctx.internals.transport_kwargs or {})
    if case.operation.app is not None:
        kwargs.setdefault("app", case.operation.app)
    ctx.internals.record_case(parent_id=case.id, case=probe)
    answer = case.operation.schema.transport.send(probe, **kwargs)
    ctx.internals.record_response(case_id=probe.id, response=answer)
    if answer.status_code != 412:
        raise AssertionError(
            f"a PUT with the stale If-Match {stale[:MAX_SHOWN_CHARS]!r} answered {answer.status_code}, not 412: the "
            f"offer's ETag ({_shown(stored)}) is not checked, so a concurrent write would be lost"
        )
    return None
