"""tools/docs_reference.py: the published reference of the Python layer and the command line comes from the code."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest
import yaml

import cloud_partner_portal
from tools import docs_reference

COMMAND = Path(sys.executable).parent / docs_reference.COMMAND


def test_every_public_name_of_the_python_layer_is_described_with_its_docstring() -> None:
    text = docs_reference.python_reference()
    for name in cloud_partner_portal.__all__:
        assert f"`{name}" in text, name
    summary = inspect.cleandoc(cloud_partner_portal.begin_cancel.__doc__ or "").splitlines()[0]
    assert summary
    assert summary in text


def test_every_command_of_the_command_line_is_described_with_its_help() -> None:
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND} is not installed in this environment")
    text = docs_reference.command_line_reference(COMMAND)
    root_help = docs_reference._help(COMMAND, [])
    commands = docs_reference._subcommands(root_help)
    assert len(commands) >= 5, root_help
    for name in commands:
        assert f"#### `{docs_reference.COMMAND} {name}`" in text, name
    assert "Usage:" in text


def test_the_overlay_adds_one_guide_listed_under_guides(tmp_path: Path) -> None:
    out = tmp_path / "reference.overlay.yaml"
    assert docs_reference.main(["-o", str(out), "--command", str(COMMAND)]) == 0
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert document["overlay"] == "1.1.0"
    tag = document["actions"][0]["update"]
    assert tag["name"] == docs_reference.TAG
    assert tag["x-traitTag"] is True
    assert "### Python: `cloud_partner_portal`" in tag["description"]
    assert document["actions"][1]["update"] == docs_reference.TAG


def test_a_command_that_cannot_run_is_an_error_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reference.overlay.yaml"
    assert docs_reference.main(["-o", str(out), "--command", str(tmp_path / "missing")]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert not out.exists()
