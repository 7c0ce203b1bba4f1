"""The drift gate (`make drift`, part of `make check`) compares with HEAD, so CI's order cannot hide a hand edit.

CI runs `make` (which regenerates generated/ and the mock's openapi.json in the work tree) and then `make check`.
Each test below commits a problem in a scratch clone, regenerates as `make` does, then runs the gate.
"""

from __future__ import annotations

import os
from pathlib import Path

from scratch import ROOT, Clone, run

CLIENT = "generated/cloud-partner-portal-client"
CANCEL = f"{CLIENT}/cloud_partner_portal_client/api/operations/cancel_operation.py"
MOCK_SPEC = "src/cloud_partner_portal_mock/openapi.json"


def test_a_clean_clone_passes_the_gate(project_clone: Clone) -> None:
    result = project_clone.make("drift")
    assert "HEAD matches a fresh generation" in result.stdout


def test_a_committed_hand_edit_fails_the_gate_even_after_make_regenerated(project_clone: Clone) -> None:
    project_clone.write(CANCEL, project_clone.read(CANCEL) + "\n# a hand edit\n")
    project_clone.commit("hand edit in generated code")
    project_clone.make("generate")  # what `make` does before `make check` in CI: the edit vanishes from the work tree
    assert "a hand edit" not in project_clone.read(CANCEL)
    result = project_clone.make("drift", check=False)
    assert result.returncode != 0
    assert f"{CANCEL}: HEAD's copy differs from a fresh generation" in result.stderr
    assert f"{CANCEL}: differs from HEAD" in result.stderr


def test_a_committed_stray_file_fails_the_gate(project_clone: Clone) -> None:
    stray = f"{CLIENT}/cloud_partner_portal_client/helpers.py"
    project_clone.write(stray, "def helper() -> None: ...\n")
    project_clone.commit("a hand-written module inside generated/")
    result = project_clone.make("drift", check=False)
    assert result.returncode != 0
    assert f"{stray}: committed but not generated" in result.stderr


def test_an_untracked_stray_file_fails_the_gate(project_clone: Clone) -> None:
    stray = f"{CLIENT}/cloud_partner_portal_client/models/extra_model.py"
    project_clone.write(stray, "EXTRA = 1\n")
    result = project_clone.make("drift", check=False)
    assert result.returncode != 0
    assert f"{stray}: untracked file" in result.stderr


def test_a_committed_edit_of_the_mocks_copy_fails_the_gate(project_clone: Clone) -> None:
    project_clone.write(MOCK_SPEC, project_clone.read(MOCK_SPEC).replace("Cloud Partner Portal", "Edited", 1))
    project_clone.commit("hand edit of the mock's description")
    result = project_clone.make("drift", check=False)
    assert result.returncode != 0
    assert f"{MOCK_SPEC}: HEAD's copy differs from a fresh generation" in result.stderr


def test_ci_runs_the_gate_after_make() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in ci.splitlines()]
    assert lines.index("make check") > lines.index("make")
    check = next(
        line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith("check:")
    )
    assert "drift" in check.split("##")[0].split()


def test_outside_a_git_work_tree_the_gate_says_so(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)}
    python = str(ROOT / ".venv" / "bin" / "python")
    result = run(tmp_path, python, "-m", "tools.drift", "x=y", env=env, check=False)
    assert result.returncode == 2
    assert "is not inside a git work tree" in result.stderr
    assert "Traceback" not in result.stderr
