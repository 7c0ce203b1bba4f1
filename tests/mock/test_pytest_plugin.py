"""The pytest plugin's fixtures: `cpp_mock` in-process, `cpp_mock_server` served, both reset per test."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from cloud_partner_portal_mock import MockConfig

STATUS = "/api/publishers/contoso/offers/contoso-draftoffer/status?api-version=2017-10-31"
PUBLISH = "/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"


def test_cpp_mock_gives_an_in_process_client_and_a_frozen_clock(cpp_mock):
    with cpp_mock.client() as client:
        client.post(PUBLISH)
        before = cpp_mock.clock.now()
        assert cpp_mock.clock.now() == before
        cpp_mock.clock.advance(3600)

        assert client.get(STATUS).json()["status"] == "waitingForPublisherReview"


@pytest.mark.parametrize("round_", [1, 2])
def test_cpp_mock_is_fresh_in_each_test(cpp_mock, round_):
    with cpp_mock.client() as client:
        assert client.get(STATUS).json()["status"] == "neverPublished"
        client.post(PUBLISH)


@pytest.mark.parametrize("round_", [1, 2])
def test_cpp_mock_server_is_reset_for_each_test(cpp_mock_server, round_):
    headers = {"Authorization": "Bearer contoso-token"}

    assert httpx.get(cpp_mock_server.url + STATUS, headers=headers).json()["status"] == "neverPublished"
    httpx.post(cpp_mock_server.url + PUBLISH, headers=headers)
    assert cpp_mock_server.service.outbox == []


def test_cpp_mock_config_is_the_documented_mock_by_default(cpp_mock, cpp_mock_server, cpp_mock_config):
    assert cpp_mock_config == MockConfig(clock=cpp_mock_config.clock)
    assert cpp_mock.config.flavor == cpp_mock_server.config.flavor == "seed"


@pytest.mark.parametrize(
    ("cpp_mock_config", "header"),
    [
        (MockConfig(flavor="seed"), "Operation-Location"),
        (MockConfig(flavor="2020-migrated"), "Location"),
        (MockConfig(flavor="2020-legacy", rules="documented"), "Location"),
    ],
    ids=["seed", "2020-migrated", "2020-legacy-documented"],
)
def test_parametrizing_cpp_mock_config_sets_both_mocks(cpp_mock, cpp_mock_server, cpp_mock_config, header):
    headers = {"Authorization": "Bearer contoso-token"}
    with cpp_mock.client() as client:
        in_process = client.post(PUBLISH)
    served = httpx.post(cpp_mock_server.url + PUBLISH, headers=headers)

    for response in (in_process, served):
        assert response.status_code == 202
        assert header in response.headers
    assert cpp_mock_server.config.rules == cpp_mock_config.rules
    assert httpx.get(cpp_mock_server.url + "/openapi.json").json() == cpp_mock.app.state.description.document


def test_cpp_mock_servers_serve_one_mock_per_configuration(cpp_mock_servers):
    first = cpp_mock_servers.get(MockConfig(flavor="2018"))

    assert cpp_mock_servers.get(MockConfig(flavor="2018")) is first
    assert cpp_mock_servers.get(MockConfig(flavor="2018", location_body=True)) is not first


def test_plugin_loads_without_the_mock_extra():
    # pytest loads registered plugins at start-up, so the plugin must import where Starlette, uvicorn and
    # openapi-core are not installed (the distribution without its `mock` extra).
    code = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'openapi_core'):\n"
        "    sys.modules[name] = None\n"
        "import cloud_partner_portal_mock.pytest_plugin\n"
    )

    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603  # reason: fixed code, this interpreter


def test_cpp_poll_options_let_a_cancel_run_to_its_end_on_the_frozen_clock(cpp_mock_server, cpp_poll_options):
    from cloud_partner_portal_client import AuthenticatedClient

    from cloud_partner_portal import begin_cancel

    client = AuthenticatedClient(base_url=cpp_mock_server.url, token="contoso-token")
    started = cpp_mock_server.clock.now()

    poller = begin_cancel(client, "contoso", "contoso-virtualmachineoffer", **cpp_poll_options)

    assert poller.result(timeout=30).status == "completed"
    assert cpp_mock_server.clock.now() > started  # the waits moved the mock's clock, not the test's


def test_a_poller_without_options_waits_on_the_served_mocks_clock(cpp_mock_server):
    from cloud_partner_portal_client import AuthenticatedClient

    from cloud_partner_portal import begin_cancel

    client = AuthenticatedClient(base_url=cpp_mock_server.url, token="contoso-token")
    started, real_start = cpp_mock_server.clock.now(), time.monotonic()

    poller = begin_cancel(client, "contoso", "contoso-virtualmachineoffer")

    assert poller.result(timeout=30).status == "completed"
    assert cpp_mock_server.clock.now() > started  # the poller's waits moved the mock's clock
    assert time.monotonic() - real_start < 25  # ... not the test's (the cancel step lasts 5 s of mock time)


def test_an_async_poller_without_options_waits_on_the_in_process_mocks_clock(cpp_mock):
    import asyncio

    import httpx
    from cloud_partner_portal_client import AuthenticatedClient

    from cloud_partner_portal import begin_cancel_async

    client = AuthenticatedClient(
        base_url="http://testserver", token="contoso-token", httpx_args={"transport": httpx.ASGITransport(cpp_mock.app)}
    )
    started = cpp_mock.clock.now()

    async def cancel_and_wait() -> str:
        poller = await begin_cancel_async(client, "contoso", "contoso-virtualmachineoffer")
        return str((await poller.result(timeout=30)).status)

    assert asyncio.run(cancel_and_wait()) == "completed"
    assert cpp_mock.clock.now() > started
