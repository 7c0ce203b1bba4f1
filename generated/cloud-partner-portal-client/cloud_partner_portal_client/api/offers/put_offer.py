from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.offer import Offer
from ...types import UNSET, Response, Unset, parse_documented_body


def _get_kwargs(
    publisher_id: str,
    offer_id: str,
    *,
    body: Offer,
    api_version: Literal["2017-10-31"] = "2017-10-31",
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/publishers/{publisher_id}/offers/{offer_id}".format(
            publisher_id=quote(str(publisher_id), safe=""),
            offer_id=quote(str(offer_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Offer | None:
    if response.status_code == 200:

        def _parse_response_200(data: Any) -> Offer:
            response_200 = Offer.from_dict(data)

            return response_200

        return parse_documented_body(response, _parse_response_200)

    if response.status_code == 201:

        def _parse_response_201(data: Any) -> Offer:
            response_201 = Offer.from_dict(data)

            return response_201

        return parse_documented_body(response, _parse_response_201)

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

    if response.status_code == 412:

        def _parse_response_412(data: Any) -> ErrorResponse:
            response_412 = ErrorResponse.from_dict(data)

            return response_412

        return parse_documented_body(response, _parse_response_412)

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
    body: Offer,
    api_version: Literal["2017-10-31"] = "2017-10-31",
    if_match: str | Unset = UNSET,
) -> Response[ErrorResponse | Offer]:
    """Create or update an offer

     Creates the offer when it does not exist (**201**) or replaces its draft (**200**), and answers with
    the
    stored offer. The body's `publisherId` and `id` must match the path. Keys the service does not know
    in
    `definition` are its business; send back what `getOffer` returned, changed where you mean to change
    it.
    Artifacts (logos, images, VM pricing spreadsheets) are given as URLs the service can reach: it
    copies
    each into Marketplace storage, so later reads return a storage URL instead of yours.

    **Concurrency.** Send `If-Match` with the ETag of the version you read (optimistic: a mismatch
    answers
    **412** and changes nothing) or `*` (last one wins). The concurrency page says every call must state
    a
    strategy and that leaving `If-Match` out answers **400**; the create/modify page says to add
    `If-Match: *` to *modify* an existing offer, which implies a create needs none, so the header is
    optional here. A third-party report (not a Microsoft page) saw a PUT on an existing offer without
    `If-Match` answer **409** `InvalidResourceId` ("Offer ID already exists..."); 409 is not described.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        if_match (str | Unset):
        body (Offer): An offer: `getOffer`, `getOfferVersion` and `getOfferSlot` return it,
            `putOffer` takes and returns it.
            Every object in it may carry keys this description does not name (namespaced keys of other
            offer types,
            keys the service adds); a client must keep them when it writes the offer back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Offer]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        body=body,
        api_version=api_version,
        if_match=if_match,
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
    body: Offer,
    api_version: Literal["2017-10-31"] = "2017-10-31",
    if_match: str | Unset = UNSET,
) -> ErrorResponse | Offer | None:
    """Create or update an offer

     Creates the offer when it does not exist (**201**) or replaces its draft (**200**), and answers with
    the
    stored offer. The body's `publisherId` and `id` must match the path. Keys the service does not know
    in
    `definition` are its business; send back what `getOffer` returned, changed where you mean to change
    it.
    Artifacts (logos, images, VM pricing spreadsheets) are given as URLs the service can reach: it
    copies
    each into Marketplace storage, so later reads return a storage URL instead of yours.

    **Concurrency.** Send `If-Match` with the ETag of the version you read (optimistic: a mismatch
    answers
    **412** and changes nothing) or `*` (last one wins). The concurrency page says every call must state
    a
    strategy and that leaving `If-Match` out answers **400**; the create/modify page says to add
    `If-Match: *` to *modify* an existing offer, which implies a create needs none, so the header is
    optional here. A third-party report (not a Microsoft page) saw a PUT on an existing offer without
    `If-Match` answer **409** `InvalidResourceId` ("Offer ID already exists..."); 409 is not described.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        if_match (str | Unset):
        body (Offer): An offer: `getOffer`, `getOfferVersion` and `getOfferSlot` return it,
            `putOffer` takes and returns it.
            Every object in it may carry keys this description does not name (namespaced keys of other
            offer types,
            keys the service adds); a client must keep them when it writes the offer back.

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
        body=body,
        api_version=api_version,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    body: Offer,
    api_version: Literal["2017-10-31"] = "2017-10-31",
    if_match: str | Unset = UNSET,
) -> Response[ErrorResponse | Offer]:
    """Create or update an offer

     Creates the offer when it does not exist (**201**) or replaces its draft (**200**), and answers with
    the
    stored offer. The body's `publisherId` and `id` must match the path. Keys the service does not know
    in
    `definition` are its business; send back what `getOffer` returned, changed where you mean to change
    it.
    Artifacts (logos, images, VM pricing spreadsheets) are given as URLs the service can reach: it
    copies
    each into Marketplace storage, so later reads return a storage URL instead of yours.

    **Concurrency.** Send `If-Match` with the ETag of the version you read (optimistic: a mismatch
    answers
    **412** and changes nothing) or `*` (last one wins). The concurrency page says every call must state
    a
    strategy and that leaving `If-Match` out answers **400**; the create/modify page says to add
    `If-Match: *` to *modify* an existing offer, which implies a create needs none, so the header is
    optional here. A third-party report (not a Microsoft page) saw a PUT on an existing offer without
    `If-Match` answer **409** `InvalidResourceId` ("Offer ID already exists..."); 409 is not described.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        if_match (str | Unset):
        body (Offer): An offer: `getOffer`, `getOfferVersion` and `getOfferSlot` return it,
            `putOffer` takes and returns it.
            Every object in it may carry keys this description does not name (namespaced keys of other
            offer types,
            keys the service adds); a client must keep them when it writes the offer back.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Offer]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        body=body,
        api_version=api_version,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    body: Offer,
    api_version: Literal["2017-10-31"] = "2017-10-31",
    if_match: str | Unset = UNSET,
) -> ErrorResponse | Offer | None:
    """Create or update an offer

     Creates the offer when it does not exist (**201**) or replaces its draft (**200**), and answers with
    the
    stored offer. The body's `publisherId` and `id` must match the path. Keys the service does not know
    in
    `definition` are its business; send back what `getOffer` returned, changed where you mean to change
    it.
    Artifacts (logos, images, VM pricing spreadsheets) are given as URLs the service can reach: it
    copies
    each into Marketplace storage, so later reads return a storage URL instead of yours.

    **Concurrency.** Send `If-Match` with the ETag of the version you read (optimistic: a mismatch
    answers
    **412** and changes nothing) or `*` (last one wins). The concurrency page says every call must state
    a
    strategy and that leaving `If-Match` out answers **400**; the create/modify page says to add
    `If-Match: *` to *modify* an existing offer, which implies a create needs none, so the header is
    optional here. A third-party report (not a Microsoft page) saw a PUT on an existing offer without
    `If-Match` answer **409** `InvalidResourceId` ("Offer ID already exists..."); 409 is not described.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        if_match (str | Unset):
        body (Offer): An offer: `getOffer`, `getOfferVersion` and `getOfferSlot` return it,
            `putOffer` takes and returns it.
            Every object in it may carry keys this description does not name (namespaced keys of other
            offer types,
            keys the service adds); a client must keep them when it writes the offer back.

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
            body=body,
            api_version=api_version,
            if_match=if_match,
        )
    ).parsed
