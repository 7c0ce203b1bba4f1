"""ARCHITECTURE.md stays true: every path it names exists, its mock layers are the package's subpackages and the
import-linter contract's layers, its harness is the package's top-level modules, and it fits one screen."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "ARCHITECTURE.md").read_text()
MOCK = ROOT / "src" / "cloud_partner_portal_mock"
SCREEN_LINES = 60

_CODE = re.compile(r"`([^`\s]+)`")


def _named_paths() -> list[str]:
    """The backticked names that are paths: they hold a `/`, or end in a file's extension."""
    return [
        name
        for name in _CODE.findall(PAGE)
        if ("/" in name or re.search(r"\.(py|md|yaml|toml)$", name)) and not name.startswith("http")
    ]


def test_every_path_the_page_names_exists() -> None:
    missing = [
        name
        for name in _named_paths()
        if not any((base / name).exists() for base in (ROOT, MOCK, ROOT / "src" / "cloud_partner_portal"))
    ]

    assert _named_paths()
    assert missing == []


def _layer_table() -> list[str]:
    """The first cells of the mock's layer table, highest layer first."""
    section = PAGE.partition("## The mock's layers")[2].partition("\n## ")[0]
    return [row.split("|")[1].strip() for row in section.splitlines() if row.startswith("| ") and "---" not in row][1:]


def test_the_layers_it_lists_are_the_mocks_subpackages_and_the_contracts_layers() -> None:
    listed = [match.group(1) for cell in _layer_table() if (match := re.fullmatch(r"`(\w+)/`", cell))]
    subpackages = sorted(path.name for path in MOCK.iterdir() if (path / "__init__.py").exists())
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")

    assert sorted(listed) == subpackages
    assert layers == listed  # the same order: highest first


def test_the_harness_it_lists_is_every_top_level_module_of_the_mock() -> None:
    listed = set(_CODE.findall(next(cell for cell in _layer_table() if cell.startswith("harness:"))))
    modules = {path.stem for path in MOCK.glob("*.py") if path.stem != "__init__"}

    assert listed == modules


def test_the_page_fits_one_screen() -> None:
    assert len(PAGE.splitlines()) <= SCREEN_LINES
