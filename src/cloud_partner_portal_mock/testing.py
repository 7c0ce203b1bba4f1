"""Helpers for users' tests: the mock in-process (`InProcessMock`) or served on loopback (`MockServer`).

Both always run on a frozen clock (a config whose clock is real gets a copy with `Clock.frozen()`), so tests
move time with `.clock.advance(seconds)` instead of sleeping; both expose the state as `.service`
(`service.outbox` holds the notifications sent so far), a frozen copy of it as `.snapshot()`, and `.reset()`
back to the seed.

    with MockServer() as server:
        httpx.post(f"{server.url}/api/publishers/contoso/offers/contoso-draftoffer/publish",
                   params={"api-version": "2017-10-31"}, headers={"Authorization": "Bearer contoso-token"})
        server.clock.advance(60)
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import threading
import time
from types import TracebackType
from typing import Any

from starlette.applications import Starlette
from starlette.testclient import TestClient

from .app import create_app, reset_mock
from .config import MockConfig
from .http.limits import ServingLimits
from .state.clock import Clock
from .state.service import PublishingService
from .state.snapshot import StateSnapshot

TEST_BASE_URL = "http://testserver"
STARTUP_TIMEOUT_SECONDS = 10.0


def frozen_config(config: MockConfig | None = None) -> MockConfig:
    """`config` (default: the documented mock) with a frozen clock unless it already has one."""
    config = config or MockConfig(clock=Clock.frozen())
    return config if config.clock.is_frozen else dataclasses.replace(config, clock=Clock.frozen())


class InProcessMock:
    """The app and its state, for `TestClient` or `httpx.ASGITransport` (no socket)."""

    def __init__(self, config: MockConfig | None = None) -> None:
        self.config = frozen_config(config)
        self.app: Starlette = create_app(self.config)
        self.service: PublishingService = self.app.state.service
        self.clock = self.config.clock

    def client(self, token: str | None = "contoso-token", base_url: str = TEST_BASE_URL) -> TestClient:  # noqa: S107  # reason: documented test token
        """A `TestClient`, sending `Authorization: Bearer <token>` unless `token` is None."""
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        return TestClient(self.app, base_url=base_url, headers=headers)

    def reset(self) -> None:
        """Back to the seed, with the clock back at its start and the faults' `times=` counts at zero."""
        reset_mock(self.app)

    def snapshot(self) -> StateSnapshot:
        """The whole state now, frozen (`PublishingService.snapshot`)."""
        return self.service.snapshot()


class MockServer:
    """The mock served by uvicorn in a background thread on a free loopback port; a context manager."""

    def __init__(
        self, config: MockConfig | None = None, *, host: str = "127.0.0.1", limits: ServingLimits | None = None
    ) -> None:
        self._mock = InProcessMock(config)
        self.limits = limits or ServingLimits()
        """Time and connection limits of the server (`http/capped_protocol.py`); the defaults of `python -m
        cloud_partner_portal_mock`."""
        self.config = self._mock.config
        self.app = self._mock.app
        self.service = self._mock.service
        self.clock = self._mock.clock
        self.host = host
        self.port = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._thread is None:
            raise RuntimeError("MockServer: not started; use it as a context manager or call start()")
        return f"http://{self.host}:{self.port}"

    def start(self) -> MockServer:
        from .http.capped_protocol import LimitedUvicornServer, uvicorn_config

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        limits = self.limits.fitted()
        server = LimitedUvicornServer(
            uvicorn_config(self.app, limits, log_level="warning", access_log=False, lifespan="off"), limits
        )
        self._server = server
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="cpp-mock")
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"MockServer: uvicorn did not start on {self.host}:{self.port}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=STARTUP_TIMEOUT_SECONDS)
        self._server = None

    def reset(self) -> None:
        """Back to the seed, with the clock back at its start and the faults' `times=` counts at zero."""
        self._mock.reset()

    def snapshot(self) -> StateSnapshot:
        """The whole state now, frozen (`PublishingService.snapshot`)."""
        return self.service.snapshot()

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address, without brackets) is this machine: `localhost` or a loopback address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
