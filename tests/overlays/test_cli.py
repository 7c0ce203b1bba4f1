"""The command line: ``python -m openapi_overlay apply|validate`` / ``openapi-overlay``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from openapi_overlay.__main__ import main
from support.overlay_files import CASES, COMPLIANT_SETS

ADD_LICENSE = COMPLIANT_SETS / "add-a-license"
SELECTS_NOTHING = (
    "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.servers[5]\n    remove: true\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_apply_writes_the_result_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["apply", str(ADD_LICENSE / "openapi.yaml"), str(ADD_LICENSE / "overlay.yaml")]) == 0
    captured = capsys.readouterr()
    assert "  license:\n    name: MIT\n    url: https://opensource.org/licenses/MIT\n" in captured.out
    assert captured.out.startswith("openapi: 3.1.0\n")
    assert captured.err == ""


def test_apply_with_o_writes_the_file_and_creates_its_parent_directories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "build" / "nested" / "openapi.yaml"
    assert main(["apply", str(ADD_LICENSE / "openapi.yaml"), str(ADD_LICENSE / "overlay.yaml"), "-o", str(out)]) == 0
    assert "license:" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_apply_writes_json_when_the_output_file_ends_in_json(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    assert main(["apply", str(ADD_LICENSE / "openapi.yaml"), str(ADD_LICENSE / "overlay.yaml"), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["info"]["license"]["name"] == "MIT"


def test_apply_applies_several_overlays_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(
        tmp_path / "first.yaml",
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {x-step: 1}\n",
    )
    second = _write(
        tmp_path / "second.yaml",
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info['x-step']\n    update: 2\n",
    )
    assert main(["apply", str(ADD_LICENSE / "openapi.yaml"), str(first), str(second)]) == 0
    assert "  x-step: 2\n" in capsys.readouterr().out


def test_a_target_selecting_nothing_is_a_warning_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ovl = _write(tmp_path / "o.yaml", SELECTS_NOTHING)
    out = tmp_path / "out.yaml"
    assert main(["apply", str(CASES / "remove-slice" / "openapi.yaml"), str(ovl), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"warning: overlay {ovl} action 1 (target `$.servers[5]`): selects nothing\n"
    assert out.exists()


def test_strict_fails_with_exit_1_when_a_target_selects_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ovl = _write(tmp_path / "o.yaml", SELECTS_NOTHING)
    out = tmp_path / "out.yaml"
    assert main(["apply", str(CASES / "remove-slice" / "openapi.yaml"), str(ovl), "-o", str(out), "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"error: overlay {ovl} action 1 (target `$.servers[5]`): selects nothing\n"
    assert captured.out == ""
    assert not out.exists()


def test_an_invalid_overlay_exits_1_with_the_error_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ovl = _write(tmp_path / "o.yaml", "overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: []\n")
    assert main(["apply", str(ADD_LICENSE / "openapi.yaml"), str(ovl)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"error: overlay {ovl}: unsupported overlay version '2.0.0'; supported: 1.0.x, 1.1.x\n"
    assert captured.out == ""


def test_a_missing_input_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["apply", str(tmp_path / "missing.yaml"), str(ADD_LICENSE / "overlay.yaml")]) == 1
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'missing.yaml'}: cannot read file")


@pytest.mark.parametrize(
    "argv",
    [[], ["apply"], ["apply", "openapi.yaml"], ["frobnicate"], ["apply", "a.yaml", "b.yaml", "--bogus"], ["validate"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["apply", "--help"]) == 0
    assert "--strict" in capsys.readouterr().out


def test_validate_reports_valid_overlays(capsys: pytest.CaptureFixture[str]) -> None:
    ovl = COMPLIANT_SETS / "remove-matching-responses" / "overlay.yaml"
    assert main(["validate", str(ovl)]) == 0
    assert capsys.readouterr().out == f"{ovl}: valid Overlay 1.0.0 document, 2 actions\n"


def test_validate_exits_1_and_reports_every_invalid_overlay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(
        tmp_path / "bad.yaml",
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - update: {}\n  - target: $.x\n",
    )
    good = ADD_LICENSE / "overlay.yaml"
    assert main(["validate", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"error: overlay {bad} actions[0] (action 1): 'target' is a required property\n"
        f"error: overlay {bad} action 2 (target `$.x`): the action has no 'update', 'copy' or 'remove'\n"
    )
    assert captured.out == f"{good}: valid Overlay 1.0.0 document, 1 action\n"


def test_python_m_openapi_overlay_runs_and_returns_the_exit_status(tmp_path: Path) -> None:
    ovl = _write(tmp_path / "o.yaml", SELECTS_NOTHING)
    proc = subprocess.run(  # noqa: S603  (fixed argv: this interpreter running this package)
        [
            sys.executable,
            "-m",
            "openapi_overlay",
            "apply",
            str(CASES / "remove-slice" / "openapi.yaml"),
            str(ovl),
            "--strict",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: overlay ")


def test_apply_with_also_writes_the_same_result_in_each_files_format(tmp_path: Path) -> None:
    yaml_out, json_out = tmp_path / "out.yaml", tmp_path / "copy" / "out.json"
    argv = ["apply", str(ADD_LICENSE / "openapi.yaml"), str(ADD_LICENSE / "overlay.yaml")]
    assert main([*argv, "-o", str(yaml_out), "--also", str(json_out)]) == 0
    assert "license:\n" in yaml_out.read_text(encoding="utf-8")
    assert json.loads(json_out.read_text(encoding="utf-8"))["info"]["license"]["name"] == "MIT"
