"""An operation's status as the poller reads it: which statuses end an operation, and how loosely one is spelled.

The pages list `notStarted`, `running`, `completed` and `failed`; `completed` and `failed` end an operation.
`canceled` ends one too: not an operation status on the pages, but the word of the offer and step statuses, which
the bundled mock uses for a cancelled operation. Any other status, or none, means it still runs.
"""

from __future__ import annotations

from typing import Final

from cloud_partner_portal_client.models import OperationStatus
from cloud_partner_portal_client.types import Unset

__all__ = ["CANCELED", "TERMINAL_STATUSES", "UNKNOWN_STATUS", "is_terminal", "normalize_status"]

#: The status of a cancelled operation: not an operation status on the pages, but the word of the offer and step
#: statuses, which the bundled mock uses, and what a synchronous cancel's poller reports.
CANCELED: Final = "canceled"
#: The status of an operation whose answer had none (no response field is required): not terminal.
UNKNOWN_STATUS: Final = "unknown"
#: Statuses after which nothing changes any more, lower case: the pages' `completed` and `failed`, and `canceled`.
TERMINAL_STATUSES: Final = frozenset({OperationStatus.COMPLETED.value, OperationStatus.FAILED.value, CANCELED})
_STATUS_BY_LOWER: Final[dict[str, OperationStatus | str]] = {
    **{status.value.lower(): status for status in OperationStatus},
    CANCELED: CANCELED,
}


def normalize_status(status: OperationStatus | str | Unset | None) -> OperationStatus | str:
    """The `OperationStatus` member a status names, compared case-insensitively (`canceled` as `CANCELED`);
    another string unchanged; no status (a field the answer left out, or not a string) as `UNKNOWN_STATUS`."""
    if isinstance(status, OperationStatus):
        return status
    if not isinstance(status, str) or not status.strip():
        return UNKNOWN_STATUS
    return _STATUS_BY_LOWER.get(status.strip().lower(), status)


def is_terminal(status: OperationStatus | str | Unset | None) -> bool:
    """Whether the status is `completed`, `failed` or `canceled` (any case). Other statuses, and none, still run."""
    return normalize_status(status) in TERMINAL_STATUSES
