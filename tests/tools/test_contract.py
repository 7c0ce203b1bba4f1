"""`make contract` (`python -m tools.contract`): safe defaults against real endpoints, and a real run that can fail."""

from __future__ import annotations

import socket
import tomllib

import pytest

from cloud_partner_portal_mock import MockConfig
from cloud_partner_portal_mock.testing import MockServer
from tools import contract, contract_checks
from tools.launcher import ROOT, free_port


def test_default_target_is_the_mock_on_loopback_with_every_check_and_phase() -> None:
    args = contract.parser().parse_args([])
    target = contract.target_for(args, {})
    assert target.base_url == "http://127.0.0.1:8080"
    command = contract.schemathesis_command(target, args)
    assert command[command.index("--checks") + 1] == "all"
    assert command[command.index("--exclude-checks") + 1] == "content_type_conformance,response_schema_conformance"
    assert command[command.index("--phases") + 1] == "examples,coverage,fuzzing,stateful"
    assert "--include-method" not in command
    assert "--config-file" not in command  # the repository's schemathesis.toml, with the mock's test token
    assert command[command.index("run") + 1].endswith("build/openapi.mock.yaml")


def test_the_checks_excluded_are_the_ones_the_custom_checks_stand_in_for():
    assert contract.REPLACED_CHECKS == contract_checks.REPLACED_CHECKS


def test_both_configurations_load_the_custom_checks_and_switch_the_replaced_ones_off():
    for name in ("schemathesis.toml", "schemathesis.public.toml"):
        config = tomllib.loads((ROOT / name).read_text(encoding="utf-8"))
        assert config["hooks"] == "tools.contract_checks", name
        assert all(config["checks"][check] == {"enabled": False} for check in contract.REPLACED_CHECKS), name


def test_the_flavor_goes_to_the_served_mock_and_nowhere_else():
    args = contract.parser().parse_args(["--flavor", "2020-legacy", "--port", "38999"])

    assert contract.mock_command(args)[-2:] == ["--flavor", "2020-legacy"]
    assert "--flavor" not in contract.mock_command(contract.parser().parse_args([]))
    with pytest.raises(SystemExit, match="apply to the bundled mock"):
        contract.target_for(
            contract.parser().parse_args(["--base-url", "http://127.0.0.1:1", "--flavor", "2018"]), {"CPP_TOKEN": "t"}
        )


def test_a_real_endpoint_is_read_only_unless_writes_are_allowed() -> None:
    environ = {"CPP_TOKEN": "real-secret"}
    read_only = contract.target_for(contract.parser().parse_args(["--base-url", "https://api.example/"]), environ)
    command = contract.schemathesis_command(read_only, contract.parser().parse_args([]))
    assert command[command.index("--include-method") + 1] == "GET"
    assert read_only.base_url == "https://api.example"
    writes = contract.target_for(
        contract.parser().parse_args(["--base-url", "https://api.example", "--allow-writes"]), environ
    )
    command = contract.schemathesis_command(writes, contract.parser().parse_args([]))
    assert "--include-method" not in command
    assert command[command.index("--config-file") + 1].endswith("schemathesis.public.toml")
    assert command[command.index("run") + 1].endswith("openapi.yaml")


def test_the_real_token_never_reaches_the_command_line_or_the_config_file() -> None:
    environ = {"CPP_TOKEN": "real-secret"}
    args = contract.parser().parse_args(["--base-url", "https://api.example"])
    command = contract.schemathesis_command(contract.target_for(args, environ), args)
    assert not any("real-secret" in part for part in command)
    public = tomllib.loads(contract.PUBLIC_CONFIG.read_text(encoding="utf-8"))
    assert public["auth"]["openapi"]["bearerAuth"] == {"bearer": "${CPP_TOKEN}"}


def test_a_real_endpoint_without_a_token_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match="CPP_TOKEN"):
        contract.target_for(contract.parser().parse_args(["--base-url", "https://api.example"]), {})


def test_a_deliberately_broken_mock_fails_the_contract_run(capfd: pytest.CaptureFixture[str]) -> None:
    if not contract.MOCK_SPEC.exists():
        pytest.skip("build/openapi.mock.yaml is missing; run 'make overlay'")
    argv = ["--port", str(free_port()), "--phases", "examples", "--break", "omit-operation-location"]
    assert contract.main(argv) == 1
    out = capfd.readouterr().out
    assert "contract FAILED" in out
    assert "Custom check failed: `location_headers_conformance`" in out
    assert "curl -X POST" in out  # the reproduction


@pytest.mark.parametrize("flavor", ["2020-legacy"])
def test_a_mock_under_the_documented_rules_passes_the_public_run_and_a_broken_one_fails(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, flavor: str
) -> None:
    monkeypatch.setenv("CPP_TOKEN", "contoso-token")
    argv = ["--phases", "examples", "--allow-writes"]
    with MockServer(MockConfig(rules="documented", flavor=flavor)) as served:
        assert contract.main([*argv, "--base-url", served.url]) == 0
    with MockServer(
        MockConfig(rules="documented", flavor=flavor, faults=frozenset({"omit-operation-location"}))
    ) as broken:
        assert contract.main([*argv, "--base-url", broken.url]) == 1
    out = capfd.readouterr().out
    assert "contract PASSED" in out
    assert "Custom check failed: `location_headers_conformance`" in out


def test_a_port_already_in_use_is_refused_rather_than_tested() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        args = contract.parser().parse_args(["--port", str(port)])
        with pytest.raises(SystemExit, match="already in use"), contract.served_mock(args):
            pass


def _command(*argv: str, environ: dict[str, str] | None = None) -> list[str]:
    args = contract.parser().parse_args(list(argv))
    command: list[str] = contract.schemathesis_command(contract.target_for(args, environ or {}), args)
    return command


def _option(command: list[str], name: str) -> str | None:
    """The value schemathesis takes for `name`: the last one given."""
    values = [command[i + 1] for i, word in enumerate(command) if word == name]
    return values[-1] if values else None


REMOTE = {"CPP_TOKEN": "a-token"}


@pytest.mark.parametrize(
    "base_url", ["https://cloudpartner.azure.com", "http://0.0.0.0:38123", "http://localhost.example.com:38123"]
)
def test_a_run_against_a_host_not_on_loopback_is_rate_limited_and_budgeted_by_default(base_url: str) -> None:
    command = _command("--base-url", base_url, environ=REMOTE)

    assert _option(command, "--rate-limit") == contract.REMOTE_RATE_LIMIT == "60/m"
    assert _option(command, "--max-examples") == str(contract.REMOTE_MAX_EXAMPLES)


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:38123", "http://127.0.0.2:38123", "http://localhost:38123", "http://[::1]:38123"]
)
def test_a_run_on_loopback_has_no_rate_limit_and_the_full_budget(base_url: str) -> None:
    command = _command("--base-url", base_url, environ=REMOTE)

    assert _option(command, "--rate-limit") is None
    assert _option(command, "--max-examples") == str(contract.LOCAL_MAX_EXAMPLES)
    assert _option(_command(), "--rate-limit") is None  # the bundled mock


def test_st_args_pass_through_last_so_they_override_the_defaults() -> None:
    remote = ["--base-url", "https://cloudpartner.azure.com"]
    command = _command(*remote, "--st-args", "--max-examples 3 --rate-limit '5/s' --request-timeout 2", environ=REMOTE)

    assert command[-6:] == ["--max-examples", "3", "--rate-limit", "5/s", "--request-timeout", "2"]
    assert _option(command, "--max-examples") == "3"
    assert _option(command, "--rate-limit") == "5/s"
    assert _option(_command(*remote, "--rate-limit", "100/m", environ=REMOTE), "--rate-limit") == "100/m"


def test_st_args_and_report_come_from_the_environment_as_make_passes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ST_ARGS", "--max-examples 2")
    monkeypatch.setenv("REPORT", "html,har")

    command = _command()

    assert _option(command, "--max-examples") == "2"
    assert _option(command, "--report") == "junit,html,har"
    assert _option(command, "--report-dir") == str(contract.REPORT_DIR)


def test_an_unknown_report_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        contract.parser().parse_args(["--report", "junit,pdf"])
    assert exit_.value.code == 2
    assert "unknown report format(s) pdf" in capsys.readouterr().err


def test_the_summary_counts_the_descriptions_operations_not_the_junit_cases() -> None:
    if not contract.MOCK_SPEC.exists():
        pytest.skip("build/openapi.mock.yaml is missing; run 'make overlay'")
    import yaml

    public = yaml.safe_load(contract.PUBLIC_SPEC.read_text(encoding="utf-8"))
    operation_ids = [
        op["operationId"] for item in public["paths"].values() for op in item.values() if "operationId" in op
    ]
    target = contract.target_for(contract.parser().parse_args([]), {})

    text = contract.summary(target, "examples", 0, 1.0)

    assert f"operations    {len(operation_ids)} in the description" in text
    assert contract.operations_in(contract.PUBLIC_SPEC, read_only=True) == sum(
        1 for item in public["paths"].values() for method in item if method == "get"
    )
