"""The outbox: the notification e-mails the service would have sent, as records tests read.

The mock sends no mail. Each progress change of an operation (started, each step change, blocked, completed,
failed, canceled) appends one `Notification` per address to the store's outbox. Whether a
`metadata.notification-emails` value is valid is the description's business (`validation.notification_emails`);
here a value is only split into its addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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


def entries(raw: str) -> list[str]:
    """The comma-separated entries of a `notification-emails` value, as written (empty ones included)."""
    # The spec allows spaces around a comma, and nowhere else.
    parts = raw.split(",")
    found = []
    for index, part in enumerate(parts):
        if index > 0:
            part = part.lstrip(" ")
        if index < len(parts) - 1:
            part = part.rstrip(" ")
        found.append(part)
    return found


def addresses(raw: str | None) -> tuple[str, ...]:
    """The distinct addresses of a `notification-emails` value, in order (empty entries, which only the
    documented rules let through, name no one)."""
    if not raw:
        return ()
    return tuple(dict.fromkeys(entry for entry in entries(raw) if entry))
