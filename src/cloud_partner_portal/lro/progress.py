"""What the `progress` callback is told: the operation's status, its step in progress and that step's percentage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cloud_partner_portal_client.models import OperationDetail, OperationStatus, Step, StepStatus

from .statuses import normalize_status

__all__ = ["ProgressEvent"]

# Both spellings are documented: the offer-status page's `complete` and the 2020 operations page's `completed`.
_COMPLETE_STEP_STATUSES: Final = frozenset({StepStatus.COMPLETE.value, StepStatus.COMPLETED.value})


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _is_complete(step: Step) -> bool:
    return isinstance(step.status, str) and step.status.lower() in _COMPLETE_STEP_STATUSES


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """What the `progress` callback receives each time the operation's status, step or percentage changes.

    Attributes:
        status: the operation's status (normalized, see `normalize_status`; `unknown` when the answer had none).
        step: the display name (`stepName`) of the step in progress: the first step that is not complete.
            None when every step is complete, the operation lists none, or the step has no name.
        step_id: that step's `id` (`displaycertify`, `live`, ...), when it has one.
        percentage: that step's `progressPercentage` (None when absent); 100 when every step is complete, None
            without steps.
    """

    status: OperationStatus | str
    step: str | None
    step_id: str | None
    percentage: int | None

    @classmethod
    def from_detail(cls, detail: OperationDetail) -> ProgressEvent:
        status = normalize_status(detail.status)
        steps = detail.steps or []
        current = next((step for step in steps if not _is_complete(step)), None)
        if current is None:
            return cls(status, None, None, 100 if steps else None)
        percentage = current.progress_percentage
        return cls(
            status,
            _text(current.step_name),
            _text(current.id),
            percentage if isinstance(percentage, int) and not isinstance(percentage, bool) else None,
        )
