"""The package's own poller against the served mock's faults (`cloud_partner_portal_mock.faults`): it recovers from
each transient one, or gives up cleanly when one persists. The mock is the plugin's `cpp_mock_server`, under the
faults `cpp_mock_config` names."""

from __future__ import annotations

import asyncio

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
from cloud_partner_portal_mock import MockConfig
from cloud_partner_portal_mock.testing import MockServer
from support.fake_time import FakeTime
from support.seed import SEED_OPERATION, STUCK_OFFER
from support.served_calls import API_VERSION, auth, offer_url

QUERY = {"api-version": API_VERSION}


def operation_url(base: str, operation_id: str = SEED_OPERATION) -> str:
    return offer_url(base, STUCK_OFFER, f"operations/{operation_id}")


def faulty(*faults: str) -> MockConfig:
    return MockConfig(faults=frozenset(faults))


def client_for(server: MockServer, **headers: str) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=server.url, token="contoso-token", headers=headers, raise_on_unexpected_status=True
    )


@pytest.mark.parametrize(
    ("cpp_mock_config", "expected_sleeps"),
    [
        (faulty("429;retry-after=3;only=getOperation;times=2"), [3, 3]),
        (faulty("503;only=getOperation;times=2"), [1, 1]),
        (faulty("drop;only=getOperation;times=2"), [1, 2]),
    ],
    ids=["429-retry-after", "503", "dropped-connection"],
)
def test_poller_recovers_from_transient_faults(cpp_mock_server: MockServer, expected_sleeps: list[float]) -> None:
    fake = FakeTime(also=cpp_mock_server.clock.advance)
    client = client_for(cpp_mock_server)

    poller = begin_cancel(client, "contoso", STUCK_OFFER, sleep=fake.sleep, clock=fake.clock, interval=1, backoff=2)
    detail = poller.result(timeout=600)

    assert detail.status == OperationStatus.COMPLETED
    # The faults' Retry-After (or backoff, for a dropped connection) first; then polling at the interval.
    assert fake.sleeps[: len(expected_sleeps)] == expected_sleeps
    canceled = httpx.get(operation_url(cpp_mock_server.url), params=QUERY, headers=auth()).json()
    assert canceled["status"] == "canceled"


@pytest.mark.parametrize(
    ("cpp_mock_config", "status_code"),
    [
        (faulty("429;only=getOperation"), 429),
        (faulty("503;only=getOperation"), 503),
        (faulty("drop;only=getOperation"), None),
    ],
    ids=["429", "503", "dropped-connection"],
)
def test_poller_gives_up_cleanly_when_a_fault_persists(cpp_mock_server: MockServer, status_code: int | None) -> None:
    fake = FakeTime(also=cpp_mock_server.clock.advance)
    poller = begin_cancel(
        client_for(cpp_mock_server), "contoso", STUCK_OFFER, sleep=fake.sleep, clock=fake.clock, max_retries=3
    )

    with pytest.raises(OperationPollingError) as caught:
        poller.result()

    assert caught.value.status_code == status_code
    assert caught.value.attempts == 4
    assert len(fake.sleeps) == 3
    assert not poller.done()


def test_poller_gives_up_when_every_request_asks_for_a_fault_by_header(cpp_mock_server: MockServer) -> None:
    fake = FakeTime(also=cpp_mock_server.clock.advance)
    client = client_for(cpp_mock_server, **{"X-Mock-Fault": "503;retry-after=2"})
    poller = OperationPoller.from_location(
        client, operation_url(cpp_mock_server.url), sleep=fake.sleep, clock=fake.clock, max_retries=2, interval=1
    )

    with pytest.raises(OperationPollingError, match="gave up after 3 attempts") as caught:
        poller.result()

    assert caught.value.status_code == 503
    assert caught.value.code == "ServiceUnavailable"
    assert fake.sleeps == [2, 2]


@pytest.mark.parametrize("cpp_mock_config", [faulty("503;only=getOperation;times=1", "drop;only=getOperation;times=1")])
def test_async_poller_recovers_from_503_and_a_dropped_connection(cpp_mock_server: MockServer) -> None:
    fake = FakeTime(also=cpp_mock_server.clock.advance)
    client = client_for(cpp_mock_server)

    async def run() -> OperationStatus | str:
        poller: AsyncOperationPoller = await begin_cancel_async(
            client, "contoso", STUCK_OFFER, sleep=fake.async_sleep, clock=fake.clock, interval=1
        )
        return (await poller.result(timeout=600)).status

    assert asyncio.run(run()) == OperationStatus.COMPLETED
    # 503's Retry-After, then the backoff of a second failure in a row (the drop waited for its turn).
    assert fake.sleeps[:2] == [1, 2]
