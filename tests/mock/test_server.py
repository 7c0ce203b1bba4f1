"""`testing.MockServer` serves the mock with uvicorn on a free loopback port: a real HTTP round-trip."""

from __future__ import annotations

import httpx
import pytest

from cloud_partner_portal_mock.testing import MockServer

SEED_PAGE_CANCEL = "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel"


def test_seed_page_cancel_over_real_http_is_200_or_202(cpp_mock_server):
    cpp_mock_server.reset()

    response = httpx.post(
        cpp_mock_server.url + SEED_PAGE_CANCEL,
        params={"api-version": "2017-10-31"},
        headers={"Authorization": "Bearer contoso-token"},
        json={"metadata": {"notification-emails": "jondoe@contoso.com"}},
    )

    assert response.status_code in (200, 202)
    assert response.headers["Operation-Location"].startswith(cpp_mock_server.url + "/api/publishers/contoso/")


def test_server_listens_on_loopback(cpp_mock_server):
    assert cpp_mock_server.url.startswith("http://127.0.0.1:")
    assert cpp_mock_server.port > 0


def test_served_state_and_clock_are_the_servers(cpp_mock_server):
    cpp_mock_server.reset()
    headers = {"Authorization": "Bearer contoso-token"}
    params = {"api-version": "2017-10-31"}
    cancel = httpx.post(cpp_mock_server.url + SEED_PAGE_CANCEL, params=params, headers=headers)

    cpp_mock_server.clock.advance(cpp_mock_server.config.step_seconds["cancel"])

    polled = httpx.get(cancel.headers["Operation-Location"], params=params, headers=headers)
    assert polled.json()["status"] == "completed"
    assert cpp_mock_server.service.outbox[-1].event == "canceled"


def test_url_before_start_says_so():
    with pytest.raises(RuntimeError, match="not started"):
        _ = MockServer().url
