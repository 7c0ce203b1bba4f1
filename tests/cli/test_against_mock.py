"""The command line against the mock served on loopback: the day a publisher cancels a stuck publish."""

from __future__ import annotations

import json
import time

from cloud_partner_portal.cli import Runtime
from cloud_partner_portal_mock.testing import MockServer
from support.command_line import run_cpp
from support.seed import CONTOSO_TOKEN, DRAFT_OFFER, FABRIKAM_TOKEN, LIVE_OFFER, PUBLISHER, STUCK_OFFER


def run(server: MockServer, *args: str, token: str = CONTOSO_TOKEN) -> tuple[int, str, str]:
    runtime = Runtime(sleep=server.clock.advance, clock=time.monotonic)
    result = run_cpp(["--base-url", server.url, *args], runtime, token)
    return result.exit_code, result.stdout, result.stderr


def test_cancel_wait_on_an_asynchronous_cancel_shows_progress_and_exits_0(cpp_mock_server: MockServer) -> None:
    code, out, err = run(cpp_mock_server, "cancel", PUBLISHER, STUCK_OFFER, "--notify", "jondoe@contoso.com", "--wait")
    assert code == 0, err
    assert "running" in err  # progress lines on a non-terminal
    assert err.strip().splitlines()[-1] == "completed"
    assert "completed" in out
    # The last line says what happened in a person's words, not the cancel operation's own fields.
    assert out.strip().splitlines()[-1].startswith("cancelled: operation ")
    assert "no longer runs" in out.strip().splitlines()[-1]
    notified = {n.address for n in cpp_mock_server.service.outbox}
    assert "jondoe@contoso.com" in notified


def test_list_then_json_status_reads_the_cancelled_publish(cpp_mock_server: MockServer) -> None:
    assert run(cpp_mock_server, "cancel", PUBLISHER, STUCK_OFFER, "--wait")[0] == 0
    code, out, _ = run(cpp_mock_server, "--json", "operations", "list", PUBLISHER, STUCK_OFFER)
    assert code == 0
    listed = json.loads(out)
    # `canceled` is the mock's word for a cancelled operation, not a status the pages list (nor --status offers).
    assert [op["submissionType"] for op in listed if op["submissionState"] == "canceled"] == ["publish"]


def test_cancel_with_nothing_running_is_an_api_error_with_its_code(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "cancel", PUBLISHER, LIVE_OFFER)
    assert code == 1
    assert "404" in err
    assert "NoOperationInProgress" in err


def test_another_publishers_token_is_refused(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "status", PUBLISHER, STUCK_OFFER, token=FABRIKAM_TOKEN)
    assert code == 1
    assert "403" in err


def test_a_wait_that_runs_out_of_time_exits_3_with_a_resume_hint(cpp_mock_server: MockServer) -> None:
    code, _, err = run(cpp_mock_server, "publish", PUBLISHER, DRAFT_OFFER, "--wait", "--timeout", "0")
    assert code == 3
    assert "resume with" in err
