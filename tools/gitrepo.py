"""Reading the repository through git: files at a ref, the last release tag, the state of the work tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

GIT_TIMEOUT_SECONDS = 60  # every git call here is local; a minute means something is wrong


class GitError(RuntimeError):
    """A git command failed; the message says which and why."""


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, arguments are ours
            ["git", "-C", str(root), *args],  # noqa: S607 - git from PATH, as the Makefile uses it
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"git {' '.join(args)} took longer than {GIT_TIMEOUT_SECONDS} s") from exc
    if check and result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {detail[-1] if detail else f'exit {result.returncode}'}")
    return result


def top_level(start: Path) -> Path:
    result = git(start, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise GitError(f"{start} is not inside a git work tree (the gate compares with what is committed)")
    return Path(result.stdout.decode().strip())


def verify_ref(root: Path, ref: str) -> str:
    """The commit ``ref`` names, or a GitError that says the ref is unknown."""
    result = git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if result.returncode != 0:
        raise GitError(f"unknown git ref {ref!r}")
    return result.stdout.decode().strip()


def read_at(root: Path, ref: str, path: str) -> str | None:
    """The text of ``path`` (relative to the repository root) at ``ref``, or None when it did not exist there."""
    verify_ref(root, ref)
    result = git(root, "show", f"{ref}:{path}", check=False)
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8-sig")


def last_tag(root: Path, pattern: str) -> str | None:
    """The nearest tag matching ``pattern`` reachable from HEAD, or None."""
    result = git(root, "describe", "--tags", "--abbrev=0", "--match", pattern, "HEAD", check=False)
    return result.stdout.decode().strip() or None if result.returncode == 0 else None
