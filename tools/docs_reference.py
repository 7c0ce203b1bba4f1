"""The reference of the hand-written client layer, as an Overlay for the published docs (`make docs`).

The Python reference comes from the docstrings and signatures of `cloud_partner_portal`'s public names
(`__all__`), the command line's from its own `--help` output, command by command; nothing is written twice, so
the page cannot drift from the code. The result is an Overlay 1.1 document that adds one prose section (a Redoc
`x-traitTag`) to the description and lists it under the sidebar's "Guides".

    python -m tools.docs_reference -o build/overlays/reference.overlay.yaml
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

TAG = "Python client and command line"
COMMAND = "cloud-partner-portal"
PACKAGE = "cloud_partner_portal"
# Each `--help` runs in a fresh interpreter; a command line that hangs must not hang the docs build.
HELP_TIMEOUT_SECONDS = 30
# Commands nested deeper than this are not followed (the command line has two levels today).
MAX_DEPTH = 3
HELP_ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def _first_paragraph(doc: str | None) -> str:
    return inspect.cleandoc(doc or "").split("\n\n", 1)[0]


def _signature(obj: Any) -> str:
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return ""


def _public_methods(cls: type) -> Iterator[tuple[str, Any]]:
    for name, member in cls.__dict__.items():
        if name.startswith("_"):
            continue
        function = member.__func__ if isinstance(member, classmethod | staticmethod) else member
        if inspect.isfunction(function) or isinstance(member, property):
            yield name, member


def python_reference(package: str = PACKAGE) -> str:
    """Markdown: one entry per public name, its signature and its whole docstring."""
    module = importlib.import_module(package)
    lines = [f"### Python: `{package}`", "", inspect.cleandoc(module.__doc__ or ""), ""]
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isclass(obj):
            lines += [f"#### class `{name}`", "", inspect.cleandoc(obj.__doc__ or ""), ""]
            for method_name, member in _public_methods(obj):
                function = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                # The bound form drops `cls` from class methods' signatures.
                signature = "" if isinstance(member, property) else _signature(getattr(obj, method_name))
                summary = _first_paragraph(function.__doc__)
                lines += [f"- `{name}.{method_name}{signature}`" + (f": {summary}" if summary else "")]
            lines.append("")
        elif callable(obj):
            lines += [f"#### `{name}{_signature(obj)}`", "", inspect.cleandoc(obj.__doc__ or ""), ""]
        else:
            lines += [f"#### `{name}` = `{obj!r}`", ""]
    return "\n".join(lines).strip() + "\n"


def _help(executable: Path, words: Sequence[str]) -> str:
    result = subprocess.run(  # noqa: S603  (the project's own console script, fixed arguments)
        [str(executable), *words, "--help"],
        capture_output=True,
        text=True,
        timeout=HELP_TIMEOUT_SECONDS,
        env={**os.environ, **HELP_ENV},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"`{COMMAND} {' '.join(words)} --help` exited {result.returncode}: {result.stderr[-500:]}")
    return result.stdout


def _subcommands(help_text: str) -> list[str]:
    """The names listed under click's "Commands:" heading."""
    section = help_text.split("\nCommands:\n", 1)
    if len(section) < 2:
        return []
    return re.findall(r"^  (\S+)", section[1], flags=re.MULTILINE)


def command_line_reference(executable: Path) -> str:
    """Markdown: the `--help` of the command and of every subcommand, in the order the help lists them."""
    lines = [f"### Command line: `{COMMAND}`", ""]

    def visit(words: list[str]) -> None:
        text = _help(executable, words)
        lines.extend([f"#### `{' '.join([COMMAND, *words])}`", "", "```text", text.rstrip(), "```", ""])
        if len(words) < MAX_DEPTH:
            for name in _subcommands(text):
                visit([*words, name])

    visit([])
    return "\n".join(lines).strip() + "\n"


def overlay(python: str, command_line: str) -> dict[str, Any]:
    description = (
        "Generated from the code at build time (`python -m tools.docs_reference`): the docstrings of the Python "
        "layer over the generated client, and the command line's own `--help`.\n\n" + python + "\n" + command_line
    )
    # Trailing blanks would stop YAML from writing the text as a readable literal block.
    description = "\n".join(line.rstrip() for line in description.splitlines())
    return {
        "overlay": "1.1.0",
        "info": {
            "title": "Reference of the Python layer and the command line",
            "version": "1.0.0",
            "description": "Generated by tools/docs_reference.py for make docs; never edited.",
        },
        "actions": [
            {
                "target": "$.tags",
                "description": "A prose section (x-traitTag) with the reference.",
                "update": {"name": TAG, "x-traitTag": True, "description": description},
            },
            {
                "target": "$['x-tagGroups'][?@.name == 'Guides'].tags",
                "description": "Listed under Guides, after Getting started.",
                "update": TAG,
            },
        ],
    }


class _LiteralDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so the generated overlay reads like the Markdown it holds."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _represent_str)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.docs_reference", description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the overlay (YAML)")
    parser.add_argument(
        "--command",
        type=Path,
        default=Path(sys.executable).parent / COMMAND,
        help=f"the `{COMMAND}` console script (default: next to this interpreter)",
    )
    args = parser.parse_args(argv)
    try:
        document = overlay(python_reference(), command_line_reference(args.command))
    except (ImportError, OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        yaml.dump(document, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
