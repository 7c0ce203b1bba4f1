"""Under the documented rules the mock serves and enforces the public description, and answers only its statuses.

Every response here is checked against the public description by the `client` fixture (conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.validation.spec import DOCUMENTED_RULES, MOCK_RULES, description

ROOT = Path(__file__).resolve().parents[2]
PUBLISH = "/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
AUTH = {"Authorization": "Bearer contoso-token"}


@pytest.fixture
def config():
    return MockConfig(clock=Clock.frozen(), rules=DOCUMENTED_RULES)


def test_the_documented_description_is_openapi_yaml_with_loopback_servers():
    public = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    served = json.loads(description(DOCUMENTED_RULES).bytes)

    assert {k: v for k, v in served.items() if k != "servers"} == {k: v for k, v in public.items() if k != "servers"}
    assert [server["url"] for server in served["servers"]] == ["http://127.0.0.1:8080"]


def test_the_documented_description_is_served_byte_for_byte(client):
    response = client.get("/openapi.json")

    assert response.content == description(DOCUMENTED_RULES).bytes
    assert response.content != description(MOCK_RULES).bytes


@pytest.mark.parametrize(
    ("call", "offer", "code"),
    [
        ("publish", "contoso-goingliveoffer", "OperationInProgress"),
        ("go_live", "contoso-virtualmachineoffer", "OperationInProgress"),
        ("go_live", "contoso-draftoffer", "OfferNotWaitingForSignoff"),
    ],
)
def test_a_conflict_is_the_documented_400_with_the_same_error_body(api, call, offer, code):
    response = getattr(api, call)(offer)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_the_same_conflict_is_409_under_the_mock_rules():
    from cloud_partner_portal_mock.testing import InProcessMock

    with InProcessMock(MockConfig(clock=Clock.frozen())).client() as client:
        response = client.post("/api/publishers/contoso/offers/contoso-goingliveoffer/publish?api-version=2017-10-31")

    assert response.status_code == 409


def test_publish_while_a_publish_runs_is_the_idempotent_202_of_the_publish_page(api):
    response = api.publish("contoso-virtualmachineoffer")

    assert response.status_code == 202
    assert response.headers["Operation-Location"].endswith("/operations/5a63deb5-925b-4ee0-938b-7c86fbf287c5")


def test_a_body_over_64_kib_is_400_not_413(client):
    body = json.dumps({"metadata": {"notification-emails": "a@b.co"}, "pad": "x" * 70_000})

    response = client.post(PUBLISH, headers={**AUTH, "Content-Type": "application/json"}, content=body)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "PayloadTooLarge"


def test_a_body_that_is_not_json_is_400_not_415(client):
    response = client.post(PUBLISH, headers={**AUTH, "Content-Type": "text/plain"}, content="hello")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "UnsupportedMediaType"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"metadata": {}},
        {"metadata": {"notification-emails": ""}},
        {"metadata": {"notification-emails": "jondoe@contoso.com"}, "priority": "high"},
        {"metadata": {"notification-emails": "jondoe at contoso", "cc": "x"}},
    ],
    ids=["empty", "no-addresses", "empty-addresses", "extra-member", "free-text-addresses"],
)
def test_any_body_the_public_schema_allows_is_accepted(client, service, body):
    response = client.post(PUBLISH, headers=AUTH, json=body)

    assert response.status_code == 202
    emails = body.get("metadata", {}).get("notification-emails")
    assert {n.address for n in service.outbox} == ({emails} if emails else set())


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ([], "InvalidRequestBody"),
        ({"metadata": "jondoe@contoso.com"}, "InvalidRequestBody"),
        ({"metadata": {"notification-emails": 7}}, "InvalidNotificationEmails"),
    ],
)
def test_a_body_the_public_schema_refuses_is_still_400(client, body, code):
    response = client.post(PUBLISH, headers=AUTH, json=body)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/publishers/con toso/offers/contoso-draftoffer/status", 403, "Forbidden"),
        ("/api/publishers/contoso/offers/contoso draft!/status", 404, "OfferNotFound"),
        ("/api/operations/not-a-legacy-id", 404, "OperationNotFound"),
        ("/api/operations/contoso$contoso-virtualmachineoffer$" + "9" * 40 + "$staging", 404, "OperationNotFound"),
    ],
)
def test_identifiers_have_no_syntax_so_a_strange_one_names_nothing_rather_than_being_malformed(
    client, path, status, code
):
    response = client.get(path, params={"api-version": "2017-10-31"}, headers=AUTH)

    assert response.status_code == status
    assert response.json()["error"]["code"] == code
