"""The package's public names: one import path per error, `API_VERSION` from the description, a docstring each.

The README and the docs import errors from `cloud_partner_portal`; they are defined in `cloud_partner_portal.errors`
and no other module lists them. The published reference is made from `cloud_partner_portal.__all__`'s docstrings.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import cloud_partner_portal_client.api
import pytest
import yaml

import cloud_partner_portal
from cloud_partner_portal import API_VERSION, errors
from cloud_partner_portal.api_version import api_version_of

ROOT = Path(__file__).resolve().parents[2]
ERRORS = [name for name in errors.__all__ if inspect.isclass(getattr(errors, name))]
CALLABLES = [name for name in cloud_partner_portal.__all__ if callable(getattr(cloud_partner_portal, name))]


def modules_of(package: ModuleType) -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        yield importlib.import_module(info.name)


@pytest.mark.parametrize("name", ERRORS)
def test_each_error_is_the_same_class_where_the_docs_import_it(name: str) -> None:
    assert name in cloud_partner_portal.__all__
    assert getattr(cloud_partner_portal, name) is getattr(errors, name)


def test_no_other_module_offers_an_error() -> None:
    offering = {
        (module.__name__, name)
        for module in modules_of(cloud_partner_portal)
        if module is not errors
        for name in getattr(module, "__all__", ())
        if name in ERRORS
    }

    assert offering == set()


@pytest.mark.parametrize("name", CALLABLES)
def test_every_public_class_and_function_has_a_docstring(name: str) -> None:
    assert (getattr(cloud_partner_portal, name).__doc__ or "").strip()  # its own: a class does not inherit one


def test_api_version_is_the_descriptions_const() -> None:
    description = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))

    assert description["components"]["parameters"]["ApiVersion"]["schema"]["const"] == API_VERSION


def test_every_generated_call_defaults_to_the_same_api_version() -> None:
    calls = [
        module.sync_detailed
        for module in modules_of(cloud_partner_portal_client.api)
        if hasattr(module, "sync_detailed")
    ]

    assert len(calls) >= 7
    assert {api_version_of(call) for call in calls} == {API_VERSION}


def test_a_generated_call_without_an_api_version_is_named() -> None:
    def get_something(publisher_id: str) -> None: ...

    with pytest.raises(RuntimeError, match=r"test_public_names\..*get_something has no default api_version"):
        api_version_of(get_something)
