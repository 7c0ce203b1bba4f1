"""The mock in-process, shared by the contract tests; each test case starts from its seed."""

from __future__ import annotations

import schemathesis

from cloud_partner_portal_mock.testing import InProcessMock

MOCK = InProcessMock()
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", MOCK.app)
