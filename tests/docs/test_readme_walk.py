"""The README's walk, run as a newcomer follows it: its marked blocks (`<!-- walk -->`), in order, against a served
mock, and its fixtures' example test (`<!-- example test -->`) under pytest.

The blocks run as written, with three rewrites only: the mock's address `127.0.0.1:8080` becomes the served mock's
free port, `--mock` (the command line's shorthand for that address) becomes `--base-url` with it, and `make contract
PORT=8081` gets another free port. The served mock runs with `--step-seconds cancel=0`, so that a cancel operation
ends at once instead of after 5 real seconds, and the contract step gets `ST_ARGS='--max-examples 3'`, so that it
takes seconds rather than a minute; neither changes what the blocks do. Every step is bounded by a timeout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.served_mock import served_mock
from tools.launcher import free_port

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MARKED_BLOCK = re.compile(r"^<!-- (?P<mark>[a-z ]+) -->\n```(?P<language>\w+)\n(?P<code>.*?)^```$", re.M | re.S)
STEP_TIMEOUT_SECONDS = 180
README_MOCK = "127.0.0.1:8080"


def marked_blocks(mark: str) -> list[tuple[str, str]]:
    """(language, code) of the README's fenced blocks right after `<!-- mark -->`, in order."""
    text = README.read_text(encoding="utf-8")
    return [(m["language"], m["code"]) for m in MARKED_BLOCK.finditer(text) if m["mark"] == mark]


# Cancel operations end at once (see the module's docstring).
INSTANT_CANCEL = ("--step-seconds", "cancel=0")


def _rewritten(code: str, mock_url: str, contract_port: int) -> str:
    address = mock_url.removeprefix("http://")
    code = code.replace(README_MOCK, address).replace("--mock ", f"--base-url {mock_url} ")
    return re.sub(r"make contract PORT=\d+", f"make contract PORT={contract_port}", code)


def _run(language: str, code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if language == "python" else ["bash", "-euo", "pipefail", "-c", code]
    return subprocess.run(  # noqa: S603  # reason: the README's own blocks
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT_SECONDS, check=False
    )


def test_the_walk_is_python_then_the_command_line_then_a_contract_run_with_resets_between() -> None:
    blocks = marked_blocks("walk")

    assert [language for language, _ in blocks] == ["python", "sh", "sh"]
    assert "begin_cancel" in blocks[0][1]
    assert blocks[1][1].startswith(f"curl -X POST http://{README_MOCK}/_mock/reset")
    assert "cpportal --mock cancel" in blocks[1][1]
    assert "make contract" in blocks[2][1]


def test_the_readme_walk_runs_top_to_bottom_against_a_served_mock() -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["ST_ARGS"] = "--max-examples 3"
    env.pop("CPP_TOKEN", None)
    env.pop("BASE_URL", None)
    with served_mock(*INSTANT_CANCEL) as mock:
        outputs = []
        for language, code in marked_blocks("walk"):
            done = _run(language, _rewritten(code, mock.url, free_port()), env)
            assert done.returncode == 0, f"{language} block failed:\n{code}\n{done.stdout}\n{done.stderr}"
            outputs.append(done.stdout)

    python, _, contract = outputs  # the command line's exit status 0 is its check: a cancel with nothing running is 1
    assert python.strip() in ("completed", "canceled")
    assert "contract PASSED" in contract


def test_without_the_reset_the_command_line_section_finds_nothing_to_cancel() -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    (_, python), (_, command_line), _ = marked_blocks("walk")
    without_reset = "\n".join(line for line in command_line.splitlines() if "/_mock/reset" not in line)
    with served_mock(*INSTANT_CANCEL) as mock:
        assert _run("python", _rewritten(python, mock.url, 0), env).returncode == 0
        done = _run("sh", _rewritten(without_reset, mock.url, 0), env)

    assert done.returncode == 1
    assert "404" in done.stderr


def test_the_readme_example_test_of_the_fixtures_passes_under_pytest(tmp_path: Path) -> None:
    (language, code), *others = marked_blocks("example test")
    assert language == "python"
    assert not others
    (tmp_path / "test_readme_example.py").write_text(code, encoding="utf-8")

    done = subprocess.run(  # noqa: S603  # reason: pytest on the README's own example
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT_SECONDS,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


@pytest.mark.parametrize("mark", ["walk", "example test"])
def test_every_marked_block_is_found(mark: str) -> None:
    assert marked_blocks(mark)
