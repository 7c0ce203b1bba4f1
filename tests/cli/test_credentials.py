"""The command line signs in with an Azure credential: EnvironmentCredential when a service principal's AZURE_*
variables are set, DefaultAzureCredential with `--azure`; a token (CPP_TOKEN, --token-file) wins over AZURE_*, and
with `--azure` is a usage error; without the extra, exit 2 naming the install command. A 401 or a failing
credential during a wait prints the resume command, as a timeout does."""

from __future__ import annotations

import sys
from typing import Any

import httpx
import pytest
from click.testing import Result

from cloud_partner_portal.cli import Runtime
from support.command_line import run_cpp
from support.credentials import ExpiringTokenService, FakeCredential
from support.documented import OFFER, OFFER_PATH, PUBLISHER
from support.fake_api import FakeApi, operation_body
from support.fake_time import FakeTime

SERVICE_PRINCIPAL = {"AZURE_TENANT_ID": "tenant", "AZURE_CLIENT_ID": "client", "AZURE_CLIENT_SECRET": "not-a-secret"}
NO_SERVICE_PRINCIPAL: dict[str, str | None] = dict.fromkeys(
    ("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH")
)
_OPERATION = f"{OFFER_PATH}/operations/op-1"
WAIT = ["publish", PUBLISHER, OFFER, "--wait", "--interval", "600"]


class Made:
    """The azure.identity credentials the command line made, by class name."""

    def __init__(self, fake_time: FakeTime, **credential: Any) -> None:
        self.credential = FakeCredential(fake_time, **credential)
        self.kinds: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import azure.identity

        for kind in ("EnvironmentCredential", "DefaultAzureCredential"):
            monkeypatch.setattr(azure.identity, kind, self._factory(kind))

    def _factory(self, kind: str) -> Any:
        def make(**_options: Any) -> FakeCredential:
            self.kinds.append(kind)
            return self.credential

        return make


def _api(polls_before_completed: int) -> FakeApi:
    running = httpx.Response(200, json=operation_body("running"))
    return (
        FakeApi()
        .on("POST", f"{OFFER_PATH}/publish", httpx.Response(202, headers={"Location": _OPERATION}))
        .on(
            "GET",
            _OPERATION,
            *[running] * polls_before_completed,
            httpx.Response(200, json=operation_body("completed")),
        )
    )


@pytest.fixture
def fake_time() -> FakeTime:
    """One fake clock for the poller, the credential and the command line's wall clock."""
    return FakeTime(start=1_000_000.0)


def _run(
    args: list[str], fake_time: FakeTime, service: Any, token: str | None, env: dict[str, str | None] | None = None
) -> Result:
    runtime = Runtime(
        transport=httpx.MockTransport(service),
        sleep=fake_time.sleep,
        clock=fake_time.clock,
        wall_clock=fake_time.clock,
    )
    return run_cpp(args, runtime, token, {**NO_SERVICE_PRINCIPAL, **(env or {})})


def test_the_service_principal_variables_sign_in_with_environment_credential_through_a_long_wait(
    fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Made(fake_time, lifetime=3600)
    made.install(monkeypatch)
    service = ExpiringTokenService(made.credential, _api(polls_before_completed=20))  # 12,000 s: four tokens

    result = _run(WAIT, fake_time, service, token=None, env=SERVICE_PRINCIPAL)

    assert result.exit_code == 0, result.output
    assert made.kinds == ["EnvironmentCredential"]
    assert service.refused == []
    assert made.credential.calls == 4
    assert "cred-token" not in result.output


def test_azure_signs_in_with_default_azure_credential(fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch) -> None:
    made = Made(fake_time)
    made.install(monkeypatch)
    service = ExpiringTokenService(made.credential, _api(0))

    result = _run(["--azure", *WAIT], fake_time, service, token=None)

    assert result.exit_code == 0, result.output
    assert made.kinds == ["DefaultAzureCredential"]
    assert service.tokens_sent[0] == "cred-token-1"


def test_a_token_wins_over_the_service_principal_variables(
    fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Made(fake_time)
    made.install(monkeypatch)
    sent: list[str] = []
    api = _api(0)

    def recording(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["Authorization"])
        return api(request)

    result = _run(WAIT, fake_time, recording, token="contoso-token", env=SERVICE_PRINCIPAL)

    assert result.exit_code == 0, result.output
    assert made.kinds == []
    assert set(sent) == {"Bearer contoso-token"}


def test_azure_with_a_token_is_a_usage_error(fake_time: FakeTime) -> None:
    result = _run(["--azure", *WAIT], fake_time, _api(0), token="contoso-token")

    assert result.exit_code == 2
    assert "--azure and a token" in result.stderr
    assert "contoso-token" not in result.output


@pytest.mark.parametrize("env", [{}, SERVICE_PRINCIPAL], ids=["--azure", "AZURE_* variables"])
def test_without_the_azure_extra_it_is_a_usage_error_naming_the_install_command(
    env: dict[str, str | None], fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "azure.identity", None)  # `import azure.identity` raises ImportError
    args = ["--azure", *WAIT] if not env else WAIT

    result = _run(args, fake_time, _api(0), token=None, env=env)

    assert result.exit_code == 2
    assert "pip install 'cloud-partner-portal[azure]'" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_credential_that_fails_during_a_wait_prints_one_error_and_the_resume_command(
    fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Made(fake_time, lifetime=3600, fail=2)  # the first token, then nothing
    made.install(monkeypatch)
    service = ExpiringTokenService(made.credential, _api(polls_before_completed=100))

    result = _run(WAIT, fake_time, service, token=None, env=SERVICE_PRINCIPAL)

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "FakeCredential gave no token" in errors[0]
    assert "resume with: cpportal wait " in errors[0]
    assert "Traceback" not in result.output


def test_a_401_during_a_wait_prints_the_resume_command_as_a_timeout_does(fake_time: FakeTime) -> None:
    unauthorized = httpx.Response(401, json={"error": {"code": "Unauthorized", "message": "The token expired."}})
    api = _api(0).on("GET", _OPERATION, httpx.Response(200, json=operation_body("running")), unauthorized)

    result = _run(WAIT, fake_time, api, token="contoso-token")

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "HTTP 401" in errors[0]
    assert "The operation goes on; resume with: cpportal wait " in errors[0]
    token = errors[0].rsplit(" ", 1)[-1]
    resumed = _run(["wait", token], fake_time, _api(0), token="contoso-token")
    assert resumed.exit_code == 0, resumed.output
