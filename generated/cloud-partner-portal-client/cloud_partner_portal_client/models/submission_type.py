from enum import StrEnum


class SubmissionType(StrEnum):
    CANCEL = "cancel"
    GO_LIVE = "goLive"
    PUBLISH = "publish"

    def __str__(self) -> str:
        return str(self.value)
