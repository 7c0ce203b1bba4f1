"""`python -m tools.bench` (make bench): every benchmark, then `build/bench/results.{json,md}` and a table, ratios
first.

    python -m tools.bench                       # all of them (about 5 minutes on 2 cores)
    python -m tools.bench --only http,client    # some of them
    BENCH_SECONDS=10 BENCH_CONNECTIONS=32 python -m tools.bench --only http

A benchmark that cannot run here (no wrk, no Prism) is reported as skipped, with why, and the others still run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence

from ..launcher import ROOT
from . import client, contract, history, http, machine, overlay, regen, results

BENCHMARKS = ("http", "client", "history", "regen", "contract", "overlay")


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    return float(value) if value.strip() else default


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default=",".join(BENCHMARKS), help=f"comma-separated subset of {', '.join(BENCHMARKS)}")
    p.add_argument("--seconds", type=float, default=_env_number("BENCH_SECONDS", 5), help="wrk seconds per round")
    p.add_argument("--rounds", type=int, default=int(_env_number("BENCH_ROUNDS", 3)), help="alternating rounds")
    p.add_argument("--connections", type=int, default=int(_env_number("BENCH_CONNECTIONS", 16)))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        print(f"error: unknown benchmark {', '.join(sorted(unknown))}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2

    def log(line: str) -> None:
        print(line, flush=True)

    described = machine.describe()
    log("machine: " + ", ".join(f"{k} {v}" for k, v in described.items()))
    runners: dict[str, Callable[[], list[results.Figure]]] = {
        "http": lambda: http.run(
            http.Settings(seconds=args.seconds, rounds=args.rounds, warmup=2.0, connections=args.connections), log
        ),
        "client": lambda: client.run(rounds=max(args.rounds, 7), calls_per_round=3000, log=log),
        "history": lambda: history.run(rounds=max(args.rounds, 5), calls_per_round=300, log=log),
        "regen": lambda: regen.run(rounds=args.rounds, log=log),
        "contract": lambda: contract.run(examples=int(_env_number("BENCH_CONTRACT_EXAMPLES", 25)), log=log),
        "overlay": lambda: overlay.run(rounds=args.rounds, log=log),
    }
    figures: list[results.Figure] = []
    skipped: dict[str, str] = {}
    started = time.monotonic()
    for name in chosen:
        log(f"== {name}")
        try:
            figures += runners[name]()
        except RuntimeError as exc:
            skipped[name] = str(exc)
            log(f"   skipped: {exc}")
    described["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    settings = {
        "benchmarks": chosen,
        "seconds per round": args.seconds,
        "rounds": args.rounds,
        "connections": args.connections,
        "skipped": skipped,
        "total seconds": round(time.monotonic() - started, 1),
    }
    as_json, as_md = results.write(figures, described, settings)
    log("")
    log(results.markdown(figures, described))
    for name, why in skipped.items():
        log(f"skipped {name}: {why}")
    log(f"wrote {as_json.relative_to(ROOT)} and {as_md.relative_to(ROOT)}")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
