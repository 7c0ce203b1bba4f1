"""Python code blocks of Markdown files, written out as modules so that ``mypy --strict`` checks them.

Each block becomes ``OUT/<file>_<n>.py`` padded with blank lines, so an error's line number is the line in the
Markdown file. Together with ``examples/`` they are type-checked against the generated client (``make examples``):
a breaking change the report misses still fails there.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(first code line, 1-based; code) of every fenced block whose info string starts with ``python``."""
    blocks: list[tuple[int, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        fence, language = opening["fence"], (opening["info"].split() or [""])[0].lower()
        end = next(
            (j for j in range(i + 1, len(lines)) if lines[j].strip().startswith(fence[0] * len(fence))), len(lines)
        )
        if language in ("python", "py"):
            blocks.append((i + 2, "\n".join(lines[i + 1 : end]) + "\n"))
        i = end + 1
    return blocks


def module_name(markdown: Path) -> str:
    return re.sub(r"[^0-9a-zA-Z]+", "_", markdown.as_posix()).strip("_").lower()


def write_modules(markdown_files: Sequence[Path], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.py"):
        stale.unlink()
    written = []
    for markdown in markdown_files:
        for n, (first_line, code) in enumerate(python_blocks(markdown.read_text(encoding="utf-8")), start=1):
            target = out / f"{module_name(markdown)}_{n}.py"
            header = f"# {markdown.as_posix()}, the Python block at line {first_line} (line numbers are the file's)\n"
            target.write_text(header + "\n" * (first_line - 2) + code, encoding="utf-8")
            written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.readme_examples", description=__doc__.split("\n\n")[0])
    p.add_argument("markdown", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True, help="directory for the modules (emptied of *.py first)")
    args = p.parse_args(argv)
    missing = [str(m) for m in args.markdown if not m.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    written = write_modules(args.markdown, args.out)
    print(f"{len(written)} Python block(s) from {len(args.markdown)} file(s) → {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
