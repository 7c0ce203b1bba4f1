"""A scripted server behind httpx.MockTransport, a fake clock, and operation bodies for the poller tests.

The service's own constants and documented answers come from `support.documented`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

from fake_time import FakeTime
from support.documented import BASE_URL, OPERATION_ID, OPERATION_PATH, OPERATION_URL, TOKEN

RELATIVE_LOCATION = f"{OPERATION_PATH}?api-version=2017-10-31"
ABSOLUTE_2018_LOCATION = f"{BASE_URL}{OPERATION_PATH}"  # the 2018 pages' form: absolute, no api-version
POLLING_URL = OPERATION_URL

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class ScriptedServer:
    """Answers requests in order from a script; an exception in the script is raised as the transport's."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.answers:
            raise AssertionError(f"unscripted request {request.method} {request.url}")
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(request)

    @property
    def urls(self) -> list[str]:
        return [str(request.url) for request in self.requests]


def step(step_id: str, name: str, status: str, percentage: int) -> dict[str, Any]:
    return {"id": step_id, "stepName": name, "status": status, "messages": [], "progressPercentage": percentage}


def operation(status: str = "running", *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
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
    return httpx.Response(200, json=operation(status, *steps), headers=headers)


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


def api_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": message}}, headers=headers)


def make_client(server: ScriptedServer, base_url: str = BASE_URL) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url, token=TOKEN, httpx_args={"transport": httpx.MockTransport(server)})


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(start=1000.0)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
