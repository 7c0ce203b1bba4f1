"""`begin_*`: one POST of publish, go live or cancel (never retried), then the poller of what it started.

The POST's optional body lists the addresses told of the progress. Its answer is read by `answers`: a 202 names
the operation, cancel's 200 is a poller done at once, and any error status is an `ApiError`. The POST is bounded
as a poll is (`limits.request_timeout`): a phase the caller's client leaves without a timeout gets
`DEFAULT_REQUEST_TIMEOUT`. With `continuation_token=` (the Azure SDK's keyword) no POST is sent: the poller
resumes the operation the token names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, Protocol, Unpack

import httpx
from cloud_partner_portal_client import AuthenticatedClient, Client
from cloud_partner_portal_client.api.offers import go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import cancel_operation
from cloud_partner_portal_client.models import NotificationMetadata, NotificationRequest
from cloud_partner_portal_client.types import UNSET, Response, Unset

from ..errors import unexpected_status_as_api_error
from .answers import start_from_response
from .limits import request_timeout
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
    """A generated module of publish, go live or cancel: its request's arguments and the reading of its answer.
    `begin_*` sends the request itself (rather than `sync_detailed`) to give it a timeout without changing the
    caller's client."""

    def _get_kwargs(
        self, publisher_id: str, offer_id: str, *, body: NotificationRequest | Unset = ...
    ) -> dict[str, Any]: ...

    def _build_response(self, *, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any]: ...


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
    continuation_token: str | None,
    options: PollOptions,
) -> OperationPoller:
    if continuation_token is not None:
        return OperationPoller.from_continuation_token(client, continuation_token, **options)
    http = client.get_httpx_client()
    request = send._get_kwargs(publisher_id, offer_id, body=_notification_body(emails))
    with unexpected_status_as_api_error(call):
        answer = http.request(**request, timeout=request_timeout(http.timeout, None))
        response = send._build_response(client=client, response=answer)
    return OperationPoller._from_start(client, _started(call, response), options)


async def _begin_async(
    call: str,
    send: _StartCall,
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    emails: str | Sequence[str] | None,
    continuation_token: str | None,
    options: AsyncPollOptions,
) -> AsyncOperationPoller:
    if continuation_token is not None:
        return AsyncOperationPoller.from_continuation_token(client, continuation_token, **options)
    http = client.get_async_httpx_client()
    request = send._get_kwargs(publisher_id, offer_id, body=_notification_body(emails))
    with unexpected_status_as_api_error(call):
        answer = await http.request(**request, timeout=request_timeout(http.timeout, None))
        response = send._build_response(client=client, response=answer)
    return AsyncOperationPoller._from_start(client, _started(call, response), options)


def begin_cancel(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Cancel the operation running on the offer (one POST, never retried) and return its poller.

    A 202 gives a poller of the cancel operation: `result()` is that operation, `completed` once the cancel is
    done. A 200 (cancelled synchronously) gives a poller that is already done, with `status()` `canceled`: when
    the answer names no operation (the pages show none) `result()` returns `OperationDetail(status="canceled")`,
    made by the poller, and `location` is None; when it names one, `result()` reads it once. Raises ApiError for
    an error status (with or without the API's error body) and OperationLocationError for a 202 naming no
    location. `continuation_token`: resume the operation a poller's `continuation_token()` names (no POST).
    Terminal statuses: `completed`, `failed`, `canceled`. Poll options (`interval` or `polling_interval`,
    `timeout`, ...): `PollOptions`.
    """
    return _begin(
        "cancelOperation",
        cancel_operation,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )


def begin_publish(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start publishing the offer (one POST) and return the poller of the publish operation.

    `continuation_token`: resume the operation a poller's `continuation_token()` names instead (no POST). The
    poller ends in `completed`, `failed` or `canceled` (see `cloud_partner_portal.lro.pollers`). Raises ApiError for
    an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "publishOffer",
        publish_offer,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )


def begin_go_live(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[PollOptions],
) -> OperationPoller:
    """Start pushing the offer live (one POST) and return the poller of the go-live operation.

    `continuation_token`: as `begin_publish`. The poller ends in `completed`, `failed` or `canceled`. Raises
    ApiError for an error status, OperationLocationError when the answer names no operation.
    """
    return _begin(
        "goLiveOffer",
        go_live_offer,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )


async def begin_cancel_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_cancel`, with the async client."""
    return await _begin_async(
        "cancelOperation",
        cancel_operation,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )


async def begin_publish_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_publish`, with the async client."""
    return await _begin_async(
        "publishOffer",
        publish_offer,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )


async def begin_go_live_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    notification_emails: str | Sequence[str] | None = None,
    continuation_token: str | None = None,
    **poll_options: Unpack[AsyncPollOptions],
) -> AsyncOperationPoller:
    """As `begin_go_live`, with the async client."""
    return await _begin_async(
        "goLiveOffer",
        go_live_offer,
        client,
        publisher_id,
        offer_id,
        notification_emails,
        continuation_token,
        poll_options,
    )
