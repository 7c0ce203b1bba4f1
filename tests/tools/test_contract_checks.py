"""The custom contract checks fail where the exact rule is broken and pass where the documented liberal form is
kept; each is called on a response built here, against the public description or the mock's."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis.config import ChecksConfig
from schemathesis.core.failures import Failure, FailureGroup

from cloud_partner_portal_mock.validation.spec import DOCUMENTED_RULES, MOCK_RULES, description
from tools import contract_checks
from tools.contract_checks import (
    content_type_conformance_allowing_no_body,
    location_headers_conformance,
    response_schema_conformance_allowing_no_body,
)

BASE = "http://127.0.0.1:8080"
PUBLISH = "/api/publishers/{publisherId}/offers/{offerId}/publish"
STATUS = "/api/publishers/{publisherId}/offers/{offerId}/status"
VALUES = {"publisherId": "contoso", "offerId": "contoso-draftoffer"}
BODY_CHECKS = [content_type_conformance_allowing_no_body, response_schema_conformance_allowing_no_body]
CONTEXT = schemathesis.CheckContext(
    override=None, auth=None, headers=None, config=ChecksConfig(), transport_kwargs=None, response_checks=None
)
SCHEMAS = {rules: schemathesis.openapi.from_dict(description(rules).copy()) for rules in (MOCK_RULES, DOCUMENTED_RULES)}


def _run(check: Any, rules: str, path: str, status: int, **response: Any) -> None:
    operation = SCHEMAS[rules][path]["POST" if path == PUBLISH else "GET"]
    case = operation.Case(path_parameters=VALUES, query={"api-version": "2017-10-31"})
    url = BASE + path.format(**VALUES)
    answered = httpx.Response(status, request=httpx.Request(case.method, url), **response)
    answered.elapsed = timedelta(0)  # set by a transport; this response never went through one
    check(CONTEXT, schemathesis.Response.from_any(answered), case)


def _fails(check: Any, rules: str, path: str, status: int, **response: Any) -> str:
    with pytest.raises((AssertionError, Failure, FailureGroup)) as caught:
        _run(check, rules, path, status, **response)
    failures = [caught.value, *getattr(caught.value, "exceptions", ())]
    return "\n".join(f"{getattr(failure, 'title', '')}: {failure}" for failure in failures)


@pytest.mark.parametrize("rules", [MOCK_RULES, DOCUMENTED_RULES])
def test_a_202_that_names_no_operation_fails(rules):
    message = _fails(location_headers_conformance, rules, PUBLISH, 202)

    assert "one of Operation-Location, Location" in message


@pytest.mark.parametrize(
    "headers",
    [{"Operation-Location": ""}, {"Location": "not a uri"}, {"Operation-Location": "http://[bad"}],
    ids=["empty", "spaces", "broken-host"],
)
def test_a_202_whose_location_is_not_a_uri_reference_fails(headers):
    message = _fails(location_headers_conformance, DOCUMENTED_RULES, PUBLISH, 202, headers=headers)

    [(name, value)] = headers.items()
    assert f"sent '{name}: {value}'" in message


@pytest.mark.parametrize(
    "headers",
    [
        {"Operation-Location": f"{BASE}/api/publishers/contoso/offers/o/operations/1"},
        {"Location": "/api/publishers/contoso/offers/o/operations/1?api-version=2017-10-31"},
        {"Location": "/api/operations/contoso$o$2$preview?api-version=2017-10-31"},
        {"Operation-Location": "", "Location": "/api/operations/contoso$o$2$preview?api-version=2017-10-31"},
    ],
    ids=["operation-location", "location", "legacy", "an-empty-one-and-a-good-one"],
)
def test_a_202_with_either_location_header_passes(headers):
    _run(location_headers_conformance, DOCUMENTED_RULES, PUBLISH, 202, headers=headers)


def test_a_response_not_marked_needs_no_location():
    _run(location_headers_conformance, DOCUMENTED_RULES, STATUS, 404)


@pytest.mark.parametrize("check", BODY_CHECKS, ids=lambda check: check.__name__)
def test_an_empty_body_passes_on_an_error_marked_body_optional(check):
    assert description(DOCUMENTED_RULES).document["components"]["responses"]["NotFound"]["x-body-optional"] is True

    _run(check, DOCUMENTED_RULES, STATUS, 404)


@pytest.mark.parametrize("check", BODY_CHECKS, ids=lambda check: check.__name__)
def test_an_empty_body_fails_on_a_response_not_marked_body_optional(check):
    # The mock's description removes `x-body-optional` from errors: its errors always have the body.
    _fails(check, MOCK_RULES, STATUS, 404)


def test_an_empty_body_fails_where_a_body_is_described_and_not_optional():
    _fails(response_schema_conformance_allowing_no_body, DOCUMENTED_RULES, STATUS, 200)


def test_a_wrong_non_empty_body_fails_on_a_response_marked_body_optional():
    message = _fails(response_schema_conformance_allowing_no_body, DOCUMENTED_RULES, STATUS, 404, json={"error": "x"})

    assert "Response violates schema" in message


def test_a_non_json_body_fails_on_a_response_marked_body_optional():
    _fails(
        content_type_conformance_allowing_no_body,
        DOCUMENTED_RULES,
        STATUS,
        404,
        content=b"<html>Not found</html>",
        headers={"Content-Type": "text/html"},
    )


@pytest.mark.parametrize("check", BODY_CHECKS, ids=lambda check: check.__name__)
def test_a_documented_non_empty_body_passes(check):
    _run(check, DOCUMENTED_RULES, STATUS, 404, json={"error": {"code": "OfferNotFound", "message": "No."}})


def test_an_empty_202_passes_under_the_mocks_description_where_the_prose_body_is_optional():
    for check in BODY_CHECKS:
        _run(check, MOCK_RULES, PUBLISH, 202, headers={"Operation-Location": BASE + "/x"})
    message = _fails(response_schema_conformance_allowing_no_body, MOCK_RULES, PUBLISH, 202, json={"operationId": 1})
    assert "Response violates schema" in message


def test_the_replaced_checks_are_the_built_ins_the_wrappers_call():
    from schemathesis.specs.openapi import checks

    assert {name: getattr(checks, name).__name__ for name in contract_checks.REPLACED_CHECKS} == {
        "content_type_conformance": "content_type_conformance",
        "response_schema_conformance": "response_schema_conformance",
    }
