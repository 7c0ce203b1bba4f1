"""`make version` (tools.release): the next version from the report, into the generator config and CHANGELOG.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from small_repo import ARGS, CHANGELOG, FILES, remove_size

from tools.apidiff.__main__ import main as diff_main
from tools.release import main

RELEASE_ARGS = ["--overlay", "overlays/client.overlay.yaml", "--date", "2026-03-04"]


@pytest.fixture
def repo(git_repo: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    path = git_repo(FILES)
    monkeypatch.chdir(path)
    return path


def config_line(repo: Path) -> str:
    return next(x for x in (repo / "openapi-python-client.yaml").read_text().splitlines() if "package_version" in x)


def test_a_breaking_change_moves_a_0x_client_to_the_next_minor_and_is_acknowledged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remove_size(repo)
    assert main(RELEASE_ARGS) == 0
    assert "client 0.4.0 → 0.5.0 (breaking change, minor while 0.x)" in capsys.readouterr().out
    assert config_line(repo) == "package_version_override: 0.5.0  # set by make version"
    log = (repo / "CHANGELOG.md").read_text()
    entry = log[log.index("## 0.5.0 (2026-03-04)") : log.index("## 0.4.0")]
    assert "Compared with HEAD (0.4.0): breaking change, minor while 0.x." in entry
    assert "### Breaking\n\n- listThings: response 200 (application/json) /size: property removed" in entry
    assert "(breaking for the client) [ack:" in entry
    assert diff_main(ARGS) == 0  # the entry acknowledges it


def test_an_addition_is_a_minor_and_a_documentation_edit_a_patch(repo: Path) -> None:
    spec = repo / "openapi.yaml"
    spec.write_text(spec.read_text().replace("info: {title: t,", "info: {title: t, description: More words,"))
    assert main(RELEASE_ARGS) == 0
    assert config_line(repo).startswith("package_version_override: 0.4.1")
    assert "### Changed\n\n- info: info changed" in (repo / "CHANGELOG.md").read_text()
    spec.write_text(
        spec.read_text().replace(
            "        size: {type: integer}\n", "        size: {type: integer}\n        colour: {type: string}\n"
        )
    )
    assert main(RELEASE_ARGS) == 0  # again before tagging: recomputed from the same base, one entry
    assert config_line(repo).startswith("package_version_override: 0.5.0")
    log = (repo / "CHANGELOG.md").read_text()
    assert "## 0.4.1" not in log
    assert "### Added\n\n- listThings: response 200 (application/json) /colour: optional property added" in log


def test_unreleased_lines_move_into_the_entry(repo: Path) -> None:
    (repo / "CHANGELOG.md").write_text(CHANGELOG.replace("## Unreleased\n", "## Unreleased\n\n- Why we did it.\n"))
    remove_size(repo)
    assert main(RELEASE_ARGS) == 0
    log = (repo / "CHANGELOG.md").read_text()
    assert "## Unreleased\n\n## 0.5.0" in log
    assert "### Notes\n\n- Why we did it.\n" in log


def test_nothing_to_release_is_refused_and_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(RELEASE_ARGS) == 1
    assert "unchanged since HEAD: nothing to release" in capsys.readouterr().err
    assert (repo / "CHANGELOG.md").read_text() == CHANGELOG


def test_a_config_without_a_version_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "openapi-python-client.yaml").write_text("project_name_override: x\n")
    remove_size(repo)
    assert main([*RELEASE_ARGS, "--config", "openapi-python-client.yaml"]) == 2
    assert "no package_version_override line" in capsys.readouterr().err
