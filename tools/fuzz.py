"""`make fuzz`: a long schemathesis run against the mock on loopback, bounded by time (`FUZZ_SECONDS`, default 600).

It is `make contract` run for longer and wider: the same runner (`tools.contract` starts the mock on a loopback
port, waits for it, runs the schemathesis CLI with every check in every phase, both positive and negative data,
and stops the mock), with thousands of examples per operation, a time budget in which fuzzing and
stateful testing repeat until it is spent, and a fresh seed each run unless `FUZZ_SEED` is given (schemathesis
prints the seed, so any failure can be replayed). Authentication comes from `schemathesis.toml`
(`[auth.openapi.bearerAuth]`), never from `-H`.

On top of schemathesis's checks, the mock's own log must stay clean: a traceback, a "mock failure" or a
"mock bug" line (a status the spec does not document, caught and turned into a 400) fails the run.

    python -m tools.fuzz                                   # 600 s, 2000 examples per operation, random seed
    FUZZ_SECONDS=60 FUZZ_SEED=20171031 python -m tools.fuzz
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from collections.abc import Sequence

from . import contract
from .launcher import ROOT, free_port

REPORT = ROOT / "build" / "reports" / "fuzz-junit.xml"
MOCK_LOG = ROOT / "build" / "reports" / "fuzz-mock.log"
ALARMS = ("Traceback", "mock failure", "mock bug", "Exception in ASGI application")


def _env_int(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value else None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.fuzz", description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=int, default=_env_int("FUZZ_SECONDS") or 600, help="time budget (FUZZ_SECONDS)")
    p.add_argument("--max-examples", type=int, default=2000, help="examples per operation in fuzzing (default 2000)")
    p.add_argument("--seed", type=int, default=_env_int("FUZZ_SEED"), help="default: a new one each run (FUZZ_SEED)")
    p.add_argument("--port", type=int, default=0, help="the mock's loopback port (default: a free one)")
    return p


def command(args: argparse.Namespace, port: int, seed: int) -> tuple[argparse.Namespace, list[str]]:
    """The runner's arguments and the schemathesis command: `make contract`'s, with the time budget and our report."""
    runner_args = contract.parser().parse_args(
        ["--host", "127.0.0.1", "--port", str(port), "--max-examples", str(args.max_examples), "--seed", str(seed)]
    )
    target = contract.target_for(runner_args, {})
    argv = contract.schemathesis_command(target, runner_args)
    argv[argv.index("--report-junit-path") + 1] = str(REPORT)
    argv += ["--max-time", str(args.seconds)]
    return runner_args, argv


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
    port = args.port or free_port()
    runner_args, schemathesis = command(args, port, seed)
    if "--mode" not in schemathesis or schemathesis[schemathesis.index("--mode") + 1] != "all":
        raise SystemExit("error: the contract runner no longer asks for positive and negative data (--mode all)")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.unlink(missing_ok=True)
    print(f"fuzz: {args.seconds} s, {args.max_examples} examples per operation, seed {seed}, mock on 127.0.0.1:{port}")
    started = time.monotonic()
    with MOCK_LOG.open("wb") as log, contract.served_mock(runner_args, output=log):
        code = subprocess.call(schemathesis, cwd=ROOT)  # noqa: S603  # reason: the runner's fixed command line
    mock_log = MOCK_LOG.read_text(encoding="utf-8", errors="replace")
    alarms = [line for line in mock_log.splitlines() if any(alarm in line for alarm in ALARMS)]
    elapsed = time.monotonic() - started
    print(f"fuzz: schemathesis exited {code} after {elapsed:.0f} s; seed {seed}; report {REPORT.relative_to(ROOT)}")
    if alarms:
        print(f"fuzz: FAILED: the mock logged {len(alarms)} alarming lines (see {MOCK_LOG.relative_to(ROOT)}):")
        print("\n".join(f"  {line}" for line in alarms[:20]))
        return code or 1
    return code


if __name__ == "__main__":
    sys.exit(main())
