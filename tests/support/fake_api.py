"""Scripted fakes of the API behind `httpx.MockTransport`, and the raw answers the poller and command-line tests
script them with (the documented forms themselves are in `support.documented`).

`ScriptedServer` answers requests in order, whatever they are; `FakeApi` answers by method and path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Unpack

import httpx
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal import OperationPoller, PollOptions
from support.documented import BASE_URL, OFFER, OPERATION_ID, PUBLISHER, RELATIVE_LOCATION, TOKEN
from support.fake_time import FakeTime

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def _answer(answer: Answer, request: httpx.Request) -> httpx.Response:
    """An exception in a script is raised as the transport's; a callable answers the request."""
    if isinstance(answer, Exception):
        raise answer
    if isinstance(answer, httpx.Response):
        return answer
    return answer(request)


class ScriptedServer:
    """Answers requests in order from a script; a request past its end fails the test."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.answers:
            raise AssertionError(f"unscripted request {request.method} {request.url}")
        return _answer(self.answers.pop(0), request)

    @property
    def urls(self) -> list[str]:
        return [str(request.url) for request in self.requests]


class FakeApi:
    """Answers by method and path from per-route scripts; the last answer of a script repeats, and a request on no
    route is the API's 404."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *answers: Answer) -> FakeApi:
        self.routes[(method, path)] = list(answers)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        script = self.routes.get((request.method, request.url.path))
        if not script:
            return httpx.Response(404, json={"error": {"code": "NotFound", "message": f"no route {request.url.path}"}})
        return _answer(script.pop(0) if len(script) > 1 else script[0], request)


#: A run of publish, as `operations list` reads it.
SUBMISSION = {
    "id": OPERATION_ID,
    "offerId": OFFER,
    "publisherId": PUBLISHER,
    "submissionType": "publish",
    "submissionState": "running",
    "publishingVersion": 2,
    "slot": "staging",
    "changedTime": "2018-03-26T21:46:01.179948Z",
}


def operation_body(status: str = "running", *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An operation with every field the page's example shows (`steps` from `support.documented.step`)."""
    return {
        "status": status,
        "messages": [],
        "cancellationRequestState": "canCancel" if status == "running" else "cannotCancel",
        "steps": list(steps),
        "previewLinks": [],
        "liveLinks": [],
        **extra,
    }


def polled(status: str = "running", *steps: dict[str, Any], headers: dict[str, str] | None = None) -> httpx.Response:
    """A GET of the operation answering it."""
    return httpx.Response(200, json=operation_body(status, *steps), headers=headers)


def started(
    status: int = 202, *, headers: dict[str, str] | None = None, body_location: str | None = None
) -> httpx.Response:
    """A cancel/publish/go-live answer: the headers given and, as the pages show it, no body, unless
    `body_location` asks for the body the cancel page's prose describes."""
    if body_location is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(
        status, headers=headers, json={"operationId": OPERATION_ID, "operationLocation": body_location}
    )


def started_at(location: str = RELATIVE_LOCATION, status: int = 202) -> httpx.Response:
    """A cancel/publish/go-live answer with only `Operation-Location`, as the pages show it."""
    return started(status, headers={"Operation-Location": location})


def api_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """An error answer with the API's documented error body."""
    return httpx.Response(status, json={"error": {"code": code, "message": message}}, headers=headers)


def make_client(server: Callable[[httpx.Request], httpx.Response], base_url: str = BASE_URL) -> AuthenticatedClient:
    """A generated client on `base_url` whose every request reaches `server`."""
    return AuthenticatedClient(base_url=base_url, token=TOKEN, httpx_args={"transport": httpx.MockTransport(server)})


def poller_for(server: ScriptedServer, fake_time: FakeTime, **options: Unpack[PollOptions]) -> OperationPoller:
    """A poller of the operation at `RELATIVE_LOCATION` on `server` that sleeps and reads the time on `fake_time`."""
    options.setdefault("sleep", fake_time.sleep)
    options.setdefault("clock", fake_time.clock)
    return OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, **options)
