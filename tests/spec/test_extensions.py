"""Every `x-` extension used in the description or an overlay is documented in the README's Extensions table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _extension_keys(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and key.startswith("x-"):
                found.add(key)
            found |= _extension_keys(value)
    elif isinstance(node, list):
        for value in node:
            found |= _extension_keys(value)
    return found


def _documented() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Extensions", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(x-[\w-]+)` \|", section, flags=re.MULTILINE))


def test_every_extension_in_use_is_documented_in_the_readme() -> None:
    used: set[str] = set()
    for path in [ROOT / "openapi.yaml", *sorted((ROOT / "overlays").glob("*.yaml"))]:
        used |= _extension_keys(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert used, "the overlays use extensions; finding none means this test reads the wrong files"
    assert used <= _documented(), f"undocumented extensions: {sorted(used - _documented())}"
    assert _documented() <= used, f"documented but unused: {sorted(_documented() - used)}"
