"""The OAI Overlay compliant sets (copied from OAI/Overlay-Specification, Apache-2.0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openapi_overlay import apply_files, load_text, to_plain
from support.overlay_files import COMPLIANT_SETS, folders, plain

SETS = folders(COMPLIANT_SETS)


def test_all_eight_compliant_sets_and_their_license_are_in_the_repository() -> None:
    assert [p.name for p in SETS] == [
        "add-a-license",
        "description-and-summary",
        "remove-example",
        "remove-matching-responses",
        "remove-property",
        "remove-server",
        "replace-servers-for-sandbox",
        "update-root",
    ]
    assert "Apache License" in (COMPLIANT_SETS / "LICENSE").read_text(encoding="utf-8")
    for folder in SETS:
        assert sorted(p.name for p in folder.iterdir()) == ["openapi.yaml", "output.yaml", "overlay.yaml"]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_applying_the_overlay_gives_the_expected_output(folder: Path) -> None:
    result = apply_files(folder / "openapi.yaml", [folder / "overlay.yaml"])
    expected = plain(folder / "output.yaml")
    assert to_plain(result.document) == expected
    assert to_plain(load_text(result.text).data) == expected
    assert result.warnings() == []


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_json_output_gives_the_expected_output(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    apply_files(folder / "openapi.yaml", [folder / "overlay.yaml"], out)
    assert json.loads(out.read_text(encoding="utf-8")) == plain(folder / "output.yaml")
