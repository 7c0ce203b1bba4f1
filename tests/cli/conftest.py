"""Fixtures that run the command line in-process against a fake API behind httpx.MockTransport, with a fake clock.

The CLI takes its transport, sleep and clock from the `Runtime` given as click's `obj`; everything else (base
URL, token, options) goes through the real command line, so the same tests can later target the mock server.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import httpx
import pytest
from click.testing import Result

from cloud_partner_portal.cli import Runtime
from support.command_line import Invoke, run_cpp
from support.documented import TOKEN
from support.fake_api import FakeApi
from support.fake_time import FakeTime


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def api() -> FakeApi:
    return FakeApi()


@pytest.fixture
def invoke(api: FakeApi, fake_time: FakeTime) -> Invoke:
    """Run `cpportal ARGS` with CPP_TOKEN set (unless env overrides it) against the fake API, or against `service`
    (e.g. a `support.documented.DocumentedService`) when given."""

    def run(
        args: Sequence[str],
        env: dict[str, str | None] | None = None,
        service: Callable[[httpx.Request], httpx.Response] | None = None,
    ) -> Result:
        transport = httpx.MockTransport(api if service is None else service)
        return run_cpp(args, Runtime(transport=transport, sleep=fake_time.sleep, clock=fake_time.clock), TOKEN, env)

    return run
