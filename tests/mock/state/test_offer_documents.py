"""Offer documents: the draft, the slots and versions, ETags and the check-and-set PUT (state only, no HTTP)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cloud_partner_portal_mock.state.offer_documents import (
    MAX_DEFINITION_DEPTH,
    MAX_KEPT_VERSIONS,
    DocumentError,
    OfferDocuments,
    changed_time,
    stored_artifact_url,
    ticks,
    weak_etag,
)

NOW = datetime(2018, 3, 28, 22, 27, 13, 836387, tzinfo=UTC)
PUBLISHER = "contoso"
OFFER = "contosovirtualmachine"
VM = "microsoft-azure-virtualmachines"
E2_ORDER = ["offerTypeId", "publisherId", "status", "id", "version", "offerTypeVersions", "definition", "changedTime"]
LOGO = "https://www.contoso.com/logos/small.png"
VHD = "http://contosoteststorage.blob.core.windows.net/test/contosoVM.vhd?sv=2014-02-14&sr=c&sig=placeholder&sp=rl"


def never_published(_offer_id: str) -> str:
    return "neverPublished"


def body(**definition: Any) -> dict[str, Any]:
    """A create-example-shaped body; `definition` keys replace the defaults."""
    return {
        "publisherId": PUBLISHER,
        "offerTypeId": VM,
        "id": OFFER,
        "offerTypeVersions": {VM: 87, "microsoft-azure-marketplace": 39},
        "definition": {
            "displayText": "Contoso Virtual Machine Offer",
            "offer": {"microsoft-azure-marketplace.title": "Contoso App"},
            "plans": [{"planId": "contososkuidentifier", f"{VM}.vmImages": {}}],
        }
        | definition,
    }


def created(documents: OfferDocuments, at: datetime = NOW, **definition: Any) -> str:
    """Create the offer; its ETag."""
    return documents.put(PUBLISHER, OFFER, body(**definition), None, at, never_published).etag


def draft(documents: OfferDocuments) -> dict[str, Any]:
    return documents.read(PUBLISHER, OFFER, never_published)


def everything(documents: OfferDocuments) -> str:
    """All that can be read of the offer, as one string: equal before and after means nothing changed."""
    parts: list[object] = [draft(documents), documents.summary(PUBLISHER, never_published)]
    for slot in ("Preview", "Production"):
        try:
            parts.append(documents.read(PUBLISHER, OFFER, never_published, slot=slot))
        except DocumentError as error:
            parts.append(error.code)
    return json.dumps(parts)


def test_the_change_time_has_seven_fractional_digits_and_the_etag_is_the_create_pages_form() -> None:
    at = ticks(datetime(2017, 6, 7, 6, 15, 40, 477139, tzinfo=UTC)) + 9
    assert changed_time(at) == "2017-06-07T06:15:40.4771399Z"
    assert weak_etag(changed_time(at)) == "W/\"datetime'2017-06-07T06%3A15%3A40.4771399Z'\""


def test_ticks_refuse_a_naive_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ticks(datetime(2018, 1, 1))


def test_the_documents_import_nothing_of_the_http_layer() -> None:
    code = (
        "import sys\n"
        "import cloud_partner_portal_mock.state.offer_documents, cloud_partner_portal_mock.state.offer_seed\n"
        "print(sorted(m for m in ('starlette', 'openapi_core', 'jsonschema', 'httpx', 'anyio') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)  # noqa: S603  # reason: fixed code, this interpreter
    assert result.stdout.strip() == "[]"


def test_a_put_of_a_new_offer_creates_version_1_never_published() -> None:
    documents = OfferDocuments()
    written = documents.put(PUBLISHER, OFFER, body(), None, NOW, lambda _: "running")
    assert written.created
    assert written.status_code == 201
    document = written.document
    assert [*document] == [*E2_ORDER, "eTag"]
    assert document["status"] == "neverPublished"
    assert document["version"] == 1
    assert document["changedTime"] == "2018-03-28T22:27:13.8363870Z"
    assert document["eTag"] == written.etag == "W/\"datetime'2018-03-28T22%3A27%3A13.8363870Z'\""
    assert draft(documents) == document


def test_the_servers_fields_in_a_put_body_are_ignored() -> None:
    documents = OfferDocuments()
    sent = body() | {"status": "succeeded", "version": 99, "changedTime": "2001-01-01T00:00:00Z", "eTag": 'W/"x"'}
    document = documents.put(PUBLISHER, OFFER, sent, None, NOW, never_published).document
    assert (document["status"], document["version"]) == ("neverPublished", 1)
    assert document["changedTime"] == changed_time(ticks(NOW))
    assert document["eTag"] == weak_etag(document["changedTime"])


def test_a_put_with_if_match_star_creates_a_missing_offer() -> None:
    documents = OfferDocuments()
    assert documents.put(PUBLISHER, OFFER, body(), "*", NOW, never_published).status_code == 201


def test_a_put_with_an_etag_on_a_missing_offer_is_412_and_creates_nothing() -> None:
    documents = OfferDocuments()
    with pytest.raises(DocumentError) as refused:
        documents.put(PUBLISHER, OFFER, body(), weak_etag(changed_time(ticks(NOW))), NOW, never_published)
    assert (refused.value.status, refused.value.code) == (412, "PreconditionFailed")
    assert documents.summary(PUBLISHER, never_published) == []


def test_a_put_with_the_current_etag_updates_the_draft_and_gives_a_new_etag() -> None:
    documents = OfferDocuments()
    etag = created(documents)
    later = NOW + timedelta(seconds=5)
    written = documents.put(PUBLISHER, OFFER, body(displayText="Renamed"), etag, later, lambda _: "succeeded")
    assert (written.created, written.status_code) == (False, 200)
    assert written.etag != etag
    assert written.document["status"] == "succeeded"
    assert draft(documents)["definition"]["displayText"] == "Renamed"
    assert draft(documents)["changedTime"] == changed_time(ticks(later))


def test_a_put_with_a_stale_etag_is_412_and_changes_nothing() -> None:
    documents = OfferDocuments()
    stale = created(documents)
    documents.put(PUBLISHER, OFFER, body(displayText="First"), stale, NOW, never_published)
    before = everything(documents)
    with pytest.raises(DocumentError) as refused:
        documents.put(PUBLISHER, OFFER, body(displayText="Second"), stale, NOW, never_published)
    assert (refused.value.status, refused.value.code) == (412, "PreconditionFailed")
    assert "Read it again" in refused.value.message
    assert everything(documents) == before


def test_a_put_with_if_match_star_overwrites_whatever_is_there() -> None:
    documents = OfferDocuments()
    created(documents)
    documents.put(PUBLISHER, OFFER, body(displayText="Someone else's"), "*", NOW, never_published)
    documents.put(PUBLISHER, OFFER, body(displayText="Mine"), " * ", NOW, never_published)
    assert draft(documents)["definition"]["displayText"] == "Mine"


@pytest.mark.parametrize("if_match", [None, "", "  "])
def test_a_put_without_if_match_on_an_existing_offer_is_400_and_changes_nothing(if_match: str | None) -> None:
    documents = OfferDocuments()
    created(documents)
    before = everything(documents)
    with pytest.raises(DocumentError) as refused:
        documents.put(PUBLISHER, OFFER, body(displayText="Blind"), if_match, NOW, never_published)
    assert (refused.value.status, refused.value.code) == (400, "IfMatchRequired")
    assert everything(documents) == before


def test_two_puts_at_the_same_clock_time_get_different_etags_one_tick_apart() -> None:
    documents = OfferDocuments()
    first = created(documents)
    second = documents.put(PUBLISHER, OFFER, body(), first, NOW, never_published)
    third = documents.put(PUBLISHER, OFFER, body(), second.etag, NOW - timedelta(seconds=1), never_published)
    assert len({first, second.etag, third.etag}) == 3
    assert second.document["changedTime"] == "2018-03-28T22:27:13.8363871Z"
    assert third.document["changedTime"] == "2018-03-28T22:27:13.8363872Z"
    with pytest.raises(DocumentError, match="not the current ETag"):
        documents.put(PUBLISHER, OFFER, body(), first, NOW, never_published)


def test_a_get_put_get_round_trip_keeps_the_definition_byte_for_byte() -> None:
    documents = OfferDocuments()
    created(
        documents,
        offer={
            "microsoft-azure-marketplace.futureKey": {"z": 1, "a": [1.5, None, {"y": "é", "b": True}]},
            "microsoft-azure-marketplace.title": "Contoso App",
            "microsoft-azure-marketplace.smallLogo": LOGO,
        },
        plans=[{"planId": "p", f"{VM}.futurePlanKey": [], "regions": ["DZ", "AR"]}],
        **{"microsoft-azure-marketplace.futureDefinitionKey": "kept"},
    )
    first = draft(documents)
    sent = json.loads(json.dumps(first))
    written = documents.put(PUBLISHER, OFFER, sent, first["eTag"], NOW + timedelta(hours=1), never_published)
    second = draft(documents)
    assert json.dumps(second["definition"], sort_keys=False) == json.dumps(first["definition"], sort_keys=False)
    assert written.etag != first["eTag"]
    assert next(iter(second["definition"]["offer"])) == "microsoft-azure-marketplace.futureKey"


def test_documents_read_are_copies_the_caller_cannot_change_the_store_through() -> None:
    documents = OfferDocuments()
    created(documents)
    draft(documents)["definition"]["displayText"] = "changed by a caller"
    documents.summary(PUBLISHER, never_published)[0]["definition"]["displayText"] = "changed by a caller"
    assert draft(documents)["definition"]["displayText"] == "Contoso Virtual Machine Offer"


def test_the_store_keeps_its_own_copy_of_the_body_it_was_sent() -> None:
    documents = OfferDocuments()
    sent = body()
    documents.put(PUBLISHER, OFFER, sent, None, NOW, never_published)
    sent["definition"]["plans"][0]["planId"] = "changed by a caller"
    sent["definition"]["offer"]["microsoft-azure-marketplace.title"] = "changed by a caller"
    stored = draft(documents)["definition"]
    assert stored["plans"][0]["planId"] == "contososkuidentifier"
    assert stored["offer"]["microsoft-azure-marketplace.title"] == "Contoso App"


def test_the_answers_text_is_the_documents_json_rendered_once_per_change_and_status() -> None:
    documents = OfferDocuments()
    etag = created(documents)
    text = documents.read_text(PUBLISHER, OFFER, never_published)
    assert text.etag == etag
    assert json.loads(text.text) == draft(documents)
    assert text.text == json.dumps(draft(documents), ensure_ascii=False, separators=(",", ":")).encode()
    assert documents.read_text(PUBLISHER, OFFER, never_published).text is text.text  # not rendered again
    running = documents.read_text(PUBLISHER, OFFER, lambda _: "running")
    assert json.loads(running.text)["status"] == "running"
    written = documents.put(PUBLISHER, OFFER, body(displayText="Next"), etag, NOW, never_published)
    after = documents.read_text(PUBLISHER, OFFER, never_published)
    assert after.text == written.answer.text
    assert json.loads(after.text)["definition"]["displayText"] == "Next"


def test_a_lone_surrogate_in_a_body_is_stored_and_answered_as_its_escape() -> None:
    """A JSON body can carry one (`"\\ud800"`); UTF-8 cannot encode it, so the answer escapes it."""
    documents = OfferDocuments()
    created(documents, displayText="\ud800 Contoso", **{"contoso.key\udc00": "\udfff"})
    text = documents.read_text(PUBLISHER, OFFER, never_published).text
    assert text.isascii()
    assert b'"displayText":"\\ud800 Contoso"' in text
    definition = json.loads(text)["definition"]
    assert definition["displayText"] == "\ud800 Contoso"
    assert definition["contoso.key\udc00"] == "\udfff"


@pytest.mark.parametrize(
    ("sent", "code", "names"),
    [
        ([], "InvalidOffer", "JSON object"),
        ({k: v for k, v in body().items() if k != "id"}, "InvalidOffer", "no 'id'"),
        (body() | {"id": "another-offer"}, "OfferIdMismatch", "'id' \"another-offer\""),
        (body() | {"publisherId": "fabrikam"}, "OfferIdMismatch", "'publisherId' \"fabrikam\""),
        (body() | {"publisherId": ["contoso"]}, "OfferIdMismatch", "an array of 1 items"),
        (body() | {"offerTypeId": ""}, "InvalidOffer", "'offerTypeId'"),
        ({k: v for k, v in body().items() if k != "offerTypeId"}, "InvalidOffer", "'offerTypeId'"),
        (body() | {"offerTypeVersions": {VM: "87"}}, "InvalidOffer", "'offerTypeVersions'"),
        (body() | {"offerTypeVersions": {VM: True}}, "InvalidOffer", "'offerTypeVersions'"),
        (body() | {"definition": "text"}, "InvalidOffer", "'definition' must be an object"),
        (body(displayText=5), "InvalidOffer", "definition.displayText"),
        (body(offer=[]), "InvalidOffer", "definition.offer"),
        (body(plans={}), "InvalidOffer", "definition.plans"),
        (body(plans=[{"planId": "p"}, "p2"]), "InvalidOffer", "definition.plans[1]"),
    ],
)
def test_a_body_that_does_not_fit_is_400_and_changes_nothing(sent: object, code: str, names: str) -> None:
    documents = OfferDocuments()
    etag = created(documents)
    before = everything(documents)
    with pytest.raises(DocumentError) as refused:
        documents.put(PUBLISHER, OFFER, sent, etag, NOW, never_published)
    assert (refused.value.status, refused.value.code) == (400, code)
    assert names in refused.value.message
    assert everything(documents) == before


def test_a_put_cannot_change_the_offer_type() -> None:
    documents = OfferDocuments()
    etag = created(documents)
    with pytest.raises(DocumentError) as refused:
        documents.put(
            PUBLISHER, OFFER, body() | {"offerTypeId": "microsoft-azure-applications"}, etag, NOW, never_published
        )
    assert (refused.value.status, refused.value.code) == (400, "OfferTypeMismatch")


def test_a_definition_nested_beyond_the_bound_is_400_and_one_at_the_bound_is_stored() -> None:
    documents = OfferDocuments()
    etag = created(documents)

    def nested(depth: int) -> Any:  # `depth` levels of containers, counting the definition itself
        value: Any = []
        for _ in range(depth - 2):
            value = [value]
        return value

    for depth in (MAX_DEFINITION_DEPTH + 1, MAX_DEFINITION_DEPTH * 20):
        with pytest.raises(DocumentError, match=f"more than {MAX_DEFINITION_DEPTH} deep"):
            documents.put(PUBLISHER, OFFER, body(extra=nested(depth)), etag, NOW, never_published)
    at_bound = documents.put(PUBLISHER, OFFER, body(extra=nested(MAX_DEFINITION_DEPTH)), etag, NOW, never_published)
    assert at_bound.status_code == 200


def test_a_missing_offer_type_versions_keeps_the_stored_ones_on_update() -> None:
    documents = OfferDocuments()
    etag = created(documents)
    sent = {k: v for k, v in body().items() if k != "offerTypeVersions"}
    document = documents.put(PUBLISHER, OFFER, sent, etag, NOW, never_published).document
    assert document["offerTypeVersions"] == {VM: 87, "microsoft-azure-marketplace": 39}


def test_logo_urls_come_back_in_marketplace_storage_and_stay_there_on_the_next_put() -> None:
    documents = OfferDocuments()
    logos = {
        f"microsoft-azure-marketplace.{size}Logo": f"https://www.contoso.com/{size}.png" for size in ("small", "hero")
    }
    created(documents, offer=logos | {"microsoft-azure-corevm.wideLogo": "https://www.contoso.com/wide.PNG"})
    stored = draft(documents)["definition"]["offer"]
    for key in [*logos, "microsoft-azure-corevm.wideLogo"]:
        assert stored[key].startswith(
            "https://publishingstoredm.blob.core.windows.net/prodcontent/D6191_publishers_contoso/contosovirtualmachine/"
        )
        assert "?sv=2014-02-14&sr=b&sig=" in stored[key]
        assert stored[key].endswith("&se=2020-03-28T22%3A27%3A13Z&sp=r")
    assert stored["microsoft-azure-corevm.wideLogo"].split("?")[0].endswith(".png")
    again = documents.put(PUBLISHER, OFFER, draft(documents), "*", NOW + timedelta(days=3), never_published)
    assert again.document["definition"]["offer"] == stored


def test_a_spreadsheet_uri_is_copied_into_storage_but_the_os_vhd_url_is_kept() -> None:
    documents = OfferDocuments()
    plan = {
        "planId": "p",
        "virtualMachinePricing": {
            "isByol": False,
            "spreadSheetPricing": {"uri": "https://www.contoso.com/prices.xlsx"},
        },
        f"{VM}.vmImages": {"1.0.1": {"osVhdUrl": VHD, "lunVhdDetails": []}},
    }
    created(documents, plans=[plan])
    stored = draft(documents)["definition"]["plans"][0]
    uri = stored["virtualMachinePricing"]["spreadSheetPricing"]["uri"]
    assert uri.startswith("https://publishingstoredm.blob.core.windows.net/prodcontent/")
    assert uri.split("?")[0].endswith(".xlsx")
    assert stored[f"{VM}.vmImages"]["1.0.1"]["osVhdUrl"] == VHD


def test_the_storage_url_depends_only_on_the_source_the_offer_and_the_time() -> None:
    url = stored_artifact_url(LOGO, "marketplace-test", "testaoffer", NOW)
    assert url == stored_artifact_url(LOGO, "marketplace-test", "testaoffer", NOW)
    assert "/D6191_publishers_marketplace:2Dtest/testaoffer/" in url
    assert url != stored_artifact_url(LOGO.replace("small", "large"), "marketplace-test", "testaoffer", NOW)
    assert url != stored_artifact_url(LOGO, "marketplace-test", "testaoffer", NOW + timedelta(days=1))
    leap = stored_artifact_url(LOGO, "contoso", "o", datetime(2020, 2, 29, tzinfo=UTC))
    assert "&se=2022-02-28T00%3A00%3A00Z&" in leap
    assert stored_artifact_url("https://x.example/\ud800.png?", "contoso", "o", NOW).count("?") == 1


@pytest.mark.parametrize(
    "kept",
    [
        "https://publishingstoredm.blob.core.windows.net/prodcontent/D6191_publishers_contoso/o/a.png?sv=2014-02-14",
        "https://publishingapistore.blob.core.windows.net/testcontent/D6191_publishers_contoso/o/a.png?sv=2014-02-14",
        "",
        "logo.png",
        "ftp://www.contoso.com/logo.png",
        "http://[::1/logo.png",
        42,
    ],
)
def test_a_logo_already_in_storage_or_not_a_web_url_is_kept(kept: object) -> None:
    documents = OfferDocuments()
    created(documents, offer={"microsoft-azure-marketplace.smallLogo": kept})
    assert draft(documents)["definition"]["offer"]["microsoft-azure-marketplace.smallLogo"] == kept


def test_reading_an_unknown_offer_is_404() -> None:
    with pytest.raises(DocumentError) as refused:
        OfferDocuments().read(PUBLISHER, OFFER, never_published)
    assert (refused.value.status, refused.value.code) == (404, "OfferNotFound")


@pytest.mark.parametrize(
    ("slot", "status", "code"),
    [
        ("Preview", 404, "OfferSlotEmpty"),
        ("Production", 404, "OfferSlotEmpty"),
        ("draft", 400, "InvalidSlot"),
        ("Staging", 400, "InvalidSlot"),
        ("", 400, "InvalidSlot"),
    ],
)
def test_a_slot_never_filled_is_404_and_one_the_pages_do_not_name_is_400(slot: str, status: int, code: str) -> None:
    documents = OfferDocuments()
    created(documents)
    with pytest.raises(DocumentError) as refused:
        documents.read(PUBLISHER, OFFER, never_published, slot=slot)
    assert (refused.value.status, refused.value.code) == (status, code)
    assert documents.read(PUBLISHER, OFFER, never_published, slot="Draft") == draft(documents)


def test_reading_with_both_a_slot_and_a_version_is_refused() -> None:
    documents = OfferDocuments()
    created(documents)
    with pytest.raises(ValueError, match="not both"):
        documents.read(PUBLISHER, OFFER, never_published, slot="Draft", version=1)


def test_publish_to_preview_copies_the_draft_and_later_puts_leave_the_preview_alone() -> None:
    documents = OfferDocuments()
    etag = created(documents)
    documents.publish_to_preview(PUBLISHER, OFFER)
    documents.put(PUBLISHER, OFFER, body(displayText="Next"), etag, NOW, never_published)
    preview = documents.read(PUBLISHER, OFFER, lambda _: "waitingForPublisherReview", slot="Preview")
    assert preview["definition"]["displayText"] == "Contoso Virtual Machine Offer"
    assert preview["eTag"] == etag
    assert preview["status"] == "waitingForPublisherReview"
    with pytest.raises(DocumentError, match="never published to production"):
        documents.read(PUBLISHER, OFFER, never_published, slot="Production")


def test_go_live_copies_the_preview_to_production_records_its_version_and_moves_the_draft_on() -> None:
    documents = OfferDocuments()
    created(documents)
    documents.publish_to_preview(PUBLISHER, OFFER)
    documents.put(PUBLISHER, OFFER, body(displayText="Draft of v2"), "*", NOW, never_published)
    assert documents.go_live(PUBLISHER, OFFER) == 2
    production = documents.read(PUBLISHER, OFFER, never_published, slot="Production")
    assert (production["version"], production["definition"]["displayText"]) == (1, "Contoso Virtual Machine Offer")
    assert documents.read(PUBLISHER, OFFER, never_published, version=1) == production
    assert (draft(documents)["version"], draft(documents)["definition"]["displayText"]) == (2, "Draft of v2")
    assert documents.version(PUBLISHER, OFFER) == 2
    with pytest.raises(DocumentError) as refused:
        documents.read(PUBLISHER, OFFER, never_published, version=2)
    assert (refused.value.status, refused.value.code) == (404, "OfferVersionNotFound")


def test_go_live_right_after_sign_off_moves_only_the_draft_to_the_next_version() -> None:
    """Preview and draft hold the same document until the next PUT; a go-live must not renumber the Preview."""
    documents = OfferDocuments()
    etag = created(documents)
    documents.publish_to_preview(PUBLISHER, OFFER)
    assert documents.go_live(PUBLISHER, OFFER) == 2
    for slot in ("Preview", "Production"):
        assert documents.read(PUBLISHER, OFFER, never_published, slot=slot)["version"] == 1
    assert documents.read(PUBLISHER, OFFER, never_published, version=1)["version"] == 1
    assert (draft(documents)["version"], draft(documents)["eTag"]) == (2, etag)
    assert json.loads(documents.read_text(PUBLISHER, OFFER, never_published).text)["version"] == 2


def test_go_live_without_a_preview_is_refused_and_changes_nothing() -> None:
    documents = OfferDocuments()
    created(documents)
    before = everything(documents)
    with pytest.raises(DocumentError) as refused:
        documents.go_live(PUBLISHER, OFFER)
    assert (refused.value.status, refused.value.code) == (409, "OfferNotInPreview")
    assert everything(documents) == before


def test_versions_beyond_the_cap_drop_the_oldest() -> None:
    documents = OfferDocuments(max_versions=3)
    created(documents)
    for _ in range(5):
        documents.publish_to_preview(PUBLISHER, OFFER)
        documents.go_live(PUBLISHER, OFFER)
    assert [documents.read(PUBLISHER, OFFER, never_published, version=n)["version"] for n in (3, 4, 5)] == [3, 4, 5]
    for dropped in (1, 2):
        with pytest.raises(DocumentError, match="kept: 3 to 5"):
            documents.read(PUBLISHER, OFFER, never_published, version=dropped)


def test_the_default_cap_keeps_64_versions() -> None:
    documents = OfferDocuments()
    assert documents.max_versions == MAX_KEPT_VERSIONS == 64
    created(documents)
    for _ in range(MAX_KEPT_VERSIONS + 1):
        documents.publish_to_preview(PUBLISHER, OFFER)
        documents.go_live(PUBLISHER, OFFER)
    assert documents.read(PUBLISHER, OFFER, never_published, version=2)["version"] == 2
    with pytest.raises(DocumentError, match="kept: 2 to 65"):
        documents.read(PUBLISHER, OFFER, never_published, version=1)


def test_a_cap_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="max_versions"):
        OfferDocuments(max_versions=0)


def test_the_summary_lists_the_retrieve_offers_shape_with_the_status_it_is_given() -> None:
    documents = OfferDocuments()
    created(documents)
    documents.put(PUBLISHER, "second", body() | {"id": "second"}, None, NOW + timedelta(seconds=1), never_published)
    documents.put(
        "fabrikam", "theirs", body() | {"publisherId": "fabrikam", "id": "theirs"}, None, NOW, never_published
    )
    statuses = {OFFER: "succeeded", "second": "running"}
    items = documents.summary(PUBLISHER, statuses.__getitem__)
    assert [[*item] for item in items] == [[k for k in E2_ORDER if k != "offerTypeVersions"]] * 2
    assert [(i["id"], i["status"], i["version"]) for i in items] == [(OFFER, "succeeded", 1), ("second", "running", 1)]
    assert items[0]["definition"] == {"displayText": "Contoso Virtual Machine Offer"}
    assert items[1]["changedTime"] == "2018-03-28T22:27:14.8363870Z"
    assert documents.read(PUBLISHER, OFFER, statuses.__getitem__)["status"] == "succeeded"
    assert documents.summary("nobody", statuses.__getitem__) == []
