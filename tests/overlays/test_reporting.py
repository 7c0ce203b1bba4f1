"""Targets that select nothing: reported (and logged) by default, an error with ``strict``."""

from __future__ import annotations

import logging

import pytest

from openapi_overlay import OverlayError, apply_overlay
from support.overlay_files import overlay, spec


def test_a_target_that_selects_nothing_is_reported_and_changes_nothing() -> None:
    document = spec()
    report = apply_overlay(
        document,
        overlay(
            {"target": "$.info", "update": {"x-a": 1}},
            {"target": "$.servers[5]", "remove": True, "description": "drop the sixth server"},
        ),
    )
    assert document["servers"] == spec()["servers"]
    assert [(r.index, r.target, r.description) for r in report.unmatched] == [
        (2, "$.servers[5]", "drop the sixth server")
    ]
    assert report.warnings() == ["overlay action 2 (target `$.servers[5]`): selects nothing"]


def test_a_target_that_selects_nothing_is_logged_as_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="openapi_overlay"):
        apply_overlay(spec(), overlay({"target": "$.nope", "update": {}}), source="o.yaml")
    assert [r.getMessage() for r in caplog.records] == ["overlay o.yaml action 1 (target `$.nope`): selects nothing"]


def test_a_target_that_selects_nothing_fails_under_strict() -> None:
    with pytest.raises(OverlayError) as info:
        apply_overlay(
            spec(),
            overlay({"target": "$.info", "update": {}}, {"target": "$.servers[5]", "remove": True}),
            strict=True,
        )
    assert str(info.value) == "overlay action 2 (target `$.servers[5]`): selects nothing"
    assert (info.value.action, info.value.target) == (2, "$.servers[5]")


def test_strict_accepts_targets_that_select_something() -> None:
    report = apply_overlay(spec(), overlay({"target": "$.servers[0]", "remove": True}), strict=True)
    assert report.unmatched == []


def test_the_report_counts_distinct_selected_nodes_per_action() -> None:
    report = apply_overlay(
        spec(),
        overlay(
            {"target": "$.servers[0,1,0]", "update": {"x-seen": True}},
            {"target": "$.paths.*.get", "copy": "$.info.contact"},
            {"target": "$.tags[0]", "remove": False},
        ),
    )
    assert [(r.index, r.kind, r.matched) for r in report.results] == [(1, "update", 2), (2, "copy", 1), (3, "none", 1)]
    assert report.version == "1.1.0"
