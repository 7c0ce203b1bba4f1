from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.offer_summary import OfferSummary
from ...types import UNSET, Response, parse_documented_body


def _get_kwargs(
    publisher_id: str,
    *,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/publishers/{publisher_id}/offers".format(
            publisher_id=quote(str(publisher_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[OfferSummary] | None:
    if response.status_code == 200:

        def _parse_response_200(data: Any) -> list[OfferSummary]:
            response_200 = []
            _response_200 = data
            for response_200_item_data in _response_200:
                response_200_item = OfferSummary.from_dict(response_200_item_data)

                response_200.append(response_200_item)

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
) -> Response[ErrorResponse | list[OfferSummary]]:
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
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | list[OfferSummary]]:
    """List a publisher's offers

     A summary list of the offers in the publisher's namespace: each offer's type, status, identifier,
    version
    and change time, and of its definition only the `displayText` (read one offer with `getOffer` for
    the
    whole definition). The page's example status is `published`, which its status table lacks. A filter
    (`$filter=offerTypeId eq '...'`) appears only in third-party code and is not described. 401 applies
    as
    to every call (considerations page).

    Args:
        publisher_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[OfferSummary]]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    publisher_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | list[OfferSummary] | None:
    """List a publisher's offers

     A summary list of the offers in the publisher's namespace: each offer's type, status, identifier,
    version
    and change time, and of its definition only the `displayText` (read one offer with `getOffer` for
    the
    whole definition). The page's example status is `published`, which its status table lacks. A filter
    (`$filter=offerTypeId eq '...'`) appears only in third-party code and is not described. 401 applies
    as
    to every call (considerations page).

    Args:
        publisher_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[OfferSummary]
    """

    return sync_detailed(
        publisher_id=publisher_id,
        client=client,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    publisher_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | list[OfferSummary]]:
    """List a publisher's offers

     A summary list of the offers in the publisher's namespace: each offer's type, status, identifier,
    version
    and change time, and of its definition only the `displayText` (read one offer with `getOffer` for
    the
    whole definition). The page's example status is `published`, which its status table lacks. A filter
    (`$filter=offerTypeId eq '...'`) appears only in third-party code and is not described. 401 applies
    as
    to every call (considerations page).

    Args:
        publisher_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[OfferSummary]]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    publisher_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | list[OfferSummary] | None:
    """List a publisher's offers

     A summary list of the offers in the publisher's namespace: each offer's type, status, identifier,
    version
    and change time, and of its definition only the `displayText` (read one offer with `getOffer` for
    the
    whole definition). The page's example status is `published`, which its status table lacks. A filter
    (`$filter=offerTypeId eq '...'`) appears only in third-party code and is not described. 401 applies
    as
    to every call (considerations page).

    Args:
        publisher_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[OfferSummary]
    """

    return (
        await asyncio_detailed(
            publisher_id=publisher_id,
            client=client,
            api_version=api_version,
        )
    ).parsed
