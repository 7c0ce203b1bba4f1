"""The servers under load, each started by `tools.launcher` on a free loopback port: the mock, Prism, and an empty
app on the mock's uvicorn."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from ..launcher import HOST, ROOT, Launched, LaunchError, launch
from .machine import PRISM
from .results import OUT

MOCK_SPEC = ROOT / "build" / "openapi.mock.yaml"
QUIET_NODE = {"SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"}


def empty_command(port: int) -> list[str]:
    """`tools.bench.empty:app` on uvicorn configured as the mock's (`--log-level warning`, so no access log): the
    server's own ceiling."""
    module = [sys.executable, "-m", "uvicorn", "tools.bench.empty:app"]
    return [*module, "--host", HOST, "--port", str(port), "--log-level", "warning", "--no-access-log"]


def prism_command(port: int) -> list[str]:
    """Prism in its fastest configuration that still validates requests (request validation is on by default):
    static examples (no json-schema-faker), and `-v silent` so that it does not log every request. `--errors`
    (response violations become errors) changed nothing measurable; `-m` (multiprocess) crashes on Node 20."""
    return [str(PRISM), "mock", str(MOCK_SPEC), "-h", HOST, "-p", str(port), "-v", "silent"]


@contextmanager
def serve(name: str, command: Sequence[str], port: int) -> Iterator[Launched]:
    """`command` launched on `port` with its output in `build/bench/<name>.log`, stopped on the way out. A server
    that does not start raises `LaunchError` with the end of that log (a `RuntimeError`: the benchmark is reported
    as skipped)."""
    OUT.mkdir(parents=True, exist_ok=True)
    log_path = OUT / f"{name}.log"
    with log_path.open("wb") as log, ExitStack() as stack:
        try:
            served = stack.enter_context(launch(name, command, port, output=log, env={**os.environ, **QUIET_NODE}))
        except LaunchError as exc:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise LaunchError(f"{exc}: {tail}") from None
        yield served
