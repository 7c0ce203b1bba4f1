"""Fixtures for the mock's behaviour tests.

Every response the mock sends through `client` or `async_client` is checked against the spec with
openapi-core (status documented, headers, body schema); a violation fails the test at the call that got it.
Requests outside the spec must get the mock's own documented answers: 404 with the error body for an unknown
path, 405 with the spec's methods in `Allow` for an undeclared method.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.validation.response.exceptions import MissingData
from starlette.testclient import TestClient
from werkzeug.datastructures import Headers, ImmutableMultiDict

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.state.seed import SEED_PAGE_OPERATION_ID
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation import spec
from support.logs import LogCapture, captured_logs
from support.openapi_core_oracle import SpecRequest, openapi_of
from support.seed import CONTOSO_TOKEN
from support.served_calls import API_VERSION


@dataclass
class _SpecResponse:
    status_code: int
    headers: Headers
    data: bytes
    content_type: str


class ResponseChecker:
    """What is wrong with a response according to one of the mock's descriptions (empty when fine), read with
    openapi-core apart from the mock's own copy, plus the two rules of its extensions that OpenAPI cannot state
    (the contract runs check them with tools/contract_checks.py): a response marked `x-body-optional` may have
    no body at all; one marked `x-location-headers` must carry one of the named headers."""

    def __init__(self, rules: str) -> None:
        self.description = spec.description(rules)
        self.openapi = openapi_of(self.description)

    def documented(self, response: httpx.Response) -> dict[str, Any]:
        """The description's response object for the response's request and status ({} when none)."""
        request = response.request
        for facts in self.description.operations:
            if facts.method == request.method and _matches(facts.path, request.url.path):
                responses = self.description.document["paths"][facts.path][facts.method.lower()]["responses"]
                found: dict[str, Any] = self.description.resolve(responses.get(str(response.status_code), {}))
                return found
        return {}

    def problems(self, response: httpx.Response) -> list[str]:
        request = response.request
        if request.url.path == "/openapi.json":
            expected = 200 if request.method in ("GET", "HEAD") else 405
            return (
                [] if response.status_code == expected else [f"{request.method} /openapi.json: {response.status_code}"]
            )
        spec_request = SpecRequest(
            host_url=f"{request.url.scheme}://{request.url.netloc.decode()}",
            path=request.url.path,
            method=request.method.lower(),
            parameters=RequestParameters(
                query=ImmutableMultiDict(request.url.params.multi_items()),
                header=Headers(request.headers.multi_items()),
            ),
            body=None,
            content_type=request.headers.get("content-type", ""),
        )
        spec_response = _SpecResponse(
            status_code=response.status_code,
            headers=Headers(response.headers.multi_items()),
            data=response.content,
            content_type=response.headers.get("content-type", ""),
        )
        documented = self.documented(response)
        problems: list[str] = []
        try:
            errors = list(self.openapi.iter_response_errors(spec_request, spec_response))
        except Exception as exc:
            errors = [exc]
        for error in errors:
            if isinstance(error, PathNotFound):
                if response.status_code != 404 or not _is_error_body(response):
                    problems.append(f"unknown path answered {response.status_code}, not 404 with an error body")
            elif isinstance(error, OperationNotFound):
                declared = {f.method for f in self.description.operations if _matches(f.path, request.url.path)}
                allow = {m.strip() for m in response.headers.get("allow", "").split(",") if m.strip()}
                if response.status_code != 405 or allow != declared:
                    problems.append(
                        f"undeclared method answered {response.status_code} with Allow {allow}, not 405 {declared}"
                    )
                if request.method != "HEAD" and not _is_error_body(response):
                    problems.append("405 without the error body")
            elif isinstance(error, MissingData) and not response.content and documented.get("x-body-optional"):
                continue
            else:
                problems.append(f"{type(error).__name__}: {error} {error.__cause__ or ''}".strip())
        names = documented.get("x-location-headers", [])
        if names and not any(response.headers.get(name) for name in names):
            problems.append(f"{response.status_code} without any of {', '.join(names)} (x-location-headers)")
        if response.status_code == 401 and not response.headers.get("www-authenticate", "").startswith("Bearer"):
            problems.append("401 without WWW-Authenticate: Bearer")
        return problems


def _is_error_body(response: httpx.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    error = body.get("error") if isinstance(body, dict) else None
    return isinstance(error, dict) and isinstance(error.get("code"), str) and isinstance(error.get("message"), str)


def _matches(template: str, path: str) -> bool:
    parts, wanted = template.strip("/").split("/"), path.strip("/").split("/")
    return len(parts) == len(wanted) and all(p.startswith("{") or p == w for p, w in zip(parts, wanted, strict=True))


@functools.cache
def checker_for(rules: str) -> ResponseChecker:
    """One checker per description, read once."""
    return ResponseChecker(rules)


@pytest.fixture(scope="session")
def response_checker() -> ResponseChecker:
    """Checks responses against the mock rules' description."""
    return checker_for(spec.MOCK_RULES)


@pytest.fixture(scope="session")
def spec_problems(response_checker: ResponseChecker) -> Any:
    """`spec_problems(response)`: what is wrong with a response according to the spec (empty when fine)."""
    return response_checker.problems


@pytest.fixture(scope="session")
def problems_under() -> Any:
    """`problems_under(rules)(response)`: like `spec_problems`, against the description of other rules."""
    return lambda rules: checker_for(rules).problems


def _fail_on_violation(checker: ResponseChecker, response: httpx.Response) -> None:
    problems = checker.problems(response)
    if problems:
        pytest.fail(
            f"{response.request.method} {response.request.url} → {response.status_code} breaks the spec:\n  "
            + "\n  ".join(problems)
            + f"\n  body: {response.text[:500]}"
        )


@pytest.fixture
def logs() -> Iterator[LogCapture]:
    """Records everything uvicorn and the mock log, down to DEBUG, while the test runs."""
    with captured_logs() as capture:
        yield capture


@pytest.fixture
def config() -> MockConfig:
    """The documented mock with a frozen clock; override in a test module for other settings."""
    return MockConfig(clock=Clock.frozen())


@pytest.fixture
def mock(config: MockConfig) -> InProcessMock:
    return InProcessMock(config)


@pytest.fixture
def clock(mock: InProcessMock) -> Clock:
    return mock.clock


@pytest.fixture
def service(mock: InProcessMock) -> Any:
    return mock.service


@pytest.fixture
def client(mock: InProcessMock) -> Iterator[TestClient]:
    """A client without credentials whose every response is checked against the description of the mock's rules."""
    checker = checker_for(mock.config.rules)

    def check(response: httpx.Response) -> None:
        response.read()
        _fail_on_violation(checker, response)

    with mock.client(token=None) as test_client:
        test_client.event_hooks = {"request": [], "response": [check]}
        yield test_client


@pytest.fixture
async def async_client(mock: InProcessMock, response_checker: ResponseChecker) -> AsyncIterator[httpx.AsyncClient]:
    """An async client over `httpx.ASGITransport`, every response checked against the spec."""

    async def check(response: httpx.Response) -> None:
        await response.aread()
        _fail_on_violation(response_checker, response)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=mock.app), base_url="http://testserver", event_hooks={"response": [check]}
    ) as async_client:
        yield async_client


def bearer(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token is not None else {}


class Api:
    """The documented calls, by offer, with the contoso token unless told otherwise."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def url(self, offer: str, action: str, publisher: str = "contoso") -> str:
        return f"/api/publishers/{publisher}/offers/{offer}/{action}"

    def call(
        self,
        method: str,
        offer: str,
        action: str,
        *,
        publisher: str = "contoso",
        token: str | None = CONTOSO_TOKEN,
        params: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        query = {"api-version": API_VERSION, **(params or {})}
        headers = {**bearer(token), **kwargs.pop("headers", {})}
        return self.client.request(method, self.url(offer, action, publisher), params=query, headers=headers, **kwargs)

    @staticmethod
    def _body(emails: str | None) -> dict[str, Any]:
        return {"json": {"metadata": {"notification-emails": emails}}} if emails is not None else {}

    def publish(self, offer: str, *, emails: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.call("POST", offer, "publish", **self._body(emails), **kwargs)

    def go_live(self, offer: str, *, emails: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.call("POST", offer, "golive", **self._body(emails), **kwargs)

    def cancel(self, offer: str, *, emails: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.call("POST", offer, "cancel", **self._body(emails), **kwargs)

    def status(self, offer: str, **kwargs: Any) -> httpx.Response:
        return self.call("GET", offer, "status", **kwargs)

    def submissions(self, offer: str, status: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.call("GET", offer, "submissions/", params={"status": status} if status else None, **kwargs)

    def operation(self, offer: str, operation_id: str, **kwargs: Any) -> httpx.Response:
        return self.call("GET", offer, f"operations/{operation_id}", **kwargs)

    def follow(self, response: httpx.Response, token: str = CONTOSO_TOKEN) -> httpx.Response:
        """GET the operation an accepted call's location header names (adding the api-version that the absolute
        form of the seed page leaves out)."""
        location = location_of(response)
        params = None if "api-version=" in location else {"api-version": API_VERSION}
        return self.client.get(location, params=params, headers=bearer(token))

    @staticmethod
    def operation_id(response: httpx.Response) -> str:
        """The identifier of the operation an accepted call names (default flavor: `.../operations/{id}`)."""
        return operation_id(response)

    def offer_status(self, offer: str, **kwargs: Any) -> str:
        status: str = self.status(offer, **kwargs).json()["status"]
        return status

    def operation_status(self, offer: str, operation_id: str, **kwargs: Any) -> str:
        status: str = self.operation(offer, operation_id, **kwargs).json()["status"]
        return status


def location_of(response: httpx.Response) -> str:
    """The location an accepted call names: `Operation-Location`, else `Location` (the pages use either)."""
    location = response.headers.get("Operation-Location") or response.headers.get("Location")
    assert location, f"{response.status_code} names no operation: {dict(response.headers)}"
    return location


def operation_id(response: httpx.Response) -> str:
    """The identifier of the operation an accepted call names in the `.../operations/{id}` form (the default)."""
    path = urlsplit(location_of(response)).path
    prefix, _, identifier = path.rpartition("/operations/")
    assert prefix.startswith("/api/publishers/"), f"not the .../operations/{{id}} form: {path}"
    return identifier


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture
def steps(config: MockConfig) -> Any:
    """Seconds per step id of new operations (`steps["displaycertify"]`)."""
    return config.step_seconds


SEED_PAGE_LEGACY_OPERATION_ID = "contoso$contoso-virtualmachineoffer$1$staging"
"""The seed page's operation at the legacy status URL (`locations.py`: the offer's first operation, in staging)."""
SEED_PAGE_VALUES = {
    "publisherId": "contoso",
    "offerId": "contoso-virtualmachineoffer",
    "operationId": SEED_PAGE_OPERATION_ID,
    "legacyOperationId": SEED_PAGE_LEGACY_OPERATION_ID,
    "version": "1",
    "slotId": "Draft",
}


def _seed_page_url(template: str, **values: str) -> str:
    return template.format(**{**SEED_PAGE_VALUES, **values}) + f"?api-version={API_VERSION}"


@pytest.fixture(scope="session")
def seed_page_url() -> Any:
    """`seed_page_url(template, **values)`: a spec path filled with the seed page's values, with api-version."""
    return _seed_page_url


@pytest.fixture(params=spec.operations(), ids=lambda facts: facts.operation_id)
def spec_operation(request: pytest.FixtureRequest) -> spec.OperationFacts:
    """Each operation of the spec in turn."""
    facts: spec.OperationFacts = request.param
    return facts
