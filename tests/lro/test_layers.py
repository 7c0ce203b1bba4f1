"""The poller's modules are layers: each imports only those its package's docstring lists above it."""

from __future__ import annotations

from support.layers import layer_problems, layer_violations


def test_the_poller_is_layered_as_its_docstring_lists_its_modules_and_uses_nothing_of_the_command_line() -> None:
    assert layer_problems("cloud_partner_portal.lro", {"errors", "api_version"}) == []


def test_an_import_of_a_module_listed_below_or_not_at_all_is_a_violation() -> None:
    order = ["statuses", "core", "pollers"]

    assert layer_violations(order, {"core": {"statuses"}, "pollers": {"core"}}) == []
    assert layer_violations(order, {"statuses": {"core"}, "core": {"core", "elsewhere"}}) == [
        "statuses imports core",
        "core imports core",
        "core imports elsewhere",
    ]
