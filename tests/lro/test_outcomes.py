"""How a wait ends: completed, failed, canceled, a synchronous cancel, and resuming from a continuation token."""

from __future__ import annotations

import httpx
import pytest
from cloud_partner_portal_client.models import OperationStatus

from cloud_partner_portal import (
    CANCELED,
    InvalidContinuationTokenError,
    OperationFailedError,
    OperationPoller,
    begin_cancel,
    is_terminal,
    normalize_status,
)
from support.documented import ABSOLUTE_2018_LOCATION, OPERATION_ID, OPERATION_URL, RELATIVE_LOCATION, step
from support.fake_api import ScriptedServer, make_client, operation_body, polled, started
from support.fake_time import FakeTime


def failed_operation() -> httpx.Response:
    blocked = step("displaycertify", "Certification", "blocked", 0)
    blocked["messages"] = [
        {"messageHtml": "No virtual machine image was found.", "level": "error", "timestamp": "2017-03-28T19:50:39Z"}
    ]
    return polled("failed", blocked)


def test_failed_operation_raises_with_the_detail(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("running"), failed_operation())
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, sleep=fake_time.sleep)

    with pytest.raises(OperationFailedError) as info:
        poller.result()

    assert info.value.detail.status == "failed"
    assert info.value.location == OPERATION_URL
    assert "Certification: No virtual machine image was found." in str(info.value)
    assert poller.done()
    assert poller.status() == OperationStatus.FAILED


def test_failed_operation_is_returned_when_asked(fake_time: FakeTime) -> None:
    server = ScriptedServer(failed_operation())
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, raise_on_failure=False)

    assert poller.result().status == "failed"


def test_wait_does_not_raise_for_a_failed_operation() -> None:
    poller = OperationPoller.from_location(make_client(ScriptedServer(failed_operation())), RELATIVE_LOCATION)

    poller.wait()

    assert poller.status() == OperationStatus.FAILED


def test_canceled_operation_is_a_result_though_the_pages_list_no_such_operation_status() -> None:
    poller = OperationPoller.from_location(make_client(ScriptedServer(polled("canceled"))), RELATIVE_LOCATION)

    assert poller.result().status == "canceled"


def test_statuses_compare_case_insensitively(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("Running"), polled("COMPLETED"))
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, sleep=fake_time.sleep)

    poller.result()

    assert poller.status() is OperationStatus.COMPLETED
    assert len(server.requests) == 2


def test_unknown_status_means_still_running(fake_time: FakeTime) -> None:
    server = ScriptedServer(polled("validating"), polled("completed"))
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, sleep=fake_time.sleep)

    poller.result()

    assert len(server.requests) == 2
    assert not is_terminal("validating")
    assert normalize_status("validating") == "validating"


def test_result_after_the_end_does_not_poll_again() -> None:
    server = ScriptedServer(polled("completed"))
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION)

    first, second = poller.result(), poller.result()

    assert first is second
    assert len(server.requests) == 1


def test_synchronous_cancel_that_names_its_operation_reads_it_once(fake_time: FakeTime) -> None:
    cancelled = ScriptedServer(
        started(200, headers={"Operation-Location": ABSOLUTE_2018_LOCATION}, body_location=ABSOLUTE_2018_LOCATION),
        httpx.Response(200, json=operation_body("canceled", cancellationRequestState="cannotCancel")),
    )

    poller = begin_cancel(make_client(cancelled), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)

    assert poller.done()
    assert poller.status() == CANCELED
    assert len(cancelled.requests) == 1  # the POST only, so far
    detail = poller.result()
    assert detail.status == "canceled"
    assert cancelled.requests[1].method == "GET"
    assert cancelled.urls[1] == f"{ABSOLUTE_2018_LOCATION}?api-version=2017-10-31"
    assert fake_time.sleeps == []


def test_synchronous_cancel_reads_the_location_from_the_body_when_no_header() -> None:
    server = ScriptedServer(started(200, body_location=RELATIVE_LOCATION), polled("canceled"))

    poller = begin_cancel(make_client(server), "contoso", "contoso-virtualmachineoffer")

    assert poller.done()
    assert poller.result().status == "canceled"
    assert server.urls[1] == OPERATION_URL


def test_continuation_token_round_trip_resumes_the_same_operation(fake_time: FakeTime) -> None:
    first = ScriptedServer(started(headers={"Location": RELATIVE_LOCATION}), polled("running"))
    poller = begin_cancel(make_client(first), "contoso", "contoso-virtualmachineoffer", sleep=fake_time.sleep)
    poller.wait(timeout=0)
    token = poller.continuation_token()

    later = ScriptedServer(polled("running"), polled("completed"))
    resumed = OperationPoller.from_continuation_token(make_client(later), token, sleep=fake_time.sleep)

    assert resumed.location == poller.location == OPERATION_URL
    assert resumed.operation_id == OPERATION_ID
    assert not resumed.done()
    assert resumed.status() is OperationStatus.RUNNING
    assert resumed.result().status == "completed"
    assert later.urls == [OPERATION_URL, OPERATION_URL]


def test_continuation_token_of_a_finished_operation_reads_it_once() -> None:
    poller = OperationPoller.from_location(make_client(ScriptedServer(polled("completed"))), RELATIVE_LOCATION)
    poller.result()

    later = ScriptedServer(polled("completed"))
    resumed = OperationPoller.from_continuation_token(make_client(later), poller.continuation_token())

    assert resumed.done()
    assert resumed.status() is OperationStatus.COMPLETED
    assert later.requests == []
    assert resumed.result().status == "completed"
    assert len(later.requests) == 1


def test_continuation_token_is_shell_safe() -> None:
    token = OperationPoller.from_location(make_client(ScriptedServer()), RELATIVE_LOCATION).continuation_token()

    assert token.replace("-", "").replace("_", "").isalnum()


@pytest.mark.parametrize("token", ["", "not a token", "eyJ2IjoyfQ", "bnVsbA", "eyJ2IjoxLCJkb25lIjpmYWxzZX0"])
def test_foreign_continuation_tokens_are_refused(token: str) -> None:
    with pytest.raises(InvalidContinuationTokenError):
        OperationPoller.from_continuation_token(make_client(ScriptedServer()), token)
