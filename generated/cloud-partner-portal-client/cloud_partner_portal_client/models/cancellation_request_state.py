from enum import StrEnum


class CancellationRequestState(StrEnum):
    CANCEL_REQUESTED = "cancelRequested"
    CANNOT_CANCEL = "cannotCancel"
    CAN_CANCEL = "canCancel"

    def __str__(self) -> str:
        return str(self.value)
