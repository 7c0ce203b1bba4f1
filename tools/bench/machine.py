"""The machine a benchmark ran on: CPU model, cores, Python, the servers' and load generator's versions."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from ..launcher import ROOT

PRISM = ROOT / "node_modules" / ".bin" / "prism"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(command: list[str]) -> str:
    if shutil.which(command[0]) is None and not Path(command[0]).exists():
        return "not installed"
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if text else "unknown"


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def server_stack() -> str:
    """uvicorn's version and what it runs on here: its HTTP parser (h11 or httptools) and event loop."""
    http = "httptools" if _installed("httptools") != "not installed" else "h11"
    loop = "uvloop" if _installed("uvloop") != "not installed" else "asyncio"
    return f"{_installed('uvicorn')} ({http}, {loop})"


def describe() -> dict[str, Any]:
    """What the figures depend on, for results.json and BENCHMARKS.md."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "uvicorn": server_stack(),
        "node": _version(["node", "--version"]),
        "prism": _version([str(PRISM), "--version"]),
        "wrk": _version(["wrk", "--version"]).split(" [")[0],
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
