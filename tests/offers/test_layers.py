"""The offers package is layered as its docstring lists its modules, and of its parent uses only the errors."""

from __future__ import annotations

from support.layers import layer_problems


def test_the_offers_package_is_layered_as_its_docstring_lists_its_modules() -> None:
    assert layer_problems("cloud_partner_portal.offers", {"errors"}) == []
