"""The command's names: `cloud-partner-portal` and `cpportal`, never `cpp` (the C preprocessor on most systems);
the resume line a start prints uses the name the command was invoked by."""

from __future__ import annotations

import tomllib
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from cloud_partner_portal.cli import Runtime, cli
from support.documented import OFFER, OFFER_PATH, PUBLISHER, TOKEN
from support.fake_api import FakeApi, started_at

ROOT = Path(__file__).resolve().parents[2]


def test_the_console_scripts_are_cloud_partner_portal_and_cpportal_and_not_cpp() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    commands = {name for name, target in scripts.items() if target == "cloud_partner_portal.cli:main"}
    assert commands == {"cloud-partner-portal", "cpportal"}


def test_the_readme_runs_no_cpp_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not [line for line in readme.splitlines() if line.lstrip("`").startswith("cpp ")]


@pytest.mark.parametrize("program", ["cloud-partner-portal", "cpportal"])
def test_the_follow_line_names_the_program_as_invoked(program: str) -> None:
    api = FakeApi()
    api.on("POST", f"{OFFER_PATH}/publish", started_at())
    runtime = Runtime(transport=httpx.MockTransport(api))
    env = {"CPP_TOKEN": TOKEN, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None}

    result = CliRunner().invoke(cli, ["publish", PUBLISHER, OFFER], obj=runtime, env=env, prog_name=program)

    assert result.exit_code == 0, result.stderr
    assert f"follow it with: {program} wait " in result.stdout
