"""Contains all the data models used in inputs/outputs"""

from .cancellation_request_state import CancellationRequestState
from .category_map_entry import CategoryMapEntry
from .core_multiplier import CoreMultiplier
from .core_prices import CorePrices
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .lead_configuration import LeadConfiguration
from .message import Message
from .message_level import MessageLevel
from .notification_metadata import NotificationMetadata
from .notification_request import NotificationRequest
from .offer import Offer
from .offer_definition import OfferDefinition
from .offer_offer_type_versions import OfferOfferTypeVersions
from .offer_properties import OfferProperties
from .offer_status import OfferStatus
from .offer_status_kind import OfferStatusKind
from .offer_summary import OfferSummary
from .offer_summary_definition import OfferSummaryDefinition
from .operation_detail import OperationDetail
from .operation_status import OperationStatus
from .plan import Plan
from .plan_microsoft_azure_virtualmachines_vm_images import (
    PlanMicrosoftAzureVirtualmachinesVmImages,
)
from .publishing_link import PublishingLink
from .slot_id import SlotId
from .spread_sheet_pricing import SpreadSheetPricing
from .step import Step
from .step_status import StepStatus
from .submission import Submission
from .submission_definition import SubmissionDefinition
from .submission_metadata import SubmissionMetadata
from .submission_type import SubmissionType
from .useful_link import UsefulLink
from .virtual_machine_pricing import VirtualMachinePricing
from .virtual_machine_pricing_region_prices import VirtualMachinePricingRegionPrices
from .vm_image import VmImage

__all__ = (
    "CancellationRequestState",
    "CategoryMapEntry",
    "CoreMultiplier",
    "CorePrices",
    "ErrorDetail",
    "ErrorResponse",
    "LeadConfiguration",
    "Message",
    "MessageLevel",
    "NotificationMetadata",
    "NotificationRequest",
    "Offer",
    "OfferDefinition",
    "OfferOfferTypeVersions",
    "OfferProperties",
    "OfferStatus",
    "OfferStatusKind",
    "OfferSummary",
    "OfferSummaryDefinition",
    "OperationDetail",
    "OperationStatus",
    "Plan",
    "PlanMicrosoftAzureVirtualmachinesVmImages",
    "PublishingLink",
    "SlotId",
    "SpreadSheetPricing",
    "Step",
    "StepStatus",
    "Submission",
    "SubmissionDefinition",
    "SubmissionMetadata",
    "SubmissionType",
    "UsefulLink",
    "VirtualMachinePricing",
    "VirtualMachinePricingRegionPrices",
    "VmImage",
)
