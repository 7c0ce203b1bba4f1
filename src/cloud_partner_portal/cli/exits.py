"""How a command ends: the exit codes as one table, the one `error:` line, and failures mapped to their code.

`ExitCode` is the table: the code uses its members, `--help` lists them (`exit_codes_help`), and a test holds the
README's table to it. An expected failure never ends in a traceback: it is one `error: ...` line on stderr and
its exit code. An unexpected one neither: the root group's last handler, the net under the specific ones, makes it
`error: unexpected <type>: <message>` and exit 1.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, NoReturn

import click
import httpx

from ..auth import CredentialError
from ..errors import ApiError, OperationLocationError, OperationPollingError
from .session import MOCK_URL, Session
from .terminal import inert

__all__ = ["ErrorsAsExitCodes", "ExitCode", "exit_codes_help", "fail"]


class ExitCode(IntEnum):
    """The command line's exit codes, each with what it means (`meaning`, as `--help` and the README say it)."""

    meaning: str

    def __new__(cls, code: int, meaning: str) -> ExitCode:
        member = int.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        return member

    OK = 0, "success"
    API_ERROR = (
        1,
        (
            "API error (status, code and message on stderr), server unreachable, or no token from the Azure credential "
            "(during a wait, stderr says how to resume)"
        ),
    )
    USAGE = 2, "usage error, e.g. no token"  # click's own code for a usage error
    TIMEOUT = 3, "the wait timed out (the operation goes on; stderr says how to resume)"
    FAILED = 4, "the operation ended failed"
    INTERRUPTED = 130, "interrupted while waiting"


def exit_codes_help() -> str:
    """The `Exit codes:` block of `--help`, kept as written by click (`\\b`)."""
    rows = [f"  {code.value:<4} {code.meaning}" for code in ExitCode]
    return "\n".join(["\b", "Exit codes:", *rows])


def fail(message: str, code: ExitCode) -> NoReturn:
    """End the command with one `error:` line on stderr and `code`. The message quotes the server: it is made
    inert, and the token is cut out of it should the server have echoed it."""
    ctx = click.get_current_context(silent=True)
    session = ctx.find_object(Session) if ctx is not None else None
    if session is not None:
        message = session.redacted(message)
    click.echo(f"error: {inert(message)}", err=True)
    raise click.exceptions.Exit(code)


def _unreachable(base_url: str, exc: httpx.RequestError) -> str:
    hint = " (is the mock running? start it with `make mock`)" if base_url == MOCK_URL else ""
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect to {base_url}: {exc}{hint}"
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer from {base_url} in time ({type(exc).__name__})"
    if not isinstance(exc, httpx.TransportError):  # it answered, but the answer could not be read
        return f"unreadable answer from {base_url}: {type(exc).__name__}: {exc}"
    return f"request to {base_url} failed: {type(exc).__name__}: {exc}"


class ErrorsAsExitCodes(click.Group):
    """The root group: failures become a one-line message on stderr and an exit code, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ApiError, OperationPollingError, OperationLocationError, CredentialError) as exc:
            fail(str(exc), ExitCode.API_ERROR)
        except httpx.RequestError as exc:
            base_url = ctx.obj.base_url if isinstance(ctx.obj, Session) else "the server"
            fail(_unreachable(base_url, exc), ExitCode.API_ERROR)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click prints these itself, with their own codes
        except Exception as exc:  # the net: whatever no handler above foresaw still ends in one line and code 1
            fail(f"unexpected {type(exc).__name__}: {exc}", ExitCode.API_ERROR)
