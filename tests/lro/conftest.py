"""Fixtures of the poller tests; the fakes they use are in `support.fake_api` and `support.documented`."""

from __future__ import annotations

import pytest

from support.fake_time import FakeTime


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(start=1000.0)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
