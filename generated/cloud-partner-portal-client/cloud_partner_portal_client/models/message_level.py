from enum import StrEnum


class MessageLevel(StrEnum):
    ERROR = "error"
    INFORMATION = "information"

    def __str__(self) -> str:
        return str(self.value)
