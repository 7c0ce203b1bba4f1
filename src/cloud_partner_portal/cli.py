"""cloud-partner-portal (alias cpp): the Cloud Partner Portal publishing API from a shell, for people and scripts.

    cpp --mock operations list contoso contoso-virtualmachineoffer --status running
    cpp cancel contoso contoso-virtualmachineoffer --wait --timeout 600
    cpp --json publish contoso contoso-virtualmachineoffer     # prints a continuationToken
    cpp wait <continuationToken or Operation-Location>

Server: `--base-url URL` (env CPP_BASE_URL, default https://cloudpartner.azure.com), or `--mock` for the local
mock on http://127.0.0.1:8080 (`make mock`). Token: env CPP_TOKEN, or `--token-file PATH` (env CPP_TOKEN_FILE),
which wins when both are set; never on the command line itself. `--json` (before or after the command) prints
JSON on stdout; errors always go to stderr.

Exit codes:
    0    success
    1    the API answered an error (status, code and message on stderr), or the server could not be reached
    2    usage error (click's own): bad option or argument, no token
    3    --wait / wait timed out; the operation goes on (stderr says how to resume)
    4    the operation ended `failed`
    130  interrupted while waiting (stderr says how to resume)

Tests drive the command line through `click.testing.CliRunner` with a `Runtime` as `obj`: its httpx transport,
sleep and clock replace the real ones (`runner.invoke(cli, args, obj=Runtime(transport=...))`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from typing import Any, Final, NoReturn, Protocol, TypeVar, Unpack

import click
import httpx
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import get_offer_status
from cloud_partner_portal_client.api.operations import get_operation, list_operations
from cloud_partner_portal_client.models import (
    Message,
    OfferStatus,
    OperationDetail,
    OperationStatus,
    Step,
    Submission,
)
from cloud_partner_portal_client.types import UNSET, Response, Unset
from rich import box
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .errors import (
    ApiError,
    InvalidContinuationTokenError,
    OperationFailedError,
    OperationLocationError,
    OperationPollingError,
    OperationTimeoutError,
    unexpected_status_as_api_error,
)
from .lro import (
    UNKNOWN_STATUS,
    OperationPoller,
    PollOptions,
    ProgressEvent,
    begin_cancel,
    begin_go_live,
    begin_publish,
    normalize_status,
)

__all__ = [
    "EXIT_API_ERROR",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "MOCK_URL",
    "PRODUCTION_URL",
    "Runtime",
    "cli",
    "main",
]

EXIT_OK: Final = 0
EXIT_API_ERROR: Final = 1
EXIT_USAGE: Final = 2
EXIT_TIMEOUT: Final = 3
EXIT_FAILED: Final = 4
EXIT_INTERRUPTED: Final = 130

PRODUCTION_URL: Final = "https://cloudpartner.azure.com"
MOCK_URL: Final = "http://127.0.0.1:8080"


def _package_version() -> str:
    try:
        return version("cloud-partner-portal")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


@dataclass
class Runtime:
    """What the command line takes from its surroundings. Tests pass their own as `obj` to `CliRunner.invoke`.

    Attributes:
        transport: the httpx transport of every request (None: the network).
        sleep: how `--wait` waits between polls.
        clock: the monotonic clock of `--timeout`.
    """

    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], object] = time.sleep
    clock: Callable[[], float] = time.monotonic


@dataclass
class _Session:
    """One invocation: where to, as whom, how to print."""

    runtime: Runtime
    base_url: str
    token_file: Path | None
    json: bool
    out: Console = field(default_factory=lambda: Console(highlight=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))

    def token(self) -> str:
        if self.token_file is not None:
            try:
                token = self.token_file.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise click.UsageError(f"cannot read token file {self.token_file}: {exc}") from exc
            if not token:
                raise click.UsageError(f"token file {self.token_file} is empty")
            return token
        token = os.environ.get("CPP_TOKEN", "").strip()
        if not token:
            raise click.UsageError("no token: set CPP_TOKEN or use --token-file")
        return token

    def client(self) -> AuthenticatedClient:
        # httpx_args, not set_httpx_client: the generated client adds the bearer token only to the httpx
        # client it builds itself.
        httpx_args: dict[str, Any] = {} if self.runtime.transport is None else {"transport": self.runtime.transport}
        return AuthenticatedClient(
            base_url=self.base_url,
            token=self.token(),
            headers={"User-Agent": f"cloud-partner-portal-cli/{_package_version()}"},
            timeout=httpx.Timeout(30.0),
            httpx_args=httpx_args,
        )

    def poll_options(self, interval: float, progress: Callable[[ProgressEvent], object]) -> PollOptions:
        return PollOptions(
            interval=interval,
            max_interval=max(60.0, interval),
            raise_on_failure=False,
            progress=progress,
            sleep=self.runtime.sleep,
            clock=self.runtime.clock,
        )

    def server_option(self) -> str:
        """The option that selects this server, for commands printed back to the user."""
        if self.base_url == MOCK_URL:
            return "--mock "
        if self.base_url != PRODUCTION_URL:
            return f"--base-url {self.base_url} "
        return ""


# --- errors -----------------------------------------------------------------------------------------------------


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"error: {message}", err=True)
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


class _Cli(click.Group):
    """The root group: expected failures become a one-line message on stderr and an exit code, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ApiError, OperationPollingError, OperationLocationError) as exc:
            _fail(str(exc), EXIT_API_ERROR)
        except httpx.RequestError as exc:
            base_url = ctx.obj.base_url if isinstance(ctx.obj, _Session) else "the server"
            _fail(_unreachable(base_url, exc), EXIT_API_ERROR)


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    session = ctx.find_object(_Session)
    if value and session is not None:
        session.json = True


_json_option = click.option(
    "--json", is_flag=True, expose_value=False, callback=_set_json, help="Print JSON on stdout (as the root --json)."
)


# --- rendering ----------------------------------------------------------------------------------------------------


def _emit_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _shown(value: object) -> str:
    """A field as printed: empty when the answer left it out (no response field is required)."""
    return "" if value is None or isinstance(value, Unset) else str(value)


def _steps_table(steps: Sequence[Step]) -> Table:
    with_estimates = any(isinstance(step.estimated_time_frame, str) for step in steps)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("#", justify="right")
    table.add_column("step", overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("progress", justify="right", no_wrap=True)
    if with_estimates:
        table.add_column("estimate", no_wrap=True)
    for number, step in enumerate(steps, start=1):
        percentage = _shown(step.progress_percentage)
        row = [str(number), _shown(step.step_name) or _shown(step.id), _shown(step.status)]
        row.append(f"{percentage}%" if percentage else "")
        if with_estimates:
            row.append(_shown(step.estimated_time_frame))
        table.add_row(*(Text(cell) for cell in row))
    return table


def _print_messages(session: _Session, messages: Sequence[Message] | Unset) -> None:
    for message in messages or ():
        session.out.print(f"[{_shown(message.level)}] {_shown(message.message_html)}", soft_wrap=True, markup=False)


def _print_operation(session: _Session, title: str, detail: OperationDetail) -> None:
    session.out.print(f"{title}: {normalize_status(detail.status)}", soft_wrap=True, markup=False)
    if not isinstance(detail.cancellation_request_state, Unset):
        session.out.print(f"cancellation request: {detail.cancellation_request_state}", soft_wrap=True, markup=False)
    if detail.steps:
        session.out.print(_steps_table(detail.steps))
    _print_messages(session, detail.messages)


def _describe(event: ProgressEvent) -> str:
    if event.step is None:
        return str(event.status)
    return f"{event.status}: {event.step} ({event.percentage if event.percentage is not None else '?'}%)"


class _ProgressView:
    """`--wait`'s display on stderr: a live bar on a terminal, one line per change elsewhere, nothing with --json."""

    def __init__(self, console: Console, *, enabled: bool) -> None:
        self._console = console
        self._enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _ProgressView:
        if self._enabled and self._console.is_terminal:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=self._console,
            )
            self._task = self._progress.add_task("waiting for the first answer", total=100)
            self._progress.start()
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def update(self, event: ProgressEvent) -> None:
        if not self._enabled:
            return
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=_describe(event), completed=event.percentage or 0)
        else:
            self._console.print(_describe(event), soft_wrap=True, markup=False)


def _lro_json(poller: OperationPoller) -> dict[str, object]:
    return {
        "operationId": poller.operation_id,
        "operationLocation": poller.location,
        "continuationToken": poller.continuation_token(),
        "done": poller.done(),
        "status": str(poller.status()),
        # A synchronous cancel that named no operation has nothing read from the service to show.
        "operation": poller.detail.to_dict() if poller.detail is not None and poller.location is not None else None,
    }


def _resume_command(session: _Session, poller: OperationPoller) -> str:
    program = click.get_current_context().find_root().info_name or "cpp"
    return f"{program} {session.server_option()}wait {poller.continuation_token()}"


# --- shared by cancel, publish, go-live and wait ----------------------------------------------------------------


class _Begin(Protocol):
    def __call__(
        self,
        client: AuthenticatedClient,
        publisher_id: str,
        offer_id: str,
        *,
        notification_emails: str | Sequence[str] | None = None,
        **poll_options: Unpack[PollOptions],
    ) -> OperationPoller: ...


def _wait_and_report(session: _Session, poller: OperationPoller, view: _ProgressView, timeout: float | None) -> None:
    """Poll until the end, print the operation, exit 3 on timeout and 4 if it failed."""
    try:
        with view:
            detail = poller.result(timeout)
    except OperationTimeoutError as exc:
        if session.json:
            _emit_json(_lro_json(poller))
        _fail(f"{exc}. It goes on; resume with: {_resume_command(session, poller)}", EXIT_TIMEOUT)
    except KeyboardInterrupt:
        _fail(f"interrupted; the operation goes on. Resume with: {_resume_command(session, poller)}", EXIT_INTERRUPTED)
    if session.json:
        _emit_json(_lro_json(poller))
    else:
        title = f"operation {poller.operation_id}" if poller.operation_id else "operation"
        _print_operation(session, title, detail)
    if poller.status() == OperationStatus.FAILED:
        _fail(str(OperationFailedError(poller.location, detail)), EXIT_FAILED)


def _start(
    session: _Session,
    label: str,
    begin: _Begin,
    publisher: str,
    offer: str,
    *,
    notify: Sequence[str] = (),
    wait: bool,
    timeout: float | None,
    interval: float,
) -> None:
    emails = [address.strip() for item in notify for address in item.split(",") if address.strip()]
    view = _ProgressView(session.err, enabled=wait and not session.json)
    with session.client() as client:
        poller = begin(
            client, publisher, offer, notification_emails=emails or None, **session.poll_options(interval, view.update)
        )
        if wait and poller.location is not None:
            _wait_and_report(session, poller, view, timeout)
            return
    if session.json:
        _emit_json(_lro_json(poller))
        return
    if poller.location is None:  # cancel's 200 with nothing: the pages' "cancelled synchronously"
        session.out.print(f"{label}: done at once, the running operation was cancelled (HTTP 200)", soft_wrap=True)
        return
    operation = f"operation {poller.operation_id}" if poller.operation_id else "the operation"
    if poller.done():
        session.out.print(f"{label}: done at once ({operation} is {poller.status()})", soft_wrap=True, markup=False)
        session.out.print(f"location: {poller.location}", soft_wrap=True, markup=False)
        return
    session.out.print(f"{label}: accepted, {operation} runs", soft_wrap=True, markup=False)
    session.out.print(f"location: {poller.location}", soft_wrap=True, markup=False)
    session.out.print(f"follow it with: {_resume_command(session, poller)}", soft_wrap=True, markup=False)


def _wait_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option(
        "--interval",
        type=click.FloatRange(min=0.1),
        default=5.0,
        show_default=True,
        metavar="S",
        help="Seconds before the second poll; waits then double, up to 60 s (or S if larger). Retry-After wins.",
    )(function)
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=None,
        metavar="S",
        help="Give up waiting after S seconds (exit 3); the operation goes on. Default: wait for ever.",
    )(function)


def _notify_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--notify",
        multiple=True,
        metavar="EMAILS",
        help="Addresses told of the progress: a@x.com,b@y.com (repeatable).",
    )(function)


def _wait_flag(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--wait", is_flag=True, help="Poll the operation until it ends, with a progress bar.")(function)


# --- the commands -------------------------------------------------------------------------------------------------


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--base-url",
    envvar="CPP_BASE_URL",
    show_envvar=True,
    default=PRODUCTION_URL,
    show_default=True,
    metavar="URL",
    help="The API's server.",
)
@click.option("--mock", is_flag=True, help=f"Use the local mock on {MOCK_URL} (started by `make mock`).")
@click.option(
    "--token-file",
    envvar="CPP_TOKEN_FILE",
    show_envvar=True,
    type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path),
    metavar="PATH",
    help="Read the bearer token from PATH (otherwise from env CPP_TOKEN).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout instead of tables.")
@click.version_option(_package_version(), prog_name="cloud-partner-portal")
@click.pass_context
def cli(ctx: click.Context, base_url: str, mock: bool, token_file: Path | None, as_json: bool) -> None:
    """The Cloud Partner Portal publishing API (api-version 2017-10-31): list, show, publish, go live, cancel,
    and wait for operations.

    The token is an Azure AD access token for https://cloudpartner.azure.com, from env CPP_TOKEN or a file
    (--token-file, env CPP_TOKEN_FILE); it is never given on the command line.

    \b
    Exit codes:
      0    success
      1    API error (status, code and message on stderr) or server unreachable
      2    usage error, e.g. no token
      3    the wait timed out (the operation goes on; stderr says how to resume)
      4    the operation ended failed
      130  interrupted while waiting
    """
    runtime = ctx.obj if isinstance(ctx.obj, Runtime) else Runtime()
    if mock:
        if ctx.get_parameter_source("base_url") is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--mock and --base-url name two servers: give one")
        base_url = MOCK_URL
    if not base_url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{base_url!r} is not an http(s) URL", param_hint="--base-url")
    ctx.obj = _Session(runtime=runtime, base_url=base_url.rstrip("/"), token_file=token_file, json=as_json)


@cli.group()
def operations() -> None:
    """List an offer's operations or show one."""


@operations.command("list")
@click.argument("publisher")
@click.argument("offer")
@click.option(
    "--status",
    type=click.Choice([status.value for status in OperationStatus], case_sensitive=False),
    help="Only the operations in this status (at most one is running: a run being cancelled stays the running one).",
)
@_json_option
@click.pass_obj
def operations_list(session: _Session, publisher: str, offer: str, status: str | None) -> None:
    """List the publish and go-live runs of OFFER, newest first (a cancel operation is not listed: `operations
    show` reads it by its id)."""
    wanted: OperationStatus | Unset = OperationStatus(status) if status is not None else UNSET
    with session.client() as client:
        submissions: list[Submission] = _read(
            "listOperations",
            list,
            "a list of operations",
            lambda: list_operations.sync_detailed(publisher, offer, client=client, status=wanted),
        )
    if session.json:
        _emit_json([submission.to_dict() for submission in submissions])
        return
    if not submissions:
        session.out.print("no operations")
        return
    session.out.print(_submissions_table(submissions))


def _utc_minute(timestamp: object) -> str:
    """An ISO 8601 timestamp as `YYYY-MM-DD HH:MM` in UTC; any other value as it came (the client keeps timestamps
    as the service's strings, so one malformed value costs only its own cell)."""
    if not isinstance(timestamp, str):
        return ""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _submissions_table(submissions: Sequence[Submission]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("id", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("changed (UTC)", no_wrap=True)
    table.add_column("ver", justify="right")
    for item in submissions:
        changed = _utc_minute(item.changed_time)
        cells = (item.id, item.submission_type, item.submission_state, changed, item.publishing_version)
        table.add_row(*(Text(_shown(cell)) for cell in cells))
    return table


@operations.command("show")
@click.argument("publisher")
@click.argument("offer")
@click.argument("operation_id")
@_json_option
@click.pass_obj
def operations_show(session: _Session, publisher: str, offer: str, operation_id: str) -> None:
    """Show one operation of OFFER with its steps."""
    with session.client() as client:
        detail = _read(
            "getOperation",
            OperationDetail,
            "an operation",
            lambda: get_operation.sync_detailed(publisher, offer, operation_id, client=client),
        )
    if session.json:
        _emit_json(detail.to_dict())
        return
    _print_operation(session, f"operation {operation_id}", detail)


@cli.command()
@click.argument("publisher")
@click.argument("offer")
@_notify_option
@_wait_flag
@_wait_options
@_json_option
@click.pass_obj
def cancel(
    session: _Session,
    publisher: str,
    offer: str,
    notify: tuple[str, ...],
    wait: bool,
    timeout: float | None,
    interval: float,
) -> None:
    """Cancel the operation running on OFFER.

    Usually done at once (HTTP 200); otherwise (202) a cancel operation runs, which --wait follows.
    """
    _start(
        session, "cancel", begin_cancel, publisher, offer, notify=notify, wait=wait, timeout=timeout, interval=interval
    )


@cli.command()
@click.argument("publisher")
@click.argument("offer")
@_notify_option
@_wait_flag
@_wait_options
@_json_option
@click.pass_obj
def publish(
    session: _Session,
    publisher: str,
    offer: str,
    notify: tuple[str, ...],
    wait: bool,
    timeout: float | None,
    interval: float,
) -> None:
    """Publish OFFER to preview (up to publisher sign-off)."""
    _start(
        session,
        "publish",
        begin_publish,
        publisher,
        offer,
        notify=notify,
        wait=wait,
        timeout=timeout,
        interval=interval,
    )


@cli.command("go-live")
@click.argument("publisher")
@click.argument("offer")
@_notify_option
@_wait_flag
@_wait_options
@_json_option
@click.pass_obj
def go_live(
    session: _Session,
    publisher: str,
    offer: str,
    notify: tuple[str, ...],
    wait: bool,
    timeout: float | None,
    interval: float,
) -> None:
    """Push OFFER, previewed and signed off, live."""
    _start(
        session,
        "go live",
        begin_go_live,
        publisher,
        offer,
        notify=notify,
        wait=wait,
        timeout=timeout,
        interval=interval,
    )


@cli.command()
@click.argument("publisher")
@click.argument("offer")
@_json_option
@click.pass_obj
def status(session: _Session, publisher: str, offer: str) -> None:
    """Show the publishing status of OFFER and its latest steps."""
    with session.client() as client:
        offer_status = _read(
            "getOfferStatus",
            OfferStatus,
            "an offer status",
            lambda: get_offer_status.sync_detailed(publisher, offer, client=client),
        )
    if session.json:
        _emit_json(offer_status.to_dict())
        return
    status_text = _shown(offer_status.status) or UNKNOWN_STATUS
    session.out.print(f"offer {publisher}/{offer}: {status_text}", soft_wrap=True, markup=False)
    if offer_status.steps:
        session.out.print(_steps_table(offer_status.steps))
    _print_messages(session, offer_status.messages)


@cli.command("wait")
@click.argument("location_or_token", metavar="LOCATION_OR_TOKEN")
@_wait_options
@_json_option
@click.pass_obj
def wait_command(session: _Session, location_or_token: str, timeout: float | None, interval: float) -> None:
    """Wait for an operation, named by a location or a continuation token.

    LOCATION_OR_TOKEN is an Operation-Location URL (absolute, or relative such as /api/...) or the
    continuationToken that cancel, publish and go-live print.
    """
    view = _ProgressView(session.err, enabled=not session.json)
    options = session.poll_options(interval, view.update)
    with session.client() as client:
        try:
            if location_or_token.startswith(("http://", "https://", "/")):
                poller = OperationPoller.from_location(client, location_or_token, **options)
            else:
                poller = OperationPoller.from_continuation_token(client, location_or_token, **options)
        except (InvalidContinuationTokenError, OperationLocationError) as exc:
            raise click.BadParameter(
                f"{exc} (give an http(s) URL, a path such as /api/..., or a continuationToken)",
                param_hint="LOCATION_OR_TOKEN",
            ) from exc
        _wait_and_report(session, poller, view, timeout)


_T = TypeVar("_T")


def _read(call: str, kind: type[_T], what: str, send: Callable[[], Response[Any]]) -> _T:
    """The parsed body of a read's 200, or ApiError: an error status (with the API's error body, another body or
    none), a status the description does not list, or a 200 whose body is not `what` the call returns."""
    with unexpected_status_as_api_error(call):
        response = send()
    if int(response.status_code) == httpx.codes.OK:
        if isinstance(response.parsed, kind):
            return response.parsed
        raise ApiError.from_response(response, call=call, reason=f"expected {what}")
    raise ApiError.from_response(response, call=call)


def main() -> None:
    """The `cloud-partner-portal` and `cpp` console scripts."""
    cli(obj=Runtime())
