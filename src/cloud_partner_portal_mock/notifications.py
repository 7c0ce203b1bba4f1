"""Notification e-mails: checking `metadata.notification-emails` entry by entry, and the outbox record.

The mock sends no mail. Each progress change of an operation (started, each step change, blocked, completed,
failed, canceled) appends one `Notification` per address to the service's outbox, which tests read.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from .errors import clip
from .spec import notification_emails_pattern, resolve, spec_document

EVENTS = ("started", "stepChanged", "blocked", "completed", "failed", "canceled")


@dataclass(frozen=True, slots=True)
class Notification:
    """One message the real service would have e-mailed."""

    address: str
    operation_id: str
    event: str
    """One of `EVENTS`."""
    step: str | None
    """The step the event concerns: the one entered (`started`, `stepChanged`, `blocked`) or the one the
    operation ended in (`completed`, `failed`, `canceled`)."""
    time: datetime
    publisher_id: str
    offer_id: str


def _entries(raw: str) -> list[str]:
    # The spec allows spaces around a comma, and nowhere else.
    parts = raw.split(",")
    entries = []
    for index, part in enumerate(parts):
        if index > 0:
            part = part.lstrip(" ")
        if index < len(parts) - 1:
            part = part.rstrip(" ")
        entries.append(part)
    return entries


@functools.cache
def _max_length() -> int:
    # Read once: `spec()` would deep-copy the whole document on every request.
    limit: int = resolve(spec_document()["components"]["schemas"]["NotificationEmails"])["maxLength"]
    return limit


def address_problem(raw: str) -> str | None:
    """Why `raw` is not a valid `notification-emails` value, naming the first bad entry; None when valid.

    The whole-list pattern of the spec is applied to each entry alone (it accepts a list of one), with
    full-string matching, so `'bob@'` is named rather than the list.
    """
    if len(raw) > (limit := _max_length()):
        return f"notification-emails: {len(raw)} characters; at most {limit}"
    pattern = notification_emails_pattern()
    entries = _entries(raw)
    for position, entry in enumerate(entries, start=1):
        if not entry:
            if len(entries) == 1:
                return "notification-emails: no address given"
            return f"notification-emails: entry {position} of {len(entries)} is empty"
        if not pattern.fullmatch(entry):
            return f"notification-emails: {clip(entry)} is not an e-mail address"
    return None


def addresses(raw: str | None) -> tuple[str, ...]:
    """The distinct addresses of a valid `notification-emails` value, in order."""
    if not raw:
        return ()
    return tuple(dict.fromkeys(_entries(raw)))
