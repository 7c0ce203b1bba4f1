from enum import StrEnum


class OperationStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    NOT_STARTED = "notStarted"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
