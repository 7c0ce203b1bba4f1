"""Broken-mock switches: faults that make the mock break its own contract on purpose (all off by default).

They exist to prove that contract tests and clients notice a broken server (`MockConfig(faults=...)`,
`python -m cloud_partner_portal_mock --break NAME`). Each fault is a small class with two hooks:

- `before(context)` runs before the request is handled and may answer instead of the mock (the place for
  latency, `429` with `Retry-After`, `503`, or raising to drop the connection);
- `after(context, response)` may change the mock's answer (the place for missing headers, wrong statuses).

To add a fault, subclass `Fault`, give it a `name` and a `description`, and list it in `FAULTS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from starlette.responses import Response


@dataclass(frozen=True)
class FaultContext:
    """What a fault may look at: the operation being answered."""

    operation_id: str
    method: str
    path: str


class Fault:
    name: ClassVar[str]
    description: ClassVar[str]

    async def before(self, context: FaultContext) -> Response | None:
        return None

    def after(self, context: FaultContext, response: Response) -> Response:
        return response


class OmitOperationLocation(Fault):
    name = "omit-operation-location"
    description = "answer 202 without the required Operation-Location header (Location stays)"

    def after(self, context: FaultContext, response: Response) -> Response:
        if response.status_code == 202 and "operation-location" in response.headers:
            del response.headers["operation-location"]
        return response


class WrongCancelStatus(Fault):
    name = "wrong-cancel-status"
    description = "answer 201, which the spec does not document, instead of 200 on a synchronous cancel"

    def after(self, context: FaultContext, response: Response) -> Response:
        if context.operation_id == "cancelOperation" and response.status_code == 200:
            response.status_code = 201
        return response


FAULTS: dict[str, type[Fault]] = {cls.name: cls for cls in (OmitOperationLocation, WrongCancelStatus)}


def build_faults(names: Iterable[str]) -> tuple[Fault, ...]:
    """The faults named, in a stable order; an unknown name is an error that lists the known ones."""
    chosen = sorted(set(names))
    unknown = [name for name in chosen if name not in FAULTS]
    if unknown:
        raise ValueError(f"unknown fault {', '.join(map(repr, unknown))}; known faults: {', '.join(FAULTS)}")
    return tuple(FAULTS[name]() for name in chosen)
