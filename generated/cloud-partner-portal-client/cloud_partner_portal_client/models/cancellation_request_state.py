from enum import StrEnum


class CancellationRequestState(StrEnum):
    CAN_CANCEL = "canCancel"

    def __str__(self) -> str:
        return str(self.value)
