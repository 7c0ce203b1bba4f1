"""pytest fixtures for testing against the mock (registered as a pytest plugin by the distribution).

- `cpp_mock`: a fresh `InProcessMock` per test (app, `.service`, frozen `.clock`, `.client(token=...)`).
- `cpp_mock_server`: a `MockServer` on a free loopback port, started once per session and reset (seed and
  clock) before each test; use `cpp_mock_server.url`, `.service`, `.clock`.

The mock's dependencies (the `mock` extra) are imported only when a fixture is used, so the plugin loads, and
pytest starts, in an environment that installed the distribution without that extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .testing import InProcessMock, MockServer


@pytest.fixture
def cpp_mock() -> InProcessMock:
    """The mock in-process with its seeded state and a frozen clock, new for each test."""
    from .testing import InProcessMock

    return InProcessMock()


@pytest.fixture(scope="session")
def cpp_mock_server_session() -> Iterator[MockServer]:
    """One served mock for the session; prefer `cpp_mock_server`, which resets it per test."""
    from .testing import MockServer

    with MockServer() as server:
        yield server


@pytest.fixture
def cpp_mock_server(cpp_mock_server_session: MockServer) -> MockServer:
    """The served mock, back at its seed and clock start for this test."""
    cpp_mock_server_session.reset()
    return cpp_mock_server_session
