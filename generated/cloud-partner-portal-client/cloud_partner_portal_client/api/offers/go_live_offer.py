from http import HTTPStatus
from typing import Any, Literal, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.notification_request import NotificationRequest
from ...types import UNSET, Response, Unset, parse_documented_body


def _get_kwargs(
    publisher_id: str,
    offer_id: str,
    *,
    body: NotificationRequest | Unset = UNSET,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/publishers/{publisher_id}/offers/{offer_id}/golive".format(
            publisher_id=quote(str(publisher_id), safe=""),
            offer_id=quote(str(offer_id), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

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
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationRequest | Unset = UNSET,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[Any | ErrorResponse]:
    """Push a previewed offer live

     Starts pushing the offer that waits at publisher sign-off to production: a long-running operation
    that
    walks the `live` step. The page documents no body (the call reuses the publish call's notification
    list); the same optional body as publish is accepted.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        body (NotificationRequest | Unset): The body of publish, go live and cancel. Example:
            {'metadata': {'notification-emails': 'jondoe@contoso.com'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        body=body,
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
    body: NotificationRequest | Unset = UNSET,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Any | ErrorResponse | None:
    """Push a previewed offer live

     Starts pushing the offer that waits at publisher sign-off to production: a long-running operation
    that
    walks the `live` step. The page documents no body (the call reuses the publish call's notification
    list); the same optional body as publish is accepted.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        body (NotificationRequest | Unset): The body of publish, go live and cancel. Example:
            {'metadata': {'notification-emails': 'jondoe@contoso.com'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        publisher_id=publisher_id,
        offer_id=offer_id,
        client=client,
        body=body,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationRequest | Unset = UNSET,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[Any | ErrorResponse]:
    """Push a previewed offer live

     Starts pushing the offer that waits at publisher sign-off to production: a long-running operation
    that
    walks the `live` step. The page documents no body (the call reuses the publish call's notification
    list); the same optional body as publish is accepted.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        body (NotificationRequest | Unset): The body of publish, go live and cancel. Example:
            {'metadata': {'notification-emails': 'jondoe@contoso.com'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        publisher_id=publisher_id,
        offer_id=offer_id,
        body=body,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    publisher_id: str,
    offer_id: str,
    *,
    client: AuthenticatedClient,
    body: NotificationRequest | Unset = UNSET,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Any | ErrorResponse | None:
    """Push a previewed offer live

     Starts pushing the offer that waits at publisher sign-off to production: a long-running operation
    that
    walks the `live` step. The page documents no body (the call reuses the publish call's notification
    list); the same optional body as publish is accepted.

    Args:
        publisher_id (str):
        offer_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.
        body (NotificationRequest | Unset): The body of publish, go live and cancel. Example:
            {'metadata': {'notification-emails': 'jondoe@contoso.com'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            publisher_id=publisher_id,
            offer_id=offer_id,
            client=client,
            body=body,
            api_version=api_version,
        )
    ).parsed
