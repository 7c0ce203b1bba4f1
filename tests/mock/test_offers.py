"""The offer calls over HTTP: reads with the ETag, writes under If-Match, the slots publish and go live fill, the
summary list in step with `/status`, and a GET → PUT of every seeded offer that changes nothing."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation.spec import DOCUMENTED_RULES
from support.seed import CONTOSO_TOKEN, SEEDED_OFFERS

API_VERSION = "2017-10-31"

AUTH = {"Authorization": f"Bearer {CONTOSO_TOKEN}"}
QUERY = {"api-version": API_VERSION}
SEEDED = SEEDED_OFFERS
TOKENS = {"contoso": CONTOSO_TOKEN, "fabrikam": "fabrikam-token"}
DISK = "microsoft-azure-virtualmachines.vmImages"
TO_SIGNOFF = 5 + 20 + 20 + 10 + 1
"""Seconds from a publish to sign-off with the default step durations (and one more)."""


def url(offer: str, tail: str = "", publisher: str = "contoso") -> str:
    return f"/api/publishers/{publisher}/offers/{offer}{tail}"


def read(client: TestClient, offer: str, tail: str = "", publisher: str = "contoso") -> httpx.Response:
    headers = {"Authorization": f"Bearer {TOKENS[publisher]}"}
    return client.get(url(offer, tail, publisher), params=QUERY, headers=headers)


def put(client: TestClient, body: Any, if_match: str | None, offer: str | None = None) -> httpx.Response:
    headers = {**AUTH, **({"If-Match": if_match} if if_match is not None else {})}
    return client.put(url(offer or body["id"]), params=QUERY, headers=headers, json=body)


def with_image(document: dict[str, Any], plan_index: int, version: str) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    images = changed["definition"]["plans"][plan_index][DISK]
    images[version] = {
        "osVhdUrl": f"https://contosostorage.blob.core.windows.net/vhds/{version}.vhd",
        "lunVhdDetails": [],
    }
    return changed


def test_a_read_of_the_draft_carries_its_etag_in_the_header_as_in_the_body(client):
    response = read(client, "contoso-virtualmachineoffer")

    assert response.status_code == 200
    assert response.headers["ETag"] == response.json()["eTag"]
    assert response.headers["ETag"].startswith("W/\"datetime'")


def test_a_put_with_the_etag_read_updates_the_draft_and_answers_the_new_etag(client):
    draft = read(client, "contoso-draftoffer")
    changed = with_image(draft.json(), 0, "0.2.0")

    response = put(client, changed, draft.headers["ETag"])

    assert response.status_code == 200
    assert response.headers["ETag"] != draft.headers["ETag"]
    again = read(client, "contoso-draftoffer")
    assert again.headers["ETag"] == response.headers["ETag"]
    assert "0.2.0" in again.json()["definition"]["plans"][0][DISK]


def test_a_stale_if_match_answers_412_and_changes_nothing(client):
    stale = read(client, "contoso-draftoffer")
    assert put(client, with_image(stale.json(), 0, "0.2.0"), stale.headers["ETag"]).status_code == 200
    current = read(client, "contoso-draftoffer")

    response = put(client, with_image(stale.json(), 0, "0.3.0"), stale.headers["ETag"])

    assert response.status_code == 412
    assert response.json()["error"]["code"] == "PreconditionFailed"
    assert read(client, "contoso-draftoffer").content == current.content


def test_if_match_star_overwrites_whatever_version_is_stored(client):
    draft = read(client, "contoso-draftoffer")

    assert put(client, with_image(draft.json(), 0, "0.2.0"), "*").status_code == 200


@pytest.mark.parametrize("rules", ["mock", DOCUMENTED_RULES])
def test_a_put_without_if_match_on_an_existing_offer_answers_400_and_changes_nothing(rules):
    mock = InProcessMock(MockConfig(clock=Clock.frozen(), rules=rules))
    with mock.client(token=None) as client:
        before = read(client, "contoso-draftoffer")

        response = put(client, with_image(before.json(), 0, "0.2.0"), None)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "IfMatchRequired"
        assert read(client, "contoso-draftoffer").content == before.content


def test_a_put_of_an_offer_that_does_not_exist_creates_it_and_it_can_be_published(client):
    body = {
        "publisherId": "contoso",
        "id": "contoso-newoffer",
        "offerTypeId": "microsoft-azure-virtualmachines",
        "definition": {"displayText": "New", "offer": {}, "plans": []},
    }

    created = put(client, body, None)

    assert created.status_code == 201
    assert created.json()["version"] == 1
    assert created.json()["status"] == "neverPublished"
    listed = client.get("/api/publishers/contoso/offers", params=QUERY, headers=AUTH).json()
    assert "contoso-newoffer" in [offer["id"] for offer in listed]
    publish = client.post(url("contoso-newoffer", "/publish"), params=QUERY, headers=AUTH)
    assert publish.status_code == 202


def test_a_body_naming_another_offer_than_the_path_is_400(client):
    draft = read(client, "contoso-draftoffer")

    response = put(client, draft.json(), draft.headers["ETag"], offer="contoso-liveoffer")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "OfferIdMismatch"


def test_a_lone_surrogate_sent_in_an_offer_comes_back_escaped_from_every_read_and_the_list(client):
    """JSON lets a body carry `"\\ud800"`, which UTF-8 cannot encode: never a 500, and no read broken after."""
    draft = read(client, "contoso-draftoffer").json()
    draft["definition"]["displayText"] = "Contoso \ud800"
    draft["definition"]["contoso.note"] = {"\udc00": "\udfff"}
    headers = {**AUTH, "If-Match": draft["eTag"], "Content-Type": "application/json"}
    sent = json.dumps(draft).encode()  # ASCII: the surrogates travel as escapes, as a client's encoder sends them

    written = client.put(url("contoso-draftoffer"), params=QUERY, headers=headers, content=sent)
    listed = client.get("/api/publishers/contoso/offers", params=QUERY, headers=AUTH)
    answers = [written, read(client, "contoso-draftoffer"), listed]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    for answer in answers[:2]:
        assert answer.json()["definition"]["displayText"] == "Contoso \ud800"
        assert answer.json()["definition"]["contoso.note"] == {"\udc00": "\udfff"}
    by_id = {item["id"]: item for item in listed.json()}
    assert by_id["contoso-draftoffer"]["definition"]["displayText"] == "Contoso \ud800"


def test_a_slot_never_previewed_is_404(client):
    response = read(client, "contoso-draftoffer", "/slot/Preview")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "OfferSlotEmpty"


def test_publish_copies_the_draft_to_preview_when_the_run_reaches_signoff(client, clock):
    draft = read(client, "contoso-draftoffer")
    assert put(client, with_image(draft.json(), 0, "0.2.0"), draft.headers["ETag"]).status_code == 200
    assert client.post(url("contoso-draftoffer", "/publish"), params=QUERY, headers=AUTH).status_code == 202
    clock.advance(TO_SIGNOFF - 2)
    assert read(client, "contoso-draftoffer", "/slot/Preview").status_code == 404

    clock.advance(2)

    preview = read(client, "contoso-draftoffer", "/slot/Preview")
    assert preview.status_code == 200
    assert "0.2.0" in preview.json()["definition"]["plans"][0][DISK]
    assert preview.json()["status"] == "waitingForPublisherReview"


def test_go_live_copies_preview_to_production_records_the_version_and_bumps_the_draft(client, clock, steps):
    draft = read(client, "contoso-draftoffer")
    assert put(client, with_image(draft.json(), 0, "0.2.0"), draft.headers["ETag"]).status_code == 200
    client.post(url("contoso-draftoffer", "/publish"), params=QUERY, headers=AUTH)
    clock.advance(TO_SIGNOFF)
    assert client.post(url("contoso-draftoffer", "/golive"), params=QUERY, headers=AUTH).status_code == 202
    assert read(client, "contoso-draftoffer", "/slot/Production").status_code == 404

    clock.advance(steps["live"])

    production = read(client, "contoso-draftoffer", "/slot/Production").json()
    assert "0.2.0" in production["definition"]["plans"][0][DISK]
    assert production["version"] == 1
    assert read(client, "contoso-draftoffer", "/versions/1").json() == production
    assert read(client, "contoso-draftoffer").json()["version"] == 2
    listed = client.get("/api/publishers/contoso/offers", params=QUERY, headers=AUTH).json()
    assert next(o for o in listed if o["id"] == "contoso-draftoffer")["version"] == 2


def test_a_version_never_published_is_404(client):
    response = read(client, "contoso-liveoffer", "/versions/3")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "OfferVersionNotFound"


@pytest.mark.parametrize("publisher", sorted(SEEDED))
@pytest.mark.parametrize("seconds", [0, 60, 4 * 86_400])
def test_the_summary_list_and_status_agree_on_every_offer(client, clock, publisher, seconds):
    clock.advance(seconds)
    headers = {"Authorization": f"Bearer {TOKENS[publisher]}"}

    listed = client.get(f"/api/publishers/{publisher}/offers", params=QUERY, headers=headers).json()

    assert [offer["id"] for offer in listed] == SEEDED[publisher]
    for offer in listed:
        status = read(client, offer["id"], "/status", publisher).json()["status"]
        assert offer["status"] == status, offer["id"]
        assert read(client, offer["id"], "", publisher).json()["status"] == status


@pytest.mark.parametrize("publisher", sorted(SEEDED))
@pytest.mark.parametrize("seconds", [0, 4 * 86_400])
def test_status_shows_a_live_link_exactly_for_the_offers_whose_production_slot_is_filled(
    client, clock, publisher, seconds
):
    clock.advance(seconds)
    for offer in SEEDED[publisher]:
        live_links = read(client, offer, "/status", publisher).json()["liveLinks"]
        production = read(client, offer, "/slot/Production", publisher).status_code
        assert (production, bool(live_links)) in {(200, True), (404, False)}, offer


def test_the_snapshot_holds_every_offers_documents(client, service):
    draft = read(client, "contoso-draftoffer")
    put(client, with_image(draft.json(), 0, "0.2.0"), draft.headers["ETag"])

    snapshot = service.snapshot()

    assert {key for key in snapshot.documents} == {(p, o) for p, offers in SEEDED.items() for o in offers}
    held = snapshot.documents[("contoso", "contoso-draftoffer")]
    assert held.draft == read(client, "contoso-draftoffer").json()
    assert held.preview is None
    assert snapshot.documents[("contoso", "contoso-liveoffer")].versions == (1, 2)


def test_the_offer_types_are_the_seeded_offers_types(client):
    response = client.get("/api/offerTypes", params=QUERY, headers=AUTH)

    assert response.status_code == 200
    assert {t["offerTypeId"] for t in response.json()} == {
        "microsoft-azure-virtualmachines",
        "microsoft-azure-applications",
    }


@pytest.mark.parametrize(("publisher", "offer"), [(p, o) for p, offers in SEEDED.items() for o in offers])
def test_a_get_then_put_of_every_seeded_offer_leaves_its_definition_byte_for_byte(client, mock, publisher, offer):
    token = TOKENS[publisher]
    with mock.client(token=token) as own:
        before = own.get(url(offer, publisher=publisher), params=QUERY)

        written = own.put(
            url(offer, publisher=publisher),
            params=QUERY,
            headers={"If-Match": before.headers["ETag"], "Content-Type": "application/json"},
            content=before.content,
        )
        after = own.get(url(offer, publisher=publisher), params=QUERY)

    assert written.status_code == 200, written.text
    assert _definition_bytes(after) == _definition_bytes(before)
    assert _definition_bytes(written) == _definition_bytes(before)
    assert after.headers["ETag"] != before.headers["ETag"]


def _definition_bytes(response: httpx.Response) -> bytes:
    """The `definition` member's bytes as the answer wrote them (the mock writes compact JSON)."""
    text = response.text
    start = text.index('"definition":') + len('"definition":')
    value, end = json.JSONDecoder().raw_decode(text, start)
    assert isinstance(value, dict)
    return text[start:end].encode()
