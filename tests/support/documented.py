"""The answers Microsoft's pages document, and a fake of the service that gives them: one place for the client,
poller and command-line tests.

The pages show publish, go live and cancel answering **202 with only a location header**, in three forms
(`Operation-Location` absolute without api-version, 2018; `Location` relative, 2020 migrated offers; the
operation-status URL of offers not migrated, `/api/operations/{p}${o}${n}${slot}`, in `Location` (2020) or
`Operation-Location` (2018 publish example)); the cancel page's prose says a body names the location; cancel
answers **200 with nothing** when it cancelled synchronously; errors carry `{"error": {"code", "message"}}` *or
nothing*; and front ends (gateways, load balancers) answer with HTML or plain text. Each `DocumentedAnswer` below
is one of those, named after it; `DocumentedService` serves them behind `httpx.MockTransport`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from cloud_partner_portal_client import AuthenticatedClient

BASE_URL = "https://cloudpartner.azure.com"
TOKEN = "contoso-token"
PUBLISHER = "contoso"
OFFER = "contoso-virtualmachineoffer"
OPERATION_ID = "56615b67-2185-49fe-80d2-c4ddf77bb2e8"
API_VERSION_QUERY = "api-version=2017-10-31"
OFFER_PATH = f"/api/publishers/{PUBLISHER}/offers/{OFFER}"
OPERATION_PATH = f"{OFFER_PATH}/operations/{OPERATION_ID}"
LEGACY_OPERATION_PATH = f"/api/operations/{PUBLISHER}${OFFER}$2$preview"
#: The operation's location as the 2020 pages give it (relative, with api-version) and as the 2018 pages give it
#: (absolute, without api-version).
RELATIVE_LOCATION = f"{OPERATION_PATH}?{API_VERSION_QUERY}"
ABSOLUTE_2018_LOCATION = f"{BASE_URL}{OPERATION_PATH}"
#: The URLs a poller GETs for the operation: the 2018/migrated form and the legacy form, absolute with api-version.
OPERATION_URL = f"{BASE_URL}{OPERATION_PATH}?{API_VERSION_QUERY}"
LEGACY_OPERATION_URL = f"{BASE_URL}{LEGACY_OPERATION_PATH}?{API_VERSION_QUERY}"
START_PATHS = {"publish": f"{OFFER_PATH}/publish", "go-live": f"{OFFER_PATH}/golive", "cancel": f"{OFFER_PATH}/cancel"}


@dataclass(frozen=True)
class DocumentedAnswer:
    """One answer as the service (or a front end) sends it. `name` is the pytest id."""

    name: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""

    def response(self) -> httpx.Response:
        return httpx.Response(self.status, headers=dict(self.headers), content=self.content)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Accepted:
    """A 202 of publish, go live or cancel, with the URL a client must GET for the operation it names."""

    answer: DocumentedAnswer
    polls: str
    operation_id: str | None

    def __str__(self) -> str:
        return self.answer.name


def _json(status: int, body: object, name: str, headers: Mapping[str, str] | None = None) -> DocumentedAnswer:
    content = json.dumps(body).encode("utf-8")
    return DocumentedAnswer(name, status, {"Content-Type": "application/json", **(headers or {})}, content)


# --- 202: where the operation is ----------------------------------------------------------------------------------

#: The go-live and cancel pages (2018), the seed page: absolute, no api-version, no body.
ACCEPTED_ABSOLUTE_2018 = Accepted(
    DocumentedAnswer("202-operation-location-absolute", 202, {"Operation-Location": ABSOLUTE_2018_LOCATION}),
    OPERATION_URL,
    OPERATION_ID,
)
#: The 2020 pages, an offer migrated to Partner Center: relative, with api-version, no body.
ACCEPTED_RELATIVE_2020 = Accepted(
    DocumentedAnswer("202-location-relative", 202, {"Location": RELATIVE_LOCATION}),
    OPERATION_URL,
    OPERATION_ID,
)
#: The 2020 pages, an offer not migrated: the operation-status URL (`getLegacyOperation`), no body.
ACCEPTED_LEGACY_2020 = Accepted(
    DocumentedAnswer("202-location-legacy", 202, {"Location": f"{LEGACY_OPERATION_PATH}?{API_VERSION_QUERY}"}),
    LEGACY_OPERATION_URL,
    None,
)
#: The 2018 publish page's example: the same legacy URL, in `Operation-Location`.
ACCEPTED_LEGACY_2018 = Accepted(
    DocumentedAnswer(
        "202-operation-location-legacy", 202, {"Operation-Location": f"{LEGACY_OPERATION_PATH}?{API_VERSION_QUERY}"}
    ),
    LEGACY_OPERATION_URL,
    None,
)
#: The cancel page's prose: the body names the location (no page shows the body; the bundled mock sends it).
ACCEPTED_BODY_ONLY = Accepted(
    _json(
        202,
        {"operationId": OPERATION_ID, "operationLocation": ABSOLUTE_2018_LOCATION},
        "202-body-operation-location",
    ),
    OPERATION_URL,
    OPERATION_ID,
)
#: Every documented way a 202 names its operation.
ACCEPTED_FORMS: tuple[Accepted, ...] = (
    ACCEPTED_ABSOLUTE_2018,
    ACCEPTED_RELATIVE_2020,
    ACCEPTED_LEGACY_2020,
    ACCEPTED_LEGACY_2018,
    ACCEPTED_BODY_ONLY,
)

# --- 200 from cancel ----------------------------------------------------------------------------------------------

#: The cancel page: "OK; processed, operation cancelled synchronously"; no body, no header.
CANCELLED_AT_ONCE = DocumentedAnswer("200-nothing", 200)

# --- errors --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    """An error answer and what a client can know from it: the status, and the code and message if any."""

    answer: DocumentedAnswer
    code: str | None = None
    message: str | None = None

    @property
    def status(self) -> int:
        return self.answer.status

    def __str__(self) -> str:
        return self.answer.name


_INVALID_API_VERSION = "Invalid api version. Allowed values are [2016-08-01-preview]"
#: The considerations page's example of the API's error body.
DOCUMENTED_JSON_ERROR = ErrorCase(
    _json(400, {"error": {"code": "InvalidAPIVersion", "message": _INVALID_API_VERSION}}, "400-documented-json"),
    "InvalidAPIVersion",
    _INVALID_API_VERSION,
)
NOT_FOUND_EMPTY = ErrorCase(DocumentedAnswer("404-nothing", 404))
UNAUTHORIZED_EMPTY = ErrorCase(DocumentedAnswer("401-nothing", 401))
GATEWAY_HTML_503 = ErrorCase(
    DocumentedAnswer(
        "503-html-page",
        503,
        {"Content-Type": "text/html; charset=utf-8"},
        b"<!DOCTYPE html>\n<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n"
        b"<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n"
        b"</body>\n</html>\n",
    )
)
FORBIDDEN_HTML_403 = ErrorCase(
    DocumentedAnswer(
        "403-html-page",
        403,
        {"Content-Type": "text/html"},
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\r\n<html><head>\r\n'
        b'<title>403 - Forbidden: Access is denied.</title>\r\n</head><body><div id="header"><h1>Server Error</h1>'
        b"</div><fieldset><h2>403 - Forbidden: Access is denied.</h2></fieldset></body></html>",
    )
)
GATEWAY_TEXT_502 = ErrorCase(
    DocumentedAnswer(
        "502-plain-text",
        502,
        {"Content-Type": "text/plain"},
        b"upstream connect error or disconnect/reset before headers.\nreset reason: connection termination",
    )
)
#: Every form of an error answer: the documented body, none, and a front end's page.
ERROR_CASES: tuple[ErrorCase, ...] = (
    DOCUMENTED_JSON_ERROR,
    NOT_FOUND_EMPTY,
    UNAUTHORIZED_EMPTY,
    GATEWAY_HTML_503,
    FORBIDDEN_HTML_403,
    GATEWAY_TEXT_502,
)

# --- 200 from a GET of the operation --------------------------------------------------------------------------------


def step(step_id: str, name: str, status: str, percentage: int, *errors: str) -> dict[str, Any]:
    messages = [{"messageHtml": text, "level": "error", "timestamp": "2017-03-28T19:50:39Z"} for text in errors]
    return {"id": step_id, "stepName": name, "status": status, "messages": messages, "progressPercentage": percentage}


def operation(status: object = "running", *steps: dict[str, Any], **fields: Any) -> DocumentedAnswer:
    """A GET of the operation: the given fields only (the pages require none); `status=None` leaves it out, and
    any other JSON value is sent as it is."""
    body: dict[str, Any] = {**({"status": status} if status is not None else {}), **fields}
    if steps:
        body["steps"] = list(steps)
    return _json(200, body, f"operation-{status if status is not None else 'without-status'}")


#: A publish, go live or cancel that is seen running once, then completed.
RUNNING_THEN_COMPLETED = (
    operation("running", step("displaycertify", "Certification", "inProgress", 40)),
    operation("completed", step("displaycertify", "Certification", "complete", 100)),
)


# --- the fake service ----------------------------------------------------------------------------------------------


class DocumentedService:
    """The service on `BASE_URL` as the pages document it, behind `httpx.MockTransport`.

    POST publish, golive and cancel answer `start`; a GET of either operation URL (2018/migrated or legacy)
    answers the next of `operations`, the last one repeating; `every`, when set, answers every request instead
    (an error in front of everything). Any other request fails the test. Every request is recorded.
    """

    def __init__(
        self,
        start: DocumentedAnswer | Accepted = ACCEPTED_ABSOLUTE_2018,
        operations: Sequence[DocumentedAnswer] = (),
        *,
        every: DocumentedAnswer | None = None,
    ) -> None:
        self.start = start.answer if isinstance(start, Accepted) else start
        self.operations = list(operations)
        self.every = every
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.every is not None:
            return self.every.response()
        path = request.url.path
        if request.method == "POST" and path in START_PATHS.values():
            return self.start.response()
        if request.method == "GET" and path in (OPERATION_PATH, LEGACY_OPERATION_PATH) and self.operations:
            answer = self.operations.pop(0) if len(self.operations) > 1 else self.operations[0]
            return answer.response()
        raise AssertionError(f"the documented service has no answer for {request.method} {request.url}")

    @property
    def gets(self) -> list[str]:
        """The URLs of the GETs, in order."""
        return [str(request.url) for request in self.requests if request.method == "GET"]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def client(self, base_url: str = BASE_URL, **kwargs: Any) -> AuthenticatedClient:
        """A generated client on `base_url` whose every request (sync or async) reaches this service."""
        return AuthenticatedClient(base_url=base_url, token=TOKEN, httpx_args={"transport": self.transport()}, **kwargs)


#: The virtual-machine plan keys the pages' examples show (reference §4.1), without their namespace
#: `microsoft-azure-virtualmachines.`.
VM_PLAN_KEYS = (
    "skuTitle",
    "skuSummary",
    "skuDescription",
    "hideSKUForSolutionTemplate",
    "cloudAvailability",
    "certificationsFairfax",
    "operatingSystemFamily",
    "windowsOSType",
    "operationSystem",
    "recommendedVMSizes",
    "openPorts",
    "vmImages",
)
