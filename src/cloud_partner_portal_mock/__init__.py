"""A stateful mock of the Cloud Partner Portal publishing API (api-version 2017-10-31), validated by its spec.

`create_app(MockConfig(...))` builds the ASGI app; `python -m cloud_partner_portal_mock` serves it on
loopback; `cloud_partner_portal_mock.testing` and the pytest plugin serve it to tests.

The names below are imported on first use, so that the pytest plugin (`pytest_plugin.py`) can load in an
environment without the `mock` extra (Starlette, uvicorn).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app
    from .config import DEFAULT_TOKENS, MockConfig
    from .state.clock import Clock
    from .state.service import MockService, PublishingService

_HOMES = {
    "create_app": ".app",
    "Clock": ".state.clock",
    "DEFAULT_TOKENS": ".config",
    "MockConfig": ".config",
    "MockService": ".state.service",
    "PublishingService": ".state.service",
}

__all__ = ["DEFAULT_TOKENS", "Clock", "MockConfig", "MockService", "PublishingService", "create_app"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
