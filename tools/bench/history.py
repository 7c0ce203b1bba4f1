"""The mock after a long history: what `status`, `listOperations` and `getOperation` cost after 20,000 publish +
cancel cycles against after 10, and whether its memory stays flat once the retention of finished operations is
full.

Both mocks run in this process (no socket, no server): each request goes through the whole ASGI app (routing,
token, validation, the state, the JSON body), driven on one event loop, so the figures are the app's own cost.
A cycle is the issue's: `publish` then `cancel` of `contoso-draftoffer` with 60 notification addresses (the
publish is cancelled on the spot). The two mocks are timed in alternating rounds (short, long, short, long);
a call's figure is its best round on each. Memory is counted on the long mock as it goes: Python's allocated
blocks (every small object: operations, steps, notifications, strings) after a full garbage collection, at
10,000 cycles (the retention, 50 per offer, long full) and at 20,000; the resident set size is in the details.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from collections.abc import Callable, MutableMapping
from typing import Any

from cloud_partner_portal_mock import Clock, MockConfig, create_app

from .results import Figure

SHORT_CYCLES = 10
LONG_CYCLES = 20_000
ADDRESSES = ",".join(f"person{i}@contoso.com" for i in range(60))
OFFER = "/api/publishers/contoso/offers/contoso-draftoffer"
QUERY = b"api-version=2017-10-31"
GOAL = 1.5
MEMORY_GOAL = 1.1


def _resident_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _memory() -> dict[str, int]:
    gc.collect()
    return {"allocated blocks": sys.getallocatedblocks(), "resident bytes": _resident_bytes()}


class _Mock:
    """A mock with `cycles` publish + cancel cycles behind it; `memory` holds the counts taken on the way."""

    def __init__(self, cycles: int, log: Callable[[str], None], memory_at: tuple[int, ...] = ()) -> None:
        self.app = create_app(MockConfig(clock=Clock.frozen()))
        service = self.app.state.service
        self.memory: dict[int, dict[str, int]] = {}
        started = time.perf_counter()
        for done in range(1, cycles + 1):
            self.last = service.publish("contoso", "contoso-draftoffer", ADDRESSES).operation_id
            service.cancel("contoso", "contoso-draftoffer", ADDRESSES)
            if done in memory_at:
                self.memory[done] = _memory()
        log(f"  {cycles:,} cycles in {time.perf_counter() - started:.1f} s")
        self.loop = asyncio.new_event_loop()

    def request(self, path: str, query: bytes) -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query,
            "root_path": "",
            "headers": [(b"host", b"testserver"), (b"authorization", b"Bearer contoso-token")],
            "client": ("127.0.0.1", 40000),
            "server": ("testserver", 80),
        }
        status: list[int] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        self.loop.run_until_complete(self.app(scope, receive, send))
        if status != [200]:
            raise RuntimeError(f"GET {path}: {status}, not 200")

    def per_call(self, path: str, query: bytes, calls: int) -> float:
        started = time.perf_counter()
        for _ in range(calls):
            self.request(path, query)
        return (time.perf_counter() - started) / calls


def run(*, rounds: int, calls_per_round: int, log: Callable[[str], None]) -> list[Figure]:
    short = _Mock(SHORT_CYCLES, log)
    long = _Mock(LONG_CYCLES, log, memory_at=(LONG_CYCLES // 2, LONG_CYCLES))
    try:
        return _figures(short, long, rounds=rounds, calls_per_round=calls_per_round, log=log)
    finally:
        short.loop.close()
        long.loop.close()


def _figures(
    short: _Mock, long: _Mock, *, rounds: int, calls_per_round: int, log: Callable[[str], None]
) -> list[Figure]:
    calls: dict[str, Callable[[_Mock], tuple[str, bytes]]] = {
        "status": lambda mock: (f"{OFFER}/status", QUERY),
        "listOperations": lambda mock: (f"{OFFER}/submissions/", QUERY),
        "getOperation": lambda mock: (f"{OFFER}/operations/{mock.last}", QUERY),
    }
    times: dict[str, dict[str, list[float]]] = {name: {"short": [], "long": []} for name in calls}
    for mock in (short, long):  # warm-up: compiled validators, caches
        for where in calls.values():
            mock.per_call(*where(mock), 50)
    for index in range(rounds):
        for name, where in calls.items():
            for label, mock in (("short", short), ("long", long)):
                times[name][label].append(mock.per_call(*where(mock), calls_per_round))
        latest = {name: (t["short"][-1] * 1e6, t["long"][-1] * 1e6) for name, t in times.items()}
        log(f"  history round {index + 1}: " + ", ".join(f"{n} {a:.0f} / {b:.0f} µs" for n, (a, b) in latest.items()))
    ratios = {name: min(t["long"]) / min(t["short"]) for name, t in times.items()}
    worst = max(ratios, key=lambda name: ratios[name])
    cost = Figure(
        name="history: status, listOperations, getOperation after 20,000 cycles vs 10 (worst call)",
        measured=f"each GET through the whole ASGI app in-process, on a mock with {LONG_CYCLES:,} publish + cancel "
        f"cycles (60 addresses) behind it against one with {SHORT_CYCLES}; best of {rounds} alternating rounds of "
        f"{calls_per_round} calls; the figure is the call whose ratio is worst ({worst})",
        ours_label=f"{LONG_CYCLES:,} cycles",
        ours=min(times[worst]["long"]) * 1e6,
        baseline_label=f"{SHORT_CYCLES} cycles",
        baseline=min(times[worst]["short"]) * 1e6,
        unit="µs/call",
        higher_is_better=False,
        goal=f"<= {GOAL:.2f}",
        met=None,
        details={
            "ratio per call": {name: round(ratio, 3) for name, ratio in ratios.items()},
            "best µs per call": {
                name: {label: round(min(values) * 1e6, 1) for label, values in t.items()} for name, t in times.items()
            },
        },
    )
    cost.met = cost.ratio <= GOAL
    half, full = long.memory[LONG_CYCLES // 2], long.memory[LONG_CYCLES]
    memory = Figure(
        name="history: memory after 20,000 cycles vs after 10,000 (retention full)",
        measured="Python's allocated blocks after a full collection, on the long mock at 20,000 cycles against at "
        f"10,000 (50 finished operations kept per offer, full since cycle 50); resident set "
        f"{full['resident bytes'] / 2**20:.0f} MB against {half['resident bytes'] / 2**20:.0f} MB",
        ours_label="20,000 cycles",
        ours=full["allocated blocks"],
        baseline_label="10,000 cycles",
        baseline=half["allocated blocks"],
        unit="blocks",
        higher_is_better=False,
        goal=f"<= {MEMORY_GOAL:.2f} (flat)",
        met=None,
        details={"at 10,000 cycles": half, "at 20,000 cycles": full},
    )
    memory.met = memory.ratio <= MEMORY_GOAL
    return [cost, memory]
