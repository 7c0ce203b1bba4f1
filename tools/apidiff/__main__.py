"""``python -m tools.apidiff``: the breaking-change report (``make diff``).

Two forms: ``BEFORE AFTER`` compares two files; without them, the client's description (``--spec`` plus each
``--overlay``) at ``--base`` (default: the last client-v* tag, else HEAD) is compared with the work tree's.
Exit status: 0 no unacknowledged breaking change, 1 a breaking change not acknowledged, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..changelog import acknowledged
from ..gitrepo import GitError, top_level
from ..versioning import Version
from . import render
from .model import Report
from .operations import compare_documents
from .refs import RefError
from .repository import compare_with_base
from .sources import SourceError, from_file


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.apidiff", description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="*", metavar="BEFORE AFTER", help="two description files to compare")
    p.add_argument("--base", help="git ref to compare the work tree with (default: last client-v* tag, else HEAD)")
    p.add_argument("--spec", default="openapi.yaml", help="the description, relative to the repository root")
    p.add_argument("--overlay", action="append", default=[], help="an overlay applied to both sides, in order")
    p.add_argument("--config", default="openapi-python-client.yaml", help="generator config holding the version")
    p.add_argument("--changelog", type=Path, help="CHANGELOG.md: its [ack:…] tokens acknowledge breaking changes")
    p.add_argument("--accept-breaking", action="store_true", help="exit 0 even on unacknowledged breaking changes")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON to FILE")
    return p


def _unacknowledged(report: Report, changelog: Path | None, since: Version | None) -> list[str]:
    if changelog is None or not changelog.is_file():
        tokens: set[str] = set()
    else:
        tokens = acknowledged(changelog.read_text(encoding="utf-8"), since)
    return [f"- BREAKING {c.describe()} [{c.ack}]" for c in report.breaking if c.ack not in tokens]


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.files and (len(args.files) != 2 or args.base):
        print("error: give two files BEFORE AFTER, or --base REF, not both", file=sys.stderr)
        return 2
    try:
        if args.files:
            before, after = from_file(Path(args.files[0])), from_file(Path(args.files[1]))
            report = compare_documents(before.data, after.data, old_name=before.name, new_name=after.name)
            since = None
        else:
            result = compare_with_base(top_level(Path.cwd()), args.base, args.spec, args.overlay, args.config)
            before, after, report, since = result.before, result.after, result.report, result.base_version
    except (SourceError, RefError, GitError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render.text(report, before.name, after.name))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(render.json_ready(report), indent=2) + "\n", encoding="utf-8")
    missing = _unacknowledged(report, args.changelog, since)
    if not missing:
        return 0
    if args.accept_breaking:
        print(f"{len(missing)} breaking change(s) accepted (--accept-breaking)")
        return 0
    where = args.changelog or "CHANGELOG.md"
    print(
        f"error: {len(missing)} breaking change(s) not acknowledged. Acknowledge each by its line under"
        f" '## Unreleased' in {where} (or let `make version` write them), or pass --accept-breaking"
        " (make diff ACCEPT_BREAKING=1):",
        file=sys.stderr,
    )
    for line in missing:
        print(line, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
