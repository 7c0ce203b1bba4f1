"""Fixtures: a small scratch repository (``git_repo``), a scratch clone of this project (``project_clone``).

This folder has no __init__.py on purpose: as a package it would be named ``tools`` and shadow the tools under test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from scratch import ROOT, UNDER_TEST, Clone, commit_all, git


@pytest.fixture
def git_repo(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """A new repository whose first commit holds ``files`` (path → text)."""

    def make(files: dict[str, str]) -> Path:
        repo = tmp_path / "repo"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        for name, text in files.items():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_text(text, encoding="utf-8")
        commit_all(repo, "first")
        return repo

    return make


@pytest.fixture
def project_clone(tmp_path: Path) -> Clone:
    """A local clone of HEAD with this checkout's tools, Makefile, changelog, README and generator config."""
    if not (ROOT / ".venv" / "bin" / "openapi-python-client").exists():
        pytest.skip("the virtual environment is not set up (make setup)")
    path = tmp_path / "clone"
    git(ROOT, "clone", "-q", "--no-tags", str(ROOT), str(path))
    for name in UNDER_TEST:
        source, target = ROOT / name, path / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target)
    clone = Clone(path)
    if git(path, "status", "--porcelain").stdout.strip():
        clone.commit("the tools under test")
    return clone
