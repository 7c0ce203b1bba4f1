"""The drift gate: generated files must be exactly what the generator makes and exactly what HEAD holds.

``python -m tools.drift FRESH=COMMITTED ...`` takes pairs: a fresh generation (made under build/ by the Makefile)
and the committed path it must equal. It fails, naming each file, when

- HEAD's copy differs from the fresh generation (a committed hand edit, or a commit without regeneration),
- HEAD holds a file the generator does not make (a stray file), or lacks one it makes,
- the work tree differs from HEAD there (an uncommitted or untracked file).

Comparing with HEAD rather than with the work tree is what lets CI fail: ``make`` regenerates the work tree first,
which would hide a committed hand edit from a work-tree comparison.
"""

from __future__ import annotations

import argparse
import io
import sys
import tarfile
from collections.abc import Sequence
from pathlib import Path

from .gitrepo import GitError, git, top_level

IGNORED_PARTS = ("__pycache__", ".ruff_cache", ".mypy_cache")  # caches, never committed (see .gitignore)


def _wanted(relative: str) -> bool:
    return not any(part in IGNORED_PARTS for part in Path(relative).parts) and not relative.endswith(".pyc")


def fresh_files(fresh: Path, committed: str) -> dict[str, bytes]:
    """The fresh generation, keyed by the path each file has in the repository."""
    if fresh.is_file():
        return {committed: fresh.read_bytes()}
    if not fresh.is_dir():
        raise FileNotFoundError(f"{fresh}: no fresh generation here (the Makefile writes it first)")
    return {
        f"{committed}/{path.relative_to(fresh).as_posix()}": path.read_bytes()
        for path in sorted(fresh.rglob("*"))
        if path.is_file() and _wanted(path.relative_to(fresh).as_posix())
    }


def head_files(root: Path, committed: str, ref: str = "HEAD") -> dict[str, bytes]:
    """HEAD's files under ``committed`` (a file or a directory), read through ``git archive``."""
    listed = git(root, "ls-tree", "-r", "--name-only", ref, "--", committed).stdout.decode().split("\n")
    if not any(listed):
        return {}
    archive = git(root, "archive", "--format=tar", ref, "--", committed).stdout
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            extracted = tar.extractfile(member) if member.isfile() else None
            if extracted is not None and _wanted(member.name):
                files[member.name] = extracted.read()
    return files


def work_tree_problems(root: Path, paths: Sequence[str]) -> list[str]:
    """Uncommitted and untracked files under ``paths``, as git status sees them against HEAD."""
    out = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths).stdout.decode()
    problems = []
    entries = iter(out.split("\0"))
    for entry in entries:
        if not entry:
            continue
        code, path = entry[:2], entry[3:]
        if code[0] in "RC":
            next(entries, None)  # a rename's source path follows
        if code == "??":
            problems.append(f"{path}: untracked file (the generator did not make it; delete it)")
        else:
            problems.append(f"{path}: differs from HEAD (uncommitted change: commit what `make generate` wrote)")
    return problems


def check(root: Path, pairs: Sequence[tuple[Path, str]]) -> list[str]:
    problems: list[str] = []
    for fresh, committed in pairs:
        made = fresh_files(fresh, committed)
        held = head_files(root, committed)
        for path in sorted(made.keys() | held.keys()):
            if path not in held:
                problems.append(f"{path}: generated but not committed")
            elif path not in made:
                problems.append(f"{path}: committed but not generated (a stray file: delete it)")
            elif made[path] != held[path]:
                problems.append(f"{path}: HEAD's copy differs from a fresh generation (edited by hand?)")
    problems += work_tree_problems(root, [committed for _, committed in pairs])
    return problems


def _pair(text: str) -> tuple[Path, str]:
    fresh, sep, committed = text.partition("=")
    if not sep or not fresh or not committed:
        raise argparse.ArgumentTypeError(f"{text!r}: expected FRESH=COMMITTED")
    return Path(fresh), committed.rstrip("/")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.drift", description=__doc__.split("\n\n")[0])
    p.add_argument("pairs", nargs="+", type=_pair, metavar="FRESH=COMMITTED")
    args = p.parse_args(argv)
    try:
        root = top_level(Path.cwd())
        problems = check(root, args.pairs)
    except (GitError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    committed = ", ".join(c for _, c in args.pairs)
    if not problems:
        print(f"{committed}: HEAD matches a fresh generation from openapi.yaml + overlays")
        return 0
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(
        "error: generated files must be what `make generate` writes, committed: never edit them by hand; "
        "run `make generate` and commit the result together with openapi.yaml",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
