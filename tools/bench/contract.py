"""Contract runs: schemathesis cases per second in-process and over loopback, and the wall time of `make contract`.

The same generated cases (schemathesis's strategies, derandomized, positive and negative, every operation, the
documented test token) are run with every check through `case.call_and_validate()`: once against the mock's app
in-process (`from_asgi`, no socket), once against the mock served by uvicorn in another process on loopback
(`from_url`). Then `make contract` runs as a user runs it (overlays, the mock started and stopped, the schemathesis
CLI with every phase and check), timed from the outside and compared with the time schemathesis itself reports.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode

from cloud_partner_portal_mock.testing import InProcessMock

from ..launcher import ROOT, free_port, mock_command
from . import servers
from .results import Figure

AUTH = {"Authorization": "Bearer contoso-token"}


def run_cases(schema: Any, examples: int) -> tuple[int, float]:
    """(cases, seconds) of `examples` positive and `examples` negative cases per operation, each validated."""
    count = 0
    started = time.perf_counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode, headers=AUTH)

            @settings(
                max_examples=examples,
                database=None,
                derandomize=True,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def check(case: Any) -> None:
                nonlocal count
                count += 1
                case.call_and_validate()

            check()
    return count, time.perf_counter() - started


def make_contract(port: int) -> dict[str, Any]:
    started = time.perf_counter()
    command = ["make", "-s", "contract", f"PORT={port}"]  # make from the PATH, as a user runs it
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)  # noqa: S603
    wall = time.perf_counter() - started
    out = done.stdout + done.stderr
    generated = re.search(r"(\d+) generated", out)
    inside = re.search(r"=+ .* in ([\d.]+)s =+", out)
    return {
        "exit code": done.returncode,
        "wall s": round(wall, 2),
        "schemathesis s": float(inside.group(1)) if inside else None,
        "cases": int(generated.group(1)) if generated else None,
        "tail": out.strip().splitlines()[-6:],
    }


def run(*, examples: int, log: Callable[[str], None]) -> list[Figure]:
    port = free_port()
    with servers.serve("mock-contract", mock_command(port), port) as served:
        in_process = schemathesis.openapi.from_asgi("/openapi.json", InProcessMock().app)
        loopback = schemathesis.openapi.from_url(f"{served.url}/openapi.json")
        run_cases(in_process, 2)  # warm up: imports, Hypothesis, the mock's compiled validators
        run_cases(loopback, 2)
        cases, seconds = run_cases(in_process, examples)
        log(f"  in-process: {cases} cases in {seconds:.1f} s")
        loop_cases, loop_seconds = run_cases(loopback, examples)
        log(f"  loopback: {loop_cases} cases in {loop_seconds:.1f} s")
    figures = [
        Figure(
            name="contract cases/s: in-process vs loopback",
            measured=f"{examples} positive + {examples} negative schemathesis cases per operation, every check, "
            "against the mock in-process (from_asgi) and served by uvicorn on loopback (from_url)",
            ours_label="in-process",
            ours=cases / seconds,
            baseline_label="loopback",
            baseline=loop_cases / loop_seconds,
            unit="cases/s",
            higher_is_better=True,
            goal="n/a",
            met=None,
            details={"in-process cases": cases, "loopback cases": loop_cases},
        )
    ]
    result = make_contract(free_port())
    log(f"  make contract: {result['wall s']} s wall, exit {result['exit code']}, {result['cases']} cases")
    inside = result["schemathesis s"] or 0.0
    figures.append(
        Figure(
            name="make contract: wall time",
            measured="`make contract` (overlays, the mock started and stopped, schemathesis CLI with every phase and "
            "check) from the outside, against the duration schemathesis itself reports"
            + (
                f"; {result['cases']} cases, {result['cases'] / inside:.0f} cases/s"
                if result["cases"] and inside
                else ""
            ),
            ours_label="make contract",
            ours=result["wall s"],
            baseline_label="schemathesis alone",
            baseline=inside,
            unit="s",
            higher_is_better=False,
            goal="exit 0 (no speed goal)",
            met=result["exit code"] == 0,
            details=result,
        )
    )
    return figures
