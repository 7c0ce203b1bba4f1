"""The mocks in-process for the contract tests, each with the description and configuration a run against it uses.

- One mock per flavor under the mock rules, tested against its own description (`/openapi.json`) with
  `schemathesis.toml`, as `make contract` tests the served mock.
- One under the documented rules, tested against the public description it serves with
  `schemathesis.public.toml`, as `make contract BASE_URL=...` tests an endpoint: the stand-in for a service that
  behaves only as documented. Its token and identifiers are the mock's, from `schemathesis.toml` (the public
  configuration reads the token from the environment and knows no identifiers), so calls reach seeded offers.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig

from cloud_partner_portal_mock import MockConfig
from cloud_partner_portal_mock.locations import FLAVORS
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation.spec import DOCUMENTED_RULES

ROOT = Path(__file__).resolve().parents[2]


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads((ROOT / name).read_text(encoding="utf-8"))


def public_config() -> SchemathesisConfig:
    """`schemathesis.public.toml` with the mock's test token, identifiers and example count (`schemathesis.toml`)."""
    public, mock = _toml("schemathesis.public.toml"), _toml("schemathesis.toml")
    public["auth"] = mock["auth"]
    public["dictionaries"] = mock["dictionaries"]
    public["parameters"] = mock["parameters"]
    public["generation"] = mock["generation"]  # the same number of examples as the mock's own runs
    return SchemathesisConfig.from_dict(public, base_dir=str(ROOT))


MOCKS = {flavor: InProcessMock(MockConfig(flavor=flavor)) for flavor in FLAVORS}
SCHEMAS = {flavor: schemathesis.openapi.from_asgi("/openapi.json", mock.app) for flavor, mock in MOCKS.items()}
DOCUMENTED_MOCK = InProcessMock(MockConfig(rules=DOCUMENTED_RULES))
DOCUMENTED_SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", DOCUMENTED_MOCK.app, config=public_config())
