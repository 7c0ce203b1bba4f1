"""Regeneration: `make generate` (overlays, generator with templates and hooks, the mock's copy) against the bare
generator on the same file.

`make generate` runs as the Makefile has it, with its output directories pointed into `build/bench/regen/` so that
`generated/` is not touched (`CLIENT_DIR=… MOCK_SPEC=…`); its output is compared with `generated/` (it must be
identical). The bare generator is `openapi-python-client generate` on the same `build/openapi.client.yaml`, with
the same names but no overlays, no custom templates and no post-hooks. Rounds alternate; the figure is the median.
A breakdown times the pieces of `make generate` once, to show where its time goes.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..launcher import ROOT
from .results import OUT, Figure

REGEN = OUT / "regen"
BIN = Path(sys.executable).parent
BARE_CONFIG = """# tools/bench/regen.py: the generator's own defaults, no post-hooks (the names match the real config)
project_name_override: cloud-partner-portal-client
package_name_override: cloud_partner_portal_client
package_version_override: 0.1.0
use_path_prefixes_for_title_model_names: false
post_hooks: []
"""


def _timed(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)  # noqa: S603  # reason: fixed commands
    return time.perf_counter() - started


def make_generate() -> float:
    client, spec = REGEN / "client", REGEN / "openapi.json"
    return _timed(
        ["make", "-s", "generate", f"CLIENT_DIR={client.relative_to(ROOT)}", f"MOCK_SPEC={spec.relative_to(ROOT)}"]
    )


def bare_generator() -> float:
    output = REGEN / "bare"
    shutil.rmtree(output, ignore_errors=True)
    config = REGEN / "bare-config.yaml"
    config.write_text(BARE_CONFIG, encoding="utf-8")
    command = [str(BIN / "openapi-python-client"), "generate", "--path", "build/openapi.client.yaml"]
    return _timed([*command, "--config", str(config), "--meta", "uv", "--output-path", str(output)])


def _same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    return all(_same_tree(left / sub, right / sub) for sub in comparison.common_dirs)


def breakdown() -> dict[str, float]:
    """Seconds of each step of `make generate`, run once by hand."""
    overlay = [str(BIN / "python"), "-m", "openapi_overlay", "apply", "openapi.yaml"]
    steps = {
        "one overlay apply (make generate runs up to 2)": _timed(
            [*overlay, "overlays/client.overlay.yaml", "--strict", "-o", str(REGEN / "client.yaml")]
        ),
        "python start + overlay imports (ruamel.yaml, jsonschema, jsonpath)": _timed(
            [str(BIN / "python"), "-c", "import openapi_overlay.apply"]
        ),
    }
    output = REGEN / "full"
    shutil.rmtree(output, ignore_errors=True)
    generator = [str(BIN / "openapi-python-client"), "generate", "--path", "build/openapi.client.yaml"]
    generator += [
        "--config",
        "openapi-python-client.yaml",
        "--meta",
        "uv",
        "--custom-template-path",
        "templates/client",
    ]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # the hooks' ruff, as make has it
    steps["generator with templates and hooks"] = _timed(
        [*generator, "--fail-on-warning", "--output-path", str(output)], env=env
    )
    return {name: round(seconds, 3) for name, seconds in steps.items()}


def run(*, rounds: int, log: Callable[[str], None]) -> list[Figure]:
    REGEN.mkdir(parents=True, exist_ok=True)
    make_generate()  # warm the file cache and build/openapi.client.yaml
    times: dict[str, list[float]] = {"make": [], "bare": []}
    for index in range(rounds):
        times["make"].append(make_generate())
        times["bare"].append(bare_generator())
        log(f"  regen round {index + 1}: make generate {times['make'][-1]:.2f} s, bare {times['bare'][-1]:.2f} s")
    identical = _same_tree(REGEN / "client", ROOT / "generated" / "cloud-partner-portal-client")
    ours, baseline = statistics.median(times["make"]), statistics.median(times["bare"])
    figure = Figure(
        name="regeneration: make generate vs bare generator",
        measured="`make generate` (3 overlays, generator with custom templates, --fail-on-warning and 2 ruff hooks, "
        "the mock's overlay) into build/bench/regen/ against `openapi-python-client generate` on the same "
        f"build/openapi.client.yaml without hooks or templates; median of {rounds} alternating rounds",
        ours_label="make generate",
        ours=ours,
        baseline_label="bare generator",
        baseline=baseline,
        unit="s",
        higher_is_better=False,
        goal="<= 1.50 and make generate < 3 s",
        met=(ours / baseline <= 1.5) and ours < 3.0,
        details={
            "make generate s": [round(t, 3) for t in times["make"]],
            "bare s": [round(t, 3) for t in times["bare"]],
            "output identical to generated/": identical,
            "breakdown s": breakdown(),
        },
    )
    return [figure]
