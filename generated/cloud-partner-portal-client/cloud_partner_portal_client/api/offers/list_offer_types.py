from http import HTTPStatus
from typing import Any, Literal, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, parse_documented_body


def _get_kwargs(
    *,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/offerTypes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: Any) -> Any:
            response_200 = cast(Any, data)
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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse]:
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
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[Any | ErrorResponse]:
    """List the offer types (answer undocumented)

     The considerations and prerequisites pages show `GET /api/offerTypes` only as an example request
    (with
    `api-version=2016-08-01-preview`, to illustrate versioning and authentication); no page documents
    this
    call or its answer. That it answers 200 with JSON at `2017-10-31` is an inference, and the answer's
    shape
    is unknown: it is described as any JSON value. 400 (an unknown `api-version`) and 401 come from the
    considerations page, 403 from the troubleshooting page, as for every call.

    Args:
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Any | ErrorResponse | None:
    """List the offer types (answer undocumented)

     The considerations and prerequisites pages show `GET /api/offerTypes` only as an example request
    (with
    `api-version=2016-08-01-preview`, to illustrate versioning and authentication); no page documents
    this
    call or its answer. That it answers 200 with JSON at `2017-10-31` is an inference, and the answer's
    shape
    is unknown: it is described as any JSON value. 400 (an unknown `api-version`) and 401 come from the
    considerations page, 403 from the troubleshooting page, as for every call.

    Args:
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        client=client,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[Any | ErrorResponse]:
    """List the offer types (answer undocumented)

     The considerations and prerequisites pages show `GET /api/offerTypes` only as an example request
    (with
    `api-version=2016-08-01-preview`, to illustrate versioning and authentication); no page documents
    this
    call or its answer. That it answers 200 with JSON at `2017-10-31` is an inference, and the answer's
    shape
    is unknown: it is described as any JSON value. 400 (an unknown `api-version`) and 401 come from the
    considerations page, 403 from the troubleshooting page, as for every call.

    Args:
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Any | ErrorResponse | None:
    """List the offer types (answer undocumented)

     The considerations and prerequisites pages show `GET /api/offerTypes` only as an example request
    (with
    `api-version=2016-08-01-preview`, to illustrate versioning and authentication); no page documents
    this
    call or its answer. That it answers 200 with JSON at `2017-10-31` is an inference, and the answer's
    shape
    is unknown: it is described as any JSON value. 400 (an unknown `api-version`) and 401 come from the
    considerations page, 403 from the troubleshooting page, as for every call.

    Args:
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            api_version=api_version,
        )
    ).parsed
