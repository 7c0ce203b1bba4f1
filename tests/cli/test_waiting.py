"""--wait and wait: progress, the final operation, and exit codes 0, 3 (timed out) and 4 (failed)."""

from __future__ import annotations

import json

from support.command_line import Invoke
from support.documented import OFFER, OFFER_PATH, OPERATION_ID, OPERATION_PATH, PUBLISHER, RELATIVE_LOCATION, step
from support.fake_api import FakeApi, polled, started_at
from support.fake_time import FakeTime

VALIDATED = step("displaydummycertify", "Validate Pre-Requisites", "complete", 100)


def test_cancel_wait_on_an_async_cancel_shows_progress_then_exits_0(
    invoke: Invoke, api: FakeApi, fake_time: FakeTime
) -> None:
    api.on("POST", f"{OFFER_PATH}/cancel", started_at())
    api.on(
        "GET",
        OPERATION_PATH,
        polled("running", VALIDATED, step("cancel", "Cancelling", "inProgress", 40)),
        polled("running", VALIDATED, step("cancel", "Cancelling", "inProgress", 80)),
        polled("completed", VALIDATED, step("cancel", "Cancelling", "complete", 100)),
    )

    result = invoke(["cancel", PUBLISHER, OFFER, "--wait", "--interval", "2"])

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["running: Cancelling (40%)", "running: Cancelling (80%)", "completed"]
    assert f"operation {OPERATION_ID}: completed" in result.stdout
    assert fake_time.sleeps == [2, 4]


def test_cancel_wait_json_prints_only_json(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/cancel", started_at())
    api.on("GET", OPERATION_PATH, polled("running"), polled("completed"))

    result = invoke(["--json", "cancel", PUBLISHER, OFFER, "--wait"])

    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    envelope = json.loads(result.stdout)
    assert envelope["done"] is True
    assert envelope["status"] == "completed"
    assert envelope["operationId"] == OPERATION_ID
    assert envelope["operation"]["status"] == "completed"


def test_synchronous_cancel_is_reported_done(invoke: Invoke, api: FakeApi, fake_time: FakeTime) -> None:
    api.on("POST", f"{OFFER_PATH}/cancel", started_at(status=200))

    result = invoke(["cancel", PUBLISHER, OFFER])

    assert result.exit_code == 0, result.stderr
    assert "done at once" in result.stdout
    assert "canceled" in result.stdout
    assert len(api.requests) == 1


def test_synchronous_cancel_with_wait_reads_the_cancelled_operation(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/cancel", started_at(status=200))
    api.on("GET", OPERATION_PATH, polled("canceled"))

    result = invoke(["--json", "cancel", PUBLISHER, OFFER, "--wait"])

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["operation"]["status"] == "canceled"


def test_timeout_exits_3_saying_how_to_resume(invoke: Invoke, api: FakeApi, fake_time: FakeTime) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    api.on("GET", OPERATION_PATH, polled("running", step("displaycertify", "Certification", "inProgress", 10)))

    result = invoke(["publish", PUBLISHER, OFFER, "--wait", "--timeout", "30"])

    assert result.exit_code == 3
    assert "still not finished after 30.0 s" in result.stderr
    assert "last status running, step 'Certification'" in result.stderr
    assert "resume with: cpportal wait " in result.stderr
    assert sum(fake_time.sleeps) == 30


def test_timeout_in_json_mode_still_prints_the_token(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/golive", started_at())
    api.on("GET", OPERATION_PATH, polled("running"))

    result = invoke(["--json", "go-live", PUBLISHER, OFFER, "--wait", "--timeout", "0"])

    assert result.exit_code == 3
    envelope = json.loads(result.stdout)
    assert envelope["done"] is False
    assert envelope["continuationToken"]


def test_failed_operation_exits_4(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    api.on(
        "GET",
        OPERATION_PATH,
        polled("failed", VALIDATED, step("displaycertify", "Certification", "blocked", 0, "No VM image found.")),
    )

    result = invoke(["publish", PUBLISHER, OFFER, "--wait"])

    assert result.exit_code == 4
    assert "failed: Certification: No VM image found." in result.stderr
    assert "failed" in result.stdout


def test_wait_resumes_from_the_continuation_token(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    api.on("GET", OPERATION_PATH, polled("running"), polled("completed"))
    token = json.loads(invoke(["--json", "publish", PUBLISHER, OFFER]).stdout)["continuationToken"]

    result = invoke(["--json", "wait", token])

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "completed"
    assert [request.method for request in api.requests] == ["POST", "GET", "GET"]


def test_wait_takes_a_relative_location(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", OPERATION_PATH, polled("completed"))

    result = invoke(["--mock", "wait", RELATIVE_LOCATION])

    assert result.exit_code == 0, result.stderr
    assert str(api.requests[0].url) == f"http://127.0.0.1:8080{RELATIVE_LOCATION}"


def test_wait_refuses_something_that_is_neither(invoke: Invoke, api: FakeApi) -> None:
    result = invoke(["wait", "not-a-token"])

    assert result.exit_code == 2
    assert "continuation token" in result.stderr
    assert api.requests == []


def test_wait_refuses_a_location_on_another_host(invoke: Invoke, api: FakeApi) -> None:
    result = invoke(["--mock", "wait", f"https://cloudpartner.azure.com{OPERATION_PATH}"])

    assert result.exit_code == 2
    assert "another host" in result.stderr
