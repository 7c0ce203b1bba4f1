"""The mock serves the bundled spec, handles exactly its operations, and its answers validate against it."""

from __future__ import annotations

import json
from importlib import resources

import httpx
import pytest

from cloud_partner_portal_mock.http.endpoints import Endpoints
from cloud_partner_portal_mock.validation import spec


def test_spec_is_served_at_openapi_json_byte_for_byte(client):
    response = client.get("/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == resources.files("cloud_partner_portal_mock").joinpath("openapi.json").read_bytes()


def test_bundled_spec_points_at_loopback():
    document = json.loads(spec.spec_bytes())

    assert all(server["url"].startswith("http://127.0.0.1") for server in document["servers"])


@pytest.mark.parametrize("rules", spec.RULES)
def test_every_spec_operation_has_a_handler_and_no_handler_lacks_one(rules):
    assert {facts.operation_id for facts in spec.description(rules).operations} == set(Endpoints.operation_ids())


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


PUBLISH_URL = "http://testserver/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
STATUS_URL = "http://testserver/api/publishers/contoso/offers/contoso-draftoffer/status?api-version=2017-10-31"


def test_response_check_catches_a_response_that_breaks_the_spec(spec_problems):
    publish = httpx.Request("POST", PUBLISH_URL)
    no_location = httpx.Response(202, request=publish)
    undocumented = httpx.Response(201, json={}, request=publish)
    wrong_body = httpx.Response(404, json={"message": "no"}, request=publish)
    wrong_reference = httpx.Response(202, json={"operationId": 7}, headers={"Location": "/a"}, request=publish)
    no_error_body = httpx.Response(404, request=httpx.Request("GET", STATUS_URL))

    assert any("x-location-headers" in p for p in spec_problems(no_location))
    assert spec_problems(undocumented)
    assert spec_problems(wrong_body)
    assert spec_problems(wrong_reference)
    assert spec_problems(no_error_body)  # the mock's rules: every error has its body


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(202, headers={"Operation-Location": "http://a/b"}),
        httpx.Response(202, headers={"Location": "/api/operations/a$b$1$staging?api-version=2017-10-31"}),
        httpx.Response(
            202,
            json={"operationId": "x", "operationLocation": "http://a/b"},
            headers={"Operation-Location": "http://a/b"},
        ),
    ],
    ids=["seed-form", "location-form", "with-the-prose-body"],
)
def test_response_check_accepts_a_documented_response(spec_problems, response):
    response.request = httpx.Request("POST", PUBLISH_URL)

    assert spec_problems(response) == []


def test_an_error_without_a_body_is_documented_in_the_public_description_only(spec_problems, problems_under):
    no_error_body = httpx.Response(404, request=httpx.Request("GET", STATUS_URL))

    assert problems_under(spec.DOCUMENTED_RULES)(no_error_body) == []
    assert spec_problems(no_error_body)
