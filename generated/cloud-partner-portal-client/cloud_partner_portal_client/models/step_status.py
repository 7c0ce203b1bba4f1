from enum import StrEnum


class StepStatus(StrEnum):
    BLOCKED = "blocked"
    CANCELED = "canceled"
    COMPLETE = "complete"
    COMPLETED = "completed"
    FAILED = "failed"
    IN_PROGRESS = "inProgress"
    NOT_STARTED = "notStarted"
    REJECTED = "rejected"
    RUNNING = "running"
    WAITING_FOR_APPROVAL = "waitingForApproval"
    WAITING_FOR_PUBLISHER_REVIEW = "waitingForPublisherReview"

    def __str__(self) -> str:
        return str(self.value)
