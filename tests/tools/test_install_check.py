"""`tools.install_check`: finding interpreters, judging the wheel and the smoke calls, the summary and its exit
status, the bound on every command. The real installs run in `make install-check` (they need the index)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tools import install_check
from tools.install_check import Check, Interpreter, Ran

ROOT = Path(__file__).resolve().parents[2]


def fake_pyenv(tmp_path: Path, *versions: str) -> Path:
    for version in versions:
        (tmp_path / "versions" / version / "bin").mkdir(parents=True)
    return tmp_path


def test_pyenv_candidates_are_the_minors_releases_newest_patch_first(tmp_path):
    root = fake_pyenv(tmp_path, "3.12.1", "3.12.10", "3.12.9", "3.12-dev", "3.13.0t", "3.12.1t", "3.1.2", "3.11.7")

    found = install_check.pyenv_candidates("3.12", root)

    assert found == [root / "versions" / v / "bin" / "python3.12" for v in ("3.12.10", "3.12.9", "3.12.1")]


def test_pyenv_candidates_without_a_pyenv_are_none(tmp_path):
    assert install_check.pyenv_candidates("3.12", tmp_path / "no-pyenv") == []


def test_discover_takes_pyenv_first_then_the_path_and_skips_what_fails_the_probe(tmp_path):
    root = fake_pyenv(tmp_path, "3.12.10", "3.12.1")
    pyenv = root / "versions"
    versions = {
        pyenv / "3.12.10" / "bin" / "python3.12": None,  # broken: no ensurepip
        pyenv / "3.12.1" / "bin" / "python3.12": "3.12.1",
        Path("/usr/bin/python3.12"): "3.12.3",
        Path("/usr/bin/python3.13"): "3.13.5",
        Path("/shims/python3.11"): None,  # a pyenv shim for a version pyenv does not select
    }
    on_path = {
        "python3.12": "/usr/bin/python3.12",
        "python3.13": "/usr/bin/python3.13",
        "python3.11": "/shims/python3.11",
    }

    found = install_check.discover(("3.11", "3.12", "3.13"), pyenv_root=root, which=on_path.get, probe=versions.get)

    assert found == {
        "3.11": None,
        "3.12": Interpreter("3.12", "3.12.1", pyenv / "3.12.1" / "bin" / "python3.12", "pyenv"),
        "3.13": Interpreter("3.13", "3.13.5", Path("/usr/bin/python3.13"), "PATH"),
    }


def test_discover_rejects_an_interpreter_that_runs_another_version(tmp_path):
    found = install_check.discover(
        ("3.12",), pyenv_root=tmp_path, which={"python3.12": "/shims/python3.12"}.get, probe=lambda path: "3.11.7"
    )

    assert found == {"3.12": None}


def test_probe_reports_this_interpreters_version():
    assert install_check.probe(Path(sys.executable)) == ".".join(map(str, sys.version_info[:3]))


def test_a_missing_3_11_fails_and_a_missing_3_12_is_skipped(tmp_path):
    found = Interpreter("3.13", "3.13.0", Path("/x/python3.13"), "pyenv")

    checks = install_check.interpreter_checks({"3.11": None, "3.12": None, "3.13": found}, tmp_path)

    assert [(c.python, c.result) for c in checks] == [("3.11", "FAILED"), ("3.12", "skipped"), ("3.13.0", "ok")]
    assert "python3.11" in checks[0].detail
    assert install_check.exit_status(checks) == 1


def test_exit_status_is_0_when_every_check_passed_or_was_skipped():
    checks = [Check("3.11.7", "pip install .", "import", "ok"), Check("3.12", "-", "find", "skipped")]

    assert install_check.exit_status(checks) == 0


def test_the_summary_has_a_row_per_check_a_count_and_each_failures_detail():
    checks = [
        Check("3.11.7", "pip install .", "cpportal --version", "ok", 1.25),
        Check(
            "3.12.1", "pip install '.[mock]'", "pip install", "FAILED", 30.0, "exit status 1, expected 0\nNo matching"
        ),
    ]

    text = install_check.render(checks)

    lines = text.splitlines()
    assert lines[0].split() == ["python", "install", "check", "result", "seconds"]
    assert lines[1].split() == ["3.11.7", "pip", "install", ".", "cpportal", "--version", "ok", "1.2"]
    assert "2 checks: 1 failed, 0 skipped" in lines
    assert "FAILED 3.12.1 | pip install '.[mock]' | pip install:" in lines
    assert "    No matching" in lines


def test_a_command_that_exits_non_zero_fails_with_its_output():
    ran = Ran(2, "", "ERROR: No matching distribution found for x\n", 0.5)

    row = install_check.check("3.11.7", "pip install .", "pip install", ran)

    assert row.failed
    assert row.detail.splitlines() == ["exit status 2, expected 0", "ERROR: No matching distribution found for x"]


@pytest.mark.parametrize(
    ("returncode", "stderr", "problem"),
    [
        (1, "error: the mock needs the 'mock' extra: pip install 'cloud-partner-portal[mock]'\n", None),
        (1, "Traceback (most recent call last):\nModuleNotFoundError: No module named 'starlette'\n", "traceback"),
        (1, "error: something else\n", "naming"),
        (1, "error: [mock] one\nerror: [mock] two\n", "naming"),
        (0, "", "exit status 0"),
    ],
)
def test_the_missing_extra_must_be_named_on_one_error_line_without_a_traceback(returncode, stderr, problem):
    found = install_check.names_the_missing_extra("mock")(Ran(returncode, "", stderr, 0.1))

    assert found is None if problem is None else problem in found


def test_run_reports_a_command_that_cannot_start():
    ran = install_check.run(["/nonexistent/python"], timeout=5)

    assert ran.returncode is None
    assert "cannot run /nonexistent/python" in ran.stderr


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_run_kills_the_whole_process_group_when_the_timeout_passes(tmp_path):
    # The grandchild holds the output pipe open, as pip's build backend does: killing only the child would
    # leave communicate() waiting for it forever.
    pid_file = tmp_path / "grandchild.pid"
    grandchild = (
        f"import os, pathlib, signal; pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid())); signal.pause()"
    )
    child = f"import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', {grandchild!r}]); time.sleep(600)"
    result: list[Ran] = []
    runner = threading.Thread(target=lambda: result.append(install_check.run([sys.executable, "-c", child], timeout=2)))

    runner.start()
    runner.join(timeout=60)  # generous: the run itself stops after 2 s
    try:
        assert not runner.is_alive(), "run() did not return after its timeout"
        assert result[0].returncode is None
        assert "timed out after 2 s" in result[0].stderr
    finally:
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)


# The built wheel

GOOD_METADATA = """\
Metadata-Version: 2.4
Name: cloud-partner-portal
Version: 0.1.0
License-Expression: MIT
License-File: LICENSE
Classifier: Programming Language :: Python :: 3.11
Classifier: Programming Language :: Python :: 3.12
Classifier: Programming Language :: Python :: 3.13
Requires-Python: >=3.11
Requires-Dist: httpx<0.29,>=0.27
Requires-Dist: attrs>=23.1
Requires-Dist: pyyaml>=6.0; extra == 'mock'
"""
CLIENT_NEEDS = ["httpx>=0.23.1,<0.29.0", "attrs>=22.2.0"]


def make_wheel(path: Path, metadata: str = GOOD_METADATA, *, leave_out: str | None = None) -> Path:
    dist_info = "cloud_partner_portal-0.1.0.dist-info"
    names = [f"{package}/{name}" for package in install_check.WHEEL_PACKAGES for name in ("__init__.py", "py.typed")]
    names.append(f"{dist_info}/licenses/LICENSE")
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            if name != leave_out:
                archive.writestr(name, "")
        archive.writestr(f"{dist_info}/METADATA", metadata)
    return path


def test_a_complete_wheel_has_no_problems(tmp_path):
    assert install_check.wheel_problems(make_wheel(tmp_path / "good.whl"), CLIENT_NEEDS) == []


@pytest.mark.parametrize(
    "leave_out",
    [
        "cloud_partner_portal_client/__init__.py",
        "openapi_overlay/py.typed",
        "cloud_partner_portal-0.1.0.dist-info/licenses/LICENSE",
    ],
)
def test_a_wheel_without_a_package_file_or_the_license_is_a_problem(tmp_path, leave_out):
    wheel = make_wheel(tmp_path / "partial.whl", leave_out=leave_out)

    assert install_check.wheel_problems(wheel, CLIENT_NEEDS) == [f"no {leave_out}"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ("Requires-Dist: httpx", "Requires-Dist: cloud-partner-portal-client\nRequires-Dist: httpx"),
            "which no index holds",
        ),
        (("Requires-Dist: httpx", "Requires-Dist: Cloud_Partner.Portal-Client>=0.1\nRequires-Dist: httpx"), "no index"),
        (("Requires-Dist: httpx", "Requires-Dist: x @ file:///home/me/x\nRequires-Dist: httpx"), "a direct reference"),
        (
            ("Classifier: Programming Language :: Python :: 3.13\n", ""),
            "no classifier 'Programming Language :: Python :: 3.13'",
        ),
        (("License-Expression: MIT", "License: MIT"), "License-Expression is None"),
        (("Requires-Python: >=3.11\n", ""), "no Requires-Python"),
        (("Requires-Dist: attrs>=23.1", "Requires-Dist: attrs>=23.1; extra == 'mock'"), "not require 'attrs'"),
    ],
)
def test_metadata_plain_pip_cannot_resolve_or_that_misses_license_or_pythons_is_a_problem(tmp_path, change, problem):
    wheel = make_wheel(tmp_path / "bad.whl", GOOD_METADATA.replace(*change))

    (found,) = install_check.wheel_problems(wheel, CLIENT_NEEDS)

    assert problem in found


# What the checker checks matches what the project declares


def pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def test_the_checked_pythons_are_the_ones_the_classifiers_name():
    classifiers = pyproject()["project"]["classifiers"]
    named = {c.rsplit(" :: ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")}

    assert named == set(install_check.MINORS)
    assert min(install_check.MINORS) == install_check.REQUIRED_MINOR


def test_the_shipped_clients_requirements_are_read_from_its_pyproject():
    names = [Requirement(text).name for text in install_check.client_requirements()]

    assert "httpx" in names


def test_the_checked_wheel_packages_are_the_ones_the_wheel_target_ships():
    packages = pyproject()["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]

    assert sorted(Path(p).name for p in packages) == sorted(install_check.WHEEL_PACKAGES)


def test_the_ways_in_are_the_project_its_mock_extra_and_the_client_alone():
    requirements = {way.requirement for way in install_check.WAYS_IN}

    assert requirements == {".", ".[mock]", "./generated/cloud-partner-portal-client"}
    assert (ROOT / "generated" / "cloud-partner-portal-client" / "pyproject.toml").is_file()
    # `azure` (azure-identity for cloud_partner_portal.auth) is not a way in of its own yet.
    assert set(pyproject()["project"]["optional-dependencies"]) == {"mock", "azure"}
