"""The code samples that the publication overlay adds to every operation are real: each language is there, the
Python ones type-check against the client, the command-line ones parse with the command line's own parser, and the
curl ones call the operation's path. The getting-started guide's code fits the page without scrolling."""

from __future__ import annotations

import importlib
import re
import shlex
import subprocess
import sys
import warnings
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import click
import pytest

from openapi_overlay import apply_files
from support.description import ROOT, load_spec, operations

LABELS = ["curl", "Python", "Command line"]
COMMAND = "cloud-partner-portal"
# Redoc's middle column shows about this many monospace characters in a 1280-pixel window before it scrolls.
GUIDE_CODE_COLUMNS = 80
MYPY_TIMEOUT_SECONDS = 300


@pytest.fixture(scope="module")
def docs_spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("docs") / "openapi.docs.yaml"
    apply_files(ROOT / "openapi.yaml", [ROOT / "overlays" / "publication.overlay.yaml"], out, strict=True)
    return load_spec(out)


def _samples(spec: dict[str, Any], label: str) -> list[tuple[str, str, str]]:
    """(operationId, path, source) of every sample with this label."""
    return [
        (op["operationId"], path, sample["source"])
        for path, _, op in operations(spec)
        for sample in op.get("x-codeSamples", [])
        if sample["label"] == label
    ]


def _root_command() -> click.Group:
    """The command line's click group, found through its console script (whatever module it lives in)."""
    (script,) = entry_points(group="console_scripts", name=COMMAND)
    module = importlib.import_module(script.module)
    groups = [value for value in vars(module).values() if isinstance(value, click.Group) and value.name == "cli"]
    assert groups, f"no click group named 'cli' in {script.module}"
    return groups[0]


def parse_command_line(argv: list[str]) -> list[str]:
    """Parse argv down to its last subcommand, as click would before running it; the command names it reached."""
    assert argv[0] == COMMAND, f"a sample runs {argv[0]!r}, not {COMMAND}"
    command: click.Command = _root_command()
    ctx = command.make_context(COMMAND, argv[1:], resilient_parsing=False)
    names = []
    while isinstance(command, click.Group):
        with warnings.catch_warnings():
            # Click 8.2 deprecates `protected_args` (9.0 folds them into `args`); until then the subcommand's
            # name sits there, as click's own `Group.invoke` reads it.
            warnings.simplefilter("ignore", DeprecationWarning)
            args = [*ctx.protected_args, *ctx.args]
        name, sub, rest = command.resolve_command(ctx, args)
        assert sub is not None
        assert name is not None
        names.append(name)
        ctx = sub.make_context(name, rest, parent=ctx)
        command = sub
    return names


def type_check(sources: dict[str, str], where: Path) -> subprocess.CompletedProcess[str]:
    files = []
    for name, source in sources.items():
        path = where / f"sample_{name}.py"
        path.write_text(source, encoding="utf-8")
        files.append(str(path))
    return subprocess.run(  # noqa: S603  (this interpreter's mypy on files this test wrote)
        # The project's own mypy cache (make lint fills it) keeps this to seconds.
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=MYPY_TIMEOUT_SECONDS,
        check=False,
    )


def test_every_operation_has_samples_in_curl_python_and_the_command_line(docs_spec: dict[str, Any]) -> None:
    ops = list(operations(docs_spec))
    assert len(ops) >= 7
    for _, _, op in ops:
        assert [sample["label"] for sample in op.get("x-codeSamples", [])] == LABELS, op["operationId"]


def test_the_samples_stay_out_of_the_public_description() -> None:
    assert "x-codeSamples" not in (ROOT / "openapi.yaml").read_text(encoding="utf-8")


def test_curl_samples_call_their_operations_path(docs_spec: dict[str, Any]) -> None:
    for operation_id, path, source in _samples(docs_spec, "curl"):
        url = re.search(r"https://cloudpartner\.azure\.com(/[^?\"']*)\?api-version=2017-10-31", source)
        assert url, f"{operation_id}: no URL with api-version in {source!r}"
        template = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path))
        assert re.fullmatch(template, url.group(1)), f"{operation_id}: {url.group(1)} is not {path}"
        assert '-H "Authorization: Bearer $CPP_TOKEN"' in source, operation_id


def test_command_line_samples_parse_with_the_command_lines_parser(docs_spec: dict[str, Any]) -> None:
    samples = _samples(docs_spec, "Command line")
    assert samples
    for operation_id, _, source in samples:
        assert parse_command_line(shlex.split(source)), operation_id


def test_a_command_line_sample_with_a_wrong_option_is_caught() -> None:
    with pytest.raises(click.UsageError):
        parse_command_line([COMMAND, "cancel", "contoso", "offer", "--no-such-option"])


def test_python_samples_type_check_against_the_client(docs_spec: dict[str, Any], tmp_path: Path) -> None:
    samples = {operation_id: source for operation_id, _, source in _samples(docs_spec, "Python")}
    assert len(samples) >= 7
    # One sample that must fail proves the check can: a misspelt function of the client.
    samples["broken"] = "from cloud_partner_portal import begin_cancell\n"
    result = type_check(samples, tmp_path)
    errors = result.stdout.splitlines()
    assert [line for line in errors if "sample_broken.py" not in line] == [], result.stdout
    assert any("sample_broken.py" in line and "begin_cancell" in line for line in errors), result.stdout


def test_the_getting_started_code_fits_without_scrolling(docs_spec: dict[str, Any]) -> None:
    (guide,) = [tag for tag in docs_spec["tags"] if tag["name"] == "Getting started"]
    blocks = re.findall(r"```[^\n]*\n(.*?)```", guide["description"], flags=re.DOTALL)
    assert blocks, "the guide shows the token request as code"
    wide = [line for block in blocks for line in block.splitlines() if len(line) > GUIDE_CODE_COLUMNS]
    assert wide == []
