from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.offer import Offer
from ...types import UNSET, Response, parse_documented_body


def _get_kwargs(
    publisher_id: str,
    offer_id: str,
    *,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/publishers/{publisher_id}/offers/{offer_id}".format(
            publisher_id=quote(str(publisher_id), safe=""),
            offer_id=quote(str(offer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Offer | None:
    if response.status_code == 200:

        def _parse_response_200(data: Any) -> Offer:
            response_200 = Offer.from_dict(data)

            return response_200

        return parse_documented_body(response, _parse_response_200)

    if response.status_code == 400:

        def _parse_response_400(data: Any) -> ErrorResponse:
            response_400 = ErrorResponse.from_dict(data)

            return response_400

        return parse_documented_body(response, _parse_response_400)

    if response.status_code == 401:

        def _parse_response_401(data: Any) -> ErrorResponse:
            response_401 = ErrorResponse.from_dict(data)

            return response_401

        return parse_documented_body(response, _parse_response_401)

    if response.status_code == 403:

        def _parse_response_403(data: Any) -> ErrorResponse:
            response_403 = ErrorResponse.from_dict(data)

            return response_403

        return parse_documented_body(response, _parse_response_403)

    if response.status_code == 404:

        def _parse_response_404(data: Any) -> ErrorResponse:
            response_404 = ErrorResponse.from_dict(data)

            return response_404

        return parse_documented_body(response, _parse_response_404)

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Offer]:
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        raise errors.UnexpectedStatus(response.status_code, response.content) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | Offer]:
    """Get an offer (its draft)

     The whole offer as it stands in the draft slot, the default when no slot is named (`getOfferSlot`
    reads
    the others, `getOfferVersion` a version). The definition's keys depend on the offer type (for
    virtual
    machines: `definition.offer` and `definition.plans[]` keys of the `microsoft-azure-marketplace.` and
    `microsoft-azure-virtualmachines.` namespaces); keys this description does not name come back too
    and
    must be sent back unchanged by an update. Secret-type field values are never returned.

    The concurrency page says the answer carries the stored version's **ETag**, to send as `If-Match` on
    `putOffer`; no endpoint page lists the header, and a third-party report saw no `eTag` in the body.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Offer]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | Offer | None:
    """Get an offer (its draft)

     The whole offer as it stands in the draft slot, the default when no slot is named (`getOfferSlot`
    reads
    the others, `getOfferVersion` a version). The definition's keys depend on the offer type (for
    virtual
    machines: `definition.offer` and `definition.plans[]` keys of the `microsoft-azure-marketplace.` and
    `microsoft-azure-virtualmachines.` namespaces); keys this description does not name come back too
    and
    must be sent back unchanged by an update. Secret-type field values are never returned.

    The concurrency page says the answer carries the stored version's **ETag**, to send as `If-Match` on
    `putOffer`; no endpoint page lists the header, and a third-party report saw no `eTag` in the body.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Offer
    """

    return sync_detailed(
        publisher_id=publisher_id,
        offer_id=offer_id,
        client=client,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | Offer]:
    """Get an offer (its draft)

     The whole offer as it stands in the draft slot, the default when no slot is named (`getOfferSlot`
    reads
    the others, `getOfferVersion` a version). The definition's keys depend on the offer type (for
    virtual
    machines: `definition.offer` and `definition.plans[]` keys of the `microsoft-azure-marketplace.` and
    `microsoft-azure-virtualmachines.` namespaces); keys this description does not name come back too
    and
    must be sent back unchanged by an update. Secret-type field values are never returned.

    The concurrency page says the answer carries the stored version's **ETag**, to send as `If-Match` on
    `putOffer`; no endpoint page lists the header, and a third-party report saw no `eTag` in the body.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Offer]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | Offer | None:
    """Get an offer (its draft)

     The whole offer as it stands in the draft slot, the default when no slot is named (`getOfferSlot`
    reads
    the others, `getOfferVersion` a version). The definition's keys depend on the offer type (for
    virtual
    machines: `definition.offer` and `definition.plans[]` keys of the `microsoft-azure-marketplace.` and
    `microsoft-azure-virtualmachines.` namespaces); keys this description does not name come back too
    and
    must be sent back unchanged by an update. Secret-type field values are never returned.

    The concurrency page says the answer carries the stored version's **ETag**, to send as `If-Match` on
    `putOffer`; no endpoint page lists the header, and a third-party report saw no `eTag` in the body.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Offer
    """

    return (
        await asyncio_detailed(
            publisher_id=publisher_id,
            offer_id=offer_id,
            client=client,
            api_version=api_version,
        )
    ).parsed
