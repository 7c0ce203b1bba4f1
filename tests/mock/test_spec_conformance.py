"""The mock serves the bundled spec, handles exactly its operations, and its answers validate against it."""

from __future__ import annotations

import json
from importlib import resources

import httpx
import pytest

from cloud_partner_portal_mock import spec
from cloud_partner_portal_mock.app import HANDLERS


def test_spec_is_served_at_openapi_json_byte_for_byte(client):
    response = client.get("/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == resources.files("cloud_partner_portal_mock").joinpath("openapi.json").read_bytes()


def test_bundled_spec_points_at_loopback():
    document = json.loads(spec.spec_bytes())

    assert all(server["url"].startswith("http://127.0.0.1") for server in document["servers"])


def test_every_spec_operation_has_a_handler_and_no_handler_lacks_one():
    assert {facts.operation_id for facts in spec.operations()} == set(HANDLERS)


def test_api_version_is_read_from_the_spec():
    assert spec.api_version() == "2017-10-31"


def test_every_operation_takes_the_seed_page_request_as_valid(client, spec_operation, seed_page_url):
    response = client.request(
        spec_operation.method, seed_page_url(spec_operation.path), headers={"Authorization": "Bearer contoso-token"}
    )

    # Valid and permitted: a success, or 409 for go live while the seeded publish runs.
    assert response.status_code in {200, 202, 409}
    assert response.status_code in spec_operation.statuses


@pytest.mark.parametrize(
    "spec_operation", [f for f in spec.operations() if f.has_body], ids=lambda facts: facts.operation_id
)
def test_every_documented_request_body_example_is_accepted(client, spec_operation, seed_page_url):
    examples = spec.resolve(spec.spec()["components"]["requestBodies"]["Notification"])["content"]["application/json"][
        "examples"
    ]
    for example in examples.values():
        response = client.request(
            spec_operation.method,
            seed_page_url(spec_operation.path, offerId="contoso-goingliveoffer"),
            headers={"Authorization": "Bearer contoso-token"},
            json=example["value"],
        )
        assert response.status_code != 400, response.text


def test_response_check_catches_a_response_that_breaks_the_spec(spec_problems):
    url = "http://testserver/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
    request = httpx.Request("POST", url)
    missing_header = httpx.Response(202, json={"operationId": "x", "operationLocation": "http://a/b"}, request=request)
    undocumented = httpx.Response(201, json={}, request=request)
    wrong_body = httpx.Response(404, json={"message": "no"}, request=request)

    assert any("Operation-Location" in p for p in spec_problems(missing_header))
    assert spec_problems(undocumented)
    assert spec_problems(wrong_body)


def test_response_check_accepts_a_documented_response(spec_problems):
    url = "http://testserver/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
    request = httpx.Request("POST", url)
    good = httpx.Response(
        202,
        json={"operationId": "x", "operationLocation": "http://a/b"},
        headers={"Operation-Location": "http://a/b"},
        request=request,
    )

    assert spec_problems(good) == []
