"""How long the poller waits: exponential backoff up to a cap, Retry-After, and the timeout."""

from __future__ import annotations

from typing import cast

import pytest

from cloud_partner_portal import OperationPoller, OperationTimeoutError, PollOptions
from support.documented import OPERATION_URL, RELATIVE_LOCATION, step
from support.fake_api import ScriptedServer, make_client, polled, poller_for
from support.fake_time import FakeTime


def test_waits_grow_exponentially_up_to_the_max_interval(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[polled("running")] * 6, polled("completed"))

    poller_for(server, fake_time, interval=5, backoff=2, max_interval=30).result()

    assert fake_time.sleeps == [5, 10, 20, 30, 30, 30]


def test_default_interval_is_five_seconds_doubling_to_a_minute(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[polled("running")] * 6, polled("completed"))

    poller_for(server, fake_time).result()

    assert fake_time.sleeps == [5, 10, 20, 40, 60, 60]


def test_terminal_first_answer_never_sleeps(fake_time: FakeTime) -> None:
    poller_for(ScriptedServer(polled("completed")), fake_time).result()

    assert fake_time.sleeps == []


def test_retry_after_seconds_replaces_the_computed_wait_but_never_goes_below_the_interval(fake_time: FakeTime) -> None:
    server = ScriptedServer(
        polled("running", headers={"Retry-After": "17"}),
        polled("running"),
        polled("running", headers={"Retry-After": "1"}),
        polled("completed"),
    )

    poller_for(server, fake_time, interval=5).result()

    assert fake_time.sleeps == [17, 10, 5]


def test_retry_after_http_date_counts_from_the_answers_date(fake_time: FakeTime) -> None:
    server = ScriptedServer(
        polled(
            "running",
            headers={"Date": "Wed, 21 Oct 2026 07:28:00 GMT", "Retry-After": "Wed, 21 Oct 2026 07:28:42 GMT"},
        ),
        polled("completed"),
    )

    poller_for(server, fake_time).result()

    assert fake_time.sleeps == [42]


def test_unreadable_retry_after_is_ignored(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running", headers={"Retry-After": "soon"}), polled("completed"))

    poller_for(server, fake_time, interval=3).result()

    assert fake_time.sleeps == [3]


def test_timeout_names_location_elapsed_time_and_last_status(fake_time: FakeTime) -> None:
    certifying = step("displaycertify", "Certification", "inProgress", 40)
    server = ScriptedServer(*[polled("running", certifying)] * 10)

    with pytest.raises(OperationTimeoutError) as info:
        poller_for(server, fake_time, interval=5, backoff=2).result(timeout=30)

    message = str(info.value)
    assert OPERATION_URL in message
    assert "after 30.0 s" in message
    assert "last status running" in message
    assert "Certification" in message
    assert info.value.elapsed == 30
    # 5 + 10 + the 15 s left until the deadline; one last GET at the deadline.
    assert fake_time.sleeps == [5, 10, 15]
    assert len(server.requests) == 4


def test_timeout_can_be_set_on_the_poller(fake_time: FakeTime) -> None:
    server = ScriptedServer(*[polled("running")] * 3)

    with pytest.raises(OperationTimeoutError):
        poller_for(server, fake_time, interval=5, timeout=8).result()

    assert fake_time.sleeps == [5, 3]


def test_wait_returns_at_the_timeout_and_a_later_result_goes_on(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), polled("running"), polled("completed"))
    poller = poller_for(server, fake_time, interval=5, backoff=1)

    poller.wait(timeout=0)
    assert not poller.done()
    assert poller.status() == "running"

    assert poller.result().status == "completed"
    assert poller.done()
    # The second call reads at once, then waits as usual.
    assert fake_time.sleeps == [5]
    assert len(server.requests) == 3


@pytest.mark.parametrize(
    ("option", "value"), [("interval", -1), ("backoff", 0.5), ("max_retries", -1), ("timeout", -2)]
)
def test_nonsense_options_are_refused(option: str, value: float) -> None:
    with pytest.raises(ValueError, match=option):
        OperationPoller.from_location(
            make_client(ScriptedServer()), RELATIVE_LOCATION, **cast(PollOptions, {option: value})
        )
