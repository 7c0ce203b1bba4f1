"""The README lists the mock's own rules exactly as its overlay states them, one per action, in order."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HEADING = "### What the mock enforces that the service may not"


def _readme_rules() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HEADING in text, f"README.md has no section {HEADING!r}"
    section = text.split(HEADING, 1)[1]
    section = re.split(r"\n#{1,3} ", section, maxsplit=1)[0]
    return [line[2:] for line in section.splitlines() if line.startswith("- ")]


def _overlay_rules() -> list[str]:
    overlay = yaml.safe_load((ROOT / "overlays" / "mock-rules.overlay.yaml").read_text(encoding="utf-8"))
    return [" ".join(str(action["description"]).split()) for action in overlay["actions"]]


def test_the_readme_lists_every_action_of_the_mock_rules_overlay_in_order():
    assert _readme_rules() == _overlay_rules()


def test_every_action_of_the_mock_rules_overlay_says_what_it_does():
    assert all(rule and not rule.startswith("...") for rule in _overlay_rules())
