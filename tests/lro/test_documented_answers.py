"""begin_* and the pollers (sync and async) against every answer the pages document.

Each 202 form is followed to its operation; cancel's 200 with nothing is a poller done at once; every error form,
of the call or of a poll, is a typed error carrying the status and, when the body has them, code and message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from cloud_partner_portal_client.models import OperationStatus
from cloud_partner_portal_client.types import UNSET

from cloud_partner_portal import (
    CANCELED,
    UNKNOWN_STATUS,
    ApiError,
    AsyncOperationPoller,
    OperationLocationError,
    OperationPoller,
    OperationPollingError,
    OperationTimeoutError,
    ProgressEvent,
    begin_cancel,
    begin_cancel_async,
    begin_go_live,
    begin_go_live_async,
    begin_publish,
    begin_publish_async,
    is_terminal,
)
from support.documented import (
    ACCEPTED_FORMS,
    ACCEPTED_RELATIVE_2020,
    CANCELLED_AT_ONCE,
    ERROR_CASES,
    OFFER,
    OPERATION_URL,
    PUBLISHER,
    RUNNING_THEN_COMPLETED,
    TOKEN,
    Accepted,
    DocumentedAnswer,
    DocumentedService,
    ErrorCase,
    operation,
)
from support.fake_time import FakeTime

Begin = Callable[..., OperationPoller]
BeginAsync = Callable[..., Awaitable[AsyncOperationPoller]]
BEGINS: dict[str, tuple[Begin, BeginAsync]] = {
    "publish": (begin_publish, begin_publish_async),
    "go-live": (begin_go_live, begin_go_live_async),
    "cancel": (begin_cancel, begin_cancel_async),
}


def one_line(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text
    return text


# --- 202 in every form -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("call", sorted(BEGINS))
@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
def test_begin_follows_every_documented_202_form_to_its_operation(
    form: Accepted, call: str, fake_time: FakeTime
) -> None:
    service = DocumentedService(form, RUNNING_THEN_COMPLETED)
    begin, _ = BEGINS[call]

    poller = begin(service.client(), PUBLISHER, OFFER, sleep=fake_time.sleep)
    detail = poller.result()

    assert detail.status is OperationStatus.COMPLETED
    assert (poller.location, poller.operation_id) == (form.polls, form.operation_id)
    assert service.gets == [form.polls, form.polls]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in service.requests)


@pytest.mark.anyio
@pytest.mark.parametrize("call", sorted(BEGINS))
@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
async def test_async_begin_follows_every_documented_202_form_to_its_operation(
    form: Accepted, call: str, fake_time: FakeTime
) -> None:
    service = DocumentedService(form, RUNNING_THEN_COMPLETED)
    _, begin = BEGINS[call]

    poller = await begin(service.client(), PUBLISHER, OFFER, sleep=fake_time.async_sleep)
    detail = await poller.result()

    assert detail.status is OperationStatus.COMPLETED
    assert (poller.location, poller.operation_id) == (form.polls, form.operation_id)
    assert service.gets == [form.polls, form.polls]


@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
def test_a_continuation_token_of_every_form_resumes_the_same_operation(form: Accepted) -> None:
    poller = begin_publish(DocumentedService(form).client(), PUBLISHER, OFFER)
    service = DocumentedService(operations=[operation("completed")])

    resumed = OperationPoller.from_continuation_token(service.client(), poller.continuation_token())

    assert resumed.result().status is OperationStatus.COMPLETED
    assert service.gets == [form.polls]


# --- 200 with nothing from cancel ---------------------------------------------------------------------------------


def test_cancel_200_with_nothing_is_done_at_once_without_a_request() -> None:
    service = DocumentedService(CANCELLED_AT_ONCE)

    poller = begin_cancel(service.client(), PUBLISHER, OFFER)

    assert poller.done()
    assert poller.status() == CANCELED
    assert poller.location is None
    assert poller.operation_id is None
    detail = poller.result(timeout=0)
    assert detail.status == CANCELED
    assert detail.to_dict() == {"status": "canceled"}  # made by the poller: nothing else is known
    assert [r.method for r in service.requests] == ["POST"]


@pytest.mark.anyio
async def test_async_cancel_200_with_nothing_is_done_at_once_without_a_request() -> None:
    service = DocumentedService(CANCELLED_AT_ONCE)

    poller = await begin_cancel_async(service.client(), PUBLISHER, OFFER)

    assert (poller.done(), poller.status(), poller.location) == (True, CANCELED, None)
    assert (await poller).status == CANCELED
    assert [r.method for r in service.requests] == ["POST"]


def test_the_token_of_a_synchronous_cancel_resumes_done() -> None:
    token = begin_cancel(DocumentedService(CANCELLED_AT_ONCE).client(), PUBLISHER, OFFER).continuation_token()
    service = DocumentedService()

    resumed = OperationPoller.from_continuation_token(service.client(), token)

    assert (resumed.done(), resumed.status(), resumed.location, resumed.result().status) == (
        True,
        CANCELED,
        None,
        CANCELED,
    )
    assert service.requests == []


@pytest.mark.parametrize("call", ["publish", "go-live"])
def test_a_200_with_nothing_from_publish_or_go_live_names_no_operation(call: str) -> None:
    begin, _ = BEGINS[call]

    with pytest.raises(OperationLocationError, match="answered 200 with no Operation-Location header"):
        begin(DocumentedService(CANCELLED_AT_ONCE).client(), PUBLISHER, OFFER)


def test_a_poller_without_a_location_must_be_done() -> None:
    with pytest.raises(ValueError, match="must be done"):
        OperationPoller(DocumentedService().client(), None)


# --- every error form -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("call", sorted(BEGINS))
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
@pytest.mark.parametrize("strict", [False, True], ids=["lenient-client", "strict-client"])
def test_every_error_form_of_the_call_is_an_api_error(case: ErrorCase, call: str, strict: bool) -> None:
    service = DocumentedService(case.answer)
    begin, _ = BEGINS[call]

    with pytest.raises(ApiError) as info:
        begin(service.client(raise_on_unexpected_status=strict), PUBLISHER, OFFER)

    assert (info.value.status_code, info.value.code, info.value.message) == (case.status, case.code, case.message)
    assert f"HTTP {case.status}" in one_line(info.value)
    assert len(service.requests) == 1  # never retried


@pytest.mark.anyio
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
async def test_every_error_form_of_the_async_call_is_an_api_error(case: ErrorCase) -> None:
    with pytest.raises(ApiError) as info:
        await begin_cancel_async(DocumentedService(case.answer).client(), PUBLISHER, OFFER)

    assert (info.value.status_code, info.value.code, info.value.message) == (case.status, case.code, case.message)


@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_error_form_of_a_poll_is_a_polling_error(case: ErrorCase, fake_time: FakeTime) -> None:
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [case.answer])
    poller = begin_publish(service.client(), PUBLISHER, OFFER, sleep=fake_time.sleep, max_retries=1)

    with pytest.raises(OperationPollingError) as info:
        poller.result()

    error = info.value
    assert (error.status_code, error.code, error.message, error.location) == (
        case.status,
        case.code,
        case.message,
        OPERATION_URL,
    )
    assert f"HTTP {case.status}" in one_line(error)
    assert "<" not in str(error)


@pytest.mark.anyio
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
async def test_every_error_form_of_an_async_poll_is_a_polling_error(case: ErrorCase, fake_time: FakeTime) -> None:
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [case.answer])
    poller = await begin_publish_async(service.client(), PUBLISHER, OFFER, sleep=fake_time.async_sleep, max_retries=1)

    with pytest.raises(OperationPollingError) as info:
        await poller.result()

    assert (info.value.status_code, info.value.code) == (case.status, case.code)


# --- operations with fields left out, and statuses --------------------------------------------------------------------


def test_an_operation_without_status_is_still_running(fake_time: FakeTime) -> None:
    events: list[ProgressEvent] = []
    service = DocumentedService(
        ACCEPTED_RELATIVE_2020,
        [operation(None), operation(None, {"id": "displaycertify"}), operation("completed")],
    )
    poller = begin_publish(service.client(), PUBLISHER, OFFER, sleep=fake_time.sleep, progress=events.append)

    assert poller.result().status is OperationStatus.COMPLETED
    assert len(service.gets) == 3
    assert events == [
        ProgressEvent(UNKNOWN_STATUS, None, None, None),
        ProgressEvent(UNKNOWN_STATUS, None, "displaycertify", None),
        ProgressEvent(OperationStatus.COMPLETED, None, None, None),
    ]


@pytest.mark.anyio
async def test_an_operation_without_status_is_polled_until_the_deadline(fake_time: FakeTime) -> None:
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [operation(None, messages=[{}], steps=[{}])])
    poller = await begin_publish_async(
        service.client(), PUBLISHER, OFFER, sleep=fake_time.async_sleep, clock=fake_time.clock
    )

    with pytest.raises(OperationTimeoutError, match="last status unknown"):
        await poller.result(timeout=60)

    assert poller.status() == UNKNOWN_STATUS
    assert not poller.done()
    assert sum(fake_time.sleeps) == 60


def test_the_operation_in_the_form_of_the_pages_example_a_one_element_array_is_read() -> None:
    in_an_array = DocumentedAnswer("operation-in-an-array", 200, content=b'[{"status": "completed"}]')
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [in_an_array])

    assert begin_publish(service.client(), PUBLISHER, OFFER).result().status is OperationStatus.COMPLETED


@pytest.mark.parametrize(
    ("status", "terminal"),
    [
        ("completed", True),
        ("failed", True),
        ("canceled", True),  # the offer and step statuses' word, and the mock's for a cancelled operation
        ("Canceled", True),
        ("FAILED", True),
        ("running", False),
        ("notStarted", False),
        ("succeeded", False),
        ("complete", False),
        ("cancelRequested", False),
        ("", False),
        (None, False),
        (UNSET, False),
    ],
)
def test_only_completed_failed_and_canceled_end_an_operation(status: Any, terminal: bool) -> None:
    assert is_terminal(status) is terminal


def test_a_non_string_status_is_unknown_and_polled_again(fake_time: FakeTime) -> None:
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [operation(3), operation("failed")])
    poller = begin_publish(service.client(), PUBLISHER, OFFER, sleep=fake_time.sleep, raise_on_failure=False)

    assert poller.result().status is OperationStatus.FAILED
    assert len(service.gets) == 2
