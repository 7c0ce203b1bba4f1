"""`make diff`'s engine on the corpus: one folder per edit, before.yaml → after.yaml, and the expected report.

expected.yaml gives the impact for client users and for servers under contract test, and every change the report
must list (kind, where, and both impacts), no more and no fewer.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml
from scratch import ROOT, make_command, run

from tools.apidiff import Impact, compare_documents
from tools.apidiff.__main__ import main as apidiff_main
from tools.apidiff.sources import from_file

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())

# The kinds of change the report must know, each shown by at least one corpus case.
REQUIRED_KINDS = {
    "operation-removed",
    "parameter-removed",
    "property-removed",  # a response field (and a request field)
    "response-status-removed",
    "required-property-added",  # a new required request field
    "required-parameter-added",
    "type-changed",
    "format-changed",
    "enum-value-removed",  # narrowed on a request
    "enum-value-added",  # widened where the client is closed (and where it is open: an addition)
    "response-header-made-required",
    "response-header-removed",
    "documentation-changed",
    "property-added",
    "operation-added",
}


def expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CORPUS / case / "expected.yaml").read_text(encoding="utf-8"))
    return data


@functools.cache
def report_of(case: str) -> Any:
    before, after = from_file(CORPUS / case / "before.yaml"), from_file(CORPUS / case / "after.yaml")
    return compare_documents(before.data, after.data, old_name="before.yaml", new_name="after.yaml")


@pytest.mark.parametrize("case", CASES)
def test_corpus_case_is_classified_as_expected(case: str) -> None:
    want = expected(case)
    report = report_of(case)
    got = [
        {"kind": c.kind, "where": c.where, "client": c.client.label, "server": c.server.label} for c in report.changes
    ]
    key = lambda change: (change["where"], change["kind"])  # noqa: E731 - a sort key
    assert sorted(got, key=key) == sorted(want["changes"], key=key)
    assert (report.client_level.label, report.server_level.label) == (want["client"], want["server"])


@pytest.mark.parametrize("case", CASES)
def test_command_line_fails_exactly_on_breaking_corpus_cases(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    want = expected(case)
    breaking = "breaking" in (want["client"], want["server"])
    status = apidiff_main([str(CORPUS / case / "before.yaml"), str(CORPUS / case / "after.yaml")])
    out, err = capsys.readouterr()
    assert status == (1 if breaking else 0), out + err
    assert "Traceback" not in err
    for change in want["changes"]:
        assert change["where"] in out
    if breaking:
        assert "not acknowledged" in err


def test_corpus_covers_every_kind_of_change_and_edits_that_break_nothing() -> None:
    kinds = {c["kind"] for case in CASES for c in expected(case)["changes"]}
    assert kinds >= REQUIRED_KINDS, REQUIRED_KINDS - kinds
    assert len(CASES) >= 25
    harmless = [c for c in CASES if "breaking" not in (expected(c)["client"], expected(c)["server"])]
    assert {"description-edited", "example-edited", "optional-response-field-added", "operation-added"} <= set(harmless)


def test_a_field_removed_inside_a_referenced_schema_is_found_where_it_is_used() -> None:
    report = report_of("response-field-removed-in-referenced-schema")
    assert {(c.kind, c.where) for c in report.breaking} == {
        ("property-removed", "getOperation: response 200 (application/json) /steps[]/estimatedTimeFrame"),
        ("property-removed", "listOperations: response 200 (application/json) []/steps[]/estimatedTimeFrame"),
    }
    assert report.client_level is Impact.BREAKING


def test_widening_an_open_response_enum_is_an_addition_but_a_closed_one_breaks_the_client() -> None:
    assert report_of("open-response-enum-widened").client_level is Impact.ADDITION
    assert report_of("closed-response-enum-widened").client_level is Impact.BREAKING


def test_make_diff_compares_two_files_given_as_before_and_after() -> None:
    case = CORPUS / "response-field-removed-in-referenced-schema"
    make = make_command(f"BEFORE={case / 'before.yaml'}", f"AFTER={case / 'after.yaml'}")
    breaking = run(ROOT, *make, "diff", check=False)
    assert breaking.returncode != 0
    assert "/steps[]/estimatedTimeFrame: property removed" in breaking.stdout
    accepted = run(ROOT, *make, "ACCEPT_BREAKING=1", "diff", check=False)
    assert accepted.returncode == 0, accepted.stderr
