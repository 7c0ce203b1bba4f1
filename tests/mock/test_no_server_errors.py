"""Whatever a request's bytes, the mock answers below 500 with a body that is UTF-8 JSON.

Requests go straight into the ASGI app (no socket, no HTTP client that would refuse or repair them), shaped the
way uvicorn hands them over: the path percent-decoded with replacement characters, the query string and the
headers as raw bytes. Hypothesis draws, for every operation of the spec and for paths and methods outside it:
JSON bodies whose strings may hold lone surrogates (sent as `\\ud800` escapes, the only way a request can carry
one), arbitrary bytes, odd content types, and path and query values of any text.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.faults.catalog import HEADER as FAULT_HEADER
from cloud_partner_portal_mock.state.seed import SEED_PAGE_OPERATION_ID
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation import spec

OPERATIONS = spec.operations()
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
"""Any code points, lone surrogates included."""
SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)
PUBLISHERS = st.sampled_from(["fabrikam", "northwind"]) | ANY_TEXT
OFFERS = st.sampled_from(
    ["contoso-virtualmachineoffer", "contoso-draftoffer", "contoso-previewoffer", "contoso-goingliveoffer"]
)
CONTENT_TYPES = st.sampled_from(
    [
        None,
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON;charset=latin-1",
        "application/json; charset=utf-16",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        ";",
        "application/json\x00",
    ]
) | st.binary(max_size=30).map(lambda b: b.decode("latin-1"))
TOKENS = st.sampled_from(["Bearer contoso-token", "Bearer fabrikam-token", None, "Bearer ", "Basic x"]) | st.binary(
    max_size=40
).map(lambda b: b.decode("latin-1"))
STATUSES = st.none() | st.sampled_from(["running", "completed", "canceled"]) | ANY_TEXT
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(ANY_TEXT, children, max_size=4),
    max_leaves=12,
)


def _json_bytes(value: Any) -> bytes:
    # ensure_ascii: a lone surrogate travels as its `\ud800` escape, as a client's JSON encoder would send it.
    return json.dumps(value, ensure_ascii=True).encode("ascii")


EMAILS = ANY_TEXT | st.builds(lambda a, s, b: f"{a}{s}{b}@contoso.com", ANY_TEXT, SURROGATES, ANY_TEXT)
NOTIFICATION_BODIES = st.builds(lambda emails: _json_bytes({"metadata": {"notification-emails": emails}}), EMAILS)
BODIES = st.one_of(
    st.none(), NOTIFICATION_BODIES, NOTIFICATION_BODIES, JSON_VALUES.map(_json_bytes), st.binary(max_size=200)
)


@dataclass
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


def _segment(text: str) -> str:
    """`text` as one path segment on the wire (percent-encoded UTF-8, surrogates passed through as bytes)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


async def _call(app: Any, method: str, raw_path: str, query: bytes, headers: list[tuple[bytes, bytes]], body: bytes):
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path),  # what uvicorn does: invalid UTF-8 becomes U+FFFD
        "raw_path": raw_path.encode("ascii"),
        "query_string": query,
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8080),
    }
    chunks: Iterator[dict[str, Any]] = iter([{"type": "http.request", "body": body, "more_body": False}])
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(chunks, {"type": "http.disconnect"})

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = sent[0]
    return Answer(start["status"], list(start.get("headers", [])), b"".join(m.get("body", b"") for m in sent[1:]))


@pytest.fixture(scope="module")
def mock() -> InProcessMock:
    return InProcessMock(MockConfig(clock=Clock.frozen()))


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


HOSTILE_PARTS = (None, None, "publisherId", "offerId", "operationId", "path", "method", "api-version", "query", "token")
"""Which part of a request is drawn from hostile values (the body always is, and so are extra headers): one at a
time, so that most requests get deep into the pipeline (a body is only decoded and validated once the path,
token and query are good)."""


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, str, bytes, list[tuple[bytes, bytes]], bytes]:
    facts = draw(st.sampled_from(OPERATIONS))
    hostile = draw(st.sampled_from(HOSTILE_PARTS))

    def part(name: str, valid: Any, values: st.SearchStrategy[Any]) -> Any:
        return draw(values) if hostile == name else valid

    values = {
        "publisherId": part("publisherId", "contoso", PUBLISHERS),
        "offerId": draw(OFFERS) if hostile != "offerId" else draw(ANY_TEXT),
        "operationId": part("operationId", SEED_PAGE_OPERATION_ID, ANY_TEXT),
    }
    path = facts.path
    for name, value in values.items():
        path = path.replace("{" + name + "}", _segment(value))
    path += part("path", "", st.sampled_from(["/", "/x", "%00", "%0A", "%ff%fe", "/..", "%2F"]))
    method = part("method", facts.method, st.sampled_from(["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]))
    query_values = {
        "api-version": part("api-version", "2017-10-31", ANY_TEXT),
        "status": draw(STATUSES) if "status" in facts.query_parameters else part("query", None, STATUSES),
    }
    query = "&".join(f"{k}={_segment(v)}" for k, v in query_values.items() if v is not None).encode("ascii")
    query += part("query", b"", st.binary(max_size=30))
    headers: list[tuple[bytes, bytes]] = []
    if (token := part("token", "Bearer contoso-token", TOKENS)) is not None:
        headers.append((b"authorization", token.encode("latin-1")))
    body = draw(BODIES)
    if (content_type := draw(st.just("application/json") | CONTENT_TYPES)) is not None:
        headers.append((b"content-type", content_type.encode("latin-1")))
    if body is not None and draw(st.booleans()):
        headers.append((b"content-length", str(len(body)).encode()))
    extra_name = draw(st.from_regex(rb"\A[a-z0-9-]{1,12}\Z").filter(lambda n: n.decode() != FAULT_HEADER.lower()))
    headers.append((extra_name, draw(st.binary(max_size=30))))
    return method, path, query, headers, body or b""


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sent=requests(), seconds=st.sampled_from([0, 0, 5, 60, 86_400]))
def test_no_request_gets_a_5xx_or_a_body_that_is_not_utf8_json(mock, loop, sent, seconds):
    method, path, query, headers, body = sent
    mock.clock.advance(seconds)  # operations move on between requests: cancels meet every step

    answer = loop.run_until_complete(_call(mock.app, method, path, query, headers, body))

    assert answer.status < 500, answer.body
    if answer.status in (200, 202) and method == "POST":
        # Publish, go live and cancel answer as the pages show, with a location header and no body.
        assert answer.body == b"", answer.body
        event(f"{answer.status}")
    elif method != "HEAD":
        value = json.loads(answer.body.decode("utf-8"))  # strict UTF-8 and JSON, or the test fails here
        error = value.get("error") if isinstance(value, dict) else None
        # How deep the requests get, shown by `pytest --hypothesis-show-statistics`.
        event(f"{answer.status} {error['code'] if error else ''}")


@pytest.mark.parametrize(
    ("offer", "action"),
    [
        ("contoso-draftoffer", "publish"),
        ("contoso-virtualmachineoffer", "cancel"),
        ("contoso-previewoffer", "golive"),
    ],
)
def test_lone_surrogate_in_notification_emails_is_400_naming_it_escaped(mock, loop, offer, action):
    body = b'{"metadata":{"notification-emails":"a\\ud800@b.cd"}}'
    headers = [(b"authorization", b"Bearer contoso-token"), (b"content-type", b"application/json")]

    answer = loop.run_until_complete(
        _call(
            mock.app,
            "POST",
            f"/api/publishers/contoso/offers/{offer}/{action}",
            b"api-version=2017-10-31",
            headers,
            body,
        )
    )

    assert answer.status == 400
    error = json.loads(answer.body.decode("utf-8"))["error"]
    assert error["code"] == "InvalidNotificationEmails"
    assert "'a\\ud800@b.cd' is not an e-mail address" in error["message"]
