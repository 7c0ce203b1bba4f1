"""Whatever the server answers, the `offers` commands end with their output or one `error:` line and a documented
exit code, never a traceback, and print what the server sent without control characters (the hostile answers of
`test_never_a_traceback`)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from cloud_partner_portal.cli import ExitCode

from .test_never_a_traceback import _CONTROL, _DOCUMENTED, _HOSTILE, _NAMED_CASES, _run, answers


@pytest.fixture(scope="module")
def offer_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("offers") / "offer.json"
    path.write_text(json.dumps({"id": "offer", "definition": {"plans": []}}), encoding="utf-8")
    return str(path)


def _commands(offer_file: str) -> list[list[str]]:
    return [
        ["offers", "list", "contoso"],
        ["offers", "show", "contoso", "offer"],
        ["offers", "show", "contoso", "offer", "--slot", "Preview"],
        ["offers", "update", "contoso", "offer", offer_file],
        ["offers", "update", "contoso", "offer", offer_file, "--if-match", "W/x", "--json"],
        ["offers", "add-image", "contoso", "offer", "--plan", "p", "--version", "1.0.0", "--os-vhd-url", "u"],
        ["offers", "types"],
    ]


COMMAND_IDS = ["list", "show", "show slot", "update", "update if-match json", "add-image", "types"]


@pytest.mark.parametrize("index", range(len(COMMAND_IDS)), ids=COMMAND_IDS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(answer=answers())
def test_any_answer_ends_with_a_documented_exit_code_and_no_control_characters(
    offer_file: str, index: int, answer: tuple[int, dict[str, str], bytes]
) -> None:
    code, stdout, stderr = _run(_commands(offer_file)[index], *answer)
    assert code in _DOCUMENTED
    assert "Traceback" not in stdout + stderr
    assert not _CONTROL.search(stdout + stderr), (stdout + stderr)[:400]
    if code != ExitCode.OK:
        assert "error: " in stderr, stderr[-400:]


@pytest.mark.parametrize("index", range(len(COMMAND_IDS)), ids=COMMAND_IDS)
@pytest.mark.parametrize("answer", _NAMED_CASES.values(), ids=_NAMED_CASES.keys())
def test_each_named_hostile_answer_ends_without_a_traceback(
    offer_file: str, index: int, answer: tuple[int, dict[str, str], bytes]
) -> None:
    code, stdout, stderr = _run(_commands(offer_file)[index], *answer)
    assert code in _DOCUMENTED
    assert "Traceback" not in stdout + stderr
    if code != ExitCode.OK:
        assert "error: " in stderr


@pytest.mark.parametrize("index", range(len(COMMAND_IDS)), ids=COMMAND_IDS)
@pytest.mark.parametrize("hostile", _HOSTILE)
def test_server_text_in_an_offer_is_printed_inert(offer_file: str, index: int, hostile: str) -> None:
    offer = {
        "id": f"offer {hostile}",
        "status": hostile,
        "definition": {"plans": [{"planId": hostile, "microsoft-azure-virtualmachines.vmImages": {hostile: {}}}]},
    }
    body = [offer] if index == 0 else offer
    headers = {"Content-Type": "application/json", "ETag": f'W/"{hostile.strip(chr(0) + chr(13))}"'}
    code, stdout, stderr = _run(_commands(offer_file)[index], 200, headers, json.dumps(body).encode())
    assert code in _DOCUMENTED
    assert not _CONTROL.search(stdout + stderr), (stdout + stderr)[:400]
