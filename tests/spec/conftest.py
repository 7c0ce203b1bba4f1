"""The hand-written description, loaded once as plain data (`support.description` holds the helpers to walk it)."""

from __future__ import annotations

from typing import Any

import pytest

from support.description import load_spec


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()
