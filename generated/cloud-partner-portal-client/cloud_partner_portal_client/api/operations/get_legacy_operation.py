from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.operation_detail import OperationDetail
from ...types import UNSET, Response, parse_documented_body


def _get_kwargs(
    legacy_operation_id: str,
    *,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["api-version"] = api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/operations/{legacy_operation_id}".format(
            legacy_operation_id=quote(str(legacy_operation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OperationDetail | None:
    if response.status_code == 200:

        def _parse_response_200(data: Any) -> OperationDetail:
            response_200 = OperationDetail.from_dict(data)

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
) -> Response[ErrorResponse | OperationDetail]:
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
    legacy_operation_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | OperationDetail]:
    """Get an operation at the status URL of an offer not migrated

     The operation-status URL that publish, go live and cancel name for offers not migrated to Partner
    Center
    (`/api/operations/{publisherId}${offerId}${publishingVersion}${slot}?api-version=2017-10-31`, for
    example
    `/api/operations/contoso$contoso-offer$2$preview`). The pages give this URL only as a header value,
    "to
    query for the operation's current status", and show no answer. That it answers 200 with the
    operation,
    in the shape of `getOperation`, is an inference (a third-party client reads it so); so are the error
    statuses, taken from the other calls.

    Args:
        legacy_operation_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OperationDetail]
    """

    kwargs = _get_kwargs(
        legacy_operation_id=legacy_operation_id,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    legacy_operation_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | OperationDetail | None:
    """Get an operation at the status URL of an offer not migrated

     The operation-status URL that publish, go live and cancel name for offers not migrated to Partner
    Center
    (`/api/operations/{publisherId}${offerId}${publishingVersion}${slot}?api-version=2017-10-31`, for
    example
    `/api/operations/contoso$contoso-offer$2$preview`). The pages give this URL only as a header value,
    "to
    query for the operation's current status", and show no answer. That it answers 200 with the
    operation,
    in the shape of `getOperation`, is an inference (a third-party client reads it so); so are the error
    statuses, taken from the other calls.

    Args:
        legacy_operation_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OperationDetail
    """

    return sync_detailed(
        legacy_operation_id=legacy_operation_id,
        client=client,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    legacy_operation_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> Response[ErrorResponse | OperationDetail]:
    """Get an operation at the status URL of an offer not migrated

     The operation-status URL that publish, go live and cancel name for offers not migrated to Partner
    Center
    (`/api/operations/{publisherId}${offerId}${publishingVersion}${slot}?api-version=2017-10-31`, for
    example
    `/api/operations/contoso$contoso-offer$2$preview`). The pages give this URL only as a header value,
    "to
    query for the operation's current status", and show no answer. That it answers 200 with the
    operation,
    in the shape of `getOperation`, is an inference (a third-party client reads it so); so are the error
    statuses, taken from the other calls.

    Args:
        legacy_operation_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OperationDetail]
    """

    kwargs = _get_kwargs(
        legacy_operation_id=legacy_operation_id,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    legacy_operation_id: str,
    *,
    client: AuthenticatedClient,
    api_version: Literal["2017-10-31"] = "2017-10-31",
) -> ErrorResponse | OperationDetail | None:
    """Get an operation at the status URL of an offer not migrated

     The operation-status URL that publish, go live and cancel name for offers not migrated to Partner
    Center
    (`/api/operations/{publisherId}${offerId}${publishingVersion}${slot}?api-version=2017-10-31`, for
    example
    `/api/operations/contoso$contoso-offer$2$preview`). The pages give this URL only as a header value,
    "to
    query for the operation's current status", and show no answer. That it answers 200 with the
    operation,
    in the shape of `getOperation`, is an inference (a third-party client reads it so); so are the error
    statuses, taken from the other calls.

    Args:
        legacy_operation_id (str):
        api_version (Literal['2017-10-31']):  Default: '2017-10-31'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OperationDetail
    """

    return (
        await asyncio_detailed(
            legacy_operation_id=legacy_operation_id,
            client=client,
            api_version=api_version,
        )
    ).parsed
