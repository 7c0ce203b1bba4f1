"""RFC 9535 behaviour of the JSONPath wrapper on ruamel.yaml round-trip data; match() and search() bounded."""

from __future__ import annotations

import json
import time
from pathlib import Path

import jsonpath_rfc9535
import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from openapi_overlay import InvalidJSONPathError, OverlayError, apply_overlay, compile_path, load_text, select
from openapi_overlay import apply as apply_module
from openapi_overlay.__main__ import main
from support.overlay_files import overlay


def _paths(expression: str, document: object) -> list[str]:
    return [m.path for m in select(compile_path(expression), document)]


def test_ruamel_round_trip_containers_are_dict_and_list_subclasses() -> None:
    document = load_text("a: {b: [1, 2]}\n").data
    assert isinstance(document, CommentedMap)
    assert isinstance(document, dict)
    assert isinstance(document["a"]["b"], CommentedSeq)
    assert isinstance(document["a"]["b"], list)
    # so jsonpath-rfc9535 can walk them directly...
    assert jsonpath_rfc9535.find("$.a.b[1]", document).paths() == ["$['a']['b'][1]"]


def test_an_anchored_yaml_boolean_compares_equal_to_true() -> None:
    document = load_text("flags:\n  a: &yes true\n  b: *yes\n  c: 1\n").data
    # ...but an anchored boolean loads as ScalarBoolean, an int subclass, which the library
    # compares as a number: this is why the wrapper queries a plain-data snapshot.
    assert jsonpath_rfc9535.find("$.flags[?@ == true]", document).paths() == []
    assert _paths("$.flags[?@ == true]", document) == ["$['flags']['a']", "$['flags']['b']"]
    assert _paths("$.flags[?@ == 1]", document) == ["$['flags']['c']"]


def test_integer_yaml_keys_are_selected_by_their_json_name() -> None:
    document = load_text("responses:\n  200: {description: OK}\n  '404': {description: Missing}\n").data
    matches = select(compile_path("$.responses['200', '404']"), document)
    assert [m.path for m in matches] == ["$['responses']['200']", "$['responses']['404']"]
    assert matches[0].value is document["responses"][200]


def test_plain_dates_are_strings_as_in_yaml_1_2() -> None:
    document = load_text("info:\n  version: 2024-01-01\n").data
    assert _paths("$.info[?@ == '2024-01-01']", document) == ["$['info']['version']"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("$.a[?@]", [0, 1, 2, 3, 4]),  # existence: every element, falsy ones too
        ("$.a[?count(@) == 1]", [0, 1, 2, 3, 4]),
        ("$.a[?value(@) == 0]", [1]),
        ("$.a[?length(@) == 0]", [2]),
        ("$.a[?@ == null]", [3]),
    ],
)
def test_the_current_node_works_on_primitive_elements(expression: str, expected: list[int]) -> None:
    # jsonpath-rfc9535 1.0.1 gives a raw value instead of a nodelist for a bare `@` on a
    # primitive: [?@] drops false/0/"", count(@) and value(@) raise. The wrapper fixes it.
    document = {"a": [False, 0, "", None, "x"]}
    assert _paths(expression, document) == [f"$['a'][{i}]" for i in expected]


def test_the_unpatched_library_mishandles_the_current_node_on_primitives() -> None:
    document = {"a": [False, 0, "", None, "x"]}
    assert jsonpath_rfc9535.find("$.a[?@]", document).paths() == ["$['a'][3]", "$['a'][4]"]
    with pytest.raises(TypeError):
        jsonpath_rfc9535.find("$.a[?count(@) == 1]", document)


def test_matches_carry_normalized_paths() -> None:
    document = {"paths": {"/it's": {"get": {}}}, "list": [1, 2, 3]}
    assert _paths("$.paths.*.get", document) == ["$['paths']['/it\\'s']['get']"]
    assert _paths("$.list[-1]", document) == ["$['list'][2]"]
    assert _paths("$.list[::-1]", document) == ["$['list'][2]", "$['list'][1]", "$['list'][0]"]


def test_an_invalid_expression_reports_the_parser_message() -> None:
    with pytest.raises(InvalidJSONPathError) as info:
        compile_path("$.paths[")
    assert str(info.value) == "`$.paths[` is not a valid RFC 9535 JSONPath: unbalanced brackets, line 1, column 8"


# --- match() and search() under a time budget -------------------------------------------------------------

CATASTROPHIC = {"openapi": "3.1.0", "info": {"title": "a" * 26 + "b", "version": "1"}}


@pytest.mark.parametrize("function", ["search", "match"])
def test_a_catastrophically_backtracking_pattern_fails_within_the_budget(function: str) -> None:
    ovl = overlay({"target": f"$.info[?{function}(@, '(a|a)+$')]", "update": "x"})
    started = time.monotonic()
    with pytest.raises(OverlayError) as info:
        apply_overlay(CATASTROPHIC, ovl, regex_seconds=0.2)
    assert time.monotonic() - started < 30  # generous: unbounded, this takes about 23 s per call
    assert f"{function}() with pattern '(a|a)+$' on a string of 27 characters ran past the 0.2 s allowed" in str(
        info.value
    )
    assert str(info.value).startswith(f"overlay action 1 (target `$.info[?{function}(@, '(a|a)+$')]`): ")


def test_the_command_line_reports_a_regex_past_its_budget_as_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply_module, "REGEX_SECONDS", 0.2)
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text(json.dumps(CATASTROPHIC), encoding="utf-8")
    overlay_file = tmp_path / "o.yaml"
    overlay_file.write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n"
        "  - target: \"$.info[?search(@, '(a|a)+$')]\"\n    update: x\n",
        encoding="utf-8",
    )
    assert main(["apply", str(spec_file), str(overlay_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: overlay {overlay_file} action 1 ")
    assert "ran past the 0.2 s allowed for the regular expressions of one overlay" in err


# RFC 9535 section 2.4.6/2.4.7 and I-Regexp (RFC 9485): `.` is any character but \n and \r; match() is the whole
# string, search() any substring; an invalid I-Regexp (\d is not one) or a non-string gives false.
REGEX_CASES = [
    ("abc", "a.c"),
    ("a\nc", "a.c"),
    ("a\rc", "a.c"),
    ("xabcx", "a.c"),
    ("ÄÖÜ", "\\p{Lu}+"),
    ("ab1", "\\p{L}+\\p{Nd}"),
    ("a1", "a\\d"),
    ("abc", "[a-c]{3}"),
    ("Widget", "[Ww]idget|Gadget"),
    ("a\U0001f600b", "a.b"),
    (5, "5"),
    ("x", 5),
    ("", ""),
    ("abc", "(a"),
]


@pytest.mark.parametrize(("string", "pattern"), REGEX_CASES)
@pytest.mark.parametrize("function", ["match", "search"])
def test_match_and_search_give_what_the_library_gives(function: str, string: object, pattern: object) -> None:
    document = {"s": [string], "p": pattern}
    ours = _paths(f"$.s[?{function}(@, $.p)]", document)
    library = jsonpath_rfc9535.find(f"$.s[?{function}(@, $.p)]", document).paths()
    assert ours == library


def test_match_is_the_whole_string_and_search_any_part() -> None:
    document = {"s": ["abc", "xabcx", "a\nc"]}
    assert _paths("$.s[?match(@, 'a.c')]", document) == ["$['s'][0]"]
    assert _paths("$.s[?search(@, 'a.c')]", document) == ["$['s'][0]", "$['s'][1]"]
