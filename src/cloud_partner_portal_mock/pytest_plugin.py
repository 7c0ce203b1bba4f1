"""pytest fixtures for testing against the mock (registered as a pytest plugin by the distribution).

- `cpp_mock`: a fresh `InProcessMock` per test (app, `.service`, frozen `.clock`, `.client(token=...)`).
- `cpp_mock_server`: a `MockServer` on a free loopback port, started once per session for each configuration
  and reset (seed and clock) before each test; use `cpp_mock_server.url`, `.service`, `.clock`.
- Waiting is natural: while a test uses `cpp_mock` or `cpp_mock_server`, a `cloud_partner_portal` poller built
  without a `sleep` option waits by moving that mock's frozen clock forward instead of sleeping
  (`cloud_partner_portal.sleeping_with`), so `begin_cancel(client, ...).result(timeout=30)` runs the operation to
  its end in milliseconds of real time; the `timeout` still counts real seconds.
- `cpp_poll_options`: the same as explicit keyword options (`begin_cancel(..., **cpp_poll_options)`), for pollers
  built outside the test's context (another thread's, say).
- `cpp_mock_config`: the `MockConfig` both use, `MockConfig()` unless a test says otherwise. Parametrize it to
  run a test against each documented form of the answers, or under the documented rules:

      @pytest.mark.parametrize("cpp_mock_config", [MockConfig(flavor=f) for f in FLAVORS], ids=list(FLAVORS))
      def test_my_client_follows_every_form(cpp_mock_server): ...

  (`FLAVORS` from `cloud_partner_portal_mock.locations`), or override the fixture in a `conftest.py`.

The mock's dependencies (the `mock` extra) are imported only when a fixture is used, so the plugin loads, and
pytest starts, in an environment that installed the distribution without that extra.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cloud_partner_portal import PollOptions

    from .config import MockConfig
    from .state.clock import Clock
    from .testing import InProcessMock, MockServer


@pytest.fixture
def cpp_mock_config() -> MockConfig:
    """The configuration of `cpp_mock` and `cpp_mock_server`: the documented mock; parametrize or override it."""
    from .config import MockConfig

    return MockConfig()


@pytest.fixture
def cpp_mock(cpp_mock_config: MockConfig) -> Iterator[InProcessMock]:
    """The mock in-process with its seeded state and a frozen clock, new for each test; pollers wait on its clock."""
    from .testing import InProcessMock

    mock = InProcessMock(cpp_mock_config)
    with _pollers_wait_on(mock.clock):
        yield mock


@contextmanager
def _pollers_wait_on(clock: Clock) -> Iterator[None]:
    """Pollers built without a `sleep` option move `clock` forward instead of sleeping, for the test's duration."""
    from cloud_partner_portal import sleeping_with

    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    with sleeping_with(sleep=clock.advance, async_sleep=advance):
        yield


def _server_key(config: MockConfig) -> Hashable:
    # Everything but the clock, which every served mock replaces with a frozen one of its own.
    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name != "clock"}
    return tuple(
        (name, tuple(sorted(value.items())) if hasattr(value, "items") else value) for name, value in fields.items()
    )


class MockServers:
    """The served mocks of a session, one per configuration, each started on first use."""

    def __init__(self) -> None:
        self._servers: dict[Hashable, MockServer] = {}

    def get(self, config: MockConfig) -> MockServer:
        from .testing import MockServer

        key = _server_key(config)
        if key not in self._servers:
            self._servers[key] = MockServer(config).start()
        return self._servers[key]

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()


@pytest.fixture(scope="session")
def cpp_mock_servers() -> Iterator[MockServers]:
    """The session's served mocks, stopped when it ends; prefer `cpp_mock_server`."""
    servers = MockServers()
    try:
        yield servers
    finally:
        servers.stop()


@pytest.fixture(scope="session")
def cpp_mock_server_session(cpp_mock_servers: MockServers) -> MockServer:
    """The served documented mock of the session; prefer `cpp_mock_server`, which resets it per test."""
    from .config import MockConfig

    return cpp_mock_servers.get(MockConfig())


@pytest.fixture
def cpp_mock_server(cpp_mock_config: MockConfig, cpp_mock_servers: MockServers) -> Iterator[MockServer]:
    """The served mock of `cpp_mock_config`, back at its seed and clock start for this test; pollers wait on its
    clock."""
    server = cpp_mock_servers.get(cpp_mock_config)
    server.reset()
    with _pollers_wait_on(server.clock):
        yield server


@pytest.fixture
def cpp_poll_options(cpp_mock_server: MockServer) -> PollOptions:
    """`begin_*(..., **cpp_poll_options)` against `cpp_mock_server`: each wait of the poller moves the served mock's
    frozen clock forward by as much, instead of sleeping; the poller's `timeout` still counts real seconds."""
    return {"sleep": cpp_mock_server.clock.advance}
