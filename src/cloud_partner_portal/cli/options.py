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


# The bounds of --interval and --timeout: an hour between polls at most, a wait of 30 days at most.
MAX_INTERVAL_SECONDS = MAX_WAIT  # the poller's ceiling of any wait
MAX_TIMEOUT_SECONDS = 30 * 24 * 3600.0


class Seconds(click.FloatRange):
    """A number of seconds in a range; nan and infinity are not numbers of seconds (`FloatRange` lets nan through:
    every comparison with it is false)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = click.FLOAT.convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a finite number of seconds", param, ctx)
        return super().convert(seconds, param, ctx)


def wait_options(function: _F) -> _F:
    """`--interval` and `--timeout`, for every command that waits."""
    function = click.option(
        "--interval",
        type=Seconds(min=0.1, max=MAX_INTERVAL_SECONDS),
        default=5.0,
        show_default=True,
        metavar="S",
        help="Seconds before the second poll (at most 3600); waits then double, up to 60 s (or S if larger). "
        "Retry-After wins, within [max(S, 1 s), 3600 s].",
    )(function)
    return click.option(
        "--timeout",
        type=Seconds(min=0, max=MAX_TIMEOUT_SECONDS),
        default=None,
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
