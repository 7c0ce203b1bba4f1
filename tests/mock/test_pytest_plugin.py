"""The pytest plugin's fixtures: `cpp_mock` in-process, `cpp_mock_server` served, both reset per test."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

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
