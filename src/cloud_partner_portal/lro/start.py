"""Where a poller starts: what an answer, a continuation token or a caller says of the operation.

Every way to make a poller (`from_response`, `from_location`, `from_continuation_token`, `begin_*`) comes down
to one `Start`, and one constructor takes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cloud_partner_portal_client.models import OperationStatus

__all__ = ["Start"]


@dataclass(frozen=True, slots=True)
class Start:
    """The location as given (None: a synchronous answer that names no operation), whether the operation is
    already over, its id if known, and its last status if known."""

    location: str | None
    done: bool = False
    operation_id: str | None = None
    status: OperationStatus | str | None = None
