"""What the commands print: JSON for scripts, and for people one printer of a state (lines, steps, messages).

Every field may be missing from an answer (the pages require none): a missing field prints as an empty cell, a
missing status as `unknown`, and a timestamp that does not parse as it came.

What the server sent is printed inert (`terminal.inert`). Rich markup needs no escaping here: these printers hand
Rich plain `Text` or `markup=False`; the one place that parses markup, the live progress bar, escapes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final

import click
from cloud_partner_portal_client.models import Message, OfferStatus, OperationDetail, Step, Submission
from cloud_partner_portal_client.types import Unset
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..lro import UNKNOWN_STATUS, OperationPoller, normalize_status
from .terminal import escape_controls_in_json, inert

__all__ = [
    "emit_json",
    "poller_json",
    "print_lines",
    "print_offer_status",
    "print_operation",
    "submissions_table",
]


def emit_json(data: object) -> None:
    click.echo(escape_controls_in_json(json.dumps(data, indent=2, ensure_ascii=False)))


def print_lines(out: Console, *lines: str) -> None:
    """Lines as they are but inert: no markup, no wrapping (a URL or a token must stay one piece to copy)."""
    for line in lines:
        out.print(inert(line), soft_wrap=True, markup=False)


def _shown(value: object) -> str:
    """A field as printed: empty when the answer left it out (no response field is required)."""
    return "" if value is None or isinstance(value, Unset) else str(value)


def _table() -> Table:
    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)


def _steps_table(steps: Sequence[Step]) -> Table:
    with_estimates = any(isinstance(step.estimated_time_frame, str) for step in steps)
    table = _table()
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
        table.add_row(*(Text(inert(cell)) for cell in row))
    return table


def _print_state(
    out: Console, lines: Sequence[str], steps: Sequence[Step] | Unset, messages: Sequence[Message] | Unset
) -> None:
    """The one printer of an operation's or an offer's state: its lines, the steps' table, then the messages."""
    print_lines(out, *lines)
    if steps:
        out.print(_steps_table(steps))
    print_lines(out, *(f"[{_shown(message.level)}] {_shown(message.message_html)}" for message in messages or ()))


def print_operation(out: Console, title: str, detail: OperationDetail) -> None:
    lines = [f"{title}: {normalize_status(detail.status)}"]
    if not isinstance(detail.cancellation_request_state, Unset):
        lines.append(f"cancellation request: {detail.cancellation_request_state}")
    _print_state(out, lines, detail.steps, detail.messages)


# What a finished wait means, in a person's words, by command and final status (the raw fields are in --json).
_ENDINGS: Final[dict[tuple[str, str], str]] = {
    ("cancel", "completed"): "cancelled: {operation}, the cancel operation, completed, so the operation it "
    "stopped no longer runs (operations list shows how it ended)",
    ("publish", "completed"): "published: {operation} completed; the offer is in preview, waiting for go-live",
    ("go live", "completed"): "live: {operation} completed; the offer is in production",
}


def ending(label: str, status: str, operation_id: str | None) -> str:
    """The last line of a wait for the operation that `label` (cancel, publish, go live) started."""
    operation = f"operation {operation_id}" if operation_id else "the operation"
    known = _ENDINGS.get((label, status))
    if known is not None:
        return known.format(operation=operation)
    if status == "failed":
        return f"{label} failed: {operation} ended failed (its steps and messages are above)"
    if status == "canceled":
        return f"{label} was cancelled: {operation} reads canceled"
    return f"{label}: {operation} ended {status}"


def print_offer_status(out: Console, publisher: str, offer: str, offer_status: OfferStatus) -> None:
    status = _shown(offer_status.status) or UNKNOWN_STATUS
    _print_state(out, [f"offer {publisher}/{offer}: {status}"], offer_status.steps, offer_status.messages)


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


def submissions_table(submissions: Sequence[Submission]) -> Table:
    table = _table()
    table.add_column("id", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("changed (UTC)", no_wrap=True)
    table.add_column("ver", justify="right")
    for item in submissions:
        changed = _utc_minute(item.changed_time)
        cells = (item.id, item.submission_type, item.submission_state, changed, item.publishing_version)
        table.add_row(*(Text(inert(_shown(cell))) for cell in cells))
    return table


def poller_json(poller: OperationPoller) -> dict[str, object]:
    """What `--json` prints of a started or awaited operation, `continuationToken` included."""
    return {
        "operationId": poller.operation_id,
        "operationLocation": poller.location,
        "continuationToken": poller.continuation_token(),
        "done": poller.done(),
        "status": str(poller.status()),
        # A synchronous cancel that named no operation has nothing read from the service to show.
        "operation": poller.detail.to_dict() if poller.detail is not None and poller.location is not None else None,
    }
