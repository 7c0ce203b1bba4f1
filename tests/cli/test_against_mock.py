"""The command line against the mock served on loopback: the day a publisher cancels a stuck publish."""

from __future__ import annotations

import json
import time

from click.testing import CliRunner

from cloud_partner_portal.cli import Runtime, cli
from cloud_partner_portal_mock.testing import MockServer

STUCK_OFFER = "contoso-virtualmachineoffer"  # publish blocked at certification: cancel needs its own operation


def run(server: MockServer, *args: str, token: str = "contoso-token") -> tuple[int, str, str]:
    runtime = Runtime(sleep=server.clock.advance, clock=time.monotonic)
    result = CliRunner().invoke(
        cli, ["--base-url", server.url, *args], obj=runtime, env={"CPP_TOKEN": token, "CPP_TOKEN_FILE": ""}
    )
    return result.exit_code, result.stdout, result.stderr


def test_cancel_wait_on_an_asynchronous_cancel_shows_progress_and_exits_0(cpp_mock_server: MockServer) -> None:
    code, out, err = run(cpp_mock_server, "cancel", "contoso", STUCK_OFFER, "--notify", "jondoe@contoso.com", "--wait")
    assert code == 0, err
    assert "running" in err  # progress lines on a non-terminal
    assert err.strip().splitlines()[-1] == "completed"
    assert "completed" in out
    notified = {n.address for n in cpp_mock_server.service.outbox}
    assert "jondoe@contoso.com" in notified


def test_list_then_json_status_reads_the_cancelled_publish(cpp_mock_server: MockServer) -> None:
    assert run(cpp_mock_server, "cancel", "contoso", STUCK_OFFER, "--wait")[0] == 0
    code, out, _ = run(cpp_mock_server, "--json", "operations", "list", "contoso", STUCK_OFFER)
    assert code == 0
    listed = json.loads(out)
    # `canceled` is the mock's word for a cancelled operation, not a status the pages list (nor --status offers).
    assert [op["submissionType"] for op in listed if op["submissionState"] == "canceled"] == ["publish"]


def test_cancel_with_nothing_running_is_an_api_error_with_its_code(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "cancel", "contoso", "contoso-liveoffer")
    assert code == 1
    assert "404" in err
    assert "NoOperationInProgress" in err


def test_another_publishers_token_is_refused(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "status", "contoso", STUCK_OFFER, token="fabrikam-token")
    assert code == 1
    assert "403" in err


def test_a_wait_that_runs_out_of_time_exits_3_with_a_resume_hint(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "publish", "contoso", "contoso-draftoffer", "--wait", "--timeout", "0")
    assert code == 3
    assert "resume with" in err
