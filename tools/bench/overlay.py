"""The overlay applier on large inputs: `python -m openapi_overlay apply` as a user runs it (a new process each
time, imports included), against the standard library doing the least the same job needs.

- **200 actions on a 2 MB JSON spec**: 150 updates and 50 removes, each naming its path, written as JSON.
  Baseline: `json.load` and `json.dump(indent=2)` of the same file in a new process (reading and writing alone).
- **a 10 MB YAML spec, written as JSON**: one update; YAML is read by libyaml (every output is JSON).
  Baseline: the same data as a JSON file, through `json.load` and `json.dump(indent=2)` in a new process.
- **the same, written as YAML with `--fast-yaml`** (libyaml both ways), against the same baseline.
- **a 1 MB YAML spec read with its comments** (the default for YAML output: ruamel.yaml's round-trip reader),
  for context: why larger YAML goes through libyaml.

The specs are generated here (`build/bench/overlay/`), deterministic: paths with two operations, parameters and
responses, one schema per path, a comment before each path. Rounds alternate ours and the baseline; figures are
medians. Each output is checked against a reference applied in-process (same JSON data).
"""

from __future__ import annotations

import functools
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from openapi_overlay import apply_files

from .results import OUT, Figure

WORK = OUT / "overlay"
PYTHON = sys.executable
BASELINE = (
    "import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], 'w'), indent=2, ensure_ascii=False)"
)


def spec(paths: int) -> dict[str, Any]:
    """An OpenAPI document with ``paths`` paths (about 2 KB of JSON each)."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Widgets", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {},
        "components": {"schemas": {}},
    }
    for i in range(paths):
        name = f"Widget{i}"
        document["components"]["schemas"][name] = {
            "type": "object",
            "description": f"A widget of kind {i} — café",
            "required": ["id", "name"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "name": {"type": "string", "maxLength": 64},
                "count": {"type": "integer", "minimum": 0},
                "tags": {"type": "array", "items": {"type": "string"}},
                "enabled": {"type": "boolean", "default": True},
            },
        }
        document["paths"][f"/widgets{i}/{{widgetId}}"] = {
            "get": {
                "operationId": f"getWidget{i}",
                "tags": ["widgets"],
                "summary": f"Get widget {i}",
                "parameters": [
                    {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "expand", "in": "query", "schema": {"type": "string", "enum": ["yes", "no"]}},
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    },
                    "404": {"description": "Not found"},
                },
            },
            "delete": {
                "operationId": f"deleteWidget{i}",
                "tags": ["widgets"],
                "responses": {"204": {"description": "Gone"}},
            },
        }
    return document


def yaml_text(document: dict[str, Any]) -> str:
    """Block YAML with a comment line before each path."""
    text = yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=4096)
    return "".join(
        ("  # one path\n" + line) if line.startswith("  /widgets") else line for line in text.splitlines(True)
    )


def overlay_text(actions: int) -> str:
    lines = ["overlay: 1.1.0", "info: {title: bench, version: '1'}", "actions:"]
    for i in range(actions):
        if i % 4 == 3:
            lines += [f"  - target: $.paths['/widgets{i}/{{widgetId}}'].delete", "    remove: true"]
        else:
            lines += [
                f"  - target: $.paths['/widgets{i}/{{widgetId}}'].get",
                f"    update: {{x-owner: team-{i % 7}, summary: Widget number {i}}}",
            ]
    return "\n".join(lines) + "\n"


def _timed(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603  # reason: fixed commands
    return time.perf_counter() - started


def _apply(*args: str) -> list[str]:
    return [PYTHON, "-m", "openapi_overlay", "apply", *args]


def _alternate(
    rounds: int, ours: Callable[[], float], baseline: Callable[[], float], log: Callable[[str], None], name: str
) -> tuple[list[float], list[float]]:
    times: tuple[list[float], list[float]] = ([], [])
    for index in range(rounds):
        times[0].append(ours())
        times[1].append(baseline())
        log(f"  {name} round {index + 1}: ours {times[0][-1]:.2f} s, baseline {times[1][-1]:.2f} s")
    return times


def _prepare() -> dict[str, Path]:
    WORK.mkdir(parents=True, exist_ok=True)
    files = {
        "json2": WORK / "spec-2mb.json",
        "yaml10": WORK / "spec-10mb.yaml",
        "json10": WORK / "spec-10mb.json",
        "yaml1": WORK / "spec-1mb.yaml",
        "actions": WORK / "overlay-200.yaml",
        "one": WORK / "overlay-1.yaml",
    }
    small, large, tiny = spec(1000), spec(8000), spec(800)
    files["json2"].write_text(json.dumps(small, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files["yaml10"].write_text(yaml_text(large), encoding="utf-8")
    files["json10"].write_text(json.dumps(large, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files["yaml1"].write_text(yaml_text(tiny), encoding="utf-8")
    files["actions"].write_text(overlay_text(200), encoding="utf-8")
    files["one"].write_text(overlay_text(1), encoding="utf-8")
    return files


def _check(output: Path, spec_path: Path, overlay_path: Path) -> bool:
    """The output holds the data the applier gives in-process (the command did the work)."""
    expected = json.loads(apply_files(spec_path, [overlay_path], WORK / "reference.json").text)
    text = output.read_text(encoding="utf-8")
    got = json.loads(text) if output.suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
    return bool(got == expected)


def _figure(
    name: str, measured: str, times: tuple[list[float], list[float]], goal_s: float | None, **details: Any
) -> Figure:
    ours, baseline = statistics.median(times[0]), statistics.median(times[1])
    return Figure(
        name=name,
        measured=measured,
        ours_label="openapi-overlay apply",
        ours=ours,
        baseline_label="json load + dump",
        baseline=baseline,
        unit="s",
        higher_is_better=False,
        goal=f"ours < {goal_s:g} s" if goal_s is not None else "n/a (context)",
        met=(ours < goal_s) if goal_s is not None else None,
        details={"ours s": [round(t, 3) for t in times[0]], "baseline s": [round(t, 3) for t in times[1]], **details},
    )


def run(*, rounds: int, log: Callable[[str], None]) -> list[Figure]:
    files = _prepare()
    sizes = {name: round(path.stat().st_size / 1e6, 2) for name, path in files.items()}
    log(f"  inputs (MB): {sizes}")
    figures = []

    out = WORK / "out-2mb.json"
    times = _alternate(
        rounds,
        lambda: _timed(_apply(str(files["json2"]), str(files["actions"]), "-o", str(out))),
        lambda: _timed([PYTHON, "-c", BASELINE, str(files["json2"]), str(WORK / "baseline.json")]),
        log,
        "200 actions, 2 MB JSON",
    )
    figures.append(
        _figure(
            "overlay: 200 actions on a 2 MB JSON spec",
            f"`python -m openapi_overlay apply` of 200 actions (150 updates, 50 removes) to a {sizes['json2']} MB "
            "JSON spec, JSON out, a new process each time, against `json.load` + `json.dump(indent=2)` of the same "
            f"file in a new process; median of {rounds} alternating rounds",
            times,
            2.0,
            output_checked=_check(out, files["json2"], files["actions"]),
        )
    )

    for name, flag, suffix in (("JSON", None, ".json"), ("YAML with --fast-yaml", "--fast-yaml", ".yaml")):
        out = WORK / f"out-10mb{suffix}"
        command = _apply(str(files["yaml10"]), str(files["one"]), "-o", str(out), *([flag] if flag else []))
        times = _alternate(
            rounds,
            functools.partial(_timed, command),
            lambda: _timed([PYTHON, "-c", BASELINE, str(files["json10"]), str(WORK / "baseline.json")]),
            log,
            f"10 MB YAML → {name}",
        )
        figures.append(
            _figure(
                f"overlay: a 10 MB YAML spec, written as {name}",
                f"`python -m openapi_overlay apply` of one action to a {sizes['yaml10']} MB YAML spec (libyaml reads "
                f"it), written as {name}, a new process each time, against `json.load` + `json.dump(indent=2)` of "
                f"the same data as JSON ({sizes['json10']} MB) in a new process; median of {rounds} alternating rounds",
                times,
                20.0,
                output_checked=_check(out, files["yaml10"], files["one"]),
            )
        )

    out = WORK / "out-1mb.yaml"
    times = _alternate(
        1,
        lambda: _timed(_apply(str(files["yaml1"]), str(files["one"]), "-o", str(out))),
        lambda: _timed(_apply(str(files["yaml1"]), str(files["one"]), "-o", str(out), "--fast-yaml")),
        log,
        "1 MB YAML with comments",
    )
    figure = _figure(
        "overlay: a 1 MB YAML spec read and written with its comments",
        f"`python -m openapi_overlay apply` of one action to a {sizes['yaml1']} MB YAML spec, YAML out with comments "
        "kept (ruamel.yaml round-trip, the default for YAML output), against the same with `--fast-yaml` (libyaml); "
        "one round",
        times,
        None,
    )
    figure.baseline_label = "--fast-yaml"
    figures.append(figure)
    return figures
