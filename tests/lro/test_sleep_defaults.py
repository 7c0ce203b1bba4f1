"""`sleeping_with`: how pollers built without a `sleep` option wait, within a block (the mock's fixtures use it)."""

from __future__ import annotations

import asyncio
import time

from cloud_partner_portal import sleeping_with
from cloud_partner_portal.lro.options import default_async_sleep, default_sleep


def test_pollers_sleep_in_real_time_by_default() -> None:
    assert default_sleep() is time.sleep
    assert default_async_sleep() is asyncio.sleep


def test_a_block_sets_the_default_and_leaving_it_restores_the_previous_one() -> None:
    waited: list[float] = []

    async def wait_async(seconds: float) -> None:
        waited.append(-seconds)

    with sleeping_with(sleep=waited.append):
        assert default_sleep() == waited.append
        assert default_async_sleep() is asyncio.sleep  # only what is given changes
        with sleeping_with(async_sleep=wait_async):
            assert default_sleep() == waited.append
            assert default_async_sleep() is wait_async
        assert default_async_sleep() is asyncio.sleep
    assert default_sleep() is time.sleep


def test_the_default_is_the_contexts_own_so_another_thread_keeps_real_time() -> None:
    import threading

    seen: list[object] = []
    with sleeping_with(sleep=lambda seconds: None):
        thread = threading.Thread(target=lambda: seen.append(default_sleep()))
        thread.start()
        thread.join(timeout=10)
    assert seen == [time.sleep]
