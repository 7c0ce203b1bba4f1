"""The Cancel operation call carries every fact of its original page (seed/cancel-operation.es-ES.md)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from .conftest import find_operation, load_spec, parameters_of, resolve

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
    assert "metadata" in body["required"]
    assert "notification-emails" in metadata["required"]
    validator = _schema_validator(schema)
    assert validator.is_valid({"metadata": {"notification-emails": "jondoe@contoso.com"}}), "the page's example"


@pytest.mark.parametrize(
    ("emails", "valid"),
    [
        ("jondoe@contoso.com", True),
        ("jondoe@contoso.com,janedoe@contoso.com", True),
        ("jondoe@contoso.com, janedoe@contoso.com", True),
        ("first.last+tag@sub.contoso.co.uk", True),
        ("", False),
        ("bob@", False),
        ("@contoso.com", False),
        ("jondoe@contoso", False),
        ("jondoe@contoso.com,", False),
        (",jondoe@contoso.com", False),
        ("jondoe@contoso.com;janedoe@contoso.com", False),
        ("jondoe@contoso.com,,janedoe@contoso.com", False),
    ],
)
def test_notification_emails_must_be_a_comma_separated_address_list(emails: str, valid: bool) -> None:
    schema = resolve(SPEC, {"$ref": "#/components/schemas/NotificationEmails"})
    assert bool(re.search(schema["pattern"], emails)) is valid


def test_cancel_answers_every_documented_status(cancel: dict[str, Any]) -> None:
    # 200, 202, 400, 403, 404 from the page; 401 from the considerations page.
    assert {"200", "202", "400", "401", "403", "404"} <= set(cancel["responses"])
    for status in ("400", "401", "403", "404"):
        body = resolve(SPEC, cancel["responses"][status])["content"]["application/json"]["schema"]
        assert body == {"$ref": "#/components/schemas/ErrorResponse"}, status
    error = SPEC["components"]["schemas"]["ErrorResponse"]
    assert error["required"] == ["error"]
    assert set(SPEC["components"]["schemas"]["ErrorDetail"]["required"]) == {"code", "message"}


def test_cancel_202_names_the_operation_to_poll_in_operation_location(cancel: dict[str, Any]) -> None:
    accepted = resolve(SPEC, cancel["responses"]["202"])
    header = resolve(SPEC, accepted["headers"]["Operation-Location"])
    assert header["required"] is True
    assert header["example"] == SEED_LOCATION
    assert "format" in header["schema"]  # uri-reference: absolute (2018) or relative (2020)


def test_operation_location_points_at_get_operation() -> None:
    path, method, _ = find_operation(SPEC, "getOperation")
    assert method == "get"
    template = "https://cloudpartner.azure.com" + path
    pattern = re.escape(template).replace(r"\{publisherId\}", "[^/]+").replace(r"\{offerId\}", "[^/]+")
    pattern = pattern.replace(r"\{operationId\}", "[^/]+")
    assert re.fullmatch(pattern, SEED_LOCATION)
