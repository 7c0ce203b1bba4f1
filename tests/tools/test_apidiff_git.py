"""`make diff`'s git form: the client's description (spec + overlays) at a base ref against the work tree.

The base defaults to the last client-v* tag, else HEAD; a breaking change fails unless CHANGELOG.md carries its
[ack:…] token in Unreleased or in an entry newer than the base, or --accept-breaking is given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scratch import commit_all, git
from small_repo import ARGS, CHANGELOG, FILES, OVERLAY, remove_size

from tools.apidiff.__main__ import main

Repo = Callable[[dict[str, str]], Path]


@pytest.fixture
def repo(git_repo: Repo, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = git_repo(FILES)
    monkeypatch.chdir(path)
    return path


def test_without_a_release_tag_the_work_tree_is_compared_with_head(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(ARGS) == 0
    assert "no change" in capsys.readouterr().out
    remove_size(repo)
    assert main(ARGS) == 1
    out, err = capsys.readouterr()
    assert "openapi.yaml + overlays/client.overlay.yaml (HEAD)" in out
    assert "listThings: response 200 (application/json) /size: property removed" in out
    assert "1 breaking change(s) not acknowledged" in err


def test_the_last_release_tag_is_the_default_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "tag", "client-v0.4.0")
    remove_size(repo)
    commit_all(repo, "remove size")  # committed, so HEAD alone would show nothing
    assert main(ARGS) == 1
    out = capsys.readouterr().out
    assert "(client-v0.4.0)" in out
    assert "/size: property removed" in out
    assert main([*ARGS, "--base", "HEAD"]) == 0


def test_an_overlay_change_is_seen_because_the_client_is_generated_from_the_overlaid_description(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = repo / "overlays/client.overlay.yaml"
    overlay.write_text(OVERLAY.replace("[BIG, SMALL]", "[LARGE, SMALL]"))
    assert main(ARGS) == 1
    assert "generated enum member renamed: 'big': BIG → LARGE" in capsys.readouterr().out


def test_a_changelog_line_with_the_token_acknowledges_a_breaking_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remove_size(repo)
    assert main(ARGS) == 1
    line = next(x for x in capsys.readouterr().err.splitlines() if x.startswith("- BREAKING"))
    changelog = repo / "CHANGELOG.md"
    changelog.write_text(CHANGELOG.replace("## Unreleased\n", f"## Unreleased\n\n{line}\n"))
    assert main(ARGS) == 0


def test_a_token_in_an_entry_older_than_the_base_does_not_count(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remove_size(repo)
    main(ARGS)
    token = next(x for x in capsys.readouterr().err.split() if x.startswith("[ack:"))
    (repo / "CHANGELOG.md").write_text(CHANGELOG.replace("A release.", f"A release. {token}"))
    assert main(ARGS) == 1


def test_accept_breaking_lets_the_report_pass(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remove_size(repo)
    assert main([*ARGS, "--accept-breaking"]) == 0
    assert "accepted" in capsys.readouterr().out


def test_an_overlay_missing_at_the_base_is_left_out_there(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = repo / "overlays/extra.overlay.yaml"
    extra.write_text(
        OVERLAY.replace("update:\n      x-enum-varnames: [BIG, SMALL]", "update:\n      description: Size.")
    )
    assert main([*ARGS, "--overlay", "overlays/extra.overlay.yaml"]) == 0
    out = capsys.readouterr().out
    assert "from openapi.yaml + overlays/client.overlay.yaml (HEAD)" in out
    assert "components/schemas/Kind: description changed" in out


def test_an_unknown_base_or_a_failing_overlay_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--base", "client-v9.9.9"]) == 2
    assert "unknown git ref 'client-v9.9.9'" in capsys.readouterr().err
    (repo / "overlays/client.overlay.yaml").write_text(OVERLAY.replace("$.components.schemas.Kind", "$.nothing"))
    assert main(ARGS) == 2
    err = capsys.readouterr().err
    assert "selects nothing" in err
    assert "Traceback" not in err


def test_the_json_report_lists_each_change_with_its_impacts(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    remove_size(repo)
    main([*ARGS, "--accept-breaking", "--json", "build/apidiff.json"])
    data = json.loads((repo / "build/apidiff.json").read_text())
    assert data["client"] == "breaking"
    assert data["changes"][0]["kind"] == "property-removed"
    assert data["changes"][0]["ack"].startswith("ack:")
