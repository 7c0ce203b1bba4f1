"""Simultaneous requests see one consistent state: of two cancels of one operation, one wins."""

from __future__ import annotations

import asyncio

import pytest

pytestmark = pytest.mark.anyio

AUTH = {"Authorization": "Bearer contoso-token"}
QUERY = {"api-version": "2017-10-31"}
ROUNDS = 20


def _url(offer, action):
    return f"/api/publishers/contoso/offers/{offer}/{action}"


async def _together(client, *requests):
    """Send the requests at once with `asyncio.gather`; the responses in request order."""
    return await asyncio.gather(
        *(client.request(method, url, params=QUERY, headers=AUTH, **kwargs) for method, url, kwargs in requests)
    )


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def test_simultaneous_cancels_of_an_asynchronous_cancel_give_one_202_and_one_404(async_client, service):
    body = {"json": {"metadata": {"notification-emails": "ops@contoso.com"}}}
    for _ in range(ROUNDS):
        service.reset()
        cancel = ("POST", _url("contoso-virtualmachineoffer", "cancel"), body)

        responses = await _together(async_client, cancel, cancel)

        assert sorted(r.status_code for r in responses) == [202, 404]
        assert [op.kind for op in service.snapshot().operations.values()].count("cancel") == 1


async def test_simultaneous_cancels_of_a_synchronous_cancel_give_one_200_and_one_404(async_client, service):
    for _ in range(ROUNDS):
        service.reset()
        await async_client.post(_url("contoso-draftoffer", "publish"), params=QUERY, headers=AUTH)
        cancel = ("POST", _url("contoso-draftoffer", "cancel"), {})

        responses = await _together(async_client, cancel, cancel)

        assert sorted(r.status_code for r in responses) == [200, 404]
        listed = await async_client.get(_url("contoso-draftoffer", "submissions/"), params=QUERY, headers=AUTH)
        assert [s["submissionState"] for s in listed.json()] == ["canceled"]


async def test_simultaneous_publishes_start_one_operation(async_client, service):
    for _ in range(ROUNDS):
        service.reset()
        publish = ("POST", _url("contoso-draftoffer", "publish"), {})

        responses = await _together(async_client, publish, publish, publish)

        assert {r.status_code for r in responses} == {202}
        assert len({r.headers["Operation-Location"] for r in responses}) == 1


async def test_cancel_and_publish_at_once_leave_a_consistent_offer(async_client, service):
    for _ in range(ROUNDS):
        service.reset()
        responses = await _together(
            async_client,
            ("POST", _url("contoso-virtualmachineoffer", "cancel"), {}),
            ("POST", _url("contoso-virtualmachineoffer", "publish"), {}),
        )

        cancel, publish = responses
        assert cancel.status_code == 202
        # Publish either came first (the running publish, idempotent) or after (409: the cancel runs).
        assert publish.status_code in (202, 409)
        if publish.status_code == 202:
            assert publish.headers["Operation-Location"].endswith("/operations/5a63deb5-925b-4ee0-938b-7c86fbf287c5")
