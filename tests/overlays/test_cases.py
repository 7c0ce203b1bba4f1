"""Edge cases as fixture folders: ``cases/<behaviour>/{openapi,overlay,output}.yaml``.

Each expected ``output.yaml`` was written by hand from the Overlay 1.1.0 (or 1.0.0) text
and RFC 9535; the comparison is on data, not text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from openapi_overlay import apply_overlay, load_document, to_plain
from support.overlay_files import CASES, folders, plain

CASE_FOLDERS = folders(CASES)


def test_there_are_case_folders_and_each_has_its_three_files() -> None:
    assert len(CASE_FOLDERS) >= 30
    for folder in CASE_FOLDERS:
        assert sorted(p.name for p in folder.iterdir()) == ["openapi.yaml", "output.yaml", "overlay.yaml"]


@pytest.mark.parametrize("folder", CASE_FOLDERS, ids=lambda p: p.name)
def test_case_output_matches(folder: Path) -> None:
    document = load_document(folder / "openapi.yaml").data
    apply_overlay(document, load_document(folder / "overlay.yaml").data, source=folder.name)
    assert to_plain(document) == plain(folder / "output.yaml")


def test_plain_dicts_and_lists_work_as_well_as_ruamel_trees() -> None:
    folder = CASES / "remove-index-union"
    document = plain(folder / "openapi.yaml")
    apply_overlay(document, plain(folder / "overlay.yaml"))
    assert document == plain(folder / "output.yaml")
