"""Many clients at once over real HTTP: the mock's answers and state stay consistent.

Twenty asyncio tasks, each with its own `httpx.AsyncClient`, drive a mixed workload (publish, go live, cancel,
list, get, poll) against the mock served by uvicorn on loopback, while its clock jumps forward under them.
The run is bounded by a count of iterations and a deadline. Afterwards the clock is moved far ahead (and what
waits forever, a publish blocked at certification, is cancelled) so that every operation ends, and then:

- no answer was a 5xx, and every status was one the spec documents for its operation;
- no operation was lost or made up: each id a client was given exists, in the right offer, and every operation
  in the store was handed to exactly the one client whose call started it;
- every operation ends in exactly one terminal state, and stays there;
- every notification was recorded exactly once per (operation, event, step, address).
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from cloud_partner_portal_mock import MockConfig
from cloud_partner_portal_mock.state.outbox import EVENTS
from cloud_partner_portal_mock.state.store import TERMINAL
from cloud_partner_portal_mock.testing import MockServer
from cloud_partner_portal_mock.validation import spec
from support.seed import SEEDED_OFFERS, TOKENS
from support.served_calls import API_VERSION

TASKS = 20
ITERATIONS = 40
DEADLINE_SECONDS = 20.0
DAY = 86_400.0
QUERY = {"api-version": API_VERSION}
TERMINAL_EVENTS = frozenset({"completed", "failed", "canceled"})
STATUSES = {facts.operation_id: facts.statuses for facts in spec.operations()}
OFFERS = SEEDED_OFFERS
STARTS = {"publish": "publishOffer", "golive": "goLiveOffer", "cancel": "cancelOperation"}
KINDS = {"publish": "publish", "golive": "goLive", "cancel": "cancel"}


@dataclass
class Seen:
    """What the clients saw: every (operation, status), the ids they were handed, the ids they read."""

    statuses: list[tuple[str, int]] = field(default_factory=list)
    accepted: list[tuple[str, str]] = field(default_factory=list)
    """(call, operation id) of each 202: the operation the call started, or for a repeated publish the running one."""
    cancelled: set[str] = field(default_factory=set)
    """Ids from 200 cancels: the operation cancelled on the spot."""
    read_ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Ids listed or read, with the (publisher, offer) they were read under."""
    locations: list[str] = field(default_factory=list)


@pytest.fixture
def cpp_mock_config() -> MockConfig:
    # With the prose form's body, so that a synchronous cancel's 200 names the operation it cancelled; nothing is
    # dropped (`retain_finished`): the first test accounts for every operation ever created.
    return MockConfig(location_body=True, retain_finished=100_000)


async def _client_task(index: int, cpp_mock_server: MockServer, seen: Seen, deadline: float) -> None:
    rng = random.Random(index)
    publisher = "contoso" if index % 10 < 7 else "fabrikam"
    body = {"metadata": {"notification-emails": f"client{index}@{publisher}.com"}}
    headers = {"Authorization": f"Bearer {TOKENS[publisher]}"}
    async with httpx.AsyncClient(base_url=cpp_mock_server.url, headers=headers, timeout=10) as client:
        for _ in range(ITERATIONS):
            if time.monotonic() > deadline:
                return
            offer = rng.choice(OFFERS[publisher])
            base = f"/api/publishers/{publisher}/offers/{offer}"
            action = rng.choice(["publish", "publish", "golive", "cancel", "cancel", "list", "get", "poll"])
            if action in STARTS:
                response = await client.post(f"{base}/{action}", params=QUERY, json=body)
                seen.statuses.append((STARTS[action], response.status_code))
                if response.status_code == 202:
                    seen.accepted.append((action, response.json()["operationId"]))
                    seen.locations.append(response.headers["Operation-Location"])
                elif response.status_code == 200:
                    seen.cancelled.add(response.json()["operationId"])
            elif action == "list":
                response = await client.get(f"{base}/submissions/", params=QUERY)
                seen.statuses.append(("listOperations", response.status_code))
                for submission in response.json():
                    seen.read_ids[submission["id"]] = (publisher, offer)
            elif action == "get" and seen.read_ids:
                op_id, (owner, owner_offer) = rng.choice(sorted(seen.read_ids.items()))
                if owner == publisher:
                    response = await client.get(
                        f"/api/publishers/{owner}/offers/{owner_offer}/operations/{op_id}", params=QUERY
                    )
                    seen.statuses.append(("getOperation", response.status_code))
                    assert response.status_code == 200, response.text
            elif action == "poll" and seen.locations:
                location = rng.choice(seen.locations)
                if f"/publishers/{publisher}/" in location:
                    # The seed page's absolute location has no api-version: a poller adds it.
                    response = await client.get(location, params=QUERY)
                    seen.statuses.append(("getOperation", response.status_code))
                    assert response.status_code == 200, response.text


async def _move_clock(cpp_mock_server: MockServer, stop: asyncio.Event) -> None:
    rng = random.Random(0)
    while not stop.is_set():
        await asyncio.sleep(0.01)
        cpp_mock_server.clock.advance(rng.choice([1, 5, 30, 600, 3600]))


async def _load(cpp_mock_server: MockServer) -> Seen:
    seen = Seen()
    deadline = time.monotonic() + DEADLINE_SECONDS
    stop = asyncio.Event()
    clock = asyncio.create_task(_move_clock(cpp_mock_server, stop))
    try:
        await asyncio.gather(*(_client_task(index, cpp_mock_server, seen, deadline) for index in range(TASKS)))
    finally:
        stop.set()
        await clock
    return seen


def _finish_everything(cpp_mock_server: MockServer, seen: Seen) -> None:
    """Move time far ahead; cancel what waits forever (a blocked publish); repeat until nothing runs. The cancels
    sent here are counted as the clients' own."""
    for _ in range(5):
        cpp_mock_server.clock.advance(30 * DAY)
        running = [op for op in cpp_mock_server.snapshot().operations.values() if op.status == "running"]
        if not running:
            return
        for op in running:
            if op.kind != "cancel":
                response = httpx.post(
                    f"{cpp_mock_server.url}/api/publishers/{op.publisher_id}/offers/{op.offer_id}/cancel",
                    params=QUERY,
                    headers={"Authorization": f"Bearer {TOKENS[op.publisher_id]}"},
                )
                seen.statuses.append(("cancelOperation", response.status_code))
                if response.status_code == 202:
                    seen.accepted.append(("cancel", response.json()["operationId"]))
                elif response.status_code == 200:
                    seen.cancelled.add(response.json()["operationId"])


def test_many_clients_at_once_leave_a_consistent_state(cpp_mock_server: MockServer) -> None:
    cpp_mock_server.reset()
    seed_ids = set(cpp_mock_server.snapshot().operations)

    seen = asyncio.run(_load(cpp_mock_server))
    _finish_everything(cpp_mock_server, seen)
    state = cpp_mock_server.snapshot()
    outbox = state.outbox

    # Enough happened for the invariants to mean something.
    assert len(seen.statuses) >= TASKS * ITERATIONS // 2
    assert len(seen.accepted) >= 20

    # No 5xx; every status documented for its operation.
    assert not [s for s in seen.statuses if s[1] >= 500]
    assert not [s for s in seen.statuses if s[1] not in STATUSES[s[0]]]

    # Nothing lost, nothing made up, nothing handed out twice.
    created = set(state.operations) - seed_ids
    handed_out = Counter(op_id for _, op_id in seen.accepted)
    assert created <= set(handed_out)
    assert (set(handed_out) | seen.cancelled | set(seen.read_ids)) <= set(state.operations)
    for action, op_id in seen.accepted:
        kind = state.operations[op_id].kind
        assert kind == KINDS[action], (action, op_id, kind)
        if action != "publish":  # only a repeated publish answers an operation that another call started
            assert handed_out[op_id] == 1, (action, op_id)
            assert op_id in created, (action, op_id)
    for op_id, (publisher, offer) in seen.read_ids.items():
        assert (state.operations[op_id].publisher_id, state.operations[op_id].offer_id) == (publisher, offer)
    for offer in state.offers.values():
        assert len(offer.operation_ids) == len(set(offer.operation_ids))
    assert sum(len(o.operation_ids) for o in state.offers.values()) == len(state.operations)

    # Every operation ends in exactly one terminal state, and stays in it.
    final = {op_id: op.status for op_id, op in state.operations.items()}
    assert set(final.values()) <= TERMINAL
    assert state.running == ()
    cpp_mock_server.clock.advance(30 * DAY)
    assert {op_id: op.status for op_id, op in cpp_mock_server.snapshot().operations.items()} == final
    terminal_events = Counter(
        (n.operation_id, n.address) for n in outbox if n.event in TERMINAL_EVENTS and n.operation_id in created
    )
    addressed = {(op_id, address) for op_id in created for address in _addresses(state.operations[op_id])}
    assert set(terminal_events) >= addressed
    assert all(count == 1 for count in terminal_events.values())
    for notification in outbox:
        if notification.event in TERMINAL_EVENTS and notification.operation_id in created:
            assert notification.event == final[notification.operation_id]  # events are named as the statuses
    assert all(final[op_id] == "canceled" for op_id in seen.cancelled)

    # Every notification recorded exactly once.
    counts = Counter((n.operation_id, n.event, n.step, n.address) for n in outbox)
    assert max(counts.values()) == 1, [key for key, count in counts.items() if count > 1][:5]
    assert {n.event for n in outbox} <= set(EVENTS)


def _addresses(operation: Any) -> list[str]:
    return [a for a in (operation.emails or "").split(",") if a]


def test_a_long_run_of_publish_and_cancel_keeps_the_running_index_exact(cpp_mock_server: MockServer) -> None:
    """Soak: hundreds of operations on few offers; the index of running operations never drifts from the truth,
    so the cost of each request stays that of the operations still running, not of the whole history."""
    cpp_mock_server.reset()

    async def cycles(publisher: str, offers: list[str], rounds: int) -> list[int]:
        statuses: list[int] = []
        headers = {"Authorization": f"Bearer {TOKENS[publisher]}"}
        async with httpx.AsyncClient(base_url=cpp_mock_server.url, headers=headers, timeout=10) as client:
            for round_ in range(rounds):
                offer = offers[round_ % len(offers)]
                for action in ("publish", "cancel"):
                    response = await client.post(f"/api/publishers/{publisher}/offers/{offer}/{action}", params=QUERY)
                    statuses.append(response.status_code)
                if round_ % 10 == 0:
                    cpp_mock_server.clock.advance(60)
        return statuses

    async def run() -> list[int]:
        parts = await asyncio.gather(
            *(cycles("contoso", ["contoso-draftoffer", "contoso-liveoffer"], 60) for _ in range(5)),
            *(cycles("fabrikam", ["fabrikam-appoffer"], 60) for _ in range(5)),
        )
        return [status for part in parts for status in part]

    statuses = asyncio.run(run())
    state = cpp_mock_server.snapshot()

    assert not [s for s in statuses if s >= 500]
    assert len(state.operations) > 100
    assert set(state.running) == {op_id for op_id, op in state.operations.items() if op.status == "running"}


def test_status_running_never_lists_two_operations_while_threads_publish_go_live_and_cancel(
    cpp_mock_server: MockServer,
) -> None:
    """At most one operation runs per offer, as the spec and the command line say: while a cancel operation stops
    a publish or go-live, the stopped one is the running submission (`cancelRequested`) and the cancel operation
    is not listed. Eight threads publish, go live and cancel on four offers while two sample `status=running`."""
    cpp_mock_server.reset()
    offers = ["contoso-virtualmachineoffer", "contoso-draftoffer", "contoso-previewoffer", "contoso-goingliveoffer"]
    deadline = time.monotonic() + DEADLINE_SECONDS
    stop = threading.Event()
    counts: list[int] = []
    cancel_requested = 0
    statuses: list[int] = []

    def act(index: int) -> None:
        rng = random.Random(index)
        with httpx.Client(
            base_url=cpp_mock_server.url, headers={"Authorization": f"Bearer {TOKENS['contoso']}"}
        ) as client:
            for _ in range(ITERATIONS * 2):
                if time.monotonic() > deadline:
                    return
                offer, action = rng.choice(offers), rng.choice(["publish", "golive", "golive", "cancel", "cancel"])
                response = client.post(f"/api/publishers/contoso/offers/{offer}/{action}", params=QUERY, timeout=10)
                statuses.append(response.status_code)

    def sample() -> None:
        nonlocal cancel_requested
        with httpx.Client(
            base_url=cpp_mock_server.url, headers={"Authorization": f"Bearer {TOKENS['contoso']}"}
        ) as client:
            while not stop.is_set() and time.monotonic() < deadline:
                for offer in offers:
                    base = f"/api/publishers/contoso/offers/{offer}"
                    running = client.get(f"{base}/submissions/", params={**QUERY, "status": "running"}, timeout=10)
                    counts.append(len(running.json()))
                    for submission in running.json():
                        detail = client.get(f"{base}/operations/{submission['id']}", params=QUERY, timeout=10)
                        cancel_requested += detail.json()["cancellationRequestState"] == "cancelRequested"

    def move_clock() -> None:
        rng = random.Random(0)
        while not stop.is_set():
            time.sleep(0.01)
            cpp_mock_server.clock.advance(rng.choice([1, 5, 30, 600]))

    samplers = [threading.Thread(target=sample) for _ in range(2)] + [threading.Thread(target=move_clock)]
    for thread in samplers:
        thread.start()
    try:
        actors = [threading.Thread(target=act, args=(index,)) for index in range(8)]
        for thread in actors:
            thread.start()
        for thread in actors:
            thread.join(timeout=DEADLINE_SECONDS + 30)
    finally:
        stop.set()
        for thread in samplers:
            thread.join(timeout=30)

    assert not [s for s in statuses if s >= 500]
    assert len(counts) >= 100
    assert cancel_requested > 0  # samples were taken while a cancel operation was stopping a run
    assert max(counts) <= 1, f"{sum(c > 1 for c in counts)} of {len(counts)} samples listed more than one"
