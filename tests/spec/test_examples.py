"""Every example in the description is real: present for each body and response, and valid against its schema."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from support.description import load_spec, operations, parameters_of, resolve

SPEC = load_spec()


def schema_validator(schema: dict[str, Any]) -> Draft202012Validator:
    # Local `#/components/...` references resolve against a root that carries the components.
    root = {**schema, "components": SPEC["components"]}
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _examples_of(holder: dict[str, Any]) -> list[tuple[str, Any]]:
    found = []
    if "example" in holder:
        found.append(("example", holder["example"]))
    examples = holder.get("examples", {})
    if isinstance(examples, dict):
        for name, example in examples.items():
            found.append((name, resolve(SPEC, example)["value"]))
    else:  # a JSON Schema `examples` array
        found.extend((f"examples[{i}]", value) for i, value in enumerate(examples))
    return found


def _all_examples() -> list[tuple[str, dict[str, Any], Any]]:
    cases: list[tuple[str, dict[str, Any], Any]] = []
    for path, method, op in operations(SPEC):
        name = op["operationId"]
        for (location, pname), param in parameters_of(SPEC, path, method).items():
            for ex_name, value in _examples_of(param):
                cases.append((f"{name}.{location}.{pname}.{ex_name}", param["schema"], value))
        if "requestBody" in op:
            for media_type, media in resolve(SPEC, op["requestBody"])["content"].items():
                for ex_name, value in _examples_of(media):
                    cases.append((f"{name}.request.{media_type}.{ex_name}", media["schema"], value))
        for status, raw in op["responses"].items():
            response = resolve(SPEC, raw)
            for header_name, header in response.get("headers", {}).items():
                header = resolve(SPEC, header)
                for ex_name, value in _examples_of(header):
                    cases.append((f"{name}.{status}.header.{header_name}.{ex_name}", header["schema"], value))
            for media_type, media in response.get("content", {}).items():
                for ex_name, value in _examples_of(media):
                    cases.append((f"{name}.{status}.{media_type}.{ex_name}", media["schema"], value))
    for schema_name, schema in SPEC["components"]["schemas"].items():
        for ex_name, value in _examples_of(schema):
            cases.append((f"schemas.{schema_name}.{ex_name}", {"$ref": f"#/components/schemas/{schema_name}"}, value))
    return cases


EXAMPLES = _all_examples()


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[where for where, _, _ in EXAMPLES])
def test_every_example_validates_against_its_schema(where: str, schema: dict[str, Any], value: Any) -> None:
    errors = sorted(schema_validator(schema).iter_errors(value), key=str)
    assert not errors, f"{where}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_there_are_examples_to_check() -> None:
    assert len(EXAMPLES) > 40


def test_every_request_body_and_every_response_body_has_an_example_on_it_or_its_schema() -> None:
    # An error body's example may sit on the ErrorResponse schema: the pages show one error body, not one per status.
    def has_example(media: dict[str, Any]) -> bool:
        return bool(_examples_of(media) or _examples_of(resolve(SPEC, media["schema"])))

    missing = []
    for _, _, op in operations(SPEC):
        holders = []
        if "requestBody" in op:
            holders += [("request", m) for m in resolve(SPEC, op["requestBody"])["content"].values()]
        for status, raw in op["responses"].items():
            holders += [(status, m) for m in resolve(SPEC, raw).get("content", {}).values()]
        missing += [f"{op['operationId']}.{where}" for where, media in holders if not has_example(media)]
    assert missing == []


def test_every_response_header_has_an_example() -> None:
    for _, _, op in operations(SPEC):
        for status, raw in op["responses"].items():
            for name, header in resolve(SPEC, raw).get("headers", {}).items():
                assert "example" in resolve(SPEC, header), f"{op['operationId']}.{status}.{name}"


def test_a_wrong_example_would_be_caught() -> None:
    # Guard against a validator that accepts everything (e.g. unresolved references).
    validator = schema_validator({"$ref": "#/components/schemas/ErrorResponse"})
    assert not validator.is_valid({"error": {"code": 1}})
    message = schema_validator({"$ref": "#/components/schemas/Message"})
    assert not message.is_valid({"messageHtml": "x", "level": "error", "timestamp": "yesterday"})
    notification = schema_validator({"$ref": "#/components/schemas/NotificationRequest"})
    assert not notification.is_valid({"metadata": {"notification-emails": 42}})
