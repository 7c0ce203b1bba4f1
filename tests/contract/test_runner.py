"""`make contract` (scripts/contract.py): safe defaults against real endpoints, and a real run that can fail."""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_runner", ROOT / "scripts" / "contract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


contract = _load()


def test_default_target_is_the_mock_on_loopback_with_every_check_and_phase() -> None:
    args = contract.parser().parse_args([])
    target = contract.target_for(args, {})
    assert target.base_url == "http://127.0.0.1:8080"
    command = contract.schemathesis_command(target, args)
    assert command[command.index("--checks") + 1] == "all"
    assert command[command.index("--phases") + 1] == "examples,coverage,fuzzing,stateful"
    assert "--include-method" not in command
    assert "--config-file" not in command  # the repository's schemathesis.toml, with the mock's test token


def test_a_real_endpoint_is_read_only_unless_writes_are_allowed() -> None:
    environ = {"CPP_TOKEN": "real-secret"}
    read_only = contract.target_for(contract.parser().parse_args(["--base-url", "https://api.example/"]), environ)
    command = contract.schemathesis_command(read_only, contract.parser().parse_args([]))
    assert command[command.index("--include-method") + 1] == "GET"
    assert read_only.base_url == "https://api.example"
    writes = contract.target_for(
        contract.parser().parse_args(["--base-url", "https://api.example", "--allow-writes"]), environ
    )
    assert "--include-method" not in contract.schemathesis_command(writes, contract.parser().parse_args([]))


def test_the_real_token_never_reaches_the_command_line_or_the_config_file() -> None:
    environ = {"CPP_TOKEN": "real-secret"}
    args = contract.parser().parse_args(["--base-url", "https://api.example"])
    command = contract.schemathesis_command(contract.target_for(args, environ), args)
    assert not any("real-secret" in part for part in command)
    assert "real-secret" not in contract.real_config()
    assert 'bearer = "${CPP_TOKEN}"' in contract.real_config()


def test_a_real_endpoint_without_a_token_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match="CPP_TOKEN"):
        contract.target_for(contract.parser().parse_args(["--base-url", "https://api.example"]), {})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_deliberately_broken_mock_fails_the_contract_run(capfd: pytest.CaptureFixture[str]) -> None:
    if not contract.MOCK_SPEC.exists():
        pytest.skip("build/openapi.mock.yaml is missing; run 'make overlay'")
    argv = ["--port", str(_free_port()), "--phases", "examples", "--break", "omit-operation-location"]
    assert contract.main(argv) == 1
    out = capfd.readouterr().out
    assert "contract FAILED" in out
    assert "curl -X POST" in out  # the reproduction


def test_a_port_already_in_use_is_refused_rather_than_tested() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        args = contract.parser().parse_args(["--port", str(port)])
        with pytest.raises(SystemExit, match="already in use"), contract.served_mock(args, f"http://127.0.0.1:{port}"):
            pass
