"""The description states what Microsoft's pages state and no more: no inference becomes a constraint.

A real server under contract test is judged by this description, and the generated client relies on it; so every
status, requirement and syntax rule here must come from a page, and the mock's stricter rules stay in
`overlays/mock-rules.overlay.yaml`. Each rule is a function of a description, checked on `openapi.yaml` (it must
find nothing) and on the mock's own description (it must find the mock's additions: the gate can fail).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.description import ROOT, load_spec, operations, resolve

SPEC = load_spec()
MOCK_SPEC = json.loads((ROOT / "src" / "cloud_partner_portal_mock" / "openapi.json").read_text(encoding="utf-8"))

# Each call's statuses as its page lists them, plus 401 (considerations page: a missing or bad token) and 403
# (troubleshooting page: the service principal has no access to the publisher), which apply to every call.
EVERY_CALL = {"401", "403"}
DOCUMENTED_STATUSES = {
    "cancelOperation": {"200", "202", "400", "403", "404"} | EVERY_CALL,
    "publishOffer": {"202", "400", "404", "422"} | EVERY_CALL,
    "goLiveOffer": {"202", "400", "404"} | EVERY_CALL,
    "getOfferStatus": {"200", "400", "404"} | EVERY_CALL,
    "listOperations": {"200", "400", "403", "404"} | EVERY_CALL,
    "getOperation": {"200", "400", "403", "404"} | EVERY_CALL,
    # Given only as a header value; its answers are inferred from getOperation (its description says so).
    "getLegacyOperation": {"200", "400", "403", "404"} | EVERY_CALL,
    "listOffers": {"200", "400", "403", "404"} | EVERY_CALL,
    # One page (retrieve-specific-offer) for the draft, a version and a slot.
    "getOffer": {"200", "400", "403", "404"} | EVERY_CALL,
    "getOfferVersion": {"200", "400", "403", "404"} | EVERY_CALL,
    "getOfferSlot": {"200", "400", "403", "404"} | EVERY_CALL,
    # The create/modify page; the 409 of a third-party report is not among them.
    "putOffer": {"200", "201", "400", "403", "404", "412"} | EVERY_CALL,
    # Shown only as a request: its 200 is an inference (its description says so), 400 the considerations
    # page's answer to an unknown api-version.
    "listOfferTypes": {"200", "400"} | EVERY_CALL,
}


def statuses_beyond_the_pages(spec: dict[str, Any]) -> list[str]:
    return [
        f"{op['operationId']}.{status}"
        for _, _, op in operations(spec)
        for status in op["responses"]
        if status not in DOCUMENTED_STATUSES[op["operationId"]]
    ]


def _walk_objects(
    spec: dict[str, Any], where: str, node: Any, found: list[tuple[str, dict[str, Any]]], seen: set[str]
) -> None:
    """Every object schema reachable from node, each component once."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref not in seen:
                seen.add(ref)
                _walk_objects(spec, f"{where}{ref}", resolve(spec, node), found, seen)
            return
        if node.get("type") == "object" or "properties" in node:
            found.append((where, node))
        for key, value in node.items():
            _walk_objects(spec, f"{where}/{key}", value, found, seen)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk_objects(spec, f"{where}/{index}", value, found, seen)


def _response_objects(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for _, _, op in operations(spec):
        for status, response in op["responses"].items():
            for media in resolve(spec, response).get("content", {}).values():
                _walk_objects(spec, f"{op['operationId']}.{status}", media["schema"], found, seen)
    return found


def required_fields_in_answers(spec: dict[str, Any]) -> list[str]:
    # The pages show examples, never which fields are always present: a client that relied on a field being
    # there would break on the first answer without it.
    return [where for where, schema in _response_objects(spec) if schema.get("required")]


def syntax_rules_on_parameters(spec: dict[str, Any]) -> list[str]:
    return [
        f"{name}.{rule}"
        for name, parameter in spec["components"]["parameters"].items()
        for rule in ("pattern", "maxLength")
        if rule in parameter["schema"]
    ]


def errors_that_must_have_a_body(spec: dict[str, Any]) -> list[str]:
    # Considerations page: "a JSON body may add detail"; a front end may send nothing.
    return sorted(
        {
            f"{op['operationId']}.{status}"
            for _, _, op in operations(spec)
            for status, raw in op["responses"].items()
            if int(status) >= 400
            and "content" in (response := resolve(spec, raw))
            and response.get("x-body-optional") is not True
        }
    )


def _request_objects(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for _, _, op in operations(spec):
        if "requestBody" in op:
            for media in resolve(spec, op["requestBody"])["content"].values():
                _walk_objects(spec, f"{op['operationId']}.request", media["schema"], found, set())
    return found


def closed_request_bodies(spec: dict[str, Any]) -> list[str]:
    # A body that refuses members the pages do not name fails a real server that accepts them, and an offer's
    # definition carries keys no page lists (other offer types, keys the service adds): they must pass.
    return sorted(
        {
            where
            for where, schema in _request_objects(spec)
            if schema.get("additionalProperties") is False or "required" in schema
        }
    )


RULES = [
    statuses_beyond_the_pages,
    required_fields_in_answers,
    syntax_rules_on_parameters,
    errors_that_must_have_a_body,
    closed_request_bodies,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_public_description_states_no_inference_as_a_constraint(rule: Any) -> None:
    assert rule(SPEC) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_gate_finds_the_mocks_own_rules_in_the_mocks_description(rule: Any) -> None:
    assert rule(MOCK_SPEC) != [], "a rule that finds nothing in the mock's stricter description cannot fail"


def test_the_walk_over_answers_reaches_every_answer_object() -> None:
    reached = {where.rsplit("#/components/schemas/", 1)[-1].split("/")[0] for where, _ in _response_objects(SPEC)}
    assert {
        "OperationDetail",
        "Submission",
        "OfferStatus",
        "Step",
        "Message",
        "ErrorResponse",
        "ErrorDetail",
        "OfferSummary",
        "Offer",
        "OfferDefinition",
        "OfferProperties",
        "Plan",
        "VmImage",
        "VirtualMachinePricing",
        "CorePrices",
        "LeadConfiguration",
    } <= reached


def test_the_walk_over_request_bodies_reaches_the_offer_and_the_notification() -> None:
    reached = {where.rsplit("#/components/schemas/", 1)[-1].split("/")[0] for where, _ in _request_objects(SPEC)}
    assert {"NotificationRequest", "NotificationMetadata", "Offer", "Plan", "VmImage", "CorePrices"} <= reached
