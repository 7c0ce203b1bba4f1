"""A benchmark's figures, and the two files they are written to (`results.json`, `results.md`)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..launcher import ROOT

OUT = ROOT / "build" / "bench"


@dataclass
class Figure:
    """One measured figure: ours against its baseline, as a ratio, with the goal it is held to."""

    name: str
    measured: str
    """What exactly was measured (the request, the command), in one sentence."""
    ours_label: str
    ours: float
    baseline_label: str
    baseline: float
    unit: str
    higher_is_better: bool
    goal: str
    """The goal on the ratio (ours / baseline), e.g. '>= 2.00' or '<= 1.50 and < 3 s'; 'n/a' when none is set."""
    met: bool | None
    """None: not judged (no goal set)."""
    ratio: float = field(init=False)
    """ours / baseline, always in that direction (`higher_is_better` says which way is good)."""
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ratio = self.ours / self.baseline if self.ours > 0 and self.baseline > 0 else math.nan


def _number(value: float, unit: str) -> str:
    if math.isnan(value):
        return "n/a"
    if unit == "req/s" or value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _verdict(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "n/a"}[met]


def markdown(figures: list[Figure], machine: dict[str, Any]) -> str:
    """The results as a Markdown table, ratios (ours / baseline) first."""
    lines = [
        "| figure | ratio (ours / baseline) | goal | met | ours | baseline | unit |",
        "|---|---:|---|---|---:|---:|---|",
    ]
    for f in figures:
        ratio = "n/a" if math.isnan(f.ratio) else f"{f.ratio:.2f}"
        lines.append(
            f"| {f.name} | {ratio} | {f.goal} | {_verdict(f.met)} | {f.ours_label}: {_number(f.ours, f.unit)} "
            f"| {f.baseline_label}: {_number(f.baseline, f.unit)} | {f.unit} |"
        )
    lines += ["", "What each figure measures:", ""]
    lines += [f"- **{f.name}**: {f.measured}" for f in figures]
    lines += ["", "Machine: " + ", ".join(f"{key} {value}" for key, value in machine.items())]
    return "\n".join(lines) + "\n"


def write(figures: list[Figure], machine: dict[str, Any], settings: dict[str, Any]) -> tuple[Path, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    as_json = OUT / "results.json"
    as_md = OUT / "results.md"
    payload = {"machine": machine, "settings": settings, "figures": [asdict(f) for f in figures]}
    as_json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    as_md.write_text(markdown(figures, machine), encoding="utf-8")
    return as_json, as_md
