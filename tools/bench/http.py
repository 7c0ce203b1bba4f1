"""The mock against Prism: requests/s and p50/p99 latency with wrk, same requests, same concurrency, on loopback.

Both servers validate every request against the same `build/openapi.mock.yaml`. For each scenario both are
started fresh, warmed up (Prism's JIT, the mock's compiled validators), then measured in alternating rounds
(mock, Prism, mock, Prism, ...); the figure is the median round. What each answers is counted by status, so the
results say exactly which path was measured:

- **cancel (seed page request)**: the seed page's request as written. Prism answers its 200 example every time.
  The mock acts on its state: the first cancel starts a cancel operation (202), every later one finds nothing
  running and answers 404 `NoOperationInProgress`, after the same authentication, body and parameter
  validation and a look-up in the state.
- **publish + cancel on a draft**: the cancel path that succeeds, kept repeatable: each connection alternates
  `publish` and `cancel` of `contoso-draftoffer` with the seed page's body. The mock starts an operation (202),
  cancels it on the spot (200), and under concurrency also answers repeated publishes (202, the running one)
  and cancels that find nothing (404); every pair changes state. Prism answers its 202 and 200 examples.
- **get operation**: the seed page's operation, read (200 from both; the mock builds it from its state).
- **PUT offer with ETag**: the automate-publishing page's write under optimistic concurrency, as a CI job per
  offer does it: each connection reads its own offer and writes the answer's body back with `If-Match` set to the
  answer's ETag, GET and PUT in turn (`load.write_back_script`, wrk with a thread per connection). Each
  connection first creates its offer (`bench-<n>`, the seeded `contoso-draftoffer`'s body) with `If-Match: *`.
  The mock checks the ETag under its lock, stores the offer and answers it with a new ETag (200); Prism answers
  its examples (its 200 offer and the example ETag) and checks no ETag. Both validate the whole offer body
  against the description. The statuses and the count of PUTs say what was measured: a 412 from the mock would
  mean a write was refused, which nothing here should cause.
"""

from __future__ import annotations

import contextlib
import json
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from cloud_partner_portal_mock.state.offer_documents import OfferDocuments
from cloud_partner_portal_mock.state.offer_seed import seed_documents

from ..launcher import free_port, mock_command
from . import load, machine, servers
from .results import Figure

API_VERSION = "2017-10-31"
AUTH = {"Authorization": "Bearer contoso-token"}
JSON = {**AUTH, "Content-Type": "application/json"}
BODY = '{"metadata":{"notification-emails":"jondoe@contoso.com"}}'
OFFER = "/api/publishers/contoso/offers/contoso-virtualmachineoffer"
DRAFT = "/api/publishers/contoso/offers/contoso-draftoffer"
OPERATION = f"{OFFER}/operations/5a63deb5-925b-4ee0-938b-7c86fbf287c5?api-version={API_VERSION}"
OWN_OFFER = f"/api/publishers/contoso/offers/{load.OFFER_ID_MARK}"
"""Each connection's own offer in the PUT scenario (`load.write_back_script` names it)."""
_SERVERS_OWN = ("status", "version", "changedTime", "eTag")


def create_body() -> str:
    """The body that creates a connection's offer: the seeded draft offer's, under the connection's offer id, less
    what the server sets."""
    documents = OfferDocuments()
    seed_documents(documents, datetime.now(UTC))
    seeded = documents.read("contoso", "contoso-draftoffer", lambda _offer_id: "neverPublished")
    body = {key: value for key, value in seeded.items() if key not in _SERVERS_OWN}
    return json.dumps({**body, "id": load.OFFER_ID_MARK}, separators=(",", ":"))


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    requests: list[load.Request]
    measured: str
    write_back: bool = False
    """The one request is a GET of each connection's own offer, written back under its ETag
    (`load.write_back_script`, a thread per connection)."""


SCENARIOS = [
    Scenario(
        "cancel",
        "cancel (seed page request)",
        [load.Request("POST", f"{OFFER}/cancel?api-version={API_VERSION}", JSON, BODY)],
        "`POST …/contoso-virtualmachineoffer/cancel` with the seed page's token and body; Prism: its 200 example; "
        "the mock: 202 once, then 404 NoOperationInProgress (full validation, then a state look-up)",
    ),
    Scenario(
        "publish-cancel",
        "publish + cancel on a draft",
        [
            load.Request("POST", f"{DRAFT}/publish?api-version={API_VERSION}", JSON, BODY),
            load.Request("POST", f"{DRAFT}/cancel?api-version={API_VERSION}", JSON, BODY),
        ],
        "each connection alternates publish and cancel of contoso-draftoffer (seed page body); the mock starts an "
        "operation (202) and cancels it on the spot (200), changing state every pair; Prism: its 202/200 examples",
    ),
    Scenario(
        "get-operation",
        "get operation",
        [load.Request("GET", OPERATION, AUTH)],
        "`GET …/operations/5a63deb5-…` with the seed page's token: 200 from both (the mock builds it from its state)",
    ),
    Scenario(
        "put-offer-etag",
        "PUT offer with ETag",
        [load.Request("GET", f"{OWN_OFFER}?api-version={API_VERSION}", AUTH)],
        "each connection GETs its own offer (contoso-draftoffer's body) and PUTs the answer's body back with "
        "If-Match: the answer's ETag, in turn; the mock: 200 (checked, stored, a new ETag); Prism: its example offer "
        "and ETag, no ETag check",
        write_back=True,
    ),
]


@dataclass(frozen=True)
class Settings:
    seconds: float
    rounds: int
    warmup: float
    connections: int


def _median(results: list[load.LoadResult], value: Callable[[load.LoadResult], float]) -> float:
    return statistics.median(value(r) for r in results)


def _statuses(results: list[load.LoadResult]) -> dict[str, int]:
    total: Counter[int] = Counter()
    for r in results:
        total.update(r.statuses)
    return {str(code): count for code, count in sorted(total.items())}


def _errors(results: list[load.LoadResult]) -> dict[str, int]:
    """Socket errors (connect, read, write, timeout); wrk's "status" errors are the non-2xx answers, counted apart."""
    total: Counter[str] = Counter()
    for r in results:
        total.update(r.errors)
    return {name: count for name, count in total.items() if count and name != "status"}


def run_scenario(scenario: Scenario, settings: Settings, log: Callable[[str], None]) -> list[Figure]:
    if scenario.write_back:
        (read,) = scenario.requests
        lua = load.write_back_script(read.path, read.headers, create_body(), f"wrk-{scenario.key}")
    else:
        lua = load.script(scenario.requests, f"wrk-{scenario.key}")
    threads = settings.connections if scenario.write_back else 1
    mock_port, prism_port, empty_port = free_port(), free_port(), free_port()
    rounds: dict[str, list[load.LoadResult]] = {"mock": [], "prism": [], "empty": []}
    # The GET scenario also measures an empty app on the mock's uvicorn: the ceiling of the server itself.
    with_ceiling = scenario.key == "get-operation"
    with (
        servers.serve("mock", mock_command(mock_port), mock_port) as mock,
        servers.serve("prism", servers.prism_command(prism_port), prism_port) as prism,
        servers.serve("empty", servers.empty_command(empty_port), empty_port)
        if with_ceiling
        else contextlib.nullcontext() as empty,
    ):
        targets = {"mock": mock.url, "prism": prism.url}
        if empty is not None:
            targets["empty"] = empty.url
        for url in targets.values():
            load.run(url, lua, seconds=settings.warmup, connections=settings.connections, threads=threads)
        for index in range(settings.rounds):
            for name, url in targets.items():
                result = load.run(url, lua, seconds=settings.seconds, connections=settings.connections, threads=threads)
                rounds[name].append(result)
                puts = f"  PUTs {result.puts}" if result.puts is not None else ""
                log(
                    f"  {scenario.key} round {index + 1} {name:5}: {result.rps:8,.0f} req/s  "
                    f"p50 {result.p50_ms:.2f} ms  p99 {result.p99_ms:.2f} ms  {dict(sorted(result.statuses.items()))}"
                    f"{puts}"
                )
    ours, theirs = rounds["mock"], rounds["prism"]
    details = {
        "connections": settings.connections,
        "seconds per round": settings.seconds,
        "rounds": settings.rounds,
        "mock statuses": _statuses(ours),
        "prism statuses": _statuses(theirs),
        "mock socket errors": _errors(ours),
        "prism socket errors": _errors(theirs),
        "mock rounds req/s": [round(r.rps) for r in ours],
        "prism rounds req/s": [round(r.rps) for r in theirs],
        "mock p50 ms": round(_median(ours, lambda r: r.p50_ms), 3),
        "prism p50 ms": round(_median(theirs, lambda r: r.p50_ms), 3),
        "mock p99 ms rounds": [round(r.p99_ms, 3) for r in ours],
        "prism p99 ms rounds": [round(r.p99_ms, 3) for r in theirs],
    }
    if scenario.write_back:
        details["mock PUTs sent"] = sum(r.puts or 0 for r in ours)
        details["prism PUTs sent"] = sum(r.puts or 0 for r in theirs)
    rps = Figure(
        name=f"{scenario.title}: throughput",
        measured=scenario.measured
        + f"; wrk, {threads} thread{'s' if threads > 1 else ''}, {settings.connections} connections, median of rounds",
        ours_label="mock",
        ours=_median(ours, lambda r: r.rps),
        baseline_label="Prism",
        baseline=_median(theirs, lambda r: r.rps),
        unit="req/s",
        higher_is_better=True,
        goal=">= 2.00" if scenario.key != "publish-cancel" else "n/a",
        met=None,
        details=details,
    )
    rps.met = rps.ratio >= 2.0 if scenario.key != "publish-cancel" else None
    p99 = Figure(
        name=f"{scenario.title}: p99 latency",
        measured=f"the same runs' 99th percentile latency (median of rounds); p50 mock {details['mock p50 ms']} ms, "
        f"Prism {details['prism p50 ms']} ms",
        ours_label="mock",
        ours=_median(ours, lambda r: r.p99_ms),
        baseline_label="Prism",
        baseline=_median(theirs, lambda r: r.p99_ms),
        unit="ms",
        higher_is_better=False,
        goal="< 1.00 (a lower p99)" if scenario.key != "publish-cancel" else "n/a",
        met=None,
    )
    p99.met = p99.ratio < 1.0 if scenario.key != "publish-cancel" else None
    figures = [rps, p99]
    if with_ceiling:
        figures.append(
            Figure(
                name="server ceiling: empty app on the mock's uvicorn",
                measured="an ASGI app that only answers `{}` (tools/bench/empty.py), on uvicorn as the mock runs it, "
                f"under the same GET load, against Prism: the most any app can get from this server (uvicorn "
                f"{machine.server_stack()}); the mock reaches "
                f"{_median(ours, lambda r: r.rps) / _median(rounds['empty'], lambda r: r.rps):.0%} of it",
                ours_label="empty app",
                ours=_median(rounds["empty"], lambda r: r.rps),
                baseline_label="Prism",
                baseline=_median(theirs, lambda r: r.rps),
                unit="req/s",
                higher_is_better=True,
                goal="n/a (context)",
                met=None,
                details={"empty rounds req/s": [round(r.rps) for r in rounds["empty"]]},
            )
        )
    return figures


def run(settings: Settings, log: Callable[[str], None]) -> list[Figure]:
    if not load.available():
        raise RuntimeError("wrk is not installed (Debian: apt-get install -y wrk)")
    if not machine.PRISM.exists():
        raise RuntimeError(f"{machine.PRISM} is missing; run 'make setup'")
    if not servers.MOCK_SPEC.exists():
        raise RuntimeError(f"{servers.MOCK_SPEC} is missing; run 'make overlay'")
    figures: list[Figure] = []
    for scenario in SCENARIOS:
        log(f"mock vs Prism: {scenario.title}")
        figures += run_scenario(scenario, settings, log)
    return figures
