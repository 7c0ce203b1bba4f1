"""The command line's modules are layers: each imports only those its package's docstring lists above it."""

from __future__ import annotations

from support.layers import layer_problems


def test_the_command_line_is_layered_as_its_docstring_lists_its_modules() -> None:
    assert layer_problems("cloud_partner_portal.cli", {"errors", "api_version", "lro", "auth", "offers"}) == []
