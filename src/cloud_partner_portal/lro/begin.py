"""`begin_*`: one POST of publish, go live or cancel (never retried), then the poller of what it started.

The POST's optional body lists the addresses told of the progress. Its answer is read by `answers`: a 202 names
the operation, cancel's 200 is a poller done at once, and any error status is an `ApiError`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import Any, Final, Protocol, Unpack

from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation
from cloud_partner_portal_client.models import NotificationMetadata, NotificationRequest
from cloud_partner_portal_client.types import UNSET, Response, Unset

from ..errors import unexpected_status_as_api_error
from .answers import start_from_response
from .options import AsyncPollOptions, PollOptions
from .pollers import AsyncOperationPoller, OperationPoller
from .start import Start

__all__ = [
    "begin_cancel",
    "begin_cancel_async",
    "begin_go_live",
    "begin_go_live_async",
    "begin_publish",
    "begin_publish_async",
]

#: The one call whose pages document a 200: cancel, done synchronously.
_SYNCHRONOUS_CALL: Final = "cancelOperation"


class _StartCall(Protocol):
    def __call__(
        self, publisher_id: str, offer_id: str, *, client: AuthenticatedClient, body: NotificationRequest | Unset = ...
    ) -> Response[Any]: ...


class _AsyncStartCall(Protocol):
    def __call__(
        self, publisher_id: str, offer_id: str, *, client: AuthenticatedClient, body: NotificationRequest | Unset = ...
    ) -> Awaitable[Response[Any]]: ...


def _notification_body(emails: str | Sequence[str] | None) -> NotificationRequest | Unset:
    """The optional body: addresses as one comma-separated string or a sequence; none at all sends no body."""
    if emails is None:
        return UNSET
    joined = emails if isinstance(emails, str) else ",".join(e.strip() for e in emails)
    if not joined.strip():
        return UNSET
    return NotificationRequest(metadata=NotificationMetadata(notification_emails=joined))


def _started(call: str, response: Response[Any]) -> Start:
    return start_from_response(response, call, synchronous_ok=call == _SYNCHRONOUS_CALL)


def _begin(
    call: str,
    send: _StartCall,
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    emails: str | Sequence[str] | None,
    options: PollOptions,
) -> OperationPoller:
    with unexpected_status_as_api_error(call):
        response = send(publisher_id, offer_id, client=client, body=_notification_body(emails))
    return OperationPoller._from_start(client, _started(call, response), options)


async def _begin_async(
    call: str,
    send: _AsyncStartCall,
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    emails: str | Sequence[str] | None,
    options: AsyncPollOptions,
) -> AsyncOperationPoller:
    with unexpected_status_as_api_error(call):
        response = await send(publisher_id, offer_id, client=client, body=_notification_body(emails))
    return AsyncOperationPoller._from_start(client, _started(call, response), options)


def begin_cancel(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Cancel the operation running on the offer (one POST, never retried) and return its poller.

    A 202 gives a poller of the cancel operation: `result()` is that operation, `completed` once the cancel is
    done. A 200 (cancelled synchronously) gives a poller that is already done, with `status()` `canceled`: when
    the answer names no operation (the pages show none) `result()` returns `OperationDetail(status="canceled")`,
    made by the poller, and `location` is None; when it names one, `result()` reads it once. Raises ApiError for
    an error status (with or without the API's error body) and OperationLocationError for a 202 naming no
    location.
    """
    return _begin(
        "cancelOperation",
        cancel_operation.sync_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


def begin_publish(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start publishing the offer (one POST) and return the poller of the publish operation.

    Raises ApiError for an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "publishOffer", publish_offer.sync_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )


def begin_go_live(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start pushing the offer live (one POST) and return the poller of the go-live operation.

    Raises ApiError for an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "goLiveOffer", go_live_offer.sync_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )


async def begin_cancel_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_cancel`, with the async client."""
    return await _begin_async(
        "cancelOperation",
        cancel_operation.asyncio_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


async def begin_publish_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_publish`, with the async client."""
    return await _begin_async(
        "publishOffer",
        publish_offer.asyncio_detailed,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        poll_options,
    )


async def begin_go_live_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_go_live`, with the async client."""
    return await _begin_async(
        "goLiveOffer", go_live_offer.asyncio_detailed, client, publisher_id, offer_id, notification_emails, poll_options
    )
