"""The command line against every answer the pages document: each 202 form waited for, cancel's 200 with nothing
reported as cancelled, and every error form one `error:` line with the documented exit code, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import Result

from support.command_line import Invoke
from support.documented import (
    ACCEPTED_FORMS,
    ACCEPTED_RELATIVE_2020,
    CANCELLED_AT_ONCE,
    ERROR_CASES,
    OFFER,
    OPERATION_ID,
    PUBLISHER,
    RUNNING_THEN_COMPLETED,
    Accepted,
    DocumentedAnswer,
    DocumentedService,
    ErrorCase,
    operation,
)

STARTS = {
    "publish": ["publish", PUBLISHER, OFFER],
    "go-live": ["go-live", PUBLISHER, OFFER],
    "cancel": ["cancel", PUBLISHER, OFFER],
}
READS = {
    "status": ["status", PUBLISHER, OFFER],
    "operations-show": ["operations", "show", PUBLISHER, OFFER, OPERATION_ID],
    "operations-list": ["operations", "list", PUBLISHER, OFFER],
}


def one_error_line(result: Result) -> str:
    """The single `error:` line a failed command prints: no traceback, nothing else on stderr after it."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.splitlines()[-1] == errors[0]
    return errors[0]


@pytest.mark.parametrize("command", sorted(STARTS))
@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
def test_wait_follows_every_documented_202_form(invoke: Invoke, form: Accepted, command: str) -> None:
    service = DocumentedService(form, RUNNING_THEN_COMPLETED)

    result = invoke([*STARTS[command], "--wait"], service=service)

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["running: Certification (40%)", "completed"]
    title = f"operation {form.operation_id}" if form.operation_id else "operation"
    assert f"{title}: completed" in result.stdout
    assert service.gets == [form.polls, form.polls]


@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
def test_the_json_of_every_202_form_names_the_operation_and_wait_resumes_it(invoke: Invoke, form: Accepted) -> None:
    started = invoke(["--json", "publish", PUBLISHER, OFFER], service=DocumentedService(form))
    envelope = json.loads(started.stdout)
    service = DocumentedService(operations=[operation("completed")])

    waited = invoke(["--json", "wait", envelope["continuationToken"]], service=service)

    assert (envelope["operationLocation"], envelope["operationId"], envelope["done"]) == (
        form.polls,
        form.operation_id,
        False,
    )
    assert waited.exit_code == 0, waited.stderr
    assert json.loads(waited.stdout)["status"] == "completed"
    assert service.gets == [form.polls]


@pytest.mark.parametrize("wait", [[], ["--wait"]], ids=["no-wait", "wait"])
def test_cancel_200_with_nothing_says_the_operation_was_cancelled(invoke: Invoke, wait: list[str]) -> None:
    service = DocumentedService(CANCELLED_AT_ONCE)

    result = invoke([*STARTS["cancel"], *wait], service=service)

    assert result.exit_code == 0, result.stderr
    assert result.stdout == "cancel: done at once, the running operation was cancelled (HTTP 200)\n"
    assert result.stderr == ""
    assert [request.method for request in service.requests] == ["POST"]


def test_cancel_200_with_nothing_in_json(invoke: Invoke) -> None:
    result = invoke(["--json", *STARTS["cancel"], "--wait"], service=DocumentedService(CANCELLED_AT_ONCE))

    assert result.exit_code == 0, result.stderr
    envelope = json.loads(result.stdout)
    del envelope["continuationToken"]
    assert envelope == {
        "operationId": None,
        "operationLocation": None,
        "done": True,
        "status": "canceled",
        "operation": None,
    }


@pytest.mark.parametrize("command", sorted({**STARTS, **READS}))
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_error_form_is_one_error_line_and_exit_1(invoke: Invoke, case: ErrorCase, command: str) -> None:
    result = invoke({**STARTS, **READS}[command], service=DocumentedService(every=case.answer))

    assert result.exit_code == 1
    assert result.stdout == ""
    line = one_error_line(result)
    assert f"answered HTTP {case.status} " in line
    for known in (case.code, case.message):
        assert known is None or known in line
    assert "<" not in line


@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_error_form_of_a_poll_ends_the_wait_with_one_error_line(invoke: Invoke, case: ErrorCase) -> None:
    service = DocumentedService(ACCEPTED_RELATIVE_2020, [case.answer])

    result = invoke([*STARTS["go-live"], "--wait", "--interval", "1"], service=service)

    assert result.exit_code == 1
    line = one_error_line(result)
    assert line.startswith("error: polling https://cloudpartner.azure.com/api/")
    assert f"HTTP {case.status} " in line


def test_an_operation_without_any_field_is_shown_as_unknown(invoke: Invoke) -> None:
    result = invoke(READS["operations-show"], service=DocumentedService(every=operation(None, steps=[{}])))

    assert result.exit_code == 0, result.stderr
    assert f"operation {OPERATION_ID}: unknown" in result.stdout
    assert "cancellation request" not in result.stdout


def test_an_offer_status_without_any_field_is_shown_as_unknown(invoke: Invoke) -> None:
    empty = DocumentedAnswer("offer-status-empty", 200, content=b"{}")

    result = invoke(READS["status"], service=DocumentedService(every=empty))

    assert (result.exit_code, result.stdout) == (0, f"offer {PUBLISHER}/{OFFER}: unknown\n")


@pytest.mark.parametrize("command", sorted(READS))
def test_a_read_answered_200_with_nothing_is_an_error_saying_so(invoke: Invoke, command: str) -> None:
    result = invoke(READS[command], service=DocumentedService(every=DocumentedAnswer("200-nothing", 200)))

    assert result.exit_code == 1
    assert one_error_line(result).endswith(
        "answered HTTP 200 OK (no body); expected "
        + {
            "status": "an offer status",
            "operations-show": "an operation",
            "operations-list": "a list of operations",
        }[command]
    )
