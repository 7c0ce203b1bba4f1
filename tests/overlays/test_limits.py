"""The bounds of ``openapi_overlay.limits``: hostile or oversized input fails fast with ``error:`` and exit 1.

The command-line cases run ``python -m openapi_overlay`` in a subprocess under an address-space cap
(``RLIMIT_AS``) and a wall-clock timeout, both generous: before the bounds existed, each of them ran for
seconds to minutes and ended in a traceback (``MemoryError``, ``RecursionError``) or not at all.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from openapi_overlay import OverlayError, apply_overlay, yamlio
from openapi_overlay import apply as apply_module
from openapi_overlay.__main__ import main
from openapi_overlay.fast_yaml import load_fast
from openapi_overlay.limits import MAX_ALIAS_NODES, MAX_DEPTH, LimitExceeded, measure
from support.overlay_files import overlay, spec

MEMORY_CAP = 768 * 1024 * 1024  # far above what a bounded apply needs (~150 MB), far below an expanded bomb
TIMEOUT = 60  # seconds: a bounded failure takes one or two on a slow machine

HEADER = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"
OVERLAY_HEADER = "overlay: 1.1.0\ninfo: {title: t, version: '1'}\n"
NOOP_ACTIONS = "actions:\n  - target: $.info\n    update: {x-checked: true}\n"


def _bomb(indent: str = "") -> str:
    """Nested aliases, seven levels of ten: under 400 bytes that stand for 10,000,000 strings."""
    lines = [f"{indent}a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{indent}a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 7)]
    return "\n".join(lines) + "\n"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    return subprocess.run(  # noqa: S603  (this interpreter running this package on files the test wrote)
        [sys.executable, "-m", "openapi_overlay", "apply", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=cap_memory,
        cwd=tmp_path,
        check=False,
    )


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_bomb_in_these_tests_is_small_and_stands_for_ten_million_nodes() -> None:
    assert len(_bomb()) < 500
    assert measure(yamlio.make_yaml().load(_bomb()), max_nodes=10**9).nodes > 10_000_000


def test_a_normal_apply_works_under_the_same_memory_cap(tmp_path: Path) -> None:
    spec_file = _write(tmp_path / "openapi.yaml", HEADER)
    proc = _run(tmp_path, spec_file, _write(tmp_path / "o.yaml", OVERLAY_HEADER + NOOP_ACTIONS))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "x-checked: true" in proc.stdout


@pytest.mark.parametrize(
    ("spec_text", "overlay_text", "output"),
    [
        (HEADER + _bomb(), OVERLAY_HEADER + NOOP_ACTIONS, "out.yaml"),
        (HEADER + _bomb(), OVERLAY_HEADER + NOOP_ACTIONS, "out.json"),  # read by libyaml
        (HEADER, OVERLAY_HEADER + "x-anchors:\n" + _bomb("  ") + NOOP_ACTIONS, "out.yaml"),
        (
            HEADER,
            OVERLAY_HEADER + "actions:\n  - target: $.info\n    update:\n      x-bomb:\n" + _bomb(" " * 8),
            "out.yaml",
        ),
    ],
    ids=["in-the-spec", "in-the-spec-json-output", "in-the-overlay", "inside-an-update-value"],
)
def test_a_yaml_alias_bomb_fails_fast_with_error_and_exit_1(
    tmp_path: Path, spec_text: str, overlay_text: str, output: str
) -> None:
    spec_file = _write(tmp_path / "openapi.yaml", spec_text)
    overlay_file = _write(tmp_path / "o.yaml", overlay_text)
    proc = _run(tmp_path, spec_file, overlay_file, "-o", output)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.startswith("error: "), proc.stderr[-2000:]
    assert "aliases expand to" in proc.stderr
    assert f"at most {MAX_ALIAS_NODES:,} are allowed" in proc.stderr
    assert not (tmp_path / output).exists()


def test_dev_zero_as_the_spec_fails_at_the_input_size_bound(tmp_path: Path) -> None:
    overlay_file = _write(tmp_path / "o.yaml", OVERLAY_HEADER + NOOP_ACTIONS)
    proc = _run(tmp_path, "/dev/zero", overlay_file)
    assert proc.returncode == 1
    assert proc.stderr == "error: /dev/zero: is larger than 64 MiB, the most an input file may be\n"


def test_running_out_of_memory_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    # 40 MB of empty objects: within the size bound, but ~13 million dicts need more than the cap.
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text("[" + "{}," * 13_000_000 + "{}]", encoding="utf-8")
    overlay_file = _write(tmp_path / "o.yaml", OVERLAY_HEADER + NOOP_ACTIONS)
    proc = _run(tmp_path, str(spec_file), overlay_file, "-o", "out.json")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: "), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


DEEP_JSON = '{"openapi": "3.1.0", "x": ' + "[" * 1000 + "]" * 1000 + "}"
DEEP_FLOW_YAML = "openapi: 3.1.0\nx: " + "[" * 1000 + "]" * 1000 + "\n"
DEEP_BLOCK_YAML = "openapi: 3.1.0\nx:\n" + "".join("  " * i + "k:\n" for i in range(1, 1001)) + "  " * 1001 + "v\n"


@pytest.mark.parametrize(
    ("name", "text", "output"),
    [
        ("openapi.json", DEEP_JSON, "out.json"),
        ("openapi.yaml", DEEP_FLOW_YAML, "out.yaml"),
        ("openapi.yaml", DEEP_BLOCK_YAML, "out.yaml"),
        ("openapi.yaml", DEEP_BLOCK_YAML, "out.json"),  # read by libyaml
    ],
    ids=["json", "yaml-flow", "yaml-block", "yaml-block-json-output"],
)
def test_a_thousand_levels_of_nesting_is_an_error_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, output: str
) -> None:
    spec_file = _write(tmp_path / name, text)
    overlay_file = _write(tmp_path / "o.yaml", OVERLAY_HEADER + NOOP_ACTIONS)
    assert main(["apply", spec_file, overlay_file, "-o", str(tmp_path / output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {spec_file}: objects and arrays nest deeper than {MAX_DEPTH} levels"), err
    assert err.count("\n") == 1


def _nested(levels: int) -> dict[str, object]:
    """``{"openapi": ..., "x": {"x": ... {"x": {"leaf": true}}}}`` nesting ``levels`` objects in all."""
    inner: dict[str, object] = {"leaf": True}
    for _ in range(levels - 2):
        inner = {"x": inner}
    return {"openapi": "3.1.0", "x": inner}


def test_a_descendant_query_works_on_a_document_as_deep_as_the_bound() -> None:
    document = _nested(MAX_DEPTH)
    assert measure(document).depth == MAX_DEPTH
    report = apply_overlay(document, overlay({"target": "$..[?@.leaf == true]", "update": {"found": 1}}))
    assert report.results[0].matched == 1


def test_an_update_that_would_nest_past_the_bound_is_an_error() -> None:
    document = _nested(MAX_DEPTH - 1)
    innermost = "$..[?@.leaf == true]"
    apply_overlay(document, overlay({"target": innermost, "update": {"up_to": {"the_bound": 1}}}))
    assert measure(document).depth == MAX_DEPTH
    with pytest.raises(OverlayError, match=f"would nest objects and arrays deeper than {MAX_DEPTH} levels"):
        apply_overlay(document, overlay({"target": innermost, "update": {"past": {"the": {"bound": 1}}}}))
    assert measure(document).depth == MAX_DEPTH


def test_an_overlay_that_doubles_the_document_stops_at_the_node_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apply_module, "MAX_NODES", 1_000)
    document = {"openapi": "3.1.0", "a": {"b": list(range(10))}}
    doubling = [{"target": "$.a", "copy": "$.a", "description": f"double {n}"} for n in range(20)]
    # copy merges $.a into itself: its array concatenates with itself, 10, 20, 40... elements
    with pytest.raises(OverlayError, match=r"would grow the document to [0-9,]+ nodes; at most 1,000 are allowed"):
        apply_overlay(document, overlay(*doubling))
    assert len(document["a"]["b"]) <= 1_000


def test_a_recursive_alias_is_an_error() -> None:
    recursive: list[object] = [1]
    recursive.append(recursive)
    with pytest.raises(LimitExceeded, match="contains it"):
        measure({"a": recursive})
    with pytest.raises(LimitExceeded, match="alias \\*a refers to an object or array that contains it"):
        load_fast("a: &a [1, *a]\n")


def test_yaml_read_with_comments_has_its_own_size_bound(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(yamlio, "MAX_ROUND_TRIP_YAML_BYTES", 1024)
    spec_file = _write(tmp_path / "openapi.yaml", HEADER + "x-pad: " + "p" * 2000 + "\n")
    overlay_file = _write(tmp_path / "o.yaml", OVERLAY_HEADER + NOOP_ACTIONS)
    with pytest.raises(OverlayError, match=r"comments are kept only up to .*: read it with --fast-yaml, or write JSON"):
        apply_module.apply_files(spec_file, [overlay_file], tmp_path / "out.yaml")
    result = apply_module.apply_files(spec_file, [overlay_file], tmp_path / "out.yaml", fast_yaml=True)
    assert "x-checked: true" in result.text


def test_measure_counts_nodes_and_nesting() -> None:
    size = measure(spec())
    assert (size.depth, size.plain) == (5, True)  # $, paths, /widgets, get, responses
    assert size.nodes == size.written == 20
