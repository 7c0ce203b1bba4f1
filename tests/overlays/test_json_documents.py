"""JSON documents: read and written with the standard library, applied without ruamel.yaml's containers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openapi_overlay import DocumentLoadError, OverlayError, apply_files, apply_overlay
from openapi_overlay.__main__ import main
from support.overlay_files import overlay, spec

REMOVE_TITLE = "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info.title\n    remove: true\n"


def test_removing_an_object_member_of_a_json_spec_removes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}), encoding="utf-8")
    overlay_file = tmp_path / "o.yaml"
    overlay_file.write_text(REMOVE_TITLE, encoding="utf-8")
    assert main(["apply", str(spec_file), str(overlay_file)]) == 0
    assert json.loads(capsys.readouterr().out) == {"openapi": "3.1.0", "info": {"version": "1"}}


def test_removing_members_and_elements_of_plain_data_works() -> None:
    document = spec()
    apply_overlay(
        document,
        overlay(
            {"target": "$.info.contact", "remove": True},
            {"target": "$.paths['/widgets'].get.operationId", "remove": True},
            {"target": "$.servers[0]", "remove": True},
        ),
    )
    assert document["info"] == {"title": "Widgets", "version": "1.0.0"}
    assert document["paths"]["/widgets"]["get"] == {"responses": {}}
    assert document["servers"] == [{"url": "https://b.example.com"}]


def test_values_inserted_into_plain_data_stay_plain_and_unshared() -> None:
    document = spec()
    apply_overlay(document, overlay({"target": "$.servers[*]", "update": {"variables": {"v": {"default": "x"}}}}))
    first, second = (server["variables"] for server in document["servers"])
    assert type(first) is dict
    assert first == second
    assert first is not second


def test_a_later_action_sees_what_an_earlier_one_did_on_a_yaml_tree(tmp_path: Path) -> None:
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text("openapi: 3.1.0  # kept\ninfo:\n  title: T\n  version: '1'\n", encoding="utf-8")
    overlay_file = tmp_path / "o.yaml"
    overlay_file.write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n"
        "  - target: $.info\n    update: {x-a: {on: true}}\n"
        "  - target: $[?@['x-a'].on == true]\n    update: {seen: yes}\n"
        "  - target: $.info.title\n    remove: true\n"
        "  - target: $[?@.title]\n    update: {x-title: still there}\n",
        encoding="utf-8",
    )
    result = apply_files(spec_file, [overlay_file])
    assert result.text == "openapi: 3.1.0  # kept\ninfo:\n  version: '1'\n  x-a:\n    on: true\n  seen: yes\n"
    assert [r.matched for r in result.reports[0].results] == [1, 1, 1, 0]


def test_nan_and_infinity_are_refused_for_json_output_naming_where_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nx-limits: [1, -.inf, .nan]\n", encoding="utf-8"
    )
    overlay_file = tmp_path / "o.yaml"
    overlay_file.write_text(REMOVE_TITLE, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["apply", str(spec_file), str(overlay_file), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"error: {out}: cannot write JSON: $['x-limits'][1] is -.inf, which JSON cannot represent (it has no NaN "
        "or infinity); write YAML, or make the value a string or a finite number\n"
    )
    assert not out.exists()
    assert main(["apply", str(spec_file), str(overlay_file), "-o", str(tmp_path / "out.yaml")]) == 0
    assert "x-limits: [1, -.inf, .nan]\n" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_nan_in_a_json_input_is_not_json(tmp_path: Path) -> None:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text('{"openapi": "3.1.0", "x": NaN}', encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="not valid JSON: NaN is not a JSON number"):
        apply_files(spec_file, [])


def test_an_integer_too_long_for_python_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text('{"openapi": "3.1.0", "x": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="not valid JSON: Exceeds the limit"):
        apply_files(spec_file, [])


def test_the_document_root_still_cannot_be_replaced_or_removed() -> None:
    with pytest.raises(OverlayError, match="cannot remove the document root"):
        apply_overlay(spec(), overlay({"target": "$", "remove": True}))
