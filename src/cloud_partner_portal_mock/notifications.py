"""Notification e-mails: checking `metadata.notification-emails` entry by entry, and the outbox record.

The mock sends no mail. Each progress change of an operation (started, each step change, blocked, completed,
failed, canceled) appends one `Notification` per address to the service's outbox, which tests read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime

from .errors import clip
from .spec import MOCK_RULES, description

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
def _syntax(rules: str) -> tuple[int | None, re.Pattern[str] | None]:
    # Read once per description: the rules that state no syntax (the documented ones) check none.
    schema = description(rules).notification_emails
    pattern = schema.get("pattern")
    return schema.get("maxLength"), re.compile(pattern) if isinstance(pattern, str) else None


def address_problem(raw: str, rules: str = MOCK_RULES) -> str | None:
    """Why `raw` is not a valid `notification-emails` value under `rules`, naming the first bad entry; None when
    valid (always, under rules whose description gives the list no syntax).

    The whole-list pattern of the description is applied to each entry alone (it accepts a list of one), with
    full-string matching, so `'bob@'` is named rather than the list.
    """
    limit, pattern = _syntax(rules)
    if limit is not None and len(raw) > limit:
        return f"notification-emails: {len(raw)} characters; at most {limit}"
    if pattern is None:
        return None
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
    """The distinct addresses of a `notification-emails` value, in order (empty entries, which only the
    documented rules let through, name no one)."""
    if not raw:
        return ()
    return tuple(dict.fromkeys(entry for entry in _entries(raw) if entry))
