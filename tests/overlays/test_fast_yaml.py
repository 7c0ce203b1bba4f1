"""libyaml reading and writing (``fast_yaml``): the same data as the round-trip reader, far faster."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openapi_overlay import DocumentLoadError, apply_files, load_text, to_plain
from openapi_overlay.__main__ import main
from openapi_overlay.fast_yaml import FastYamlError, dump_fast, load_fast
from support.overlay_files import CASES, COMPLIANT_SETS, folders

from .test_yaml_fidelity import SPEC

ROOT = Path(__file__).resolve().parents[2]

SCALARS = """\
plain: [yes, no, on, off, y, n, Yes, NO, true, True, FALSE, null, Null, ~, '', "", =, <<x]
numbers: [0, -0, +12, 017, 08, 0o17, 0x1F, 0xff, 0b101, 1_000, 1.5, 1., .5, -.5, 1e3, 1E-3, 6.02e+23, .inf, -.Inf, .NaN]
not-numbers: [1:20, 0b, 12abc, 1_000.5_0, 0x, 1.2.3, +, -, .]
dates: [2024-01-01, 2024-01-01T10:00:00Z, 2001-12-14 21:59:43.10 -5]
quoted: ['yes', "0o17", '1e3', "null", '~', 'true']
tagged: [!!str 12, !!int "12", !!float "1", !!bool "true", !!null "", !!str yes]
keys: {200: ok, '404': missing, true: t, null: n, 1.5: f}
text: |
  Markdown:
    - not YAML
folded: >-
  one
  two
unicode: "Grüße — 日本 \\u00e9 \\U0001F600"
empty:
merge-base: &base {a: 1, b: [1, 2]}
merged:
  b: own
  <<: *base
quoted-merge-key: {'<<': 1}
alias: *base
flow: {a: [1, {b: c}], d: []}
"""


def _same(left: Any, right: Any) -> bool:
    """Equal as JSON data, NaN equal to NaN."""
    return json.dumps(left, allow_nan=True) == json.dumps(right, allow_nan=True)


def _corpus() -> list[tuple[str, str]]:
    files = [ROOT / "openapi.yaml", *ROOT.glob("overlays/*.yaml")]
    for folder in [*folders(COMPLIANT_SETS), *folders(CASES)]:
        files += sorted(folder.glob("*.yaml"))
    return [("scalars", SCALARS), ("fidelity-spec", SPEC)] + [
        (str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in files
    ]


@pytest.mark.parametrize(("name", "text"), _corpus(), ids=[name for name, _ in _corpus()])
def test_libyaml_reads_the_same_data_as_the_round_trip_reader(name: str, text: str) -> None:
    data, size = load_fast(text)
    assert _same(data, to_plain(load_text(text).data)), name
    assert size.plain


def test_the_scalar_corpus_reads_as_yaml_1_2() -> None:
    data, _ = load_fast(SCALARS)
    assert data["plain"][:4] == ["yes", "no", "on", "off"]
    assert data["numbers"][3:12] == [17, 8, 15, 31, 255, 5, 1000, 1.5, 1.0]
    assert math.isinf(data["numbers"][-2])
    assert math.isnan(data["numbers"][-1])
    assert data["dates"][0] == "2024-01-01"
    assert data["keys"] == {"200": "ok", "404": "missing", "true": "t", "null": "n", "1.5": "f"}
    assert data["merged"] == {"b": "own", "a": 1}
    assert data["quoted-merge-key"] == {"<<": 1}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_VALUES)
def test_what_libyaml_writes_reads_back_as_the_same_data_with_either_reader(value: Any) -> None:
    text = dump_fast(value)
    assert _same(load_fast(text)[0], value)
    assert _same(to_plain(load_text(text).data), value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\na: 2\n", "found duplicate key 'a'"),
        ("a: 1\n---\nb: 2\n", "expected a single document"),
        ("a: *nowhere\n", "found undefined alias"),
        ("{[1]: x}\n", "a mapping key must be a scalar"),
        ("a: [\n", "while parsing a flow"),
    ],
)
def test_libyaml_reading_refuses_what_json_data_cannot_hold(text: str, problem: str) -> None:
    with pytest.raises(FastYamlError, match=problem):
        load_fast(text)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(SPEC, encoding="utf-8")
    overlay_file = tmp_path / "o.yaml"
    overlay_file.write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {x-a: 1}\n",
        encoding="utf-8",
    )
    return spec_file, overlay_file


def test_fast_yaml_writes_the_same_data_without_comments(tmp_path: Path) -> None:
    spec_file, overlay_file = _files(tmp_path)
    assert main(["apply", str(spec_file), str(overlay_file), "-o", str(tmp_path / "fast.yaml"), "--fast-yaml"]) == 0
    assert main(["apply", str(spec_file), str(overlay_file), "-o", str(tmp_path / "kept.yaml")]) == 0
    fast = (tmp_path / "fast.yaml").read_text(encoding="utf-8")
    kept = (tmp_path / "kept.yaml").read_text(encoding="utf-8")
    assert "#" in kept
    assert "#" not in fast
    assert "- 'yes'\n" in fast  # quoted: a YAML 1.1 reader would take it for true
    assert load_fast(fast)[0] == to_plain(load_text(kept).data)


def test_json_output_reads_yaml_with_libyaml_and_gives_the_same_json(tmp_path: Path) -> None:
    spec_file, overlay_file = _files(tmp_path)
    auto = apply_files(spec_file, [overlay_file], tmp_path / "auto.json")
    both = apply_files(spec_file, [overlay_file], tmp_path / "both.yaml", also=[tmp_path / "both.json"])
    assert type(auto.document) is dict  # read by libyaml: plain data
    assert type(both.document) is not dict  # a YAML output keeps comments: the round-trip tree
    assert (tmp_path / "auto.json").read_bytes() == (tmp_path / "both.json").read_bytes()


def test_invalid_yaml_read_by_libyaml_names_the_file(tmp_path: Path) -> None:
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match=f"{spec_file}: not valid YAML: .*found duplicate key 'a'"):
        apply_files(spec_file, [], tmp_path / "out.json")
