"""The commands that start an operation or wait for one: `cancel`, `publish`, `go-live` (one factory makes all
three) and `wait`.

Without `--wait` a start prints where the operation is and how to follow it (`cpportal wait <token>`, by the name
it was invoked by); with it, or with `wait`, the command polls until the end and exits by `ExitCode`: 0 done, 3 timed
out, 4 failed, 130 interrupted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, Unpack

import click
import httpx
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.models import OperationStatus

from ..auth import CredentialError
from ..errors import (
    InvalidContinuationTokenError,
    OperationFailedError,
    OperationLocationError,
    OperationPollingError,
    OperationTimeoutError,
)
from ..lro import OperationPoller, PollOptions, begin_cancel, begin_go_live, begin_publish, normalize_status
from .exits import ExitCode, fail
from .options import json_option, notify_option, wait_flag, wait_options
from .progress import ProgressView
from .render import emit_json, ending, poller_json, print_lines, print_operation
from .session import Session

__all__ = ["cancel", "go_live", "long_running_command", "publish", "wait_command"]


class Begin(Protocol):
    """A `begin_*` function of `cloud_partner_portal.lro`."""

    def __call__(
        self,
        client: AuthenticatedClient,
        publisher_id: str,
        offer_id: str,
        *,
        notification_emails: str | Sequence[str] | None = None,
        **poll_options: Unpack[PollOptions],
    ) -> OperationPoller: ...


def _resume_command(session: Session, poller: OperationPoller) -> str:
    program = click.get_current_context().find_root().info_name or "cpportal"
    return f"{program} {session.server_option()}wait {poller.continuation_token()}"


def _wait_and_report(
    session: Session, poller: OperationPoller, view: ProgressView, timeout: float | None, label: str
) -> None:
    """Poll until the end, print the operation and what its end means, exit 3 on timeout and 4 if it failed; a 401
    or a credential that gives no token (a token that expired, a sign-in that lapsed) exits 1, and, as a timeout
    does, says how to resume once signed in again."""
    try:
        with view:
            detail = poller.result(timeout)
    except OperationTimeoutError as exc:
        if session.json:
            emit_json(poller_json(poller))
        fail(f"{exc}. It goes on; resume with: {_resume_command(session, poller)}", ExitCode.TIMEOUT)
    except (OperationPollingError, CredentialError) as exc:
        if isinstance(exc, OperationPollingError) and exc.status_code != httpx.codes.UNAUTHORIZED:
            raise
        if session.json:
            emit_json(poller_json(poller))
        fail(f"{exc}. The operation goes on; resume with: {_resume_command(session, poller)}", ExitCode.API_ERROR)
    except KeyboardInterrupt:
        resume = _resume_command(session, poller)
        fail(f"interrupted; the operation goes on. Resume with: {resume}", ExitCode.INTERRUPTED)
    if session.json:
        emit_json(poller_json(poller))
    else:
        title = f"operation {poller.operation_id}" if poller.operation_id else "operation"
        print_operation(session.out, title, detail)
        print_lines(session.out, ending(label, str(normalize_status(poller.status())), poller.operation_id))
    if poller.status() == OperationStatus.FAILED:
        fail(str(OperationFailedError(poller.location, detail)), ExitCode.FAILED)


def _start(
    session: Session,
    label: str,
    begin: Begin,
    publisher: str,
    offer: str,
    *,
    notify: Sequence[str],
    wait: bool,
    timeout: float | None,
    interval: float,
) -> None:
    emails = [address.strip() for item in notify for address in item.split(",") if address.strip()]
    view = ProgressView(session.err, enabled=wait and not session.json)
    with session.client() as client:
        poller = begin(
            client, publisher, offer, notification_emails=emails or None, **session.poll_options(interval, view.update)
        )
        if wait and poller.location is not None:
            _wait_and_report(session, poller, view, timeout, label)
            return
    if session.json:
        emit_json(poller_json(poller))
    elif poller.location is None:  # cancel's 200 with nothing: the pages' "cancelled synchronously"
        print_lines(session.out, f"{label}: done at once, the running operation was cancelled (HTTP 200)")
    else:
        operation = f"operation {poller.operation_id}" if poller.operation_id else "the operation"
        location = f"location: {poller.location}"
        if poller.done():
            print_lines(session.out, f"{label}: done at once ({operation} is {poller.status()})", location)
        else:
            follow = f"follow it with: {_resume_command(session, poller)}"
            print_lines(session.out, f"{label}: accepted, {operation} runs", location, follow)


def long_running_command(name: str, label: str, begin: Begin, description: str) -> click.Command:
    """The command `name` (PUBLISHER OFFER, `--notify`, `--wait`, `--timeout`, `--interval`, `--json`): one POST
    by `begin`, reported as `label`, then, with `--wait`, the wait for the operation it started."""

    @click.command(name, help=description)
    @click.argument("publisher")
    @click.argument("offer")
    @notify_option
    @wait_flag
    @wait_options
    @json_option
    @click.pass_obj
    def command(
        session: Session,
        publisher: str,
        offer: str,
        notify: tuple[str, ...],
        wait: bool,
        timeout: float | None,
        interval: float,
    ) -> None:
        _start(session, label, begin, publisher, offer, notify=notify, wait=wait, timeout=timeout, interval=interval)

    return command


cancel = long_running_command(
    "cancel",
    "cancel",
    begin_cancel,
    """Cancel the operation running on OFFER.

    Usually done at once (HTTP 200); otherwise (202) a cancel operation runs, which --wait follows.
    """,
)
publish = long_running_command(
    "publish", "publish", begin_publish, "Publish OFFER to preview (up to publisher sign-off)."
)
go_live = long_running_command("go-live", "go live", begin_go_live, "Push OFFER, previewed and signed off, live.")


@click.command("wait")
@click.argument("location_or_token", metavar="LOCATION_OR_TOKEN")
@wait_options
@json_option
@click.pass_obj
def wait_command(session: Session, location_or_token: str, timeout: float | None, interval: float) -> None:
    """Wait for an operation, named by a location or a continuation token.

    LOCATION_OR_TOKEN is an Operation-Location URL (absolute, or relative such as /api/...) or the
    continuationToken that cancel, publish and go-live print.
    """
    view = ProgressView(session.err, enabled=not session.json)
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
        _wait_and_report(session, poller, view, timeout, "wait")
