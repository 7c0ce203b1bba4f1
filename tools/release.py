"""``python -m tools.release`` (``make version``): the client's next version, from the breaking-change report.

Reads the report of ``make diff`` (the client's description at the last release tag, else HEAD, against the work
tree), computes the next version from the client's impact (breaking → major, minor while 0.x; addition → minor;
anything else → patch) starting from the version at that base, writes it into the generator config (the version
is a generator input) and writes the entry of CHANGELOG.md. The Makefile then regenerates and updates uv.lock.
Running it again before the release is tagged recomputes from the same base and rewrites the same entry.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from .apidiff.model import Change, Impact, Report
from .apidiff.refs import RefError
from .apidiff.render import audiences
from .apidiff.repository import compare_with_base
from .apidiff.sources import SourceError
from .changelog import with_release
from .gitrepo import GitError, top_level
from .versioning import Version, bump_reason, version_in_config, with_version_in_config


def entry(report: Report, base: str, current: Version, level: Impact) -> str:
    """The changelog entry's body: what it is compared with, then Breaking / Added / Changed lists."""
    sections: list[tuple[str, list[Change]]] = [
        ("Breaking", [c for c in report.changes if c.breaking]),
        ("Added", [c for c in report.changes if not c.breaking and Impact.ADDITION in (c.client, c.server)]),
        ("Changed", [c for c in report.changes if max(c.client, c.server) <= Impact.CHANGE]),
    ]
    lines = [f"Compared with {base} ({current}): {bump_reason(current, level)}."]
    for title, changes in sections:
        if not changes:
            continue
        lines += ["", f"### {title}", ""]
        for change in changes:
            if change.breaking:
                lines.append(f"- {change.describe()} (breaking for the {audiences(change)}) [{change.ack}]")
            else:
                lines.append(f"- {change.describe()}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.release", description=__doc__.split("\n\n")[0])
    p.add_argument("--base", help="git ref of the last release (default: last client-v* tag, else HEAD)")
    p.add_argument("--spec", default="openapi.yaml")
    p.add_argument("--overlay", action="append", default=[])
    p.add_argument("--config", default="openapi-python-client.yaml", help="generator config: package_version_override")
    p.add_argument("--changelog", type=Path, default=Path("CHANGELOG.md"))
    p.add_argument("--date", default=datetime.date.today().isoformat(), help="the entry's date (default: today)")
    args = p.parse_args(argv)
    try:
        root = top_level(Path.cwd())
        result = compare_with_base(root, args.base, args.spec, args.overlay, args.config)
        config_path = root / args.config
        config_text = config_path.read_text(encoding="utf-8")
        working = version_in_config(config_text, args.config)  # the line make version rewrites must be there
        current = result.base_version or working
    except (SourceError, RefError, GitError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    level = result.report.client_level
    if level is Impact.NONE:
        print(f"error: the client's description is unchanged since {result.base}: nothing to release", file=sys.stderr)
        return 1
    new = current.bump(level)
    changelog = args.changelog if args.changelog.is_absolute() else root / args.changelog
    old_log = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    log = with_release(old_log, new, current, args.date, entry(result.report, result.base, current, level))
    config_path.write_text(with_version_in_config(config_text, new), encoding="utf-8")
    changelog.write_text(log, encoding="utf-8")
    print(f"client {current} → {new} ({bump_reason(current, level)}); {args.config} and {args.changelog} written")
    print(f"next: review {args.changelog}, commit, then `git tag {new.tag}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
