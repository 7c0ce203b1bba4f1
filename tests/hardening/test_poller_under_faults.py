"""The package's own poller against the mock's faults (faults.py): it recovers from each transient one, or gives
up cleanly when one persists."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.models import OperationStatus

from cloud_partner_portal import (
    AsyncOperationPoller,
    OperationPoller,
    OperationPollingError,
    begin_cancel,
    begin_cancel_async,
)
from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.testing import MockServer
from fake_time import FakeTime

from .conftest import API_VERSION, SEED_OFFER, SEED_OPERATION, auth, offer_url

QUERY = {"api-version": API_VERSION}


def operation_url(base: str, operation_id: str = SEED_OPERATION) -> str:
    return offer_url(base, SEED_OFFER, f"operations/{operation_id}")


def served(*faults: str) -> MockServer:
    return MockServer(MockConfig(clock=Clock.frozen(), faults=frozenset(faults)))


def client_for(server: MockServer, **headers: str) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=server.url, token="contoso-token", headers=headers, raise_on_unexpected_status=True
    )


@pytest.fixture
def faulty(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    with served(*request.param) as server:
        yield server


@pytest.mark.parametrize(
    ("faulty", "expected_sleeps"),
    [
        (["429;retry-after=3;only=getOperation;times=2"], [3, 3]),
        (["503;only=getOperation;times=2"], [1, 1]),
        (["drop;only=getOperation;times=2"], [1, 2]),
    ],
    indirect=["faulty"],
    ids=["429-retry-after", "503", "dropped-connection"],
)
def test_poller_recovers_from_transient_faults(faulty: MockServer, expected_sleeps: list[float]) -> None:
    fake = FakeTime(also=faulty.clock.advance)
    client = client_for(faulty)

    poller = begin_cancel(client, "contoso", SEED_OFFER, sleep=fake.sleep, clock=fake.clock, interval=1, backoff=2)
    detail = poller.result(timeout=600)

    assert detail.status == OperationStatus.COMPLETED
    # The faults' Retry-After (or backoff, for a dropped connection) first; then polling at the interval.
    assert fake.sleeps[: len(expected_sleeps)] == expected_sleeps
    canceled = httpx.get(operation_url(faulty.url), params=QUERY, headers=auth()).json()
    assert canceled["status"] == "canceled"


@pytest.mark.parametrize(
    ("faulty", "status_code"),
    [(["429;only=getOperation"], 429), (["503;only=getOperation"], 503), (["drop;only=getOperation"], None)],
    indirect=["faulty"],
    ids=["429", "503", "dropped-connection"],
)
def test_poller_gives_up_cleanly_when_a_fault_persists(faulty: MockServer, status_code: int | None) -> None:
    fake = FakeTime(also=faulty.clock.advance)
    poller = begin_cancel(client_for(faulty), "contoso", SEED_OFFER, sleep=fake.sleep, clock=fake.clock, max_retries=3)

    with pytest.raises(OperationPollingError) as caught:
        poller.result()

    assert caught.value.status_code == status_code
    assert caught.value.attempts == 4
    assert len(fake.sleeps) == 3
    assert not poller.done()


def test_poller_gives_up_when_every_request_asks_for_a_fault_by_header(server: MockServer) -> None:
    server.reset()
    fake = FakeTime(also=server.clock.advance)
    client = client_for(server, **{"X-Mock-Fault": "503;retry-after=2"})
    poller = OperationPoller.from_location(
        client, operation_url(server.url), sleep=fake.sleep, clock=fake.clock, max_retries=2, interval=1
    )

    with pytest.raises(OperationPollingError, match="gave up after 3 attempts") as caught:
        poller.result()

    assert caught.value.status_code == 503
    assert caught.value.code == "ServiceUnavailable"
    assert fake.sleeps == [2, 2]


@pytest.mark.parametrize("faulty", [["503;only=getOperation;times=1", "drop;only=getOperation;times=1"]], indirect=True)
def test_async_poller_recovers_from_503_and_a_dropped_connection(faulty: MockServer) -> None:
    fake = FakeTime(also=faulty.clock.advance)
    client = client_for(faulty)

    async def run() -> OperationStatus | str:
        poller: AsyncOperationPoller = await begin_cancel_async(
            client, "contoso", SEED_OFFER, sleep=fake.async_sleep, clock=fake.clock, interval=1
        )
        return (await poller.result(timeout=600)).status

    assert asyncio.run(run()) == OperationStatus.COMPLETED
    # 503's Retry-After, then the backoff of a second failure in a row (the drop waited for its turn).
    assert fake.sleeps[:2] == [1, 2]
