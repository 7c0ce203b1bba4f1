"""The test tokens never reach a JUnit report: a pytest run of the tests that use them, with every captured output
and log record in the XML (`junit_logging=all`), holds none of them; and the scan finds a token a test prints."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from support.credentials import TOKEN_PREFIX

ROOT = Path(__file__).resolve().parents[2]
#: The tests that send the test tokens through the command line, the client and the credential.
TOKEN_TESTS = (
    "tests/cli/test_token_never_shown.py",
    "tests/cli/test_credentials.py",
    "tests/client/test_credentials.py",
)
#: test_token_never_shown's token, and the prefix of every token the fake credentials issue.
SECRETS = ("Zq8-tok3n-that-must-never-show", TOKEN_PREFIX)
RUN_SECONDS = 600


def _junit_run(report: Path, *tests: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # reason: this interpreter's pytest, fixed arguments
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "junit_logging=all",
            f"--junitxml={report}",
            *tests,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
    )


def leaks(report: Path, secrets: tuple[str, ...] = SECRETS) -> list[str]:
    """The places of a JUnit report (captured output, logs, failure messages and texts) that hold a secret. Test ids
    are left out: a parametrized test names the token it feeds in, which is no output of the code."""
    found = []
    for element in ElementTree.parse(report).iter():  # noqa: S314  # reason: our own pytest's report
        texts = [element.text or "", *(value for name, value in element.attrib.items() if name == "message")]
        found += [f"<{element.tag}> holds {secret!r}" for text in texts for secret in secrets if secret in text]
    return found


def test_the_junit_report_of_the_token_tests_holds_no_token(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"

    run = _junit_run(report, *TOKEN_TESTS)

    assert run.returncode == 0, run.stdout[-2000:]
    cases = ElementTree.parse(report).getroot().iter("testcase")  # noqa: S314  # reason: our own pytest's report
    assert sum(1 for _ in cases) >= 20  # the tests ran, and reported
    assert leaks(report) == []


def test_the_scan_finds_a_token_a_test_printed(tmp_path: Path) -> None:
    planted = tmp_path / "test_planted.py"
    planted.write_text(
        "import logging\n"
        "def test_prints():\n"
        f"    print('Authorization: Bearer {SECRETS[0]}')\n"
        "def test_logs_and_fails():\n"
        f"    logging.getLogger('x').warning('token %s', '{TOKEN_PREFIX}7')\n"
        f"    assert False, '{TOKEN_PREFIX}7'\n",
        encoding="utf-8",
    )
    report = tmp_path / "junit.xml"

    _junit_run(report, str(planted), cwd=tmp_path)

    found = leaks(report)
    assert any("system-out" in place and SECRETS[0] in place for place in found), found
    assert any("failure" in place for place in found), found
