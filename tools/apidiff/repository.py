"""The comparison ``make diff`` and ``make version`` share: the client's description at a base ref vs the work tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..gitrepo import last_tag, read_at, verify_ref
from ..versioning import TAG_PATTERN, Version, version_in_config
from .model import Report
from .operations import compare_documents
from .sources import Description, with_overlays


@dataclass(frozen=True)
class BaseComparison:
    base: str  # the ref compared with
    before: Description
    after: Description
    report: Report
    base_version: Version | None  # the client's version at base (None when the config did not exist there)


def default_base(root: Path) -> str:
    """The last release tag reachable from HEAD, else HEAD."""
    return last_tag(root, TAG_PATTERN) or "HEAD"


def compare_with_base(root: Path, base: str | None, spec: str, overlays: Sequence[str], config: str) -> BaseComparison:
    base = base or default_base(root)
    verify_ref(root, base)
    before = with_overlays(root, base, spec, overlays)
    after = with_overlays(root, None, spec, overlays)
    report = compare_documents(before.data, after.data, old_name=before.name, new_name=after.name)
    config_text = read_at(root, base, config)
    base_version = version_in_config(config_text, f"{config} at {base}") if config_text is not None else None
    return BaseComparison(base, before, after, report, base_version)
