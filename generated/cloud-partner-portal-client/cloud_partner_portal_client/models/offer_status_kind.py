from enum import StrEnum


class OfferStatusKind(StrEnum):
    CANCELED = "canceled"
    FAILED = "failed"
    NEVER_PUBLISHED = "neverPublished"
    NOT_STARTED = "notStarted"
    PUBLISHED = "published"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    WAITING_FOR_PUBLISHER_REVIEW = "waitingForPublisherReview"

    def __str__(self) -> str:
        return str(self.value)
