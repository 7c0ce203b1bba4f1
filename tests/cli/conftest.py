"""Run the command line in-process against a fake API behind httpx.MockTransport, with a fake clock.

The CLI takes its transport, sleep and clock from the `Runtime` given as click's `obj`; everything else (base
URL, token, options) goes through the real command line, so the same tests can later target the mock server.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from cloud_partner_portal.cli import Runtime, cli
from fake_time import FakeTime
from support.documented import OPERATION_PATH, TOKEN

RELATIVE_LOCATION = f"{OPERATION_PATH}?api-version=2017-10-31"

Answer = httpx.Response | Exception


class FakeApi:
    """Answers by method and path from per-route scripts; the last answer of a script repeats."""

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
        answer = script.pop(0) if len(script) > 1 else script[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def step(step_id: str, name: str, status: str, percentage: int, *errors: str) -> dict[str, Any]:
    messages = [{"messageHtml": text, "level": "error", "timestamp": "2017-03-28T19:50:39Z"} for text in errors]
    return {"id": step_id, "stepName": name, "status": status, "messages": messages, "progressPercentage": percentage}


def operation(status: str, *steps: dict[str, Any]) -> httpx.Response:
    body = {"status": status, "messages": [], "cancellationRequestState": "canCancel", "steps": list(steps)}
    return httpx.Response(200, json=body)


def started(status: int = 202, location: str = RELATIVE_LOCATION) -> httpx.Response:
    """A cancel/publish/go-live answer with only `Operation-Location`, as the pages show it (no body)."""
    return httpx.Response(status, headers={"Operation-Location": location})


def api_error(status: int, code: str, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": message}})


Invoke = Callable[..., Result]


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def api() -> FakeApi:
    return FakeApi()


@pytest.fixture
def invoke(api: FakeApi, fake_time: FakeTime) -> Invoke:
    """Run `cpp ARGS` with CPP_TOKEN set (unless env overrides it) against the fake API, or against `service`
    (e.g. a `support.documented.DocumentedService`) when given."""

    def run(
        args: Sequence[str],
        env: dict[str, str | None] | None = None,
        service: Callable[[httpx.Request], httpx.Response] | None = None,
    ) -> Result:
        transport = httpx.MockTransport(api if service is None else service)
        runtime = Runtime(transport=transport, sleep=fake_time.sleep, clock=fake_time.clock)
        environment: dict[str, str | None] = {
            "CPP_TOKEN": TOKEN,
            "CPP_TOKEN_FILE": None,
            "CPP_BASE_URL": None,
            **(env or {}),
        }
        return CliRunner().invoke(cli, list(args), obj=runtime, env=environment, prog_name="cpp")

    return run
