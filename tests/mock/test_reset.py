"""`POST /_mock/reset`: the served mock back to its seed, from loopback only, outside the API and its description."""

from __future__ import annotations

import asyncio
import json

import httpx

from cloud_partner_portal_mock.__main__ import banner
from cloud_partner_portal_mock.app import RESET_PATH
from cloud_partner_portal_mock.testing import InProcessMock

API = {"api-version": "2017-10-31"}
AUTH = {"Authorization": "Bearer contoso-token"}
OFFER = "/api/publishers/contoso/offers/contoso-virtualmachineoffer"
EMAILS = {"metadata": {"notification-emails": "jondoe@contoso.com"}}


def _running(url: str) -> list[object]:
    response = httpx.get(f"{url}{OFFER}/submissions/", params={**API, "status": "running"}, headers=AUTH)
    listed: list[object] = response.json()
    return listed


def test_a_reset_brings_back_the_seeded_running_publish_that_a_cancel_used_up(cpp_mock_server):
    cpp_mock_server.reset()
    cancel = httpx.post(f"{cpp_mock_server.url}{OFFER}/cancel", params=API, headers=AUTH, json=EMAILS)
    assert cancel.status_code == 202
    cpp_mock_server.clock.advance(3600)
    assert _running(cpp_mock_server.url) == []
    assert httpx.post(f"{cpp_mock_server.url}{OFFER}/cancel", params=API, headers=AUTH, json=EMAILS).status_code == 404

    reset = httpx.post(cpp_mock_server.url + RESET_PATH)

    assert reset.status_code == 200
    assert len(_running(cpp_mock_server.url)) == 1
    assert cpp_mock_server.clock.now() == InProcessMock().clock.now()  # the clock's advances undone
    assert httpx.post(f"{cpp_mock_server.url}{OFFER}/cancel", params=API, headers=AUTH, json=EMAILS).status_code == 202


def test_the_reset_takes_post_only(cpp_mock_server):
    response = httpx.get(cpp_mock_server.url + RESET_PATH)

    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_a_client_not_on_loopback_is_refused_and_the_state_stays():
    mock = InProcessMock()
    mock.clock.advance(60)
    transport = httpx.ASGITransport(app=mock.app, client=("203.0.113.7", 40000))

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.post(RESET_PATH)

    response = asyncio.run(call())

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "Forbidden"
    assert mock.clock.now() > InProcessMock().clock.now()  # not reset


def test_the_reset_is_not_in_the_description_the_mock_serves(cpp_mock_server):
    served = json.loads(httpx.get(cpp_mock_server.url + "/openapi.json").content)

    assert RESET_PATH not in served["paths"]
    assert all(path.startswith("/api/") for path in served["paths"])


def test_the_banner_prints_the_reset_command_and_no_token():
    printed = banner("http://127.0.0.1:8080", "rules mock, flavor seed; publishers: contoso, fabrikam")

    assert "curl -X POST http://127.0.0.1:8080/_mock/reset" in printed
    assert "token" not in printed.lower()
