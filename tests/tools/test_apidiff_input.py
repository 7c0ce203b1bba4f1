"""Bad input to `python -m tools.apidiff` gets a clear error and exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_repo import SPEC

from tools.apidiff import RefError, compare_documents
from tools.apidiff.__main__ import main

# small_repo's description with the response's reference left open, and a component that refers to itself.
MINIMAL = (
    SPEC.replace('schema: {$ref: "#/components/schemas/Thing"}', 'schema: {$ref: "%s"}')
    + '    Loop: {$ref: "#/components/schemas/Loop"}\n'
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/components/schemas/Missing", "points at nothing"),
        ("#/components/schemas/Loop", "$ref loop"),
        ("other.yaml#/Thing", "is not local"),
    ],
)
def test_a_reference_that_cannot_be_followed_is_named_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str
) -> None:
    before = write(tmp_path, "before.yaml", MINIMAL % "#/components/schemas/Thing")
    after = write(tmp_path, "after.yaml", MINIMAL % ref)
    assert main([before, after]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert ref in err
    assert "Traceback" not in err


def test_invalid_yaml_and_a_missing_file_are_errors_that_name_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", MINIMAL % "#/components/schemas/Thing")
    broken = write(tmp_path, "broken.yaml", "openapi: [unclosed\n")
    assert main([good, broken]) == 2
    assert "broken.yaml" in capsys.readouterr().err
    assert main([good, str(tmp_path / "absent.yaml")]) == 2
    assert "absent.yaml" in capsys.readouterr().err
    not_a_mapping = write(tmp_path, "list.yaml", "- 1\n")
    assert main([good, not_a_mapping]) == 2
    assert "not an OpenAPI document" in capsys.readouterr().err


def test_files_and_a_base_ref_together_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "good.yaml", MINIMAL % "#/components/schemas/Thing")
    assert main([good, good, "--base", "HEAD"]) == 2
    assert "not both" in capsys.readouterr().err


def test_identical_documents_have_no_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "good.yaml", MINIMAL % "#/components/schemas/Thing")
    assert main([good, good]) == 0
    assert "no change" in capsys.readouterr().out


def test_recursive_schemas_are_compared_without_looping() -> None:
    def document(extra: dict[str, object]) -> dict[str, object]:
        node = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Node"}, **extra}}
        return {
            "openapi": "3.1.0",
            "paths": {
                "/n": {
                    "get": {
                        "operationId": "getNode",
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}},
                            }
                        },
                    }
                }
            },
            "components": {"schemas": {"Node": node}},
        }

    report = compare_documents(document({"name": {"type": "string"}}), document({}), old_name="a", new_name="b")
    assert [(c.kind, c.where) for c in report.changes] == [
        ("property-removed", "getNode: response 200 (application/json) /name")
    ]


def test_ref_errors_are_value_errors_with_the_document_name() -> None:
    with pytest.raises(RefError, match="before: \\$ref '#/nowhere' points at nothing"):
        compare_documents(
            {"paths": {"/x": {"get": {"responses": {"200": {"$ref": "#/nowhere"}}}}}},
            {"paths": {"/x": {"get": {"responses": {"200": {"description": "ok"}}}}}},
            old_name="before",
            new_name="after",
        )
