"""The hand-written layer over the generated `cloud_partner_portal_client`: operation pollers and the CLI.

`begin_cancel` / `begin_publish` / `begin_go_live` (and their `_async` twins) make the call once and return a
poller; `OperationPoller` / `AsyncOperationPoller` wait for an operation from a `*_detailed` answer, a location
or a continuation token. The errors are imported from here (they are defined in `cloud_partner_portal.errors`).
The poller's modules are `cloud_partner_portal.lro`; the command line is `cloud_partner_portal.cli`
(`cloud-partner-portal`, `cpportal`).
"""

from .api_version import API_VERSION
from .errors import (
    ApiError,
    CloudPartnerPortalError,
    InvalidContinuationTokenError,
    OperationFailedError,
    OperationLocationError,
    OperationPollingError,
    OperationTimeoutError,
)
from .lro import (
    CANCELED,
    UNKNOWN_STATUS,
    AsyncOperationPoller,
    AsyncPollOptions,
    OperationPoller,
    PollOptions,
    ProgressEvent,
    begin_cancel,
    begin_cancel_async,
    begin_go_live,
    begin_go_live_async,
    begin_publish,
    begin_publish_async,
    is_terminal,
    normalize_status,
    sleeping_with,
)

__all__ = [
    "API_VERSION",
    "CANCELED",
    "UNKNOWN_STATUS",
    "ApiError",
    "AsyncOperationPoller",
    "AsyncPollOptions",
    "CloudPartnerPortalError",
    "InvalidContinuationTokenError",
    "OperationFailedError",
    "OperationLocationError",
    "OperationPoller",
    "OperationPollingError",
    "OperationTimeoutError",
    "PollOptions",
    "ProgressEvent",
    "begin_cancel",
    "begin_cancel_async",
    "begin_go_live",
    "begin_go_live_async",
    "begin_publish",
    "begin_publish_async",
    "is_terminal",
    "normalize_status",
    "sleeping_with",
]
