"""The offer calls carry the facts of their pages: retrieve offers, retrieve a specific offer, create or modify an
offer, concurrency control, set VM pricing, and the automate-publishing page's flow through the links."""

from __future__ import annotations

from collections import deque
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from support.description import find_operation, load_spec, operations, parameters_of, resolve
from support.documented import VM_PLAN_KEYS

SPEC = load_spec()
OFFER = {"$ref": "#/components/schemas/Offer"}


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": SPEC["components"]})


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = SPEC["components"]["schemas"][name]
    return schema


@pytest.mark.parametrize(
    ("operation_id", "method", "path"),
    [
        ("listOffers", "get", "/api/publishers/{publisherId}/offers"),
        ("getOffer", "get", "/api/publishers/{publisherId}/offers/{offerId}"),
        ("putOffer", "put", "/api/publishers/{publisherId}/offers/{offerId}"),
        ("getOfferVersion", "get", "/api/publishers/{publisherId}/offers/{offerId}/versions/{version}"),
        ("getOfferSlot", "get", "/api/publishers/{publisherId}/offers/{offerId}/slot/{slotId}"),
        ("listOfferTypes", "get", "/api/offerTypes"),
    ],
)
def test_each_offer_call_is_at_its_documented_url(operation_id: str, method: str, path: str) -> None:
    assert find_operation(SPEC, operation_id)[:2] == (path, method)


def test_the_version_is_an_integer_and_the_slot_one_of_the_three_the_page_names() -> None:
    version = parameters_of(SPEC, "/api/publishers/{publisherId}/offers/{offerId}/versions/{version}", "get")
    assert version[("path", "version")]["schema"] == {"type": "integer"}
    slot = parameters_of(SPEC, "/api/publishers/{publisherId}/offers/{offerId}/slot/{slotId}", "get")
    assert resolve(SPEC, slot[("path", "slotId")]["schema"])["enum"] == ["Draft", "Preview", "Production"]


def test_only_put_offer_takes_if_match_and_it_is_optional_because_a_create_needs_none() -> None:
    takers = {
        op["operationId"]: param
        for path, method, op in operations(SPEC)
        for (location, name), param in parameters_of(SPEC, path, method).items()
        if (location, name) == ("header", "If-Match")
    }
    assert list(takers) == ["putOffer"]
    assert takers["putOffer"]["required"] is False
    values = {example["value"] for example in takers["putOffer"]["examples"].values()}
    assert values == {"*", "W/\"datetime'2017-06-07T06%3A15%3A40.4771399Z'\""}


def test_put_offer_says_what_happens_without_if_match_and_marks_the_third_party_409() -> None:
    _, _, put = find_operation(SPEC, "putOffer")
    assert "409" not in put["responses"]
    assert "answers **400**" in put["description"]
    assert "third-party report (not a Microsoft page)" in put["description"]
    assert "InvalidResourceId" in put["description"]


def test_put_offer_answers_201_created_200_updated_and_412_on_a_stale_etag() -> None:
    _, _, put = find_operation(SPEC, "putOffer")
    for status in ("200", "201"):
        stored = resolve(SPEC, put["responses"][status])
        assert stored["content"]["application/json"]["schema"] == OFFER
    failed = resolve(SPEC, put["responses"]["412"])
    assert failed["x-body-optional"] is True
    assert "nothing was changed" in failed["description"]
    assert resolve(SPEC, put["requestBody"])["content"]["application/json"]["schema"] == OFFER


def test_an_etag_header_is_described_on_the_draft_read_and_the_stored_answer_only_and_never_required() -> None:
    carriers = {
        f"{op['operationId']}.{status}": resolve(SPEC, response["headers"]["ETag"])
        for _, _, op in operations(SPEC)
        for status, raw in op["responses"].items()
        if "ETag" in (response := resolve(SPEC, raw)).get("headers", {})
    }
    assert set(carriers) == {"getOffer.200", "putOffer.200", "putOffer.201"}
    assert all(header["required"] is False for header in carriers.values())


def test_the_offer_envelope_names_the_pages_fields() -> None:
    assert set(_schema("Offer")["properties"]) == {
        "offerTypeId",
        "publisherId",
        "status",
        "id",
        "version",
        "offerTypeVersions",
        "definition",
        "changedTime",
        "eTag",
    }
    assert set(_schema("OfferDefinition")["properties"]) == {"displayText", "offer", "plans"}
    assert set(_schema("OfferSummary")["properties"]) == {
        "offerTypeId",
        "publisherId",
        "status",
        "id",
        "version",
        "definition",
        "changedTime",
    }


def test_the_vm_plan_keys_of_the_examples_are_typed() -> None:
    plan = _schema("Plan")["properties"]
    namespaced = {key.removeprefix("microsoft-azure-virtualmachines.") for key in plan if key.startswith("microsoft")}
    assert namespaced == set(VM_PLAN_KEYS)
    assert {"planId", "virtualMachinePricing", "regions"} <= set(plan)
    images = plan["microsoft-azure-virtualmachines.vmImages"]
    assert images["additionalProperties"] == {"$ref": "#/components/schemas/VmImage"}
    assert set(_schema("VmImage")["properties"]) == {"osVhdUrl", "lunVhdDetails"}


def test_the_offer_keys_of_the_examples_are_typed() -> None:
    keys = set(_schema("OfferProperties")["properties"])
    for key in ("title", "categories", "categoryMap", "smallLogo", "leadDestination", "marketoLeadConfiguration"):
        assert f"microsoft-azure-marketplace.{key}" in keys
    assert "microsoft-azure-marketplace-testdrive.enabled" in keys


def test_the_three_pricing_shapes_of_the_set_pricing_page_validate() -> None:
    pricing = _validator({"$ref": "#/components/schemas/VirtualMachinePricing"})
    core_sizes = set(_schema("CorePrices")["properties"])
    assert len(core_sizes) == 25
    assert {"sharedcore", "1core", "416core"} <= core_sizes
    for shape in (
        {"coreMultiplier": {"currency": "USD", "single": 1.0}},
        {"coreMultiplier": {"currency": "USD", "individually": {"sharedcore": 0.5, "1core": 1, "416core": 300}}},
        {"spreadSheetPricing": {"uri": "https://contoso.com/prices.xlsx"}},
    ):
        assert pricing.is_valid({"isByol": False, "freeTrialDurationInMonths": 1, **shape}), shape
    assert not pricing.is_valid({"coreMultiplier": {"single": "one dollar"}})


def test_unknown_keys_at_every_level_of_an_offer_are_accepted() -> None:
    # A GET -> PUT round trip must carry keys no page names (other offer types, keys the service adds).
    offer = {
        "id": "o",
        "x-top": 1,
        "offerTypeVersions": {"microsoft-azure-corevm": 3},
        "definition": {
            "x-definition": True,
            "offer": {"microsoft-azure-other.key": [1], "microsoft-azure-marketplace.tableLeadConfiguration": {"a": 1}},
            "plans": [
                {
                    "planId": "p",
                    "microsoft-azure-corevm.vmImagesPublicAzure": {"1.0.0": {"osVhdUrl": "u", "label": "l"}},
                    "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "u", "x-image": "kept"}},
                    "virtualMachinePricing": {"x-pricing": 1, "coreMultiplier": {"x": 1, "individually": {"3core": 2}}},
                }
            ],
        },
    }
    assert _validator(OFFER).is_valid(offer)
    assert not _validator(OFFER).is_valid({"definition": {"plans": [{"regions": "DZ"}]}}), "typed keys are checked"


def test_the_offer_types_answer_is_marked_undocumented_and_admits_any_json() -> None:
    _, _, op = find_operation(SPEC, "listOfferTypes")
    ok = resolve(SPEC, op["responses"]["200"])
    assert "an inference" in ok["description"]
    schema = ok["content"]["application/json"]["schema"]
    for value in ([], {}, "x", 1, None, [{"id": "microsoft-azure-virtualmachines"}]):
        assert _validator(schema).is_valid(value)


def _link_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for _, _, op in operations(SPEC):
        for raw in op["responses"].values():
            for link in resolve(SPEC, raw).get("links", {}).values():
                graph.setdefault(op["operationId"], set()).add(resolve(SPEC, link)["operationId"])
    return graph


def _reaches(graph: dict[str, set[str]], source: str, target: str) -> bool:
    queue, seen = deque([source]), {source}
    while queue:
        node = queue.popleft()
        if node == target:
            return True
        for nxt in graph.get(node, set()) - seen:
            seen.add(nxt)
            queue.append(nxt)
    return False


def test_the_links_walk_the_automate_publishing_flow_step_by_step() -> None:
    graph = _link_graph()
    steps = [
        ("listOffers", "getOffer"),
        ("getOffer", "putOffer"),
        ("putOffer", "publishOffer"),
        ("publishOffer", "getOperation"),
        ("getOperation", "getOfferSlot"),
        ("getOfferSlot", "goLiveOffer"),
        ("goLiveOffer", "getOperation"),
        ("getOperation", "cancelOperation"),
    ]
    for source, target in steps:
        assert target in graph.get(source, set()), f"no link {source} -> {target}"
    assert not _reaches(graph, "listOfferTypes", "putOffer"), "a check that could not fail would be no check"


def test_the_update_link_sends_the_read_etag_as_if_match_and_the_read_body_back() -> None:
    _, _, get = find_operation(SPEC, "getOffer")
    link = get["responses"]["200"]["links"]["UpdateOffer"]
    assert link["parameters"]["If-Match"] == "$response.header.ETag"
    assert link["requestBody"] == "$response.body"
    _, _, operation = find_operation(SPEC, "getOperation")
    assert operation["responses"]["200"]["links"]["GetPreviewSlot"]["parameters"]["slotId"] == "Preview"
