"""Where the CLI sends requests and with which token: env, token file, --base-url, --mock."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from support.command_line import Invoke
from support.documented import OFFER, OFFER_PATH, PUBLISHER
from support.fake_api import FakeApi

STATUS_BODY = {"status": "running", "messages": [], "steps": [], "previewLinks": [], "liveLinks": []}


def serve_status(api: FakeApi) -> None:
    api.on("GET", f"{OFFER_PATH}/status", httpx.Response(200, json=STATUS_BODY))


def token_file_holding(tmp_path: Path, text: str) -> str:
    """The path of a token file holding `text`, as the command line takes it."""
    token_file = tmp_path / "token"
    token_file.write_text(text, encoding="utf-8")
    return str(token_file)


def test_missing_token_is_a_usage_error_naming_both_ways(invoke: Invoke, api: FakeApi) -> None:
    result = invoke(["status", PUBLISHER, OFFER], env={"CPP_TOKEN": None})

    assert result.exit_code == 2
    assert "no token: set CPP_TOKEN, use --token-file" in result.stderr
    assert "--azure" in result.stderr
    assert api.requests == []


def test_token_comes_from_cpp_token(invoke: Invoke, api: FakeApi) -> None:
    serve_status(api)

    result = invoke(["status", PUBLISHER, OFFER], env={"CPP_TOKEN": "env-token"})

    assert result.exit_code == 0, result.stderr
    assert api.requests[0].headers["Authorization"] == "Bearer env-token"


def test_token_comes_from_the_token_file(invoke: Invoke, api: FakeApi, tmp_path: Path) -> None:
    serve_status(api)
    token_file = token_file_holding(tmp_path, "file-token\n")

    result = invoke(["--token-file", token_file, "status", PUBLISHER, OFFER], env={"CPP_TOKEN": None})

    assert result.exit_code == 0, result.stderr
    assert api.requests[0].headers["Authorization"] == "Bearer file-token"


def test_token_file_from_env_wins_over_cpp_token(invoke: Invoke, api: FakeApi, tmp_path: Path) -> None:
    serve_status(api)
    token_file = token_file_holding(tmp_path, "file-token")

    result = invoke(["status", PUBLISHER, OFFER], env={"CPP_TOKEN": "env-token", "CPP_TOKEN_FILE": token_file})

    assert result.exit_code == 0, result.stderr
    assert api.requests[0].headers["Authorization"] == "Bearer file-token"


def test_empty_token_file_is_a_usage_error(invoke: Invoke, api: FakeApi, tmp_path: Path) -> None:
    token_file = token_file_holding(tmp_path, "\n")

    result = invoke(["--token-file", token_file, "status", PUBLISHER, OFFER])

    assert result.exit_code == 2
    assert "is empty" in result.stderr


@pytest.mark.parametrize(
    ("token", "kind", "position"),
    [
        ("sec\nret-Zq8", "a space or control character", 4),
        ("sec ret-Zq8", "a space or control character", 4),
        ("sec\x1bret-Zq8", "a space or control character", 4),
        ("secrét-Zq8", "a non-ASCII character", 5),
    ],
    ids=["newline", "space", "escape", "non-ascii"],
)
def test_a_token_that_is_not_printable_ascii_is_a_usage_error_that_does_not_echo_it(
    invoke: Invoke, api: FakeApi, tmp_path: Path, token: str, kind: str, position: int
) -> None:
    from_env = invoke(["status", PUBLISHER, OFFER], env={"CPP_TOKEN": token})
    from_file = invoke(["--token-file", token_file_holding(tmp_path, token), "status", PUBLISHER, OFFER])

    for result, source in ((from_env, "CPP_TOKEN"), (from_file, "token file")):
        assert result.exit_code == 2
        assert f"the token in {source}" in result.stderr
        assert f"has {kind} at position {position} of {len(token)}" in result.stderr
        assert "Zq8" not in result.output + result.stderr
    assert api.requests == []


def test_help_needs_no_token(invoke: Invoke) -> None:
    result = invoke(["cancel", "--help"], env={"CPP_TOKEN": None})

    assert result.exit_code == 0
    assert "--notify" in result.stdout


def test_mock_targets_the_local_mock(invoke: Invoke, api: FakeApi) -> None:
    serve_status(api)

    result = invoke(["--mock", "status", PUBLISHER, OFFER])

    assert result.exit_code == 0, result.stderr
    assert str(api.requests[0].url).startswith("http://127.0.0.1:8080/api/publishers/contoso/")


def test_base_url_comes_from_cpp_base_url(invoke: Invoke, api: FakeApi) -> None:
    serve_status(api)

    result = invoke(["status", PUBLISHER, OFFER], env={"CPP_BASE_URL": "http://localhost:9999"})

    assert result.exit_code == 0, result.stderr
    assert api.requests[0].url.host == "localhost"
    assert api.requests[0].url.port == 9999


def test_default_server_is_production(invoke: Invoke, api: FakeApi) -> None:
    serve_status(api)

    invoke(["status", PUBLISHER, OFFER])

    assert api.requests[0].url.host == "cloudpartner.azure.com"
    assert api.requests[0].url.params["api-version"] == "2017-10-31"


def test_mock_and_an_explicit_base_url_conflict(invoke: Invoke) -> None:
    result = invoke(["--mock", "--base-url", "http://localhost:1", "status", PUBLISHER, OFFER])

    assert result.exit_code == 2
    assert "--mock and --base-url" in result.stderr


def test_base_url_must_be_http(invoke: Invoke) -> None:
    result = invoke(["--base-url", "cloudpartner.azure.com", "status", PUBLISHER, OFFER])

    assert result.exit_code == 2
    assert "not an http(s) URL" in result.stderr


def test_help_documents_exit_codes_and_environment(invoke: Invoke) -> None:
    result = invoke(["--help"])

    assert result.exit_code == 0
    for text in ("Exit codes", "CPP_TOKEN", "CPP_TOKEN_FILE", "CPP_BASE_URL", "timed out", "ended failed"):
        assert text in result.stdout
