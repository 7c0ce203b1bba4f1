"""Accepted calls name their operation as the flavor's page shows it, and every form leads to that operation."""

from __future__ import annotations

import re

import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.locations import FLAVORS, LegacyOperationId

SEED_PAGE_OPERATION = "5a63deb5-925b-4ee0-938b-7c86fbf287c5"
SEED_PAGE_LEGACY_URL = "/api/operations/contoso$contoso-virtualmachineoffer$1$staging"
GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
FORMS = {
    "absolute": "http://testserver/api/publishers/contoso/offers/{offer}/operations/" + GUID,
    "relative": "/api/publishers/contoso/offers/{offer}/operations/" + GUID + r"\?api-version=2017-10-31",
    "legacy": r"/api/operations/contoso\${offer}\$[0-9]+\$(staging|production)\?api-version=2017-10-31",
}
# (flavor) → (header, form of publish, form of go live, form of cancel), as the pages show them.
DOCUMENTED = {
    "seed": ("Operation-Location", "absolute", "absolute", "absolute"),
    "2018": ("Operation-Location", "legacy", "absolute", "absolute"),
    "2020-migrated": ("Location", "relative", "relative", "relative"),
    "2020-legacy": ("Location", "legacy", "legacy", "legacy"),
}
# Each call on the seeded offer where it starts an operation: (call, offer).
CALLS = [
    ("publish", "contoso-draftoffer"),
    ("go_live", "contoso-previewoffer"),
    ("cancel", "contoso-virtualmachineoffer"),
]


@pytest.fixture
def flavor() -> str:
    return "seed"


@pytest.fixture
def location_body() -> bool:
    return False


@pytest.fixture
def config(flavor, location_body):
    return MockConfig(clock=Clock.frozen(), flavor=flavor, location_body=location_body)


def test_the_table_covers_every_flavor():
    assert set(DOCUMENTED) == set(FLAVORS)


@pytest.mark.parametrize("flavor", list(DOCUMENTED))
@pytest.mark.parametrize(("call", "offer"), CALLS, ids=[call for call, _ in CALLS])
def test_each_flavor_names_the_operation_in_its_documented_header_and_form(api, flavor, call, offer):
    header, *forms = DOCUMENTED[flavor]
    form = forms[[c for c, _ in CALLS].index(call)]

    response = getattr(api, call)(offer)

    assert response.status_code == 202
    assert re.fullmatch(FORMS[form].replace("{offer}", offer), response.headers[header])
    other = "Location" if header == "Operation-Location" else "Operation-Location"
    assert other not in response.headers
    assert response.content == b""
    assert "content-type" not in response.headers


@pytest.mark.parametrize("flavor", list(DOCUMENTED))
def test_each_flavors_location_answers_the_operation_the_call_started(api, flavor):
    started = api.publish("contoso-draftoffer")
    newest = api.submissions("contoso-draftoffer").json()[0]["id"]

    polled = api.follow(started)

    assert polled.status_code == 200
    assert polled.json() == api.operation("contoso-draftoffer", newest).json()


@pytest.mark.parametrize("flavor", list(DOCUMENTED))
def test_a_synchronous_cancel_is_200_with_no_header_and_no_body_in_every_flavor(api, flavor):
    api.publish("contoso-draftoffer")

    response = api.cancel("contoso-draftoffer")

    assert response.status_code == 200
    assert response.content == b""
    assert not {"operation-location", "location", "content-type"} & set(response.headers)


def test_the_legacy_status_url_answers_the_same_operation_as_get_operation(api):
    legacy = api.client.get(SEED_PAGE_LEGACY_URL, params={"api-version": "2017-10-31"}, headers=api_auth())
    direct = api.operation("contoso-virtualmachineoffer", SEED_PAGE_OPERATION)

    assert legacy.status_code == 200
    assert legacy.json() == direct.json()


@pytest.mark.parametrize("flavor", ["2020-legacy"])
def test_every_operation_has_a_legacy_status_url_of_its_own(api, clock, steps, flavor):
    offer = "contoso-draftoffer"
    first = api.publish(offer)
    clock.advance(steps["displaydummycertify"])
    cancel = api.cancel(offer)  # a cancel operation: the same publishing version and slot as the publish
    clock.advance(steps["cancel"])
    second = api.publish(offer)
    locations = [response.headers["Location"] for response in (second, cancel, first)]

    listed = [submission["id"] for submission in api.submissions(offer).json()]  # publish runs: no cancel operation

    assert len(set(locations)) == 3
    for response, operation_id in zip((second, first), listed, strict=True):
        assert api.follow(response).json() == api.operation(offer, operation_id).json()
    assert [step["id"] for step in api.follow(cancel).json()["steps"]] == ["cancel"]


@pytest.mark.parametrize(
    ("legacy_id", "status", "code"),
    [
        ("contoso$contoso-virtualmachineoffer$1$production", 404, "OperationNotFound"),
        ("contoso$contoso-virtualmachineoffer$2$staging", 404, "OperationNotFound"),
        ("contoso$contoso-nosuchoffer$1$staging", 404, "OfferNotFound"),
        ("fabrikam$fabrikam-vmoffer$1$staging", 403, "Forbidden"),
        ("contoso$contoso-virtualmachineoffer$nine$staging", 400, "InvalidParameter"),
    ],
)
def test_a_legacy_status_url_that_names_no_operation_of_the_caller_is_refused(api, legacy_id, status, code):
    response = api.client.get(f"/api/operations/{legacy_id}", params={"api-version": "2017-10-31"}, headers=api_auth())

    assert response.status_code == status
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize("location_body", [True])
@pytest.mark.parametrize("flavor", ["seed", "2020-legacy"])
def test_location_body_adds_the_cancel_pages_prose_form_naming_the_same_location(api, flavor, location_body):
    header = DOCUMENTED[flavor][0]
    started = api.publish("contoso-draftoffer")
    cancelled = api.cancel("contoso-draftoffer")  # synchronous: names the cancelled publish

    assert started.status_code == 202
    assert started.headers["content-type"] == "application/json"
    assert started.json()["operationLocation"] == started.headers[header]
    assert cancelled.status_code == 200
    assert cancelled.json() == started.json()
    assert not {"operation-location", "location"} & set(cancelled.headers)


@pytest.mark.parametrize("location_body", [True])
def test_location_body_names_the_operation_by_its_identifier(api, location_body):
    response = api.publish("contoso-virtualmachineoffer")  # idempotent: the seed page's running publish

    assert response.json() == {
        "operationId": SEED_PAGE_OPERATION,
        "operationLocation": response.headers["Operation-Location"],
    }
    assert response.headers["Operation-Location"].endswith(f"/operations/{SEED_PAGE_OPERATION}")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("contoso$contoso-offer$2$preview", ("contoso", "contoso-offer", 2, "preview")),
        ("contoso$contoso-offer$2", None),
        ("contoso$contoso-offer$2$preview$x", None),
        ("contoso$$2$preview", None),
        ("contoso$contoso-offer$two$preview", None),
        ("contoso$contoso-offer$²$preview", None),
        ("contoso$contoso-offer$-2$preview", None),
        ("contoso$contoso-offer$" + "9" * 19 + "$preview", None),
        ("contoso$contoso-offer$" + "9" * 5000 + "$preview", None),
    ],
)
def test_legacy_operation_ids_are_read_part_by_part(text, parts):
    parsed = LegacyOperationId.parse(text)

    assert (None if parsed is None else (parsed.publisher_id, parsed.offer_id, parsed.number, parsed.slot)) == parts


def api_auth():
    return {"Authorization": "Bearer contoso-token"}
