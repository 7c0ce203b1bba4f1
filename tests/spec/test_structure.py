"""What no linter checks: references, links, security and the naming rules of the description."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from support.description import (
    HTTP_METHODS,
    find_operation,
    load_spec,
    operations,
    parameters_of,
    pointer,
    resolve,
)

SPEC = load_spec()
OPERATIONS = list(operations(SPEC))
OPERATION_IDS = [op["operationId"] for _, _, op in OPERATIONS]


def _refs(node: Any, where: str = "#") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append((where, value))
            else:
                found.extend(_refs(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_refs(value, f"{where}/{index}"))
    return found


def test_description_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1.")
    validate(SPEC)


@pytest.mark.parametrize(("where", "ref"), _refs(SPEC), ids=lambda v: str(v))
def test_every_ref_resolves(where: str, ref: str) -> None:
    assert pointer(SPEC, ref) is not None, f"{where}: {ref} resolves to nothing"


def test_every_operation_is_in_the_expected_set() -> None:
    assert sorted(OPERATION_IDS) == sorted(
        [
            "cancelOperation",
            "publishOffer",
            "goLiveOffer",
            "getOfferStatus",
            "listOperations",
            "getOperation",
            "getLegacyOperation",
            "listOffers",
            "getOffer",
            "getOfferVersion",
            "getOfferSlot",
            "putOffer",
            "listOfferTypes",
        ]
    )


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_declares_bearer_security_itself(path: str, method: str, op: dict[str, Any]) -> None:
    # The generator ignores root-level security, so each operation must say it.
    assert op.get("security") == [{"bearerAuth": []}], f"{method.upper()} {path} does not declare security"
    scheme = SPEC["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http"
    assert scheme["scheme"] == "bearer"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_has_summary_description_one_declared_tag_and_camel_case_id(
    path: str, method: str, op: dict[str, Any]
) -> None:
    declared = {tag["name"] for tag in SPEC["tags"]}
    assert op.get("summary"), f"{op['operationId']}: no summary"
    assert op.get("description"), f"{op['operationId']}: no description"
    assert len(op.get("tags", [])) == 1, f"{op['operationId']}: needs exactly one tag"
    assert op["tags"][0] in declared, f"{op['operationId']}: tag {op['tags'][0]!r} is not declared"
    assert re.fullmatch(r"[a-z]+(?:[A-Z][a-z]+)+", op["operationId"]), f"{op['operationId']} is not camelCase verbNoun"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_takes_api_version_2017_10_31(path: str, method: str, op: dict[str, Any]) -> None:
    param = parameters_of(SPEC, path, method)[("query", "api-version")]
    assert param["required"] is True
    assert param["schema"]["const"] == "2017-10-31"
    assert param["schema"]["default"] == "2017-10-31"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_generator_pitfalls_are_avoided(path: str, method: str, op: dict[str, Any]) -> None:
    # notes/tooling.md §6: no `default` response, quoted status codes, no `format` on header parameters,
    # one request content type per operation, and a documented 401 so missing tokens are not "unexpected".
    responses = op["responses"]
    assert "default" not in responses
    assert all(isinstance(code, str) and re.fullmatch(r"[1-5]\d\d", code) for code in responses)
    assert "401" in responses
    for (location, name), param in parameters_of(SPEC, path, method).items():
        if location == "header":
            assert "format" not in param.get("schema", {}), f"header parameter {name} has a format"
    if "requestBody" in op:
        assert len(resolve(SPEC, op["requestBody"])["content"]) == 1


def test_only_the_documented_list_path_ends_with_a_slash() -> None:
    # The Spectral rule path-keys-no-trailing-slash is off for #/paths (see .spectral.yaml); this keeps it honest.
    slashed = [path for path in SPEC["paths"] if path.endswith("/")]
    assert slashed == ["/api/publishers/{publisherId}/offers/{offerId}/submissions/"]


def _links() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for _, _, op in OPERATIONS:
        for status, response in op["responses"].items():
            for name, link in resolve(SPEC, response).get("links", {}).items():
                found.append((f"{op['operationId']}.{status}.{name}", op["operationId"], resolve(SPEC, link)))
    return found


LINKS = _links()


@pytest.mark.parametrize(("name", "source", "link"), LINKS, ids=[name for name, _, _ in LINKS])
def test_every_link_names_an_existing_operation_and_its_parameters(
    name: str, source: str, link: dict[str, Any]
) -> None:
    target_path, target_method, _ = find_operation(SPEC, link["operationId"])
    parameters = link.get("parameters", {})  # a link to an operation with no parameters of its own has none
    target_params = {pname for (_, pname) in parameters_of(SPEC, target_path, target_method)}
    required = {
        pname
        for (location, pname), param in parameters_of(SPEC, target_path, target_method).items()
        if location == "path"
    }
    assert set(parameters) <= target_params, f"{name}: unknown parameters"
    assert required <= set(parameters), f"{name}: misses path parameters {required - set(parameters)}"
    source_path, source_method, _ = find_operation(SPEC, source)
    source_params = {pname for (_, pname) in parameters_of(SPEC, source_path, source_method)}
    target_by_name = {pname: param for (_, pname), param in parameters_of(SPEC, target_path, target_method).items()}
    for pname, expression in parameters.items():
        if not expression.startswith("$"):
            # A constant (the preview slot): it must be a value the target parameter takes.
            assert Draft202012Validator({**target_by_name[pname]["schema"], "components": SPEC["components"]}).is_valid(
                expression
            ), f"{name}: {pname}={expression!r}"
            continue
        assert re.fullmatch(
            r"\$request\.path\.\w+|\$response\.body#/[\w/]*|\$response\.header\.[\w-]+(#regex:.+)?", expression
        ), expression
        if expression.startswith("$request.path."):
            assert expression.removeprefix("$request.path.") in source_params, f"{name}: {expression}"
        if expression.startswith("$response.header."):
            header = expression.removeprefix("$response.header.").split("#", 1)[0]
            assert header in resolve(SPEC, _source_response(source, name)).get("headers", {}), f"{name}: {expression}"
    if "requestBody" in link:
        assert link["requestBody"] == "$response.body", f"{name}: a request body is the answer's, as read"
        assert "requestBody" in find_operation(SPEC, link["operationId"])[2], f"{name}: the target takes no body"


def _source_response(source: str, link_name: str) -> dict[str, Any]:
    _, _, op = find_operation(SPEC, source)
    status = link_name.split(".")[1]
    response: dict[str, Any] = op["responses"][status]
    return response


def test_every_202_names_its_operation_in_one_of_two_optional_headers_and_links_to_get_operation() -> None:
    accepted = [
        (op["operationId"], resolve(SPEC, op["responses"]["202"]))
        for _, _, op in OPERATIONS
        if "202" in op["responses"]
    ]
    assert {name for name, _ in accepted} == {"cancelOperation", "publishOffer", "goLiveOffer"}
    for name, response in accepted:
        assert response["x-location-headers"] == ["Operation-Location", "Location"], name
        for header in response["x-location-headers"]:
            assert resolve(SPEC, response["headers"][header])["required"] is False, f"{name}: {header}"
        assert "content" not in response, f"{name}: the pages show no 202 body"
        targets = {resolve(SPEC, link)["operationId"] for link in response["links"].values()}
        assert targets == {"getOperation"}, name


def test_list_operations_links_to_get_operation_and_to_cancel() -> None:
    _, _, op = find_operation(SPEC, "listOperations")
    targets = {resolve(SPEC, link)["operationId"] for link in op["responses"]["200"]["links"].values()}
    assert targets == {"getOperation", "cancelOperation"}


def _response_schemas() -> list[tuple[str, Any]]:
    found = []
    for _, _, op in OPERATIONS:
        for status, response in op["responses"].items():
            for media in resolve(SPEC, response).get("content", {}).values():
                found.append((f"{op['operationId']}.{status}", media["schema"]))
    return found


def _string_enums_reachable(schema: Any, seen: set[int]) -> list[tuple[dict[str, Any], bool]]:
    """(enum schema, whether it sits in an anyOf that also admits any string) for every enum in responses."""
    found: list[tuple[dict[str, Any], bool]] = []
    if id(schema) in seen or not isinstance(schema, dict):
        return found
    seen.add(id(schema))
    node = resolve(SPEC, schema)
    if "anyOf" in node:
        variants = [resolve(SPEC, v) for v in node["anyOf"]]
        open_string = any(v.get("type") == "string" and "enum" not in v for v in variants)
        for variant in variants:
            if "enum" in variant:
                found.append((variant, open_string))
            else:
                found.extend(_string_enums_reachable(variant, seen))
        return found
    if "enum" in node:
        found.append((node, False))
    for child in node.get("properties", {}).values():
        found.extend(_string_enums_reachable(child, seen))
    if "items" in node:
        found.extend(_string_enums_reachable(node["items"], seen))
    return found


def test_enumerations_in_responses_accept_values_the_server_adds() -> None:
    closed = []
    for where, schema in _response_schemas():
        for enum_schema, open_string in _string_enums_reachable(schema, set()):
            if not open_string:
                closed.append((where, enum_schema["enum"]))
    assert closed == [], f"closed enumerations in responses would break the client on a new value: {closed}"


def test_no_operation_uses_an_undeclared_method() -> None:
    for path, item in SPEC["paths"].items():
        extra = set(item) - set(HTTP_METHODS) - {"parameters", "summary", "description", "servers"}
        assert not extra, f"{path}: unexpected keys {extra}"


def test_info_has_contact_license_and_servers_the_production_url() -> None:
    assert SPEC["info"]["contact"]["name"]
    assert SPEC["info"]["license"]["identifier"]
    assert [server["url"] for server in SPEC["servers"]] == ["https://cloudpartner.azure.com"]
