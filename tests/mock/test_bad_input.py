"""A client's mistake gets a documented 4xx that names what was wrong, never a 5xx, and changes no state."""

from __future__ import annotations

import pytest

from cloud_partner_portal_mock.validation import spec

CANCEL = "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel"
AUTH = {"Authorization": "Bearer contoso-token"}


def test_unsupported_api_version_is_400_naming_it(api):
    response = api.cancel("contoso-virtualmachineoffer", params={"api-version": "2016-08-01-preview"})

    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "InvalidAPIVersion",
        "message": "api-version: '2016-08-01-preview' is not supported; use 2017-10-31.",
    }


def test_missing_api_version_is_400(client, spec_operation, seed_page_url):
    url = seed_page_url(spec_operation.path).split("?")[0]

    response = client.request(spec_operation.method, url, headers=AUTH)

    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "InvalidAPIVersion",
        "message": "api-version is required; use 2017-10-31.",
    }


def test_unknown_query_parameter_is_400_naming_it(client, spec_operation, seed_page_url):
    response = client.request(spec_operation.method, seed_page_url(spec_operation.path) + "&verbose=1", headers=AUTH)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "UnknownParameter"
    assert "'verbose'" in error["message"]
    assert spec_operation.operation_id in error["message"]


def test_repeated_query_parameter_is_400(client):
    response = client.post(f"{CANCEL}?api-version=2017-10-31&api-version=2017-10-31", headers=AUTH)

    assert response.status_code == 400
    assert "api-version is given 2 times" in response.json()["error"]["message"]


def test_invalid_status_filter_is_400_naming_the_parameter(api):
    response = api.submissions("contoso-virtualmachineoffer", status="sleeping")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "InvalidParameter"
    assert "status" in error["message"]
    assert "'sleeping'" in error["message"]


@pytest.mark.parametrize("publisher", ["con toso", "-contoso", "contoso%0A", "c" * 51])
def test_invalid_publisher_id_is_400(client, publisher):
    response = client.post(
        f"/api/publishers/{publisher}/offers/contoso-draftoffer/publish?api-version=2017-10-31", headers=AUTH
    )

    assert response.status_code == 400
    assert "publisherId" in response.json()["error"]["message"]


def test_non_json_content_type_is_415(client):
    response = client.post(
        f"{CANCEL}?api-version=2017-10-31", content=b"metadata=x", headers={**AUTH, "Content-Type": "text/plain"}
    )

    assert response.status_code == 415
    assert response.json()["error"] == {
        "code": "UnsupportedMediaType",
        "message": "Content-Type 'text/plain' is not supported; send application/json.",
    }


def test_body_without_content_type_is_415(client):
    response = client.post(f"{CANCEL}?api-version=2017-10-31", content=b"{}", headers=AUTH)

    assert response.status_code == 415


def test_json_content_type_with_charset_is_accepted(client):
    body = b'{"metadata": {"notification-emails": "jdoe@contoso.com"}}'
    headers = {**AUTH, "Content-Type": "application/json; charset=utf-8"}

    response = client.post(f"{CANCEL}?api-version=2017-10-31", content=body, headers=headers)

    assert response.status_code == 202


def test_empty_body_with_json_content_type_is_no_body(client):
    response = client.post(f"{CANCEL}?api-version=2017-10-31", headers={**AUTH, "Content-Type": "application/json"})

    assert response.status_code == 202


def test_body_over_64_kib_is_413_by_content_length(client):
    body = b'{"metadata": {"notification-emails": "' + b"a" * 70_000 + b'"}}'

    response = client.post(
        f"{CANCEL}?api-version=2017-10-31", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert response.json()["error"] == {
        "code": "PayloadTooLarge",
        "message": f"The request body is {len(body)} bytes; at most 65536 are accepted.",
    }


def test_body_over_64_kib_without_content_length_is_413_after_bounded_read(client):
    def chunks():
        for _ in range(100):
            yield b"a" * 1024

    response = client.post(
        f"{CANCEL}?api-version=2017-10-31", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert "more than 65536 bytes" in response.json()["error"]["message"]


def test_body_of_exactly_64_kib_is_read(client):
    body = b" " * (65536 - 2) + b"{}"

    response = client.post(
        f"{CANCEL}?api-version=2017-10-31", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "InvalidRequestBody"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\x80", "request body: byte 0 (0x80) is not valid UTF-8."),
        (
            b'{"metadata": {"notification-emails": "j\xffdoe@contoso.com"}}',
            "request body: byte 39 (0xff) is not valid UTF-8.",
        ),
        (
            b"{bad",
            "request body is not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2).",
        ),
        (b"NaN", "request body is not valid JSON: NaN is not a JSON value."),
        (b"[" * 60_000, "request body is nested too deeply."),
    ],
)
def test_undecodable_or_malformed_body_is_400_saying_why(client, body, message):
    response = client.post(
        f"{CANCEL}?api-version=2017-10-31", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"] == {"code": "InvalidRequestBody", "message": message}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "'metadata' is a required property"),
        ({"metadata": {}}, "at metadata: 'notification-emails' is a required property"),
        ({"metadata": {"notification-emails": "jdoe@contoso.com"}, "operationId": "x"}, "'operationId' was unexpected"),
        ([], "is not of type 'object'"),
    ],
)
def test_body_not_matching_the_schema_is_400_naming_the_field(api, body, fragment):
    response = api.cancel("contoso-virtualmachineoffer", json=body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "InvalidRequestBody"
    assert fragment in error["message"]


def test_unknown_path_is_404_with_error_body(client):
    response = client.get("/api/publishers/contoso/offers", headers=AUTH)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NotFound"


def test_path_without_the_documented_trailing_slash_is_404(client):
    response = client.get(
        "/api/publishers/contoso/offers/contoso-draftoffer/submissions?api-version=2017-10-31", headers=AUTH
    )

    assert response.status_code == 404


UNDECLARED = [
    (path, method)
    for path, declared in sorted(spec.methods_by_path().items())
    for method in ("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")
    if method not in declared
]


@pytest.mark.parametrize(("path", "method"), UNDECLARED)
def test_undeclared_method_is_405_with_allow_from_the_spec(client, seed_page_url, path, method):
    response = client.request(method, seed_page_url(path), headers=AUTH)

    assert response.status_code == 405
    assert response.headers["Allow"] == ", ".join(sorted(spec.methods_by_path()[path]))


def test_405_comes_before_authentication(client):
    response = client.get(f"{CANCEL}?api-version=2017-10-31")

    assert response.status_code == 405


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"params": {"api-version": "2016-08-01-preview"}},
        {"params": {"extra": "1"}},
        {"json": {"metadata": {"notification-emails": "bob@"}}},
        {"content": b"\x80", "headers": {"Content-Type": "application/json"}},
        {"content": b"x" * 70_000, "headers": {"Content-Type": "application/json"}},
        {"content": b"x", "headers": {"Content-Type": "text/plain"}},
        {"token": None},
        {"token": "fabrikam-token"},
    ],
    ids=[
        "api-version",
        "unknown-query",
        "bad-address",
        "not-utf8",
        "too-large",
        "not-json",
        "no-token",
        "foreign-token",
    ],
)
def test_failed_request_changes_no_state(api, service, request_kwargs):
    before = api.submissions("contoso-virtualmachineoffer").json()

    response = api.cancel("contoso-virtualmachineoffer", **request_kwargs)

    assert 400 <= response.status_code < 500
    assert api.submissions("contoso-virtualmachineoffer").json() == before
    assert service.outbox == []
