"""Offers as the pages show them, and a fake of the offer calls that keeps them under ETags.

`vm_offer()` is the retrieve-specific-offer page's virtual-machine offer with keys no page names added at every
level (they must survive a read and a write back). `OfferService` serves `listOffers`, `getOffer`,
`getOfferSlot`, `getOfferVersion` and `putOffer` behind `httpx.MockTransport` as the concurrency page describes:
a read carries the stored version's ETag, a write with a stale `If-Match` answers 412 and changes nothing, `*`
writes whatever is stored, and a write without `If-Match` on an offer that exists answers 400.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import unquote

import httpx
from cloud_partner_portal_client import AuthenticatedClient

from support.documented import BASE_URL, OFFER, PUBLISHER, TOKEN

PLAN = "contososkuidentifier"
OTHER_PLAN = "contosoplan2"
VM_IMAGES = "microsoft-azure-virtualmachines.vmImages"
#: The pages' one ETag: weak, encoding the change time.
PAGE_ETAG = "W/\"datetime'2017-06-07T06%3A15%3A40.4771399Z'\""
VHD = "https://contoso.blob.core.windows.net/vhds/os-{version}.vhd?sv=2017-04-17&sr=b&sp=r&sig=c2lnbmF0dXJl"
OFFER_PREFIX = f"/api/publishers/{PUBLISHER}/offers"


def image(version: str) -> dict[str, Any]:
    return {"osVhdUrl": VHD.format(version=version), "lunVhdDetails": []}


def vm_offer(*versions: str, offer_id: str = OFFER) -> dict[str, Any]:
    """A virtual-machine offer whose plan `PLAN` holds `versions` (in that order), with keys no page names."""
    return {
        "offerTypeId": "microsoft-azure-virtualmachines",
        "publisherId": PUBLISHER,
        "status": "succeeded",
        "id": offer_id,
        "version": 5,
        "offerTypeVersions": {"microsoft-azure-virtualmachines": 87, "microsoft-azure-marketplace": 39},
        "definition": {
            "displayText": "Contoso Virtual Machine Offer",
            "offer": {
                "microsoft-azure-marketplace.title": "Contoso App",
                "microsoft-azure-marketplace.tableLeadConfiguration": {},
                "microsoft-azure-marketplace-testdrive.enabled": False,
                "microsoft-azure-marketplace.somethingNew": {"nested": [1, 2.5, None, "é"], "flag": True},
            },
            "plans": [
                {
                    "planId": PLAN,
                    "microsoft-azure-virtualmachines.skuTitle": "Contoso App",
                    "virtualMachinePricing": {"isByol": False, "coreMultiplier": {"currency": "USD", "single": 1.0}},
                    VM_IMAGES: {version: image(version) for version in versions},
                    "microsoft-azure-corevm.vmImagesPublicAzure": {"1.0.0": {"osVhdUrl": "u", "label": "kept"}},
                    "regions": ["DZ", "AR"],
                    "x-unknown-plan-key": 1e-7,
                },
                {"planId": OTHER_PLAN, VM_IMAGES: {"2.0.0": image("2.0.0")}, "regions": ["US"]},
            ],
            "x-unknown-definition-key": {"a": []},
        },
        "changedTime": "2017-06-07T06:15:39.7349221Z",
        "pcMigrationStatus": "notMigrated",
    }


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@dataclass
class StoredOffer:
    data: dict[str, Any]
    etag: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class OfferService:
    """The offer calls on `BASE_URL`, keeping each offer's JSON and ETag.

    `etag_in` says where reads and writes carry the ETag: the `ETag` header (the concurrency page), the body's
    `eTag` only, or nowhere. `interfere` is how many of the next writes that carry an ETag find the offer changed
    by someone else just before (`interference` is that change): the service applies the other change, answers
    412, and writes nothing of the request. Every request is recorded.
    """

    offers: dict[str, StoredOffer] = field(default_factory=dict)
    etag_in: Literal["header", "body", "nowhere"] = "header"
    interfere: int = 0
    interference: Callable[[dict[str, Any]], None] = lambda offer: offer["definition"]["offer"].update(
        {"microsoft-azure-marketplace.summary": "changed by someone else"}
    )
    requests: list[httpx.Request] = field(default_factory=list)
    _writes: int = 0

    def add(self, data: dict[str, Any], *, etag: str = PAGE_ETAG, **slots: dict[str, Any]) -> OfferService:
        self.offers[data["id"]] = StoredOffer(copy.deepcopy(data), etag, dict(slots))
        return self

    def _next_etag(self) -> str:
        self._writes += 1
        return f"W/\"datetime'2017-06-07T06%3A15%3A{40 + self._writes:02d}.0000000Z'\""

    def _offer_answer(self, status: int, stored: StoredOffer, data: dict[str, Any] | None = None) -> httpx.Response:
        body = copy.deepcopy(stored.data if data is None else data)
        headers = {"ETag": stored.etag} if self.etag_in == "header" else {}
        if self.etag_in == "body":
            body["eTag"] = stored.etag
        return httpx.Response(status, json=body, headers=headers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = unquote(request.url.path)
        if request.method == "GET" and path == OFFER_PREFIX:
            summaries = [
                {key: o.data.get(key) for key in ("id", "offerTypeId", "status")} for o in self.offers.values()
            ]
            return httpx.Response(200, json=summaries)
        parts = path.removeprefix(OFFER_PREFIX + "/").split("/")
        stored = self.offers.get(parts[0])
        if request.method == "PUT" and len(parts) == 1:
            return self._put(request, parts[0], stored)
        if stored is None or request.method != "GET":
            return httpx.Response(404, json=error_body("NotFound", f"no offer {parts[0]!r}"))
        if len(parts) == 1:
            return self._offer_answer(200, stored)
        if len(parts) == 3 and parts[1] == "slot" and parts[2] in stored.slots:
            return httpx.Response(200, json=stored.slots[parts[2]])
        if len(parts) == 3 and parts[1] == "versions" and parts[2] == str(stored.data.get("version")):
            return httpx.Response(200, json=stored.data)
        return httpx.Response(404, json=error_body("NotFound", f"nothing at {path}"))

    def _put(self, request: httpx.Request, offer_id: str, stored: StoredOffer | None) -> httpx.Response:
        if_match = request.headers.get("If-Match")
        data = json.loads(request.content)
        if stored is None:
            self.offers[offer_id] = created = StoredOffer(data, self._next_etag())
            return self._offer_answer(201, created)
        if if_match is None:
            return httpx.Response(400, json=error_body("IfMatchRequired", "send If-Match to modify an offer"))
        if if_match != "*" and self.interfere > 0:
            self.interfere -= 1
            self.interference(stored.data)
            stored.etag = self._next_etag()
        if if_match not in ("*", stored.etag):
            return httpx.Response(412, json=error_body("PreconditionFailed", f"If-Match {if_match} is stale"))
        stored.data = data
        stored.etag = self._next_etag()
        return self._offer_answer(200, stored)

    @property
    def puts(self) -> list[httpx.Request]:
        return [request for request in self.requests if request.method == "PUT"]

    @property
    def gets(self) -> list[httpx.Request]:
        return [request for request in self.requests if request.method == "GET"]

    def client(self) -> AuthenticatedClient:
        return AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": httpx.MockTransport(self)})
