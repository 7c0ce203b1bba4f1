"""Contains all the data models used in inputs/outputs"""

from .cancellation_request_state import CancellationRequestState
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .message import Message
from .message_level import MessageLevel
from .notification_metadata import NotificationMetadata
from .notification_request import NotificationRequest
from .offer_status import OfferStatus
from .offer_status_kind import OfferStatusKind
from .operation_detail import OperationDetail
from .operation_status import OperationStatus
from .publishing_link import PublishingLink
from .step import Step
from .step_status import StepStatus
from .submission import Submission
from .submission_definition import SubmissionDefinition
from .submission_metadata import SubmissionMetadata
from .submission_type import SubmissionType

__all__ = (
    "CancellationRequestState",
    "ErrorDetail",
    "ErrorResponse",
    "Message",
    "MessageLevel",
    "NotificationMetadata",
    "NotificationRequest",
    "OfferStatus",
    "OfferStatusKind",
    "OperationDetail",
    "OperationStatus",
    "PublishingLink",
    "Step",
    "StepStatus",
    "Submission",
    "SubmissionDefinition",
    "SubmissionMetadata",
    "SubmissionType",
)
