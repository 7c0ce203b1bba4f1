"""The options more than one command takes: `--json` after the command, `--notify`, `--wait`, `--timeout` and
`--interval`."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..lro import MAX_WAIT
from .exits import ExitCode
from .session import Session

__all__ = ["json_option", "notify_option", "wait_flag", "wait_options"]

_F = TypeVar("_F", bound=Callable[..., Any])


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    session = ctx.find_object(Session)
    if value and session is not None:
        session.json = True


json_option = click.option(
    "--json", is_flag=True, expose_value=False, callback=_set_json, help="Print JSON on stdout (as the root --json)."
)


def _finite(_ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    # FloatRange lets NaN through (every comparison with it is false) and infinity where there is no maximum.
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number of seconds", param=param)
    return value


def wait_options(function: _F) -> _F:
    """`--interval` and `--timeout`, for every command that waits."""
    function = click.option(
        "--interval",
        type=click.FloatRange(min=0.1, max=MAX_WAIT),
        default=5.0,
        callback=_finite,
        show_default=True,
        metavar="S",
        help="Seconds before the second poll (at most 3600); waits then double, up to 60 s (or S if larger). "
        "Retry-After wins, within [max(S, 1 s), 3600 s].",
    )(function)
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=None,
        callback=_finite,
        metavar="S",
        help=f"Give up waiting after S seconds (exit {ExitCode.TIMEOUT.value}); the operation goes on. "
        "Default: wait for ever.",
    )(function)


notify_option = click.option(
    "--notify",
    multiple=True,
    metavar="EMAILS",
    help="Addresses told of the progress: a@x.com,b@y.com (repeatable).",
)
wait_flag = click.option("--wait", is_flag=True, help="Poll the operation until it ends, with a progress bar.")
