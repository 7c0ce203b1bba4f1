"""A distinctive token goes through the command line's flows (answers, errors, waits, bad tokens, a broken
transport) and shows up in no output, no log record at any level, no exception message."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import httpx
import pytest
from click.testing import CliRunner

from cloud_partner_portal.cli import Runtime, cli
from support.documented import OFFER, OFFER_PATH, PUBLISHER
from support.fake_time import FakeTime

SECRET = "Zq8-tok3n-that-must-never-show"
_OPERATION = f"{OFFER_PATH}/operations/op-1"
_RUNNING = {"id": "op-1", "status": "running", "steps": [{"stepName": "certify", "progressPercentage": 10}]}


def _echo_headers(request: httpx.Request) -> httpx.Response:
    """A server that quotes the request's headers back in its error (as a careless gateway might)."""
    quoted = dict(request.headers)
    return httpx.Response(401, json={"error": {"code": "Unauthorized", "message": json.dumps(quoted)}})


def _broken(request: httpx.Request) -> httpx.Response:
    raise RuntimeError(f"broken transport: {request.headers!r}")


def _running(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        return httpx.Response(202, headers={"Location": f"{_OPERATION}?api-version=2017-10-31"})
    return httpx.Response(200, json=_RUNNING)


FLOWS: list[tuple[list[str], Callable[[httpx.Request], httpx.Response], str]] = [
    (["status", PUBLISHER, OFFER], _echo_headers, SECRET),
    (["--json", "operations", "list", PUBLISHER, OFFER], _echo_headers, SECRET),
    (["status", PUBLISHER, OFFER], _broken, SECRET),
    (["cancel", PUBLISHER, OFFER, "--wait", "--timeout", "20"], _running, SECRET),
    (["publish", PUBLISHER, OFFER], _running, SECRET),
    (["status", PUBLISHER, OFFER], _running, f"{SECRET}\nX-Injected: 1"),
    (["status", PUBLISHER, OFFER], _running, f"{SECRET}é"),
]


@pytest.mark.parametrize(("args", "serve", "token"), FLOWS)
def test_the_token_is_in_no_output_log_record_or_exception(
    args: list[str],
    serve: Callable[[httpx.Request], httpx.Response],
    token: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeTime()
    sent: list[str] = []

    def recording(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("Authorization", ""))
        return serve(request)

    runtime = Runtime(transport=httpx.MockTransport(recording), sleep=fake.sleep, clock=fake.clock)
    env = {"CPP_TOKEN": token, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None}
    with caplog.at_level(logging.DEBUG):
        result = CliRunner().invoke(cli, args, obj=runtime, env=env, color=True)

    seen = [result.stdout, result.stderr, caplog.text, *(record.getMessage() for record in caplog.records)]
    if result.exception is not None:
        seen += [repr(result.exception), str(result.exception)]
    assert all(SECRET not in text for text in seen), [text for text in seen if SECRET in text]
    # The flow did send it (where the token is a valid one): the check above is not vacuous.
    assert sent == [] or any(SECRET in header for header in sent)
