"""`make fuzz` (bench/fuzz.py) asks schemathesis for what the brief of a long run says, through `make contract`'s
own runner: every check, positive and negative data, a time budget, auth from schemathesis.toml, loopback only."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fuzz(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("bench.fuzz")


def test_fuzz_command_is_the_contract_run_made_long(fuzz: ModuleType) -> None:
    args = fuzz.parser().parse_args(["--seconds", "600"])
    _, command = fuzz.command(fuzz.contract_runner(), args, 45678, 1234)

    def value(option: str) -> str:
        return command[command.index(option) + 1]

    assert value("--checks") == "all"
    assert value("--mode") == "all"
    assert value("--phases") == "examples,coverage,fuzzing,stateful"
    assert value("--max-time") == "600"
    assert value("--max-examples") == "2000"
    assert value("--seed") == "1234"
    assert value("--url") == "http://127.0.0.1:45678"
    assert value("--report-junit-path").endswith("build/reports/fuzz-junit.xml")
    assert command[command.index("run") + 1].endswith("build/openapi.mock.yaml")
    # Auth from schemathesis.toml: no header on the command line, no other config file.
    assert not {"-H", "--header", "--config-file", "-a", "--auth"} & set(command)


def test_fuzz_seconds_come_from_the_environment(fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUZZ_SECONDS", "42")
    monkeypatch.setenv("FUZZ_SEED", "7")

    args = fuzz.parser().parse_args([])

    assert (args.seconds, args.seed) == (42, 7)
