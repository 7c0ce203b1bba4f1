"""`python -m cloud_partner_portal_mock`: serve the mock with uvicorn, on loopback unless told otherwise.

Tokens come from `--token TOKEN=PUBLISHER` (repeatable) and `CPP_MOCK_TOKENS="tok1=contoso,tok2=fabrikam"`;
with neither, the documented test tokens (`contoso-token` → contoso, `fabrikam-token` → fabrikam). Tokens are
never printed. `--break NAME` switches on a fault (see `--help`); time is real.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Mapping, Sequence

from .clock import Clock
from .config import DEFAULT_TOKENS, MockConfig, parse_token_pairs
from .faults import FAULTS

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


def parser() -> argparse.ArgumentParser:
    faults = "; ".join(f"{name}: {cls.description}" for name, cls in FAULTS.items())
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
        choices=sorted(FAULTS),
        metavar="NAME",
        help=f"break the mock on purpose (repeatable). {faults}",
    )
    p.add_argument("--seed", type=int, default=MockConfig.seed, help="seed of the operation ids")
    p.add_argument(
        "--step-seconds",
        action="append",
        default=[],
        type=_seconds,
        metavar="STEP=SECONDS",
        help="how long a step of a new operation runs (repeatable), e.g. displaycertify=60",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    return p


def build_config(args: argparse.Namespace, environ: Mapping[str, str]) -> MockConfig:
    tokens = parse_token_pairs(environ.get(TOKENS_ENV, ""), source=TOKENS_ENV)
    tokens.update(dict(args.token))
    return MockConfig(
        tokens=tokens or DEFAULT_TOKENS,
        seed=args.seed,
        clock=Clock(),
        step_seconds=dict(args.step_seconds),
        faults=frozenset(args.faults),
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config = build_config(args, os.environ if environ is None else environ)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    from .app import create_app

    if not _is_loopback(args.host):
        print(f"warning: serving on {args.host}, not loopback; the mock's test tokens are public", file=sys.stderr)
    publishers = ", ".join(sorted(config.publishers))
    broken = f"; broken on purpose: {', '.join(sorted(config.faults))}" if config.faults else ""
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"cloud-partner-portal mock on http://{host}:{args.port} (publishers: {publishers}{broken})", flush=True)
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level=args.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
