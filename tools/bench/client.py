"""The generated client's overhead: its cancel call against the same request written in raw httpx.

Both go through one `httpx.MockTransport` that answers a canned 202 as the pages document it (an
`Operation-Location` header, no body), so only the client side is timed: building the request (URL quoting, the
`api-version` query, the JSON body, the bearer header) and reading the answer (the generated client's `Response`,
whose 202 has nothing to parse; the raw call's header). Rounds alternate generated / raw; the figure is the best
round of each (as `timeit` reports), the estimate least disturbed by whatever else the machine runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.operations import cancel_operation
from cloud_partner_portal_client.models import NotificationMetadata, NotificationRequest

from .results import Figure

BASE_URL = "https://cloudpartner.azure.com"
OPERATION_ID = "56615b67-2185-49fe-80d2-c4ddf77bb2e8"
LOCATION = f"{BASE_URL}/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/{OPERATION_ID}"
TOKEN = "contoso-token"  # noqa: S105  # reason: the mock's documented test token; no server is called


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(202, headers={"Operation-Location": LOCATION})


def calls() -> tuple[Callable[[], Any], Callable[[], Any]]:
    """(generated, raw): one cancel call each, on the same in-process transport, returning the operation's location."""
    transport = httpx.MockTransport(_answer)
    client = AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": transport})
    body = NotificationRequest(metadata=NotificationMetadata(notification_emails="jondoe@contoso.com"))
    raw = httpx.Client(base_url=BASE_URL, transport=transport, headers={"Authorization": f"Bearer {TOKEN}"})

    def generated() -> Any:
        response = cancel_operation.sync_detailed("contoso", "contoso-virtualmachineoffer", client=client, body=body)
        return response.headers["Operation-Location"]

    def by_hand() -> Any:
        response = raw.post(
            "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel",
            params={"api-version": "2017-10-31"},
            json={"metadata": {"notification-emails": "jondoe@contoso.com"}},
        )
        return response.headers["Operation-Location"]

    return generated, by_hand


def _per_call(call: Callable[[], Any], count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count


def run(*, rounds: int, calls_per_round: int, log: Callable[[str], None]) -> list[Figure]:
    generated, by_hand = calls()
    assert generated() == by_hand() == LOCATION
    _per_call(generated, 500)
    _per_call(by_hand, 500)
    times: dict[str, list[float]] = {"generated": [], "raw": []}
    for index in range(rounds):
        times["generated"].append(_per_call(generated, calls_per_round))
        times["raw"].append(_per_call(by_hand, calls_per_round))
        log(
            f"  client round {index + 1}: generated {times['generated'][-1] * 1e6:.1f} µs, "
            f"raw httpx {times['raw'][-1] * 1e6:.1f} µs"
        )
    ours, baseline = min(times["generated"]) * 1e6, min(times["raw"]) * 1e6
    figure = Figure(
        name="client overhead: generated cancel vs raw httpx",
        measured=f"`cancel_operation.sync_detailed` against the same POST in raw httpx, both on an httpx.MockTransport "
        f"answering a canned 202; best of {rounds} alternating rounds of {calls_per_round} calls",
        ours_label="generated",
        ours=ours,
        baseline_label="raw httpx",
        baseline=baseline,
        unit="µs/call",
        higher_is_better=False,
        goal="<= 1.10",
        met=None,
        details={
            "generated µs": [round(t * 1e6, 2) for t in times["generated"]],
            "raw µs": [round(t * 1e6, 2) for t in times["raw"]],
            "ratio of medians": round(statistics.median(times["generated"]) / statistics.median(times["raw"]), 3),
        },
    )
    figure.met = figure.ratio <= 1.10
    return [figure]
