"""`python -m cloud_partner_portal_mock`: tokens from flags and the environment, faults, loopback by default."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading

import httpx
import pytest

from cloud_partner_portal_mock.__main__ import build_config, main, parser
from cloud_partner_portal_mock.config import DEFAULT_TOKENS, MockConfig


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


def test_module_serves_the_mock_and_does_not_print_tokens():
    process = subprocess.Popen(  # noqa: S603  # reason: this interpreter with fixed arguments
        [
            *(sys.executable, "-m", "cloud_partner_portal_mock", "--port", "0", "--token", "hidden-token=contoso"),
            *("--flavor", "2020-migrated", "--rules", "documented"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        seen = []
        while not (match := re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", "".join(seen))):
            seen.append(lines.get(timeout=15))
        response = httpx.get(
            match.group(1) + "/api/publishers/contoso/offers/contoso-draftoffer/status",
            params={"api-version": "2017-10-31"},
            headers={"Authorization": "Bearer hidden-token"},
        )
        assert response.json()["status"] == "neverPublished"
        published = httpx.post(
            match.group(1) + "/api/publishers/contoso/offers/contoso-draftoffer/publish",
            params={"api-version": "2017-10-31"},
            headers={"Authorization": "Bearer hidden-token"},
        )
        assert published.headers["Location"].startswith("/api/publishers/contoso/offers/contoso-draftoffer/operations/")
    finally:
        process.terminate()
        process.wait(timeout=15)
    output = "".join(seen) + "".join(lines.queue)
    assert "rules documented, flavor 2020-migrated; publishers: contoso" in output
    assert "hidden-token" not in output


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
