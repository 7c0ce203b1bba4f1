"""Scratch git repositories for the tests of the maintainers' tools: small fixture repositories, clones of this project.

A clone runs the real Makefile targets with this checkout's virtual environment (BIN) and uv, never a new
`uv sync`: `-o .venv/.done -o node_modules/.done` tells make the installs are done. Clones carry this checkout's
Makefile and tools/ as committed in the clone, so the tests exercise the code under test even before it is committed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
MAKE_TIMEOUT_SECONDS = 600  # one make target on a slow 2-core box; generation alone takes a few seconds
UNDER_TEST = ("Makefile", "tools", "CHANGELOG.md", "openapi-python-client.yaml", "README.md")


def run(
    cwd: Path, *args: str, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(  # noqa: S603 - fixed programs with arguments from the tests
        args, cwd=cwd, capture_output=True, text=True, timeout=MAKE_TIMEOUT_SECONDS, env=env, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run(cwd, "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args, check=check)


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)


def make_command(*arguments: str) -> list[str]:
    """make with the installs taken as done (no `uv sync`, no `npm ci`), whatever the timestamps say."""
    return ["make", "--no-print-directory", "-o", ".venv/.done", "-o", "node_modules/.done", *arguments]


def _uv() -> str:
    found = shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(found).exists():
        pytest.skip("uv is not installed (make setup installs it)")
    return found


class Clone:
    """A scratch clone of this project, with make run the way the README tells maintainers to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.env = {**os.environ, "UV_OFFLINE": "1", "PYTHONDONTWRITEBYTECODE": "1"}

    def make(self, *targets: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = make_command(f"BIN={ROOT / '.venv' / 'bin'}", f"UV={_uv()}", *targets)
        return run(self.path, *command, env=self.env, check=check)

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return git(self.path, *args, check=check)

    def commit(self, message: str) -> None:
        commit_all(self.path, message)

    def read(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")


# Edits of a clone's openapi.yaml that do not depend on what it holds today.


def load(clone: Clone) -> Any:
    return YAML().load(clone.read("openapi.yaml"))


def save(clone: Clone, spec: Any) -> None:
    buffer = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.dump(spec, buffer)
    clone.write("openapi.yaml", buffer.getvalue())


def response_model(spec: Any) -> str:
    """The first component schema with properties that a 2xx JSON response of an operation refers to."""
    for item in spec["paths"].values():
        for operation in item.values():
            for status, response in (operation.get("responses") or {}).items() if isinstance(operation, dict) else []:
                schema = (response.get("content") or {}).get("application/json", {}).get("schema", {})
                ref = schema.get("$ref", "") if str(status).startswith("2") else ""
                name = ref.rsplit("/", 1)[-1]
                if ref.startswith("#/components/schemas/") and "properties" in spec["components"]["schemas"][name]:
                    return name
    raise AssertionError("no 2xx JSON response refers to an object schema")
