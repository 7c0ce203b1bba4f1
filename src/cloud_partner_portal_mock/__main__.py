"""`python -m cloud_partner_portal_mock`: serve the mock with uvicorn, on loopback unless told otherwise.

Tokens come from `--token TOKEN=PUBLISHER` (repeatable) and `CPP_MOCK_TOKENS="tok1=contoso,tok2=fabrikam"`;
with neither, the documented test tokens (`contoso-token` → contoso, `fabrikam-token` → fabrikam). Tokens are
never printed. `--flavor` picks the documented form of the 202's location (`http/locations.py`), `--location-body`
adds the cancel page's prose body, `--rules documented` serves and enforces the public description alone.
`--break NAME` switches on a broken-contract fault and `--fault SPEC` any fault, such as
`--fault "503;retry-after=2;rate=0.1"` (see `--help` and `faults/catalog.py`); time is real.
The banner says how to put the served mock back to its seed (`POST /_mock/reset`, from loopback: `http/app.py`).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Mapping, Sequence

try:
    from .app import RESET_PATH
    from .config import DEFAULT_TOKENS, MockConfig, parse_token_pairs
    from .faults.catalog import CONTRACT_FAULTS, FAULTS, FaultSpecError, build_faults
    from .http.limits import DESCRIPTORS_KEPT, EVICTION_GRACE_SECONDS, ServingLimits
    from .http.locations import DEFAULT_FLAVOR, FLAVORS
    from .state.clock import Clock
    from .validation.spec import MOCK_RULES, RULES
except ModuleNotFoundError as exc:  # installed without the `mock` extra: say what to install, not a traceback
    if __name__ != "__main__" or exc.name is None or exc.name.startswith(f"{__package__}."):
        raise
    sys.exit(
        f"error: the mock needs the 'mock' extra (module {exc.name.partition('.')[0]!r} is not installed): "
        "pip install 'cloud-partner-portal[mock]'"
    )

TOKENS_ENV = "CPP_MOCK_TOKENS"


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError("expected NAME=VALUE")
    return key.strip(), value.strip()


def _seconds(text: str) -> tuple[str, float]:
    step, value = _pair(text)
    try:
        return step, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{step}: {value!r} is not a number of seconds") from None


def _fault(text: str) -> str:
    try:
        build_faults([text])
    except FaultSpecError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def parser() -> argparse.ArgumentParser:
    broken = "; ".join(f"{name}: {FAULTS[name].description}" for name in CONTRACT_FAULTS)
    transient = "; ".join(f"{name}: {cls.description}" for name, cls in FAULTS.items() if cls.transient)
    p = argparse.ArgumentParser(
        prog="python -m cloud_partner_portal_mock",
        description="Serve the stateful Cloud Partner Portal API mock (api-version 2017-10-31).",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, default=8080, help="port to bind (default: 8080)")
    p.add_argument(
        "--token",
        action="append",
        default=[],
        type=_pair,
        metavar="TOKEN=PUBLISHER",
        help=f"accept TOKEN for PUBLISHER (repeatable; also ${TOKENS_ENV}); default: the documented test tokens",
    )
    p.add_argument(
        "--break",
        dest="faults",
        action="append",
        default=[],
        choices=CONTRACT_FAULTS,
        metavar="NAME",
        help=f"break the mock's contract on purpose (repeatable). {broken}",
    )
    p.add_argument(
        "--fault",
        dest="fault_specs",
        action="append",
        default=[],
        type=_fault,
        metavar="SPEC",
        help=(
            f"a fault on every request (repeatable), NAME[=VALUE][;OPTION=VALUE]... {transient}. Options: "
            "only=OPERATION_ID[+...], rate=P, times=N. Requests may also ask for these in an X-Mock-Fault header."
        ),
    )
    flavors = "; ".join(f"{name}: {flavor.description}" for name, flavor in FLAVORS.items())
    p.add_argument(
        "--flavor",
        default=DEFAULT_FLAVOR,
        choices=list(FLAVORS),
        help=f"how a 202 names its operation, as one of the pages shows it (default: {DEFAULT_FLAVOR}). {flavors}",
    )
    p.add_argument(
        "--location-body",
        action="store_true",
        help='also answer 202 (and a synchronous cancel\'s 200) with {"operationId", "operationLocation"}',
    )
    p.add_argument(
        "--rules",
        default=MOCK_RULES,
        choices=list(RULES),
        help=(
            f"{MOCK_RULES} (default): the mock's own, stricter rules; documented: serve and enforce the public "
            "description only, answering only its statuses"
        ),
    )
    p.add_argument("--seed", type=int, default=MockConfig.seed, help="seed of the operation ids")
    p.add_argument(
        "--retain-finished",
        type=int,
        default=MockConfig.retain_finished,
        metavar="N",
        help="finished operations each offer keeps, the most recently finished; older ones are dropped (404), so "
        "memory stops growing (running operations and, besides these, each offer's latest publish and go-live "
        f"are always kept; default: {MockConfig.retain_finished})",
    )
    p.add_argument(
        "--step-seconds",
        action="append",
        default=[],
        type=_seconds,
        metavar="STEP=SECONDS",
        help="how long a step of a new operation runs (repeatable), e.g. displaycertify=60",
    )
    limits = ServingLimits()
    p.add_argument(
        "--keep-alive-timeout",
        type=_positive_seconds,
        default=limits.keep_alive_seconds,
        metavar="SECONDS",
        help=f"close a connection that sends nothing for SECONDS, before its first request or between two "
        f"(default: {limits.keep_alive_seconds:g})",
    )
    p.add_argument(
        "--request-timeout",
        type=_positive_seconds,
        default=limits.request_seconds,
        metavar="SECONDS",
        help=f"a request must arrive whole (head and body) within SECONDS of its first byte, else 408 and the "
        f"connection closed; an answer left unread as long closes it too (default: {limits.request_seconds:g})",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=limits.max_connections,
        metavar="N",
        help=f"open connections at most, lowered to the open-file limit minus {DESCRIPTORS_KEPT}; at the limit, "
        f"the connection that has waited longest on its client (idle or mid-request, {EVICTION_GRACE_SECONDS:g} s "
        f"or more) is closed to make room, and new ones wait in the listen queue (default: {limits.max_connections})",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    return p


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r}: must be more than 0 seconds")
    return value


def build_limits(args: argparse.Namespace) -> ServingLimits:
    return ServingLimits(
        keep_alive_seconds=args.keep_alive_timeout,
        request_seconds=args.request_timeout,
        max_connections=args.max_connections,
    ).fitted()


def build_config(args: argparse.Namespace, environ: Mapping[str, str]) -> MockConfig:
    tokens = parse_token_pairs(environ.get(TOKENS_ENV, ""), source=TOKENS_ENV)
    tokens.update(dict(args.token))
    return MockConfig(
        tokens=tokens or DEFAULT_TOKENS,
        seed=args.seed,
        clock=Clock(),
        step_seconds=dict(args.step_seconds),
        retain_finished=args.retain_finished,
        faults=frozenset([*args.faults, *args.fault_specs]),
        flavor=args.flavor,
        location_body=args.location_body,
        rules=args.rules,
    )


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()


def _spare_the_long_lived_from_full_collections() -> None:
    """Every full collection walks every long-lived object again (spec, validators, the state): pauses of 100+ ms
    when the state held some 10,000 operations (the p99 of `make bench`, before `retain_finished` bounded it). So
    what exists at start and what survives each full collection is frozen out of later ones; a full collection
    then only walks what was made since the last. Frozen objects are still freed when their last reference goes
    (a dropped operation and its notifications hold no reference cycle); the cost: a cycle that is alive at a
    full collection and becomes garbage later is never collected (in a request in flight at that moment: bytes)."""
    gc.freeze()
    gc.callbacks.append(_freeze_survivors)


def banner(url: str, details: str) -> str:
    """What the served mock prints at start: where it listens, in which form, and how to reset it (no token)."""
    return (
        f"cloud-partner-portal mock on {url} ({details})\n"
        f"reset it to the seed (from loopback): curl -X POST {url}{RESET_PATH}"
    )


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config = build_config(args, os.environ if environ is None else environ)
        limits = build_limits(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from .app import create_app
    from .http.access_log import redact_access_log
    from .http.capped_protocol import LimitedUvicornServer, uvicorn_config
    from .testing import is_loopback

    if not is_loopback(args.host):
        print(f"warning: serving on {args.host}, not loopback; the mock's test tokens are public", file=sys.stderr)
    publishers = ", ".join(sorted(config.publishers))
    broken = f"; broken on purpose: {', '.join(sorted(config.faults))}" if config.faults else ""
    form = f"rules {config.rules}, flavor {config.flavor}{', location body' if config.location_body else ''}"
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(banner(f"http://{host}:{args.port}", f"{form}; publishers: {publishers}{broken}"), flush=True)
    app = create_app(config)
    _spare_the_long_lived_from_full_collections()
    # Above `info` the access log is dropped anyway; switched off, uvicorn does not format its line per request.
    access_log = args.log_level in ("info", "debug")
    options = {"host": args.host, "port": args.port, "log_level": args.log_level, "access_log": access_log}
    served = uvicorn_config(app, limits, **options)
    redact_access_log()  # after uvicorn configured its loggers
    server = LimitedUvicornServer(served, limits)
    server.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
