"""Reading commands (operations list/show, status) and how API errors and an unreachable server end."""

from __future__ import annotations

import json

import httpx

from support.command_line import Invoke
from support.documented import OFFER, OFFER_PATH, OPERATION_ID, OPERATION_PATH, PUBLISHER, step
from support.fake_api import SUBMISSION, FakeApi, api_error, polled, started_at


def test_operations_list_json_parses(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", f"{OFFER_PATH}/submissions/", httpx.Response(200, json=[SUBMISSION]))

    result = invoke(["--json", "operations", "list", PUBLISHER, OFFER, "--status", "running"])

    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [item["id"] for item in listed] == [OPERATION_ID]
    assert listed[0]["submissionState"] == "running"
    assert api.requests[0].url.params["status"] == "running"


def test_json_is_accepted_after_the_command(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", f"{OFFER_PATH}/submissions/", httpx.Response(200, json=[]))

    result = invoke(["operations", "list", PUBLISHER, OFFER, "--json"])

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_status_filter_is_case_insensitive(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", f"{OFFER_PATH}/submissions/", httpx.Response(200, json=[SUBMISSION]))

    result = invoke(["operations", "list", PUBLISHER, OFFER, "--status", "Running"])

    assert result.exit_code == 0, result.stderr
    assert api.requests[0].url.params["status"] == "running"
    assert OPERATION_ID[:8] in result.stdout


def test_operations_show_prints_the_steps(invoke: Invoke, api: FakeApi) -> None:
    api.on(
        "GET",
        OPERATION_PATH,
        polled("running", step("displaycertify", "Certification", "inProgress", 40)),
    )

    result = invoke(["operations", "show", PUBLISHER, OFFER, OPERATION_ID])

    assert result.exit_code == 0, result.stderr
    assert f"operation {OPERATION_ID}: running" in result.stdout
    assert "Certification" in result.stdout
    assert "40%" in result.stdout


def test_operations_show_json(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", OPERATION_PATH, polled("completed"))

    result = invoke(["--json", "operations", "show", PUBLISHER, OFFER, OPERATION_ID])

    assert json.loads(result.stdout)["status"] == "completed"


def test_status_json(invoke: Invoke, api: FakeApi) -> None:
    body = {"status": "succeeded", "messages": [], "steps": [], "previewLinks": [], "liveLinks": []}
    api.on("GET", f"{OFFER_PATH}/status", httpx.Response(200, json=body))

    result = invoke(["status", PUBLISHER, OFFER, "--json"])

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "succeeded"


def test_api_error_exits_1_with_status_code_and_message_on_stderr(invoke: Invoke, api: FakeApi) -> None:
    api.on(
        "POST",
        f"{OFFER_PATH}/cancel",
        api_error(404, "NoOperationInProgress", "No operation is in progress on offer 'contoso-virtualmachineoffer'."),
    )

    result = invoke(["cancel", PUBLISHER, OFFER])

    assert result.exit_code == 1
    assert "404" in result.stderr
    assert "NoOperationInProgress" in result.stderr
    assert "No operation is in progress on offer 'contoso-virtualmachineoffer'." in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_api_error_of_a_read_exits_1(invoke: Invoke, api: FakeApi) -> None:
    api.on("GET", OPERATION_PATH, api_error(403, "Forbidden", "The caller has no access to 'contoso'."))

    result = invoke(["--json", "operations", "show", PUBLISHER, OFFER, OPERATION_ID])

    assert result.exit_code == 1
    assert "error: getOperation answered HTTP 403 Forbidden: The caller has no access" in result.stderr
    assert result.stdout == ""


def test_unreachable_mock_exits_1_with_a_hint_and_no_traceback(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", httpx.ConnectError("[Errno 111] Connection refused"))

    result = invoke(["--mock", "publish", PUBLISHER, OFFER])

    assert result.exit_code == 1
    assert "cannot connect to http://127.0.0.1:8080" in result.stderr
    assert "make mock" in result.stderr
    assert "Traceback" not in result.output


def test_publish_without_wait_prints_how_to_follow(invoke: Invoke, api: FakeApi) -> None:
    api.on("POST", f"{OFFER_PATH}/publish", started_at())

    result = invoke(["publish", PUBLISHER, OFFER, "--notify", "jondoe@contoso.com", "--notify", "a@b.co,c@d.co"])

    assert result.exit_code == 0, result.stderr
    assert "accepted" in result.stdout
    assert "cpportal wait " in result.stdout
    body = json.loads(api.requests[0].content)
    assert body == {"metadata": {"notification-emails": "jondoe@contoso.com,a@b.co,c@d.co"}}
    assert len(api.requests) == 1


def test_an_answer_that_cannot_be_decoded_exits_1_with_one_line(invoke: Invoke, api: FakeApi) -> None:
    broken = httpx.Response(202, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip"))
    api.on("POST", f"{OFFER_PATH}/publish", broken)

    result = invoke(["publish", PUBLISHER, OFFER])

    assert result.exit_code == 1
    assert result.stderr.startswith("error: unreadable answer from https://cloudpartner.azure.com: DecodingError: ")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output
