"""Whatever the server answers, the command line ends with its output or one `error:` line and a documented exit
code, never a traceback; and what the server sent reaches the terminal without control characters."""

from __future__ import annotations

import gzip
import io
import json
import re

import httpx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from cloud_partner_portal.cli import ExitCode, Runtime, cli
from cloud_partner_portal.cli.progress import ProgressView
from cloud_partner_portal.cli.terminal import inert
from cloud_partner_portal.lro import ProgressEvent
from support.documented import TOKEN
from support.fake_time import FakeTime

_LOCATION = "/api/publishers/contoso/offers/offer/operations/op-1?api-version=2017-10-31"
COMMANDS = [
    ["status", "contoso", "offer"],
    ["operations", "list", "contoso", "offer"],
    ["operations", "show", "contoso", "offer", "op-1"],
    ["cancel", "contoso", "offer", "--wait", "--timeout", "30"],
    ["wait", _LOCATION, "--timeout", "30"],
    ["--json", "operations", "show", "contoso", "offer", "op-1"],
]
_DOCUMENTED = {code.value for code in ExitCode}
# Server text meant to act on a terminal: a clipboard write (OSC 52), a window title (OSC 0), a clear screen, an
# 8-bit CSI; and Rich markup that does not parse.
_HOSTILE = ["\x1b]52;c;aGk=\x07", "\x1b]0;owned\x07", "\x1b[2J", "\x9b2J", "[/x]", "[bold]", "\x00", "\r"]
_FIELDS = [
    "status", "steps", "messages", "stepName", "id", "progressPercentage", "estimatedTimeFrame", "messageHtml",
    "level", "cancellationRequestState", "submissionType", "submissionState", "changedTime", "publishingVersion",
    "code", "message", "error", "details", "lastActionDateTime",
]  # fmt: skip
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_text = st.one_of(st.text(max_size=20), st.sampled_from(_HOSTILE))
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _text)
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(_FIELDS), _text), inner, max_size=5)
    ),
    max_leaves=16,
)
_deep = st.integers(min_value=1, max_value=100_000).map(lambda depth: "[" * depth + "]" * depth)
_body = st.one_of(
    _json.map(lambda value: json.dumps(value).encode()),
    _deep.map(str.encode),
    st.binary(max_size=64),
    st.just(b"<html><body><h1>403 Forbidden</h1></body></html>"),
)
_header_names = st.sampled_from(["Content-Type", "Content-Encoding", "Location", "Operation-Location", "Retry-After"])
_header_values = st.one_of(
    st.sampled_from(["application/json", "text/html", "gzip", "deflate", "br", _LOCATION, "1", "-1", "nan", "1e300"]),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30),
)


@st.composite
def answers(draw: st.DrawFn) -> tuple[int, dict[str, str], bytes]:
    status = draw(st.integers(min_value=100, max_value=599))
    headers = draw(st.dictionaries(_header_names, _header_values, max_size=4))
    body = draw(_body)
    if draw(st.booleans()):  # a body as a gateway would send it: gzip, sometimes broken
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body)[: draw(st.integers(min_value=0, max_value=200))]
    return status, headers, body


def _run(args: list[str], status: int, headers: dict[str, str], body: bytes) -> tuple[int, str, str]:
    def serve(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, content=body)

    fake = FakeTime()
    runtime = Runtime(transport=httpx.MockTransport(serve), sleep=fake.sleep, clock=fake.clock)
    # color=True: click keeps escape sequences, as on a terminal (CliRunner strips them by default).
    env = {"CPP_TOKEN": TOKEN, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None}
    result = CliRunner().invoke(cli, args, obj=runtime, env=env, prog_name="cpportal", color=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _ends_cleanly(args: list[str], answer: tuple[int, dict[str, str], bytes]) -> tuple[str, str]:
    """Runs `args` against `answer`: a documented exit code, no traceback, and on failure an `error:` line last
    (what a wrapper may print before it, e.g. the resume command, comes first). Its stdout and stderr."""
    code, stdout, stderr = _run(args, *answer)
    assert code in _DOCUMENTED
    assert "Traceback" not in stdout + stderr
    if code != ExitCode.OK:
        assert stderr.startswith("error: ") or "error: " in stderr.splitlines()[-1], stderr[-400:]
    return stdout, stderr


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=answers())
def test_any_answer_ends_with_a_documented_exit_code_and_no_control_characters(
    args: list[str], answer: tuple[int, dict[str, str], bytes]
) -> None:
    stdout, stderr = _ends_cleanly(args, answer)
    assert not _CONTROL.search(stdout + stderr), (stdout + stderr)[:400]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("hostile", _HOSTILE)
def test_server_text_with_terminal_controls_or_markup_is_printed_inert(args: list[str], hostile: str) -> None:
    detail = {
        "id": "op-1",
        "status": "failed",
        "steps": [{"stepName": f"step {hostile}", "status": "failed", "progressPercentage": 50}],
        "messages": [{"level": "error", "messageHtml": f"bad {hostile}"}],
    }
    listing = [{"id": "op-1", "submissionType": hostile, "submissionState": "failed", "changedTime": hostile}]
    body = listing if args[:2] == ["operations", "list"] else detail
    code, stdout, stderr = _run(args, 200, {"Content-Type": "application/json"}, json.dumps(body).encode())
    assert code in _DOCUMENTED
    assert not _CONTROL.search(stdout + stderr), (stdout + stderr)[:400]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_an_error_message_with_terminal_controls_is_printed_inert(args: list[str]) -> None:
    body = {"error": {"code": "\x1b]0;owned\x07", "message": "no \x1b[2J [/x]"}}
    code, _stdout, stderr = _run(args, 400, {"Content-Type": "application/json"}, json.dumps(body).encode())
    assert code == ExitCode.API_ERROR
    assert stderr.startswith("error: ")
    assert not _CONTROL.search(stderr.rstrip("\n")), stderr
    assert "[/x]" in stderr


def test_an_unforeseen_exception_is_one_error_line_with_its_type_and_exit_code_1() -> None:
    def broken(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("the transport broke \x1b]0;owned\x07")

    fake = FakeTime()
    runtime = Runtime(transport=httpx.MockTransport(broken), sleep=fake.sleep, clock=fake.clock)
    env = {"CPP_TOKEN": TOKEN, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None}
    result = CliRunner().invoke(cli, ["status", "contoso", "offer"], obj=runtime, env=env, color=True)
    assert result.exit_code == ExitCode.API_ERROR
    assert result.stderr == "error: unexpected RuntimeError: the transport broke ]0;owned\n"


@pytest.mark.parametrize("step", ["[/x]", "[bold]loud", "\x1b]52;c;aGk=\x07copied"])
def test_the_live_progress_bar_shows_a_step_name_with_markup_or_escapes_as_plain_text(step: str) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with ProgressView(console, enabled=True) as view:
        view.update(ProgressEvent(status="running", step=step, step_id=None, percentage=40))
    shown = buffer.getvalue()
    assert inert(step) in shown
    assert "\x1b]" not in shown


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--interval", "nan"),
        ("--interval", "1e300"),
        ("--interval", "inf"),
        ("--timeout", "nan"),
        ("--timeout", "1e300"),
    ],
)
@pytest.mark.parametrize("command", [["wait", _LOCATION], ["cancel", "contoso", "offer", "--wait"]], ids=" ".join)
def test_a_number_of_seconds_that_is_not_finite_or_out_of_bounds_is_a_usage_error(
    command: list[str], option: str, value: str
) -> None:
    code, _stdout, stderr = _run([*command, option, value], 200, {}, b"{}")
    assert code == ExitCode.USAGE
    assert f"Invalid value for '{option}'" in stderr


_NAMED_CASES = {
    "401 with an empty body": (401, {}, b""),
    "gateway HTML 403": (403, {"Content-Type": "text/html"}, b"<html><h1>403 - Forbidden</h1></html>"),
    "gateway HTML 404": (404, {"Content-Type": "text/html"}, b"<html><h1>404</h1></html>"),
    "non-JSON 200": (200, {"Content-Type": "application/json"}, b"<html>ok</html>"),
    "deep JSON": (200, {"Content-Type": "application/json"}, b"[" * 100_000 + b"]" * 100_000),
    "status not a string": (200, {}, json.dumps({"status": ["running"], "steps": []}).encode()),
    "markup in a step name": (200, {}, json.dumps({"status": "failed", "steps": [{"stepName": "[/x]"}]}).encode()),
    "bad gzip": (200, {"Content-Encoding": "gzip", "Content-Type": "application/json"}, b"\x1f\x8b not gzip"),
    "bad date": (200, {}, json.dumps([{"id": "1", "changedTime": "2018-13-45T99:00"}]).encode()),
    "steps not a list": (200, {}, json.dumps({"status": "running", "steps": 7}).encode()),
    "no steps": (200, {}, json.dumps({"status": "succeeded"}).encode()),
}


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("answer", _NAMED_CASES.values(), ids=_NAMED_CASES.keys())
def test_each_answer_the_issue_names_ends_without_a_traceback(
    args: list[str], answer: tuple[int, dict[str, str], bytes]
) -> None:
    _ends_cleanly(args, answer)
