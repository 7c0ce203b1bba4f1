"""`make contract`: prove that a server honours the description, with the schemathesis CLI.

By default the bundled mock is started on loopback (in `--flavor`, `FLAVOR=`: the documented form of its 202s),
waited for, tested with every check in every phase (examples, coverage, fuzzing, stateful) against its own
description and `schemathesis.toml`, and stopped. With `--base-url` (or `BASE_URL`) an endpoint that claims to
behave as documented is tested instead, against the public description (`openapi.yaml`) and
`schemathesis.public.toml`: a real one, or the mock started with `--rules documented`. Its bearer token comes
from the environment variable `CPP_TOKEN` only, never from the command line, and operations that change state
(publish, go live, cancel) run only with `--allow-writes` (`ALLOW_WRITES=1`): cancel on a real offer is not a
test to run by accident.

Run as `python -m tools.contract` (`--help` lists the options). Every run loads the custom checks of
`tools/contract_checks.py` (the configurations' `hooks`) and runs them in
place of the two built-ins they wrap, `REPLACED_CHECKS`.

A JUnit report lands in `build/reports/contract-junit.xml`, and with `--report junit,html,har` (`REPORT=`) the
other reports schemathesis writes land in `build/reports/` too (secrets masked, schemathesis's default output
sanitizing); a failure prints schemathesis's reproduction (a curl line) and the run exits non-zero.

Against an endpoint that is not on loopback the run is polite by default: at most `REMOTE_RATE_LIMIT` requests
and `REMOTE_MAX_EXAMPLES` examples per operation in fuzzing; `--rate-limit` and `--max-examples` (or the same
options in `--st-args`, `ST_ARGS=`) override both. `--st-args` passes any other schemathesis `run` option
through, after the runner's own, so that it wins.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import subprocess
import sys
import time
import xml.etree.ElementTree as ET  # reason: parses the report schemathesis just wrote
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import yaml

from cloud_partner_portal_mock.testing import is_loopback

from . import launcher

ROOT = Path(__file__).resolve().parent.parent
MOCK_SPEC = ROOT / "build" / "openapi.mock.yaml"
PUBLIC_SPEC = ROOT / "openapi.yaml"
PUBLIC_CONFIG = ROOT / "schemathesis.public.toml"
REPORT_DIR = ROOT / "build" / "reports"
REPORT = REPORT_DIR / "contract-junit.xml"
REPORT_FORMATS = ("junit", "html", "har", "vcr", "ndjson", "json")
"""What `--report` may ask for; junit is always written (the summary reads its failures)."""
LOCAL_MAX_EXAMPLES = 50
REMOTE_MAX_EXAMPLES = 10
REMOTE_RATE_LIMIT = "60/m"
"""Defaults against an endpoint not on loopback: a contract run must not flood a real service."""
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TOKEN_ENV = "CPP_TOKEN"  # noqa: S105  # reason: the name of the variable, not a token
SEED = 20171031
PHASES = "examples,coverage,fuzzing,stateful"
STARTUP_SECONDS = 20.0
"""How long the bundled mock may take to answer its first request."""
REPLACED_CHECKS = ("content_type_conformance", "response_schema_conformance")
"""Built-in checks that `tools/contract_checks.py` runs itself, except on an empty body marked `x-body-optional`;
excluded by name because `--checks all` would switch them back on whatever the configuration says."""
FLAVORS = ("seed", "2018", "2020-migrated", "2020-legacy")
"""The mock's `--flavor` choices (cloud_partner_portal_mock.locations.FLAVORS)."""


@dataclass(frozen=True)
class Target:
    base_url: str
    spec: Path
    config: Path | None  # None: the repository's schemathesis.toml, found from the working directory
    read_only: bool


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.contract", description=__doc__.split("\n\n")[0])
    p.add_argument("--base-url", default=os.environ.get("BASE_URL") or None, help="a real endpoint (env BASE_URL)")
    p.add_argument("--host", default="127.0.0.1", help="where to serve the mock (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="the mock's port (default 8080)")
    p.add_argument(
        "--flavor",
        choices=FLAVORS,
        default=None,
        help="the served mock's form of the 202 (default: the mock's own, seed)",
    )
    p.add_argument(
        "--allow-writes",
        action="store_true",
        default=os.environ.get("ALLOW_WRITES", "") not in ("", "0"),
        help="against a real endpoint, also run publish, go live and cancel (env ALLOW_WRITES=1)",
    )
    p.add_argument(
        "--max-examples",
        type=int,
        default=None,
        help=f"examples per operation in fuzzing (default {LOCAL_MAX_EXAMPLES} on loopback, "
        f"{REMOTE_MAX_EXAMPLES} against any other host)",
    )
    p.add_argument(
        "--rate-limit",
        default=None,
        metavar="N/UNIT",
        help=f"schemathesis --rate-limit, e.g. 100/m (default: none on loopback, {REMOTE_RATE_LIMIT} against any "
        "other host)",
    )
    p.add_argument(
        "--report",
        default=os.environ.get("REPORT") or "junit",
        type=_report_formats,
        metavar="FORMATS",
        help=f"reports to write to build/reports/, comma-separated of {', '.join(REPORT_FORMATS)} "
        "(env REPORT; default junit, always included)",
    )
    p.add_argument(
        "--st-args",
        default=os.environ.get("ST_ARGS", ""),
        type=_st_args,
        metavar="ARGS",
        help="further schemathesis run options, shell-quoted, placed last so they win (env ST_ARGS), "
        "e.g. '--max-examples 3 --rate-limit 10/s'",
    )
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--phases", default=PHASES, help=f"schemathesis phases (default {PHASES})")
    p.add_argument(
        "--break",
        dest="faults",
        action="append",
        default=[],
        metavar="NAME",
        help="start the mock broken on purpose (see python -m cloud_partner_portal_mock --help)",
    )
    return p


def _report_formats(text: str) -> tuple[str, ...]:
    formats = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(formats) - set(REPORT_FORMATS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown report format(s) {', '.join(unknown)}; choose from {REPORT_FORMATS}")
    return tuple(dict.fromkeys(["junit", *formats]))


def _st_args(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"cannot split {text!r}: {exc}") from None


def target_for(args: argparse.Namespace, environ: dict[str, str]) -> Target:
    if not args.base_url:
        return Target(f"http://{args.host}:{args.port}", MOCK_SPEC, None, read_only=False)
    if not environ.get(TOKEN_ENV):
        raise SystemExit(f"error: a real endpoint needs a bearer token in the environment variable {TOKEN_ENV}")
    if args.faults or args.flavor:
        raise SystemExit("error: --break and --flavor apply to the bundled mock, not to an endpoint of your own")
    return Target(args.base_url.rstrip("/"), PUBLIC_SPEC, PUBLIC_CONFIG, read_only=not args.allow_writes)


def schemathesis_command(target: Target, args: argparse.Namespace) -> list[str]:
    command = [str(Path(sys.executable).with_name("schemathesis"))]
    if target.config is not None:
        command += ["--config-file", str(target.config)]
    command += [
        "run",
        str(target.spec),
        "--url",
        target.base_url,
        "--checks",
        "all",
        "--exclude-checks",
        ",".join(REPLACED_CHECKS),
        "--phases",
        args.phases,
        "--mode",
        "all",
        "--seed",
        str(args.seed),
    ]
    local = is_loopback(urlsplit(target.base_url).hostname or "")
    max_examples = args.max_examples or (LOCAL_MAX_EXAMPLES if local else REMOTE_MAX_EXAMPLES)
    command += ["--max-examples", str(max_examples)]
    rate_limit = args.rate_limit or (None if local else REMOTE_RATE_LIMIT)
    if rate_limit:
        command += ["--rate-limit", rate_limit]
    command += ["--report", ",".join(args.report), "--report-dir", str(REPORT_DIR), "--report-junit-path", str(REPORT)]
    if target.read_only:
        command += ["--include-method", "GET"]
    return [*command, *args.st_args]


def operations_in(spec: Path, read_only: bool) -> int:
    """The API operations the description declares (GET ones only for a read-only run): what a run covers, unlike
    the JUnit report's cases, which add one for the stateful phase."""
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    methods = ("get",) if read_only else HTTP_METHODS
    return sum(1 for item in document.get("paths", {}).values() for method in item if method in methods)


def mock_command(args: argparse.Namespace) -> list[str]:
    """The command that serves the bundled mock for a run: loopback, quiet, broken or in a flavor if asked."""
    options = [option for fault in args.faults for option in ("--break", fault)]
    if args.flavor:
        options += ["--flavor", args.flavor]
    return launcher.mock_command(args.port, *options, host=args.host)


@contextlib.contextmanager
def served_mock(args: argparse.Namespace, output: IO[bytes] | None = None) -> Iterator[None]:
    """The bundled mock for the run's duration (its output to `output`, default this process's); never whatever
    else already listens on its port."""
    command = mock_command(args)
    try:
        with launcher.launch(
            "the mock", command, args.port, host=args.host, output=output, startup_seconds=STARTUP_SECONDS
        ):
            yield
    except launcher.LaunchError as exc:
        raise SystemExit(f"error: {exc}") from None


def summary(target: Target, phases: str, code: int, seconds: float, flavor: str | None = None) -> str:
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if REPORT.exists():
        root = ET.parse(REPORT).getroot()  # noqa: S314  # reason: the report schemathesis just wrote
        suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
        for suite in suites:
            for key in counts:
                counts[key] += int(suite.get(key, 0))
    verdict = "PASSED" if code == 0 else "FAILED"
    scope = "GET only (set ALLOW_WRITES=1 for writes)" if target.read_only else "every operation"
    if target.config is None:
        scope += f", mock in flavor {flavor or 'seed'}"
    lines = [
        f"contract {verdict} against {target.base_url} in {seconds:.1f} s",
        f"  description   {target.spec.relative_to(ROOT)}  ({scope})",
        f"  phases        {phases}, every check",
        f"  operations    {operations_in(target.spec, target.read_only)} in the description",
        f"  test cases    {counts['tests']} in the JUnit report (the stateful phase is one), "
        f"{counts['failures'] + counts['errors']} failing, {counts['skipped']} skipped",
        f"  reports       {REPORT_DIR.relative_to(ROOT)}/",
    ]
    if code != 0:
        lines.append("  reproduce     the curl lines above replay each failure")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    environ = dict(os.environ)
    target = target_for(args, environ)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.unlink(missing_ok=True)
    if not target.spec.exists():
        raise SystemExit(f"error: {target.spec.relative_to(ROOT)} is missing; run 'make overlay'")
    command = schemathesis_command(target, args)
    started = time.monotonic()
    context = served_mock(args) if target.config is None else contextlib.nullcontext()
    with context:
        code = subprocess.call(command, cwd=ROOT, env=environ)  # noqa: S603  # reason: fixed command line
    print(summary(target, args.phases, code, time.monotonic() - started, args.flavor))
    return code


if __name__ == "__main__":
    sys.exit(main())
