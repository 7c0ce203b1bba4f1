from enum import StrEnum


class SubmissionType(StrEnum):
    GO_LIVE = "goLive"
    PUBLISH = "publish"

    def __str__(self) -> str:
        return str(self.value)
