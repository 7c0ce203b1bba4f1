"""The generated offer functions against the answers the pages document: the page examples parse into the typed
models with unknown keys kept, a body that does not fit or an error form never raises, If-Match goes out only when
given, and the offer types' undocumented answer is left to the caller."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import (
    get_offer,
    get_offer_slot,
    get_offer_version,
    list_offer_types,
    list_offers,
    put_offer,
)
from cloud_partner_portal_client.models import ErrorResponse, Offer, OfferStatusKind, OfferSummary, SlotId
from cloud_partner_portal_client.types import Response

from support.documented import DOCUMENTED_JSON_ERROR, ERROR_CASES, OFFER, PUBLISHER, ErrorCase
from support.fake_api import ScriptedServer, make_client
from support.offers import PAGE_ETAG, vm_offer

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
EXAMPLES = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["components"]["examples"]
Call = Callable[[AuthenticatedClient], Response[Any]]
CALLS: dict[str, Call] = {
    "listOffers": lambda client: list_offers.sync_detailed(PUBLISHER, client=client),
    "getOffer": lambda client: get_offer.sync_detailed(PUBLISHER, OFFER, client=client),
    "getOfferVersion": lambda client: get_offer_version.sync_detailed(PUBLISHER, OFFER, 5, client=client),
    "getOfferSlot": lambda client: get_offer_slot.sync_detailed(PUBLISHER, OFFER, SlotId.PREVIEW, client=client),
    "putOffer": lambda client: put_offer.sync_detailed(PUBLISHER, OFFER, client=client, body=Offer(), if_match="*"),
    "listOfferTypes": lambda client: list_offer_types.sync_detailed(client=client),
}


def _answering(status: int, body: object = None, content: bytes | None = None, **headers: str) -> ScriptedServer:
    raw = content if content is not None else json.dumps(body).encode()
    return ScriptedServer(httpx.Response(status, content=raw, headers={"Content-Type": "application/json", **headers}))


def test_the_retrieve_offers_example_parses_into_summaries() -> None:
    response = CALLS["listOffers"](make_client(_answering(200, EXAMPLES["ListOffersPage"]["value"])))
    assert isinstance(response.parsed, list)
    [summary] = response.parsed
    assert isinstance(summary, OfferSummary)
    assert (summary.id, summary.version, summary.status) == ("059afc24-07de-4126-b004-4e42a51816fe", 1, "published")
    assert summary.status == OfferStatusKind.PUBLISHED


@pytest.mark.parametrize("call", ["getOffer", "getOfferVersion", "getOfferSlot"])
def test_the_offer_example_parses_with_its_keys_typed_and_the_etag_header_as_sent(call: str) -> None:
    server = _answering(200, EXAMPLES["GetOfferVirtualMachine"]["value"], ETag=PAGE_ETAG)
    response = CALLS[call](make_client(server))
    offer = response.parsed
    assert isinstance(offer, Offer)
    assert response.headers["ETag"] == PAGE_ETAG
    plan = offer.definition.plans[0]  # type: ignore[union-attr,index]
    assert plan.plan_id == "contososkuidentifier"
    assert plan.microsoft_azure_virtualmachines_vm_images["1.0.1"].os_vhd_url.startswith("https://")  # type: ignore[index,union-attr]
    assert plan.virtual_machine_pricing.core_multiplier.single == 1.0  # type: ignore[union-attr]


def test_keys_no_page_names_are_kept_at_every_level_of_the_typed_offer() -> None:
    offer = CALLS["getOffer"](make_client(_answering(200, vm_offer("1.0.0")))).parsed
    assert isinstance(offer, Offer)
    assert offer.additional_properties == {"pcMigrationStatus": "notMigrated"}
    assert offer.definition.additional_properties == {"x-unknown-definition-key": {"a": []}}  # type: ignore[union-attr]
    plan = offer.definition.plans[0]  # type: ignore[union-attr,index]
    assert plan.additional_properties["x-unknown-plan-key"] == 1e-7
    assert "microsoft-azure-corevm.vmImagesPublicAzure" in plan.additional_properties
    assert offer.to_dict()["definition"]["offer"]["microsoft-azure-marketplace.somethingNew"] == {
        "nested": [1, 2.5, None, "é"],
        "flag": True,
    }


@pytest.mark.parametrize(
    "content", [b"", b"<html>ok</html>", b'{"definition": {"plans": "not a list"}}', b"[" * 100_000 + b"]" * 100_000]
)
@pytest.mark.parametrize("call", ["getOffer", "putOffer", "listOffers"])
def test_a_200_that_does_not_fit_parses_to_none_and_never_raises(call: str, content: bytes) -> None:
    response = CALLS[call](make_client(_answering(200, content=content)))
    assert response.status_code == 200
    assert response.parsed is None
    assert response.content == content


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_error_form_of_the_offer_calls_is_returned_never_raised(case: ErrorCase, call: str) -> None:
    response = CALLS[call](make_client(ScriptedServer(case.answer.response())))
    assert response.status_code == case.status
    if case is DOCUMENTED_JSON_ERROR:
        assert isinstance(response.parsed, ErrorResponse)
    else:
        assert response.parsed is None


def test_a_412_of_put_offer_is_its_documented_error() -> None:
    response = CALLS["putOffer"](
        make_client(_answering(412, {"error": {"code": "PreconditionFailed", "message": "m"}}))
    )
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.code == "PreconditionFailed"  # type: ignore[union-attr]


def test_put_offer_sends_if_match_only_when_given_and_answers_201_as_created() -> None:
    server = ScriptedServer(
        httpx.Response(201, json=EXAMPLES["PutOfferCreated"]["value"]), httpx.Response(200, json=vm_offer())
    )
    client = make_client(server)
    created = put_offer.sync_detailed(PUBLISHER, "contosovirtualmachine", client=client, body=Offer())
    updated = put_offer.sync_detailed(PUBLISHER, OFFER, client=client, body=Offer(), if_match=PAGE_ETAG)
    assert "If-Match" not in server.requests[0].headers
    assert server.requests[1].headers["If-Match"] == PAGE_ETAG
    assert server.requests[1].method == "PUT"
    assert isinstance(created.parsed, Offer)
    assert created.parsed.status == OfferStatusKind.NEVER_PUBLISHED
    assert isinstance(updated.parsed, Offer)


@pytest.mark.parametrize("answer", [[{"id": "microsoft-azure-virtualmachines"}], {"offerTypes": []}, "text", 3, None])
def test_the_offer_types_answer_is_any_json_returned_as_parsed(answer: object) -> None:
    server = _answering(200, answer)
    response = list_offer_types.sync_detailed(client=make_client(server))
    assert response.parsed == answer
    assert server.urls == ["https://cloudpartner.azure.com/api/offerTypes?api-version=2017-10-31"]


def test_the_slot_is_sent_as_the_page_writes_it_and_the_async_functions_do_the_same() -> None:
    server = _answering(200, vm_offer())

    async def read() -> Response[Any]:
        return await get_offer_slot.asyncio_detailed(PUBLISHER, OFFER, SlotId.PRODUCTION, client=make_client(server))

    response = asyncio.run(read())
    assert isinstance(response.parsed, Offer)
    assert server.requests[0].url.path == f"/api/publishers/{PUBLISHER}/offers/{OFFER}/slot/Production"
