"""The generated client and `cloud_partner_portal`'s errors against every answer the pages document.

A documented answer is never an exception of the generated functions: the status and headers come back as
sent, the body parsed when it is the documented one and None otherwise. `ApiError` then reads the status, and
the code and message when the body has them, in one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import pytest
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import get_offer_status, go_live_offer, publish_offer
from cloud_partner_portal_client.api.operations import (
    cancel_operation,
    get_legacy_operation,
    get_operation,
    list_operations,
)
from cloud_partner_portal_client.errors import UnexpectedStatus
from cloud_partner_portal_client.models import ErrorResponse, OperationDetail
from cloud_partner_portal_client.types import Response

from cloud_partner_portal import ApiError
from cloud_partner_portal.errors import unexpected_status_as_api_error
from support.documented import (
    ACCEPTED_FORMS,
    CANCELLED_AT_ONCE,
    DOCUMENTED_JSON_ERROR,
    ERROR_CASES,
    FORBIDDEN_HTML_403,
    GATEWAY_HTML_503,
    GATEWAY_TEXT_502,
    NOT_FOUND_EMPTY,
    OFFER,
    OPERATION_ID,
    PUBLISHER,
    UNAUTHORIZED_EMPTY,
    Accepted,
    DocumentedAnswer,
    DocumentedService,
    ErrorCase,
    operation,
)

Call = Callable[[AuthenticatedClient], Response[Any]]
START_CALLS: dict[str, Call] = {
    "publishOffer": lambda client: publish_offer.sync_detailed(PUBLISHER, OFFER, client=client),
    "goLiveOffer": lambda client: go_live_offer.sync_detailed(PUBLISHER, OFFER, client=client),
    "cancelOperation": lambda client: cancel_operation.sync_detailed(PUBLISHER, OFFER, client=client),
}
READ_CALLS: dict[str, Call] = {
    "getOperation": lambda client: get_operation.sync_detailed(PUBLISHER, OFFER, OPERATION_ID, client=client),
    "getLegacyOperation": lambda client: get_legacy_operation.sync_detailed(
        f"{PUBLISHER}${OFFER}$2$preview", client=client
    ),
    "getOfferStatus": lambda client: get_offer_status.sync_detailed(PUBLISHER, OFFER, client=client),
    "listOperations": lambda client: list_operations.sync_detailed(PUBLISHER, OFFER, client=client),
}
# Statuses each call documents with the API's error body (the others are undocumented: parsed as None).
DOCUMENTED_ERRORS = {400, 401, 403, 404}


def answering(answer: DocumentedAnswer, *, strict: bool = False) -> AuthenticatedClient:
    return DocumentedService(every=answer).client(raise_on_unexpected_status=strict)


@pytest.mark.parametrize("call", sorted(START_CALLS))
@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
def test_every_202_form_comes_back_with_its_headers_and_nothing_parsed(form: Accepted, call: str) -> None:
    response = START_CALLS[call](answering(form.answer, strict=True))

    assert response.status_code == HTTPStatus.ACCEPTED
    assert response.parsed is None
    for name, value in form.answer.headers.items():
        assert response.headers[name] == value
    assert response.content == form.answer.content


@pytest.mark.anyio
@pytest.mark.parametrize("form", ACCEPTED_FORMS, ids=str)
async def test_every_202_form_comes_back_the_same_through_the_async_functions(form: Accepted) -> None:
    async with answering(form.answer, strict=True) as client:
        response = await publish_offer.asyncio_detailed(PUBLISHER, OFFER, client=client)

    assert (response.status_code, response.parsed) == (HTTPStatus.ACCEPTED, None)
    assert [response.headers[name] for name in form.answer.headers] == list(form.answer.headers.values())


def test_cancel_200_with_nothing_is_a_plain_ok() -> None:
    response = cancel_operation.sync_detailed(PUBLISHER, OFFER, client=answering(CANCELLED_AT_ONCE, strict=True))

    assert (response.status_code, response.content, response.parsed) == (HTTPStatus.OK, b"", None)


@pytest.mark.parametrize("call", sorted({**START_CALLS, **READ_CALLS}))
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_error_form_is_returned_never_raised(case: ErrorCase, call: str) -> None:
    response = {**START_CALLS, **READ_CALLS}[call](answering(case.answer))

    assert response.status_code == case.status
    if case is DOCUMENTED_JSON_ERROR:
        assert isinstance(response.parsed, ErrorResponse)
    else:
        assert response.parsed is None


def api_error_of(call: str, case: ErrorCase) -> ApiError:
    """The ApiError a caller makes of the answer, as `cloud_partner_portal` does: from the response, or from the
    UnexpectedStatus a strict client raises for a status the call does not document."""
    strict = case.status not in DOCUMENTED_ERRORS
    try:
        with unexpected_status_as_api_error(call):
            response = {**START_CALLS, **READ_CALLS}[call](answering(case.answer, strict=strict))
    except ApiError as error:
        return error
    return ApiError.from_response(response, call=call)


@pytest.mark.parametrize("call", sorted({**START_CALLS, **READ_CALLS}))
@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_api_error_reads_status_code_and_message_of_every_error_form_in_one_line(case: ErrorCase, call: str) -> None:
    error = api_error_of(call, case)

    assert (error.status_code, error.code, error.message, error.call) == (case.status, case.code, case.message, call)
    assert str(error).startswith(f"{call} answered HTTP {case.status} ")
    assert "\n" not in str(error)
    assert "<" not in str(error)  # an HTML page is named by its title, never quoted


@pytest.mark.parametrize(
    ("case", "said"),
    [
        (DOCUMENTED_JSON_ERROR, f"HTTP 400 InvalidAPIVersion: {DOCUMENTED_JSON_ERROR.message}"),
        (NOT_FOUND_EMPTY, "HTTP 404 Not Found (no body)"),
        (UNAUTHORIZED_EMPTY, "HTTP 401 Unauthorized (no body)"),
        (GATEWAY_HTML_503, 'HTTP 503 Service Unavailable (an HTML page: "503 Service Temporarily Unavailable")'),
        (FORBIDDEN_HTML_403, 'HTTP 403 Forbidden (an HTML page: "403 - Forbidden: Access is denied.")'),
        (
            GATEWAY_TEXT_502,
            "HTTP 502 Bad Gateway: upstream connect error or disconnect/reset before headers. reset reason: "
            "connection termination",
        ),
    ],
    ids=str,
)
def test_api_error_says_what_the_answer_was(case: ErrorCase, said: str) -> None:
    assert str(ApiError(case.status, case.answer.content)) == said


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        (b'{"error": {"code": "OfferNotFound"}}', "OfferNotFound", None),
        (b'{"error": {"message": "No such offer."}}', None, "No such offer."),
        (b'{"error": {"code": 404, "message": ["x"]}}', None, None),
        (b'{"error": "OfferNotFound"}', None, None),
        (b'{"message": "No such offer."}', None, None),
        (b"[1, 2]", None, None),
        (b"\xff\xfe not utf-8", None, None),
        (b"[" * 100_000, None, None),
    ],
    ids=["code-only", "message-only", "not-strings", "error-a-string", "other-shape", "array", "bytes", "deep"],
)
def test_an_error_body_of_another_shape_gives_what_it_has_and_never_raises(
    body: bytes, code: str | None, message: str | None
) -> None:
    error = ApiError(404, body, call="getOperation")

    assert (error.code, error.message) == (code, message)
    assert str(error).startswith("getOperation answered HTTP 404")
    assert "\n" not in str(error)


def test_a_status_that_is_not_a_registered_http_status_is_an_api_error_too() -> None:
    case = ErrorCase(DocumentedAnswer("520-from-a-front-end", 520, content=b"Web server returned an unknown error"))

    with pytest.raises(UnexpectedStatus):
        START_CALLS["publishOffer"](answering(case.answer))
    assert (
        str(api_error_of("publishOffer", case))
        == "publishOffer answered HTTP 520: Web server returned an unknown error"
    )


@pytest.mark.parametrize(
    "answer",
    [operation(None), operation(None, {"id": "displaycertify"}), operation("running", messages=[{}]), operation("x")],
    ids=str,
)
def test_an_operation_with_any_field_left_out_is_still_an_operation(answer: DocumentedAnswer) -> None:
    response = READ_CALLS["getOperation"](answering(answer, strict=True))

    assert isinstance(response.parsed, OperationDetail)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_a_long_body_is_quoted_cut_to_one_bounded_line() -> None:
    page = ApiError(502, b"x" * 1_000_000)
    chatty = ApiError(400, json.dumps({"error": {"code": "Chatty", "message": "so\r\nmuch\t" * 100_000}}).encode())

    assert str(page) == "HTTP 502 Bad Gateway: " + "x" * 200 + "…"
    assert str(chatty).startswith("HTTP 400 Chatty: so much so much")
    assert len(str(chatty)) < 1100
    assert str(chatty).endswith("…")
    assert "\n" not in str(chatty)
    assert "\t" not in str(chatty)
