"""YAML and JSON input/output: comments, key order, quoting, Unicode, YAML 1.2 scalars, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openapi_overlay import apply_files, apply_overlay, dump_document, load_text
from support.overlay_files import CASES, COMPLIANT_SETS, folders, overlay

SPEC = """\
# Widget Store API — maintained by the café team
openapi: 3.1.0
info:
  title: "Widget Store — café"   # shown in the portal
  version: '2.0'
  description: A long description that the YAML writer must not wrap although it is over eighty chars.
servers:
  - url: https://api.example.com  # production
  # staging, to be removed
  - url: https://staging.example.com

# Paths start here
paths:
  /widgets:
    get:
      operationId: listWidgets
      parameters:
        - name: colour
          in: query
          schema:
            enum: [yes, no, on, off]
      responses:
        '200':
          description: Liste der Widgets — 日本語
"""

OVERLAY = """\
overlay: 1.1.0
info:
  title: fidelity
  version: 1.0.0
actions:
  # update the info object
  - target: $.info
    update:
      x-audience: partners  # from the overlay
  # drop staging
  - target: $.servers[1]
    remove: true
  - target: $.paths['/widgets'].get
    update:
      summary: Widgets auflisten
"""

EXPECTED = """\
# Widget Store API — maintained by the café team
openapi: 3.1.0
info:
  title: "Widget Store — café"   # shown in the portal
  version: '2.0'
  description: A long description that the YAML writer must not wrap although it is over eighty chars.
  x-audience: partners
servers:
  - url: https://api.example.com  # production

# Paths start here
paths:
  /widgets:
    get:
      operationId: listWidgets
      parameters:
        - name: colour
          in: query
          schema:
            enum: [yes, no, on, off]
      responses:
        '200':
          description: Liste der Widgets — 日本語
      summary: Widgets auflisten
"""


def _apply(spec_text: str, overlay_text: str) -> str:
    loaded = load_text(spec_text)
    apply_overlay(loaded.data, load_text(overlay_text).data)
    return dump_document(loaded.data, "yaml", loaded.style)


def test_comments_key_order_quotes_and_unicode_are_preserved() -> None:
    assert _apply(SPEC, OVERLAY) == EXPECTED


def test_comments_of_the_overlay_do_not_leak_into_the_output() -> None:
    out = _apply(SPEC, OVERLAY)
    assert "from the overlay" not in out
    assert "drop staging" not in out


def test_a_comment_before_a_removed_node_goes_with_it_and_the_next_sections_comment_stays() -> None:
    out = _apply(SPEC, OVERLAY)
    assert "staging" not in out
    assert "\n\n# Paths start here\npaths:\n" in out


def test_keys_appended_to_a_mapping_go_before_the_comment_that_introduces_the_next_section() -> None:
    spec = "info:\n  title: T\n  version: 1.0.0  # v\n\n# Servers\nservers: []\n"
    out = _apply(
        spec, "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.info\n  update: {x-a: 1}\n"
    )
    assert out == "info:\n  title: T\n  version: 1.0.0  # v\n  x-a: 1\n\n# Servers\nservers: []\n"


def test_items_appended_to_a_sequence_go_before_the_comment_that_introduces_the_next_section() -> None:
    spec = "tags:\n  - name: a\n# Paths\npaths: {}\n"
    out = _apply(
        spec, "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.tags\n  update: {name: b}\n"
    )
    assert out == "tags:\n  - name: a\n  - name: b\n# Paths\npaths: {}\n"


def test_yaml_1_2_scalars_stay_strings() -> None:
    loaded = load_text("enum: [yes, no, on, off, y, n]\nversion: 2024-01-01\nflag: true\n")
    assert loaded.data["enum"] == ["yes", "no", "on", "off", "y", "n"]
    assert loaded.data["version"] == "2024-01-01"
    assert loaded.data["flag"] is True
    assert dump_document(loaded.data, "yaml", loaded.style) == (
        "enum: [yes, no, on, off, y, n]\nversion: 2024-01-01\nflag: true\n"
    )
    assert json.loads(dump_document(loaded.data, "json")) == {
        "enum": ["yes", "no", "on", "off", "y", "n"],
        "version": "2024-01-01",
        "flag": True,
    }


def test_a_value_inserted_at_several_targets_is_copied_not_aliased() -> None:
    spec = "paths:\n  /a:\n    get: {}\n  /b:\n    get: {}\n"
    ovl = (
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n- target: $.paths.*.get\n  update:\n    x-meta: {owner: me}\n"
    )
    out = _apply(spec, ovl)
    assert "&" not in out
    assert "*" not in out
    assert out.count("owner: me") == 2


def test_block_indentation_of_the_input_is_kept() -> None:
    spec = "servers:\n- url: a\ninfo:\n    title: T\n"
    ovl = "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.servers\n  update: {url: b}\n"
    assert _apply(spec, ovl) == "servers:\n- url: a\n- url: b\ninfo:\n    title: T\n"


@pytest.mark.parametrize(
    "folder", [*folders(COMPLIANT_SETS), *folders(CASES)], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_a_document_left_unchanged_is_written_back_byte_for_byte(folder: Path, tmp_path: Path) -> None:
    noop = tmp_path / "noop.yaml"
    noop.write_text(
        "overlay: 1.1.0\ninfo: {title: no-op, version: '1'}\nactions:\n  - target: $\n    remove: false\n",
        encoding="utf-8",
    )
    result = apply_files(folder / "openapi.yaml", [noop])
    assert result.text == (folder / "openapi.yaml").read_text(encoding="utf-8")


def test_output_is_deterministic(tmp_path: Path) -> None:
    folder = CASES / "update-nested-merge"
    first = apply_files(folder / "openapi.yaml", [folder / "overlay.yaml"], tmp_path / "1.yaml")
    second = apply_files(folder / "openapi.yaml", [folder / "overlay.yaml"], tmp_path / "2.yaml")
    assert first.text == second.text
    assert (tmp_path / "1.yaml").read_bytes() == (tmp_path / "2.yaml").read_bytes()


def test_json_in_and_json_out(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "Café", "version": "1"}}), encoding="utf-8")
    ovl = tmp_path / "overlay.json"
    ovl.write_text(json.dumps(overlay({"target": "$.info", "update": {"summary": "Grüße — 日本"}})), encoding="utf-8")
    out = tmp_path / "out" / "openapi.json"
    apply_files(spec, [ovl], out)
    expected = {"openapi": "3.1.0", "info": {"title": "Café", "version": "1", "summary": "Grüße — 日本"}}
    assert out.read_text(encoding="utf-8") == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def test_yaml_in_and_json_out(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    ovl = tmp_path / "overlay.yaml"
    ovl.write_text(OVERLAY, encoding="utf-8")
    result = apply_files(spec, [ovl], tmp_path / "openapi.json")
    data = json.loads(result.text)
    assert list(data) == ["openapi", "info", "servers", "paths"]
    assert data["paths"]["/widgets"]["get"]["parameters"][0]["schema"]["enum"] == ["yes", "no", "on", "off"]
    assert "日本語" in result.text


def test_json_in_and_yaml_out(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}), encoding="utf-8")
    ovl = tmp_path / "overlay.yaml"
    ovl.write_text("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.info\n  update: {x-a: [1]}\n")
    result = apply_files(spec, [ovl], tmp_path / "openapi.yaml")
    assert result.text == "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n  x-a:\n    - 1\n"


def test_dash_lines_inside_a_block_scalar_do_not_change_the_detected_indentation() -> None:
    spec = (
        "info:\n  description: |\n    Notes:\n      - a Markdown list, not YAML\n"
        "servers:\n  - url: a\ntags:\n  - name: t\n"
    )
    ovl = "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.tags\n  update: {name: u}\n"
    assert _apply(spec, ovl) == spec + "  - name: u\n"


def test_an_explicit_document_start_marker_is_kept() -> None:
    spec = "---\nopenapi: 3.1.0\ninfo:\n  title: T\n"
    ovl = "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n- target: $.info.title\n  update: U\n"
    assert _apply(spec, ovl) == "---\nopenapi: 3.1.0\ninfo:\n  title: U\n"


COMMENTED = """\
servers:
  - url: a
    # description: old
  # staging
  - url: b
  # third
  - url: c
info:
  title: T
"""


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            "$.servers[1]",
            "servers:\n  - url: a\n    # description: old\n  # third\n  - url: c\ninfo:\n  title: T\n",
        ),
        ("$.servers[1,2]", "servers:\n  - url: a\n    # description: old\ninfo:\n  title: T\n"),
    ],
)
def test_removing_a_node_removes_the_comment_directly_above_it_only(target: str, expected: str) -> None:
    ovl = f"overlay: 1.1.0\ninfo: {{title: t, version: '1'}}\nactions:\n- target: {target}\n  remove: true\n"
    assert _apply(COMMENTED, ovl) == expected
