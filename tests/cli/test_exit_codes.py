"""The exit codes are one table (`ExitCode`): the code ends with them, `--help` lists them, the README agrees."""

from __future__ import annotations

import re
from pathlib import Path

import click
import httpx
import pytest

from cloud_partner_portal.cli import ExitCode, Runtime
from support.command_line import Invoke, run_cpp
from support.documented import OFFER, OFFER_PATH, OPERATION_PATH, PUBLISHER, TOKEN
from support.fake_api import FakeApi, polled, started_at

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_exit_codes(text: str) -> dict[int, str]:
    """The rows of the README's `| exit code | meaning |` table."""
    table = text.split("| exit code | meaning |\n|---|---|\n", 1)
    assert len(table) == 2, "the README has no exit-code table"
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", table[1].split("\n\n", 1)[0], flags=re.MULTILINE)
    return {int(code): meaning for code, meaning in rows}


def test_the_readme_lists_the_exit_codes_of_the_code() -> None:
    assert readme_exit_codes(README.read_text(encoding="utf-8")) == {code.value: code.meaning for code in ExitCode}


def test_a_readme_that_disagrees_with_the_code_is_caught() -> None:
    text = README.read_text(encoding="utf-8").replace("| 3 | the wait timed out", "| 3 | the wait ran out")

    assert readme_exit_codes(text) != {code.value: code.meaning for code in ExitCode}


def test_help_lists_every_exit_code_with_its_meaning(invoke: Invoke) -> None:
    result = invoke(["--help"], env={"CPP_TOKEN": None})

    listed = result.stdout.split("Exit codes:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split(None, 1) for line in listed] == [[str(code.value), code.meaning] for code in ExitCode]


def test_the_usage_code_is_clicks_own() -> None:
    assert click.UsageError("any").exit_code == ExitCode.USAGE


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status", PUBLISHER, OFFER], ExitCode.OK),
        (["--base-url", "nowhere", "status", PUBLISHER, OFFER], ExitCode.USAGE),
        (["operations", "show", PUBLISHER, OFFER, "no-such-operation"], ExitCode.API_ERROR),
        (["publish", PUBLISHER, OFFER, "--wait", "--timeout", "1"], ExitCode.TIMEOUT),
        (["go-live", PUBLISHER, OFFER, "--wait"], ExitCode.FAILED),
    ],
    ids=["ok", "usage", "api-error", "timeout", "failed"],
)
def test_each_ending_exits_with_its_code(invoke: Invoke, api: FakeApi, args: list[str], code: ExitCode) -> None:
    api.on("GET", f"{OFFER_PATH}/status", polled("running"))
    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    api.on("POST", f"{OFFER_PATH}/golive", started_at())
    api.on("GET", OPERATION_PATH, polled("failed") if args[0] == "go-live" else polled("running"))

    assert invoke(args).exit_code == code


def test_an_interrupted_wait_exits_130_saying_how_to_resume(api: FakeApi) -> None:
    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    api.on("GET", OPERATION_PATH, polled("running"))
    runtime = Runtime(transport=httpx.MockTransport(api), sleep=interrupt)

    result = run_cpp(["publish", PUBLISHER, OFFER, "--wait"], runtime, TOKEN)

    assert result.exit_code == ExitCode.INTERRUPTED == 130
    last_line = result.stderr.splitlines()[-1]
    assert last_line.startswith("error: interrupted; the operation goes on. Resume with: cpportal wait ")
