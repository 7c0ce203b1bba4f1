"""The seeded offers' documents, to go with the publishing history `seed.py` replays.

Each document is built the way the mock builds any: by replaying PUTs (at times before `now`), publishes that
reach sign-off (`publish_to_preview`) and completed go-lives (`go_live`), so logos come back in Marketplace
storage and version numbers follow the module's rule. The slots agree with the seeded history, and each draft's
version is the offer's `version` in `seed.py`:

| offer | type | slots | draft version |
|---|---|---|---|
| contoso-virtualmachineoffer | VM, every §4.1 key, two plans: see below | Draft | 1 |
| contoso-draftoffer | VM | Draft (never published) | 1 |
| contoso-previewoffer | VM | Preview 2, Production 1 | 2 |
| contoso-goingliveoffer | application | Preview 4 (going live), Production 3 | 4 |
| contoso-liveoffer | VM, spreadsheet pricing; the draft adds a disk version | Preview 2, Production 2 | 3 |
| contoso-invalidoffer | VM; plan `contoso-basic` has no disk version (so publish fails validation) | Draft | 1 |
| fabrikam-vmoffer | VM | Draft | 1 |
| fabrikam-appoffer | application | Preview and Production 1 | 2 |
| fabrikam-rejectedoffer | VM with no privacy URL (so certification rejects it) | Draft | 1 |

contoso-virtualmachineoffer's plan `contoso-standard` has two disk versions and per-core pricing; plan `contoso`
has none (its seeded publish is blocked for that) and per-core-size pricing. contoso-liveoffer keeps versions 1
and 2; the other published offers keep each version they went live with.

The VM keys are those of the pages' examples (§4.1), the pricing those of the set-pricing page (§4.2). The
application offers' plan keys (`microsoft-azure-applications.*`) are [INFERRED]: no page shows that type's
definition. Two keys no page lists, `microsoft-azure-marketplace.futureKey` (offer) and
`microsoft-azure-virtualmachines.futurePlanKey` (plan), stand for keys a later schema version adds: they must
come back untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Literal

from .offer_documents import NEVER_PUBLISHED, JsonObject, OfferDocuments

VM = "microsoft-azure-virtualmachines"
APP = "microsoft-azure-applications"
MARKETPLACE = "microsoft-azure-marketplace"
# The create example's schema versions.
OFFER_TYPE_VERSIONS: Mapping[str, Mapping[str, int]] = MappingProxyType(
    {VM: MappingProxyType({VM: 87, MARKETPLACE: 39}), APP: MappingProxyType({APP: 12, MARKETPLACE: 39})}
)
"""The seeded offer types and the schema versions their offers use (the application type's are [INFERRED])."""
_LEAD_CONFIGURATIONS = ("table", "blob", "salesForce", "crm", "httpsEndpoint", "marketo")

Step = Literal["preview", "live"]


def _vhd(publisher_id: str, name: str) -> str:
    # A SAS-shaped URL with a placeholder signature: nothing here grants access to anything.
    return (
        f"https://{publisher_id}storage.blob.core.windows.net/vhds/{name}.vhd"
        "?sv=2014-02-14&sr=c&sig=placeholder&st=2018-01-01T00%3A00%3A00Z&se=2019-01-01T00%3A00%3A00Z&sp=rl"
    )


def _images(publisher_id: str, *versions: str) -> JsonObject:
    return {v: {"osVhdUrl": _vhd(publisher_id, f"{publisher_id}-{v}"), "lunVhdDetails": []} for v in versions}


def _listing(publisher_id: str, offer_id: str, title: str, *, privacy_url: str | None = None) -> JsonObject:
    """`definition.offer` with every §4.1 key: the listing texts, logos (at the publisher's own site, so the
    PUT copies them into Marketplace storage), lead configurations and contacts."""
    site = f"https://www.{publisher_id}.com"
    m = f"{MARKETPLACE}."
    listing: JsonObject = {
        f"{MARKETPLACE}-testdrive.enabled": False,
        f"{MARKETPLACE}-testdrive.videos": [],
        m + "title": title,
        m + "summary": f"{title} makes dev ops a breeze",
        m + "longSummary": f"{title} makes dev ops a breeze, on every Azure region.",
        m + "description": f"{title}: a preconfigured image with monitoring built in.",
        m + "offerMarketingUrlIdentifier": offer_id,
        m + "allowedSubscriptions": ["59160c40-2e25-4dcf-a2fd-6514cb08bf08"],
        m + "usefulLinks": [{"linkTitle": f"{title} for Azure", "linkUrl": f"{site}/azure"}],
        m + "categories": ["devService", "networking"],
    }
    for size in ("small", "medium", "large", "wide", "hero"):
        listing[f"{m}{size}Logo"] = f"{site}/logos/{offer_id}-{size}.png"
    listing |= {m + "screenshots": [], m + "videos": [], m + "leadDestination": "None"}
    listing |= {f"{m}{kind}LeadConfiguration": {} for kind in _LEAD_CONFIGURATIONS}
    listing |= {
        m + "privacyURL": f"{site}/privacy" if privacy_url is None else privacy_url,
        m + "termsOfUse": "Terms of use",
        m + "engineeringContactName": "Jon Doe",
        m + "engineeringContactEmail": f"jondoe@{publisher_id}.com",
        m + "engineeringContactPhone": "555-555-5555",
        m + "supportContactName": "Jane Doe",
        m + "supportContactEmail": f"support@{publisher_id}.com",
        m + "supportContactPhone": "555-555-5556",
        m + "publicAzureSupportUrl": f"{site}/support",
        m + "fairfaxSupportUrl": "",
    }
    return listing


def _vm_plan(plan_id: str, title: str, images: JsonObject, pricing: JsonObject, regions: list[str]) -> JsonObject:
    """A plan with every §4.1 plan key."""
    v = f"{VM}."
    return {
        "planId": plan_id,
        v + "skuTitle": title,
        v + "skuSummary": f"{title}, ready to run.",
        v + "skuDescription": f"{title} on Windows Server, with the agent preinstalled.",
        v + "hideSKUForSolutionTemplate": False,
        v + "cloudAvailability": ["PublicAzure"],
        v + "certificationsFairfax": [],
        "virtualMachinePricing": pricing,
        v + "operatingSystemFamily": "Windows",
        v + "windowsOSType": "Other",
        v + "operationSystem": title,
        v + "recommendedVMSizes": ["a1-standard", "a2-standard"],
        v + "openPorts": [],
        v + "vmImages": images,
        "regions": regions,
    }


# The set-pricing page's three shapes (§4.2).
def _per_core(price: float) -> JsonObject:
    return {"isByol": False, "freeTrialDurationInMonths": 0, "coreMultiplier": {"currency": "USD", "single": price}}


def _per_core_size() -> JsonObject:
    sizes = {"sharedcore": 0.02, "1core": 0.05, "2core": 0.1, "4core": 0.2, "8core": 0.4, "16core": 0.8}
    return {
        "isByol": False,
        "freeTrialDurationInMonths": 1,
        "coreMultiplier": {"currency": "USD", "individually": sizes},
    }


def _spreadsheet(publisher_id: str, name: str) -> JsonObject:
    uri = f"https://www.{publisher_id}.com/pricing/{name}.xlsx"
    return {"isByol": False, "freeTrialDurationInMonths": 0, "spreadSheetPricing": {"uri": uri}}


def _byol() -> JsonObject:
    return {"isByol": True, "freeTrialDurationInMonths": 0}


def _vm_offer(
    publisher_id: str, offer_id: str, title: str, plans: list[JsonObject], *, privacy_url: str | None = None
) -> JsonObject:
    return {
        "displayText": title,
        "offer": _listing(publisher_id, offer_id, title, privacy_url=privacy_url),
        "plans": plans,
    }


def _app_offer(publisher_id: str, offer_id: str, title: str, plan_title: str) -> JsonObject:
    a = f"{APP}."
    plan = {
        "planId": f"{offer_id}-standard",
        a + "skuTitle": plan_title,
        a + "skuSummary": plan_title,
        "regions": ["US"],
    }
    return {"displayText": title, "offer": _listing(publisher_id, offer_id, title), "plans": [plan]}


def _contoso_vm() -> JsonObject:
    plans = [
        _vm_plan(
            "contoso-standard",
            "Contoso App Standard",
            _images("contoso", "1.0.0", "1.0.1"),
            _per_core(0.05),
            ["US", "GB", "DE"],
        ),
        _vm_plan("contoso", "Contoso App Basic", {}, _per_core_size(), ["US", "DZ", "AR"]),
    ]
    plans[0][f"{VM}.futurePlanKey"] = {"enabled": True, "tiers": [1, 2]}
    definition = _vm_offer("contoso", "contoso-virtualmachineoffer", "Contoso Virtual Machine Offer", plans)
    definition["offer"][f"{MARKETPLACE}.futureKey"] = {"note": "a key a later schema adds", "values": [1.5, None]}
    return definition


def _contoso_live(*images: str) -> JsonObject:
    plans = [
        _vm_plan("contoso-live", "Contoso Live", _images("contoso", *images), _spreadsheet("contoso", "live"), ["US"])
    ]
    definition = _vm_offer("contoso", "contoso-liveoffer", "Contoso Live Offer", plans)
    definition["offer"][f"{MARKETPLACE}.futureKey"] = "kept as sent"
    return definition


def _simple_vm(
    publisher_id: str, offer_id: str, title: str, plan_id: str, images: JsonObject, *, privacy_url: str | None = None
) -> JsonObject:
    """A VM offer with one bring-your-own-licence plan."""
    plan = _vm_plan(plan_id, title, images, _byol(), ["US"])
    return _vm_offer(publisher_id, offer_id, title, [plan], privacy_url=privacy_url)


@dataclass(frozen=True)
class _Revision:
    """A PUT of the offer `days_ago`, then publishes and go-lives of what it wrote."""

    days_ago: float
    definition: JsonObject
    then: tuple[Step, ...] = ()


@dataclass(frozen=True)
class _SeededOffer:
    publisher_id: str
    offer_id: str
    offer_type_id: str
    revisions: tuple[_Revision, ...]


_PUBLISHED: tuple[Step, ...] = ("preview", "live")


def _seeded_offers() -> tuple[_SeededOffer, ...]:
    c, f = "contoso", "fabrikam"
    return (
        _SeededOffer(c, "contoso-virtualmachineoffer", VM, (_Revision(2, _contoso_vm()),)),
        _SeededOffer(
            c,
            "contoso-draftoffer",
            VM,
            (
                _Revision(
                    3,
                    _simple_vm(c, "contoso-draftoffer", "Contoso Draft", "contoso-draft", _images(c, "0.1.0")),
                ),
            ),
        ),
        _SeededOffer(
            c,
            "contoso-previewoffer",
            VM,
            (
                _Revision(
                    90,
                    _simple_vm(c, "contoso-previewoffer", "Contoso Preview", "contoso-preview", _images(c, "1.0.0")),
                    _PUBLISHED,
                ),
                _Revision(
                    6,
                    _simple_vm(
                        c, "contoso-previewoffer", "Contoso Preview", "contoso-preview", _images(c, "1.0.0", "1.1.0")
                    ),
                    ("preview",),
                ),
            ),
        ),
        _SeededOffer(
            c,
            "contoso-goingliveoffer",
            APP,
            tuple(
                _Revision(
                    days,
                    _app_offer(c, "contoso-goingliveoffer", "Contoso Going Live", f"Standard {n}"),
                    then,
                )
                for n, (days, then) in enumerate(
                    ((200, _PUBLISHED), (150, _PUBLISHED), (100, _PUBLISHED), (11, ("preview",))), 1
                )
            ),
        ),
        _SeededOffer(
            c,
            "contoso-liveoffer",
            VM,
            (
                _Revision(120, _contoso_live("1.0.0"), _PUBLISHED),
                _Revision(41, _contoso_live("1.0.0", "1.1.0"), _PUBLISHED),
                _Revision(20, _contoso_live("1.0.0", "1.1.0", "1.2.0")),
            ),
        ),
        _SeededOffer(
            c,
            "contoso-invalidoffer",
            VM,
            (_Revision(4, _simple_vm(c, "contoso-invalidoffer", "Contoso Invalid", "contoso-basic", {})),),
        ),
        _SeededOffer(
            f,
            "fabrikam-vmoffer",
            VM,
            (_Revision(1, _simple_vm(f, "fabrikam-vmoffer", "Fabrikam VM", "fabrikam-vm", _images(f, "2.0.0"))),),
        ),
        _SeededOffer(
            f,
            "fabrikam-appoffer",
            APP,
            (_Revision(61, _app_offer(f, "fabrikam-appoffer", "Fabrikam App", "Standard"), _PUBLISHED),),
        ),
        _SeededOffer(
            f,
            "fabrikam-rejectedoffer",
            VM,
            (
                _Revision(
                    4,
                    _simple_vm(
                        f,
                        "fabrikam-rejectedoffer",
                        "Fabrikam Rejected",
                        "fabrikam-rejected",
                        _images(f, "1.0.0"),
                        privacy_url="",
                    ),
                ),
            ),
        ),
    )


def seed_documents(documents: OfferDocuments, now: datetime) -> None:
    """Add the seeded offers' documents to an `OfferDocuments` that holds none of them, as they stand at `now`."""
    for seeded in _seeded_offers():
        for revision in seeded.revisions:
            body = {
                "publisherId": seeded.publisher_id,
                "offerTypeId": seeded.offer_type_id,
                "id": seeded.offer_id,
                "offerTypeVersions": dict(OFFER_TYPE_VERSIONS[seeded.offer_type_id]),
                "definition": revision.definition,
            }
            at = now - timedelta(days=revision.days_ago)
            documents.put(seeded.publisher_id, seeded.offer_id, body, "*", at, lambda _offer_id: NEVER_PUBLISHED)
            for step in revision.then:
                if step == "preview":
                    documents.publish_to_preview(seeded.publisher_id, seeded.offer_id)
                else:
                    documents.go_live(seeded.publisher_id, seeded.offer_id)
