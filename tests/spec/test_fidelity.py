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
}


def statuses_beyond_the_pages(spec: dict[str, Any]) -> list[str]:
    return [
        f"{op['operationId']}.{status}"
        for _, _, op in operations(spec)
        for status in op["responses"]
        if status not in DOCUMENTED_STATUSES[op["operationId"]]
    ]


def _response_objects(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()

    def walk(where: str, node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref not in seen:
                    seen.add(ref)
                    walk(f"{where}{ref}", resolve(spec, node))
                return
            if node.get("type") == "object" or "properties" in node:
                found.append((where, node))
            for key, value in node.items():
                walk(f"{where}/{key}", value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(f"{where}/{index}", value)

    for _, _, op in operations(spec):
        for status, response in op["responses"].items():
            for media in resolve(spec, response).get("content", {}).values():
                walk(f"{op['operationId']}.{status}", media["schema"])
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
    return [
        name
        for name, response in spec["components"]["responses"].items()
        if "content" in response and response.get("x-body-optional") is not True
    ]


def closed_request_bodies(spec: dict[str, Any]) -> list[str]:
    return [
        name
        for name, schema in spec["components"]["schemas"].items()
        if name.startswith("Notification") and (schema.get("additionalProperties") is False or "required" in schema)
    ]


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
    } <= reached
