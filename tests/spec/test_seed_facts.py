"""The Cancel operation call carries every fact of its original page (seed/cancel-operation.es-ES.md)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from support.description import find_operation, load_spec, parameters_of, resolve

SPEC = load_spec()
PATH = "/api/publishers/{publisherId}/offers/{offerId}/cancel"
SEED_LOCATION = (
    "https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-virtualmachineoffer/"
    "operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8"
)


@pytest.fixture(scope="module")
def cancel() -> dict[str, Any]:
    path, method, op = find_operation(SPEC, "cancelOperation")
    assert (path, method) == (PATH, "post"), "Cancel operation is POST .../offers/{offerId}/cancel"
    return op


def _schema_validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": SPEC["components"]})


def test_cancel_is_served_by_the_production_host() -> None:
    assert "https://cloudpartner.azure.com" in [s["url"] for s in SPEC["servers"]]


@pytest.mark.parametrize(("name", "example"), [("publisherId", "contoso"), ("offerId", None)])
def test_cancel_takes_the_documented_path_parameters(name: str, example: str | None) -> None:
    param = parameters_of(SPEC, PATH, "post")[("path", name)]
    assert param["required"] is True
    assert param["schema"]["type"] == "string"
    if example:
        assert param["example"] == example


def test_cancel_takes_api_version_2017_10_31_filled_in_by_default() -> None:
    param = parameters_of(SPEC, PATH, "post")[("query", "api-version")]
    assert param["required"] is True
    assert param["schema"] == {"type": "string", "const": "2017-10-31", "default": "2017-10-31"}


def test_cancel_sends_json_and_a_bearer_token(cancel: dict[str, Any]) -> None:
    # Content-Type: application/json and Authorization: Bearer <token> from the page's header table.
    assert list(resolve(SPEC, cancel["requestBody"])["content"]) == ["application/json"]
    assert cancel["security"] == [{"bearerAuth": []}]
    scheme = SPEC["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


def test_cancel_body_carries_metadata_notification_emails(cancel: dict[str, Any]) -> None:
    schema = resolve(SPEC, cancel["requestBody"])["content"]["application/json"]["schema"]
    body = resolve(SPEC, schema)
    metadata = resolve(SPEC, body["properties"]["metadata"])
    emails = resolve(SPEC, metadata["properties"]["notification-emails"])
    assert emails["type"] == "string"
    validator = _schema_validator(schema)
    assert validator.is_valid({"metadata": {"notification-emails": "jondoe@contoso.com"}}), "the page's example"
    assert not validator.is_valid({"metadata": {"notification-emails": 42}})


def test_the_body_and_the_address_list_carry_no_rule_the_page_does_not_state(cancel: dict[str, Any]) -> None:
    # The page says "comma-separated e-mail addresses" and nothing of syntax, length or other members: a real
    # service under contract test must not be failed for accepting what only our mock refuses.
    body = resolve(SPEC, resolve(SPEC, cancel["requestBody"])["content"]["application/json"]["schema"])
    metadata = resolve(SPEC, body["properties"]["metadata"])
    emails = resolve(SPEC, metadata["properties"]["notification-emails"])
    assert not {"pattern", "minLength", "maxLength"} & set(emails)
    for node in (body, metadata):
        assert "required" not in node
        assert node.get("additionalProperties", True) is not False
    validator = _schema_validator({"$ref": "#/components/schemas/NotificationRequest"})
    assert validator.is_valid({"metadata": {"notification-emails": "a\u00e9b, not checked here", "x": 1}, "y": 2})


def test_cancel_answers_every_documented_status(cancel: dict[str, Any]) -> None:
    # 200, 202, 400, 403, 404 from the page; 401 from the considerations page.
    assert set(cancel["responses"]) == {"200", "202", "400", "401", "403", "404"}
    for status in ("400", "401", "403", "404"):
        response = resolve(SPEC, cancel["responses"][status])
        assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
        assert response["x-body-optional"] is True, f"{status}: the error body 'may' add detail"


def test_cancel_200_is_a_synchronous_cancel_with_nothing_more(cancel: dict[str, Any]) -> None:
    ok = resolve(SPEC, cancel["responses"]["200"])
    assert "content" not in ok
    assert "headers" not in ok
    assert "synchronously" in ok["description"]


def test_cancel_202_names_the_operation_to_poll_in_a_location_header_and_no_body(cancel: dict[str, Any]) -> None:
    accepted = resolve(SPEC, cancel["responses"]["202"])
    assert "content" not in accepted, "no page shows a 202 body"
    assert accepted["x-location-headers"] == ["Operation-Location", "Location"]
    header = resolve(SPEC, accepted["headers"]["Operation-Location"])
    assert header["required"] is False, "the 2020 pages send Location instead"
    assert header["example"] == SEED_LOCATION
    assert header["schema"]["format"] == "uri-reference"  # absolute (2018) or relative (2020)


def test_operation_location_points_at_get_operation() -> None:
    path, method, _ = find_operation(SPEC, "getOperation")
    assert method == "get"
    template = "https://cloudpartner.azure.com" + path
    pattern = re.escape(template).replace(r"\{publisherId\}", "[^/]+").replace(r"\{offerId\}", "[^/]+")
    pattern = pattern.replace(r"\{operationId\}", "[^/]+")
    assert re.fullmatch(pattern, SEED_LOCATION)
