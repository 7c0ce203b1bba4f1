"""`python -m cloud_partner_portal_mock`: tokens from flags and the environment, faults, loopback by default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from cloud_partner_portal_mock.__main__ import build_config, main, parser
from cloud_partner_portal_mock.config import DEFAULT_TOKENS, MockConfig
from cloud_partner_portal_mock.http.limits import DESCRIPTORS_KEPT, ServingLimits
from support.served_mock import served_mock


def _config(*argv, environ=None):
    return build_config(parser().parse_args(list(argv)), environ or {})


def test_defaults_are_loopback_port_8080_and_the_documented_tokens():
    args = parser().parse_args([])
    config = _config()

    assert (args.host, args.port) == ("127.0.0.1", 8080)
    assert dict(config.tokens) == dict(DEFAULT_TOKENS)
    assert not config.clock.is_frozen
    assert config.faults == frozenset()


def test_tokens_come_from_flags_and_the_environment():
    config = _config("--token", "t3=northwind", environ={"CPP_MOCK_TOKENS": "t1=contoso, t2=fabrikam"})

    assert dict(config.tokens) == {"t1": "contoso", "t2": "fabrikam", "t3": "northwind"}


def test_break_switches_faults_on():
    config = _config("--break", "omit-operation-location", "--break", "wrong-cancel-status")

    assert config.faults == {"omit-operation-location", "wrong-cancel-status"}


def test_unknown_fault_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parser().parse_args(["--break", "slow"])

    assert exit_info.value.code == 2
    assert "omit-operation-location" in capsys.readouterr().err


def test_answers_are_the_seed_pages_under_the_mock_rules_by_default():
    config = _config()

    assert (config.flavor, config.location_body, config.rules) == ("seed", False, "mock")


def test_flavor_location_body_and_rules_come_from_flags():
    config = _config("--flavor", "2020-legacy", "--location-body", "--rules", "documented")

    assert (config.flavor, config.location_body, config.rules) == ("2020-legacy", True, "documented")


@pytest.mark.parametrize(("option", "value"), [("--flavor", "2019"), ("--rules", "strict")])
def test_unknown_flavor_or_rules_is_a_usage_error_naming_the_choices(capsys, option, value):
    with pytest.raises(SystemExit) as exit_info:
        parser().parse_args([option, value])

    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "2020-migrated" in err or "documented" in err


@pytest.mark.parametrize(("field", "value"), [("flavor", "2019"), ("rules", "strict")])
def test_config_refuses_an_unknown_flavor_or_rules(field, value):
    with pytest.raises(ValueError, match=f"MockConfig.{field}: '{value}' is not one of"):
        MockConfig(**{field: value})


def test_step_seconds_override_the_defaults():
    config = _config("--step-seconds", "displaycertify=60")

    assert config.step_seconds["displaycertify"] == 60
    assert config.step_seconds["live"] == 20


def test_malformed_token_environment_is_an_error_that_does_not_print_tokens(capsys):
    assert main([], environ={"CPP_MOCK_TOKENS": "secret-token-without-publisher"}) == 2

    err = capsys.readouterr().err
    assert "CPP_MOCK_TOKENS: entry 1 is not TOKEN=PUBLISHER" in err
    assert "secret" not in err


_STARTED_NOT_SERVED = (
    "import sys\n"
    "from cloud_partner_portal_mock.http import capped_protocol\n"
    "capped_protocol.LimitedUvicornServer.run = lambda self: print('started', file=sys.stderr)\n"
    "from cloud_partner_portal_mock.__main__ import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(("host", "warned"), [("192.0.2.7", True), ("::1", False)])
def test_serving_off_loopback_warns_that_the_test_tokens_are_public(host, warned):
    """In a process of its own (`main` freezes the garbage collector and configures logging), with the server's
    `run` replaced: nothing listens on another interface."""
    done = subprocess.run(  # noqa: S603  # reason: fixed code, this interpreter
        [sys.executable, "-c", _STARTED_NOT_SERVED, "--host", host, "--port", "8080"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "started" in done.stderr
    warning = f"warning: serving on {host}, not loopback; the mock's test tokens are public"
    assert (warning in done.stderr) is warned
    assert "contoso-token" not in done.stdout + done.stderr


def test_module_serves_the_mock_and_does_not_print_tokens():
    with served_mock("--token", "hidden-token=contoso", "--flavor", "2020-migrated", "--rules", "documented") as served:
        response = httpx.get(
            served.url + "/api/publishers/contoso/offers/contoso-draftoffer/status",
            params={"api-version": "2017-10-31"},
            headers={"Authorization": "Bearer hidden-token"},
        )
        assert response.json()["status"] == "neverPublished"
        published = httpx.post(
            served.url + "/api/publishers/contoso/offers/contoso-draftoffer/publish",
            params={"api-version": "2017-10-31"},
            headers={"Authorization": "Bearer hidden-token"},
        )
        assert published.headers["Location"].startswith("/api/publishers/contoso/offers/contoso-draftoffer/operations/")

    assert "rules documented, flavor 2020-migrated; publishers: contoso" in served.output
    assert "hidden-token" not in served.output


def test_module_without_the_mock_extra_names_the_extra_instead_of_a_traceback():
    # The distribution installed without its `mock` extra: Starlette (the first of its packages imported) is absent.
    code = (
        "import runpy, sys\n"
        "sys.modules['starlette'] = None\n"
        "sys.argv = ['cloud_partner_portal_mock', '--help']\n"
        "runpy.run_module('cloud_partner_portal_mock', run_name='__main__', alter_sys=True)\n"
    )

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)  # noqa: S603  # reason: fixed code, this interpreter

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "error: the mock needs the 'mock' extra (module 'starlette' is not installed): "
        "pip install 'cloud-partner-portal[mock]'"
    ]


def test_a_token_in_the_query_string_never_reaches_the_access_log():
    secret = "query-secret-7c1d"
    with served_mock("--log-level", "info") as served:
        url = served.url + "/api/publishers/contoso/offers/contoso-draftoffer/status"
        for query in (f"api-version=2017-10-31&access_token={secret}", f"access_token={secret}&sig={secret}"):
            httpx.get(f"{url}?{query}", headers={"Authorization": f"Bearer {secret}"})
        served.wait_for("access_token=REDACTED&sig=REDACTED")  # both access lines are written

    assert (
        "GET /api/publishers/contoso/offers/contoso-draftoffer/status?api-version=2017-10-31&access_token=REDACTED"
        in (served.output)
    )
    assert secret not in served.output


def test_the_help_and_the_readme_state_the_limits_and_the_retention_the_mock_applies():
    limits = ServingLimits()
    readme = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8").split())
    help_text = " ".join(parser().format_help().split())
    stated = {
        "--keep-alive-timeout": f"nothing for {limits.keep_alive_seconds:g} s",
        "--request-timeout": f"within {limits.request_seconds:g} s of its first byte",
        "--max-connections": f"at most {limits.max_connections:,} connections",
        "--retain-finished": f"its {MockConfig.retain_finished} most recently finished operations",
    }
    for flag, words in stated.items():
        assert flag in readme
        assert words in readme, words
    assert f"(default: {limits.keep_alive_seconds:g})" in help_text
    assert f"(default: {limits.request_seconds:g})" in help_text
    assert f"(default: {limits.max_connections})" in help_text
    assert f"default: {MockConfig.retain_finished})" in help_text
    assert f"minus {DESCRIPTORS_KEPT}" in readme
    assert f"minus {DESCRIPTORS_KEPT}" in help_text
