"""The seeded offers' documents: one per offer `seed.py` seeds, agreeing with its history, and each round-trips."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from cloud_partner_portal_mock.state.clock import DEFAULT_FROZEN_START
from cloud_partner_portal_mock.state.lifecycle import offer_status
from cloud_partner_portal_mock.state.offer_documents import DocumentError, OfferDocuments
from cloud_partner_portal_mock.state.offer_seed import seed_documents
from cloud_partner_portal_mock.state.seed import seed
from cloud_partner_portal_mock.state.store import Store
from support.documented import VM_PLAN_KEYS

NOW = DEFAULT_FROZEN_START
M = "microsoft-azure-marketplace."
V = "microsoft-azure-virtualmachines."
# §4.1, as the pages' VM examples show the keys.
OFFER_KEYS = {
    *(
        M + k
        for k in [
            "title",
            "summary",
            "longSummary",
            "description",
            "offerMarketingUrlIdentifier",
            "allowedSubscriptions",
            "usefulLinks",
            "categories",
            "smallLogo",
            "mediumLogo",
            "largeLogo",
            "wideLogo",
            "heroLogo",
            "screenshots",
            "videos",
            "leadDestination",
            "tableLeadConfiguration",
            "blobLeadConfiguration",
            "salesForceLeadConfiguration",
            "crmLeadConfiguration",
            "httpsEndpointLeadConfiguration",
            "marketoLeadConfiguration",
            "privacyURL",
            "termsOfUse",
            "engineeringContactName",
            "engineeringContactEmail",
            "engineeringContactPhone",
            "supportContactName",
            "supportContactEmail",
            "supportContactPhone",
            "publicAzureSupportUrl",
            "fairfaxSupportUrl",
        ]
    ),
    "microsoft-azure-marketplace-testdrive.enabled",
    "microsoft-azure-marketplace-testdrive.videos",
}
PLAN_KEYS = {
    "planId",
    "virtualMachinePricing",
    "regions",
    *(V + k for k in VM_PLAN_KEYS),
}
# What each seeded offer's history leaves in its slots (see `seed.py` and `offer_seed.py`).
SLOTS = {
    ("contoso", "contoso-virtualmachineoffer"): (False, False),
    ("contoso", "contoso-draftoffer"): (False, False),
    ("contoso", "contoso-previewoffer"): (True, True),
    ("contoso", "contoso-goingliveoffer"): (True, True),
    ("contoso", "contoso-liveoffer"): (True, True),
    ("contoso", "contoso-invalidoffer"): (False, False),
    ("fabrikam", "fabrikam-vmoffer"): (False, False),
    ("fabrikam", "fabrikam-appoffer"): (True, True),
    ("fabrikam", "fabrikam-rejectedoffer"): (False, False),
}


@pytest.fixture(scope="module")
def store() -> Store:
    seeded = Store(seed=0, retain_finished=8)
    seed(seeded, NOW)
    return seeded


def seeded_documents() -> OfferDocuments:
    documents = OfferDocuments()
    seed_documents(documents, NOW)
    return documents


def status_in(store: Store, publisher_id: str) -> Any:
    def status_of(offer_id: str) -> str:
        offer = store.offer(publisher_id, offer_id)
        assert offer is not None
        return offer_status(store, offer)

    return status_of


def test_every_offer_the_lifecycle_seeds_has_a_document_and_no_other(store: Store) -> None:
    documents = seeded_documents()
    with_documents = {(p, item["id"]) for p in store.publishers for item in documents.summary(p, lambda _: "")}
    assert with_documents == {(p, o) for p, publisher in store.publishers.items() for o in publisher.offers}
    assert with_documents == set(SLOTS)


def test_the_summary_status_is_the_lifecycles_and_each_draft_version_the_seeded_offers(store: Store) -> None:
    documents = seeded_documents()
    for publisher_id, publisher in store.publishers.items():
        for item in documents.summary(publisher_id, status_in(store, publisher_id)):
            offer = publisher.offers[item["id"]]
            assert item["status"] == offer_status(store, offer)
            assert item["version"] == offer.version
            assert item["offerTypeId"] == offer.offer_type_id


def occupied(documents: OfferDocuments, key: tuple[str, str], slot: str) -> bool:
    try:
        documents.read(*key, lambda _: "", slot=slot)
    except DocumentError as error:
        if error.status == 404:
            return False
        raise
    return True


@pytest.mark.parametrize(("key", "slots"), SLOTS.items(), ids=[offer for _, offer in SLOTS])
def test_the_seeded_slots_agree_with_the_seeded_history(key: tuple[str, str], slots: tuple[bool, bool]) -> None:
    documents = seeded_documents()
    assert (occupied(documents, key, "Preview"), occupied(documents, key, "Production")) == slots


def test_the_vm_offer_has_two_plans_with_every_listed_key_and_one_with_disk_versions() -> None:
    definition = seeded_documents().read("contoso", "contoso-virtualmachineoffer", lambda _: "")["definition"]
    assert set(definition["offer"]) >= OFFER_KEYS
    assert len(definition["plans"]) == 2
    assert all(set(plan) >= PLAN_KEYS for plan in definition["plans"])
    assert [len(plan[V + "vmImages"]) for plan in definition["plans"]] == [2, 0]


def test_the_seeded_pricing_shows_the_set_pricing_pages_three_shapes() -> None:
    documents = seeded_documents()
    vm_plans = documents.read("contoso", "contoso-virtualmachineoffer", lambda _: "")["definition"]["plans"]
    assert vm_plans[0]["virtualMachinePricing"]["coreMultiplier"] == {"currency": "USD", "single": 0.05}
    assert {"sharedcore", "1core", "16core"} <= set(
        vm_plans[1]["virtualMachinePricing"]["coreMultiplier"]["individually"]
    )
    live_plan = documents.read("contoso", "contoso-liveoffer", lambda _: "")["definition"]["plans"][0]
    uri = live_plan["virtualMachinePricing"]["spreadSheetPricing"]["uri"]
    assert uri.startswith("https://publishingstoredm.blob.core.windows.net/prodcontent/D6191_publishers_contoso/")


def test_the_draft_offer_was_never_published() -> None:
    documents = seeded_documents()
    assert documents.read("contoso", "contoso-draftoffer", lambda _: "")["version"] == 1
    with pytest.raises(DocumentError, match="never previewed"):
        documents.read("contoso", "contoso-draftoffer", lambda _: "", slot="Preview")


def test_the_live_offer_has_two_versions_live_and_a_draft_with_a_new_disk_version() -> None:
    documents = seeded_documents()
    read = documents.read
    production = read("contoso", "contoso-liveoffer", lambda _: "", slot="Production")
    preview = read("contoso", "contoso-liveoffer", lambda _: "", slot="Preview")
    draft = read("contoso", "contoso-liveoffer", lambda _: "")
    assert production == preview == read("contoso", "contoso-liveoffer", lambda _: "", version=2)
    assert read("contoso", "contoso-liveoffer", lambda _: "", version=1)["version"] == 1
    assert (production["version"], draft["version"]) == (2, 3)
    assert sorted(draft["definition"]["plans"][0][V + "vmImages"]) == ["1.0.0", "1.1.0", "1.2.0"]
    assert sorted(production["definition"]["plans"][0][V + "vmImages"]) == ["1.0.0", "1.1.0"]


def test_the_unknown_namespaced_keys_are_seeded() -> None:
    definition = seeded_documents().read("contoso", "contoso-virtualmachineoffer", lambda _: "")["definition"]
    assert M + "futureKey" in definition["offer"]
    assert V + "futurePlanKey" in definition["plans"][0]


@pytest.mark.parametrize(("publisher_id", "offer_id"), SLOTS, ids=[offer for _, offer in SLOTS])
def test_every_seeded_offer_round_trips_get_put_get_byte_for_byte(publisher_id: str, offer_id: str) -> None:
    documents = seeded_documents()
    first = documents.read(publisher_id, offer_id, lambda _: "")
    sent = json.loads(json.dumps(first))
    written = documents.put(publisher_id, offer_id, sent, first["eTag"], NOW + timedelta(days=1), lambda _: "")
    second = documents.read(publisher_id, offer_id, lambda _: "")
    assert written.status_code == 200
    assert json.dumps(second["definition"], sort_keys=False) == json.dumps(first["definition"], sort_keys=False)


def test_seeding_is_the_same_at_the_same_time_and_moves_with_the_clock() -> None:
    def everything(documents: OfferDocuments) -> str:
        return json.dumps(
            [documents.read(p, o, lambda _: "") for p, o in SLOTS] + [documents.summary(p, str) for p in ("contoso",)]
        )

    later = OfferDocuments()
    seed_documents(later, NOW + timedelta(days=1))
    assert everything(seeded_documents()) == everything(seeded_documents())
    assert everything(later) != everything(seeded_documents())
    assert seeded_documents().read("contoso", "contoso-liveoffer", lambda _: "")["changedTime"] == (
        f"{NOW - timedelta(days=20):%Y-%m-%dT%H:%M:%S}.0000000Z"
    )


def test_seeding_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        seed_documents(OfferDocuments(), datetime(2018, 3, 26))
