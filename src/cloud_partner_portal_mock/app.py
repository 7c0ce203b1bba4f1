"""`create_app`: one mock, put together from its layers for a `MockConfig`.

The state and its service (`state/`), the faults (`faults/`) and the HTTP app (`http/`) know nothing of the
configuration's type; here each gets what it reads of it (the service: `state.service.StateSettings`).
`ARCHITECTURE.md` draws the layers.
"""

from __future__ import annotations

from starlette.applications import Starlette

from .config import MockConfig
from .faults.catalog import FaultSet
from .http.app import RESET_PATH, ServedAs, build_app, reset_mock
from .state.service import PublishingService

__all__ = ["RESET_PATH", "create_app", "reset_mock"]


def create_app(config: MockConfig | None = None) -> Starlette:
    """A fresh mock: its own seeded state (`app.state.service`), config (`app.state.config`) and the description
    it serves and enforces (`app.state.description`)."""
    config = config or MockConfig()
    served = ServedAs(config.tokens, config.rules, config.flavor, config.location_body, config.max_body_bytes)
    app = build_app(PublishingService(config), FaultSet(config.faults, seed=config.seed), served)
    app.state.config = config
    return app
