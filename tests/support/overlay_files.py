"""The overlay tests' files and documents: the compliant sets and behaviour cases, small overlays and specs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_overlay import load_document, to_plain

OVERLAY_TESTS = Path(__file__).resolve().parent.parent / "overlays"
COMPLIANT_SETS = OVERLAY_TESTS / "compliant-sets"
CASES = OVERLAY_TESTS / "cases"


def folders(root: Path) -> list[Path]:
    """The sub-folders of ``root``, sorted by name."""
    return sorted(p for p in root.iterdir() if p.is_dir())


def plain(path: Path) -> Any:
    """Load a YAML/JSON file as plain JSON data (string keys, plain scalars)."""
    return to_plain(load_document(path).data)


def overlay(*actions: object, version: str = "1.1.0") -> dict[str, Any]:
    """An overlay document with the given actions."""
    return {"overlay": version, "info": {"title": "test", "version": "1.0.0"}, "actions": list(actions)}


def spec() -> dict[str, Any]:
    """A small OpenAPI document as plain data."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Widgets", "version": "1.0.0", "contact": {"name": "Team"}},
        "servers": [{"url": "https://a.example.com"}, {"url": "https://b.example.com"}],
        "tags": ["a", "b"],
        "paths": {"/widgets": {"get": {"operationId": "listWidgets", "responses": {}}}},
    }
