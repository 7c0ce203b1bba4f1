"""Wait for a publishing operation: pollers shaped like the Azure SDK's `LROPoller`, over the generated client.

Publish, go live and (sometimes) cancel answer 202 with the operation's URL in a header and, as the pages show
it, no body; the poller GETs that URL until the operation's status is `completed`, `failed` or `canceled`. A 200
from cancel, with no body and no header, means the running operation was cancelled synchronously: the poller is
done at once, `status()` is `canceled`, `location` is None (there is nothing to read), and `result()` returns an
`OperationDetail` the poller makes, whose only field is `status="canceled"`. When such a 200 names a location
after all, `result()` reads the operation there once.

    poller = begin_cancel(client, "contoso", "contoso-virtualmachineoffer", timeout=600)
    operation = poller.result()          # OperationDetail; raises OperationFailedError if it failed

    token = poller.continuation_token()  # later, in another process:
    poller = OperationPoller.from_continuation_token(client, token)

One concern a module, each importing only those above it:

    statuses    which statuses end an operation, and how loosely one is spelled
    progress    `ProgressEvent`, what the `progress` callback is told
    limits      the bounds of every request and wait: timeout, deadline, size cap, range of a wait
    options     `PollOptions`, `AsyncPollOptions` and the checked policy made of them
    start       `Start`: what is known of an operation when a poller is made
    locations   the location an answer names, resolved on the client's origin (the token never leaves it)
    token       the continuation token codec
    answers     reading the 200/202 that starts an operation and the GET of the operation
    core        the I/O-free state machine: `PollingCore.effects()` yields the GETs and sleeps it wants
    transport   `BoundedTransport`: the same limits and retries for requests made through a client's transport
    pollers     `OperationPoller` and `AsyncOperationPoller`, which run the core with their own I/O
    begin       `begin_*`: one POST, then a poller

The errors are `cloud_partner_portal`'s (`ApiError`, `OperationPollingError`, ...): import them from there.
"""

from ..api_version import API_VERSION
from .begin import (
    begin_cancel,
    begin_cancel_async,
    begin_go_live,
    begin_go_live_async,
    begin_publish,
    begin_publish_async,
)
from .core import MAX_REDIRECTS, RETRYABLE_STATUSES
from .limits import DEFAULT_REQUEST_TIMEOUT, MAX_RESPONSE_BYTES, MAX_WAIT, MIN_WAIT, ResponseTooLargeError
from .options import AsyncPollOptions, PollOptions, sleeping_with
from .pollers import AsyncOperationPoller, OperationPoller
from .progress import ProgressEvent
from .statuses import CANCELED, TERMINAL_STATUSES, UNKNOWN_STATUS, is_terminal, normalize_status
from .transport import BoundedTransport

__all__ = [
    "API_VERSION",
    "CANCELED",
    "DEFAULT_REQUEST_TIMEOUT",
    "MAX_REDIRECTS",
    "MAX_RESPONSE_BYTES",
    "MAX_WAIT",
    "MIN_WAIT",
    "RETRYABLE_STATUSES",
    "TERMINAL_STATUSES",
    "UNKNOWN_STATUS",
    "AsyncOperationPoller",
    "AsyncPollOptions",
    "BoundedTransport",
    "OperationPoller",
    "PollOptions",
    "ProgressEvent",
    "ResponseTooLargeError",
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
