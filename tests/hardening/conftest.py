"""Shared by the hardening tests: the mock served on loopback, its state as comparable data, captured logs.

Every test here talks to 127.0.0.1 only and is bounded in count and time (the whole folder runs in well under a
minute). The served mock runs on a frozen clock; tests move it with `server.clock.advance(seconds)`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from cloud_partner_portal_mock.state.service import PublishingService
from cloud_partner_portal_mock.testing import MockServer

API_VERSION = "2017-10-31"
TOKENS = {"contoso": "contoso-token", "fabrikam": "fabrikam-token"}
SEED_OFFER = "contoso-virtualmachineoffer"
SEED_OPERATION = "5a63deb5-925b-4ee0-938b-7c86fbf287c5"
# uvicorn's "uvicorn" and "uvicorn.access" loggers do not propagate: they get the handler themselves; the root
# logger gets the mock's records and anything else. Levels go down to DEBUG for uvicorn and the mock.
HANDLED_LOGGERS = ("uvicorn", "uvicorn.access", "")
VERBOSE_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "cloud_partner_portal_mock")


def auth(publisher: str = "contoso") -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[publisher]}"}


def offer_url(base: str, offer: str, action: str, publisher: str = "contoso") -> str:
    return f"{base}/api/publishers/{publisher}/offers/{offer}/{action}"


def snapshot(service: PublishingService) -> dict[str, Any]:
    """The whole state as plain data: every operation's view, in every publisher's every offer, and the outbox."""
    service.outbox  # noqa: B018  # reason: applies due step ends first, as every call does
    store = service._store
    return {
        "operations": {
            op_id: (op.status, op.current, op.cancelled_by, [s.status for s in op.steps], len(op.messages))
            for op_id, op in store.operations.items()
        },
        "offers": {
            (p.id, o.id): (o.publishing_version, tuple(o.operation_ids))
            for p in store.publishers.values()
            for o in p.offers.values()
        },
        "outbox": list(store.outbox),
    }


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    """The documented mock on a loopback port for the module; reset it in each test that changes state."""
    with MockServer() as served:
        yield served


class LogCapture(logging.Handler):
    """Every record of the mock's and uvicorn's loggers, formatted, tracebacks included."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def logs() -> Iterator[LogCapture]:
    """Records everything uvicorn and the mock log, down to DEBUG, while the test runs."""
    capture = LogCapture()
    levels = {name: logging.getLogger(name).level for name in VERBOSE_LOGGERS}
    for name in HANDLED_LOGGERS:
        logging.getLogger(name).addHandler(capture)
    for name in VERBOSE_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        for name in HANDLED_LOGGERS:
            logging.getLogger(name).removeHandler(capture)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
