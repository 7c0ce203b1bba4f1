"""What the request pipeline (`app.py`) needs of a fault, so that it runs the faults of `faults/` without importing
them: the harness hands them in. `faults/` imports this module (and `error_responses.py`), nothing else of `http`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from starlette.responses import Response

SERVER_SEND = "cloud_partner_portal_mock.server_send"
"""Scope key of the server's own `send`, set by `app.StarletteWithServerSend` (for the `drop` fault)."""


@dataclass(frozen=True)
class FaultContext:
    """What a fault may look at: the operation being answered."""

    operation_id: str
    method: str
    path: str


class FaultHook(Protocol):
    """One fault as the pipeline runs it (`faults/catalog.py` has them)."""

    def applies(self, context: FaultContext) -> bool:
        """Whether it acts on this request; counts it if so."""

    async def before(self, context: FaultContext) -> Response | None:
        """An answer instead of the mock's (it may be one that drops the connection), or None."""

    def after(self, context: FaultContext, response: Response) -> Response:
        """The mock's answer, changed or not."""


class FaultHooks(Protocol):
    """The faults of one mock: its own, and those a request asks for by header."""

    def for_request(self, headers: Mapping[str, str]) -> Sequence[FaultHook]:
        """The faults that may act on a request with these headers, in the order they run; `ApiError` (400) when
        its fault header is not fault specs."""

    def reset(self) -> None:
        """Forget what the faults have counted (`times=`)."""
