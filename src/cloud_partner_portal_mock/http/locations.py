"""Where an accepted call says its operation is: the location of each documented form ("flavor").

Publish, go live and an asynchronous cancel answer 202 with the operation's URL in a header and no body. The
pages show that URL in three forms (`openapi.yaml`, "Long-running operations"); a flavor is one page's way:

| flavor | header | publish | go live | cancel |
|---|---|---|---|---|
| `seed` (default) | `Operation-Location` | absolute | absolute | absolute |
| `2018` | `Operation-Location` | legacy | absolute | absolute |
| `2020-migrated` | `Location` | relative | relative | relative |
| `2020-legacy` | `Location` | legacy | legacy | legacy |

- absolute: `http://HOST:PORT/api/publishers/{p}/offers/{o}/operations/{id}`, no api-version (the seed page, the
  2018 go-live and cancel pages), built from the request's own base URL so that it reaches this mock;
- relative: `/api/publishers/{p}/offers/{o}/operations/{id}?api-version=2017-10-31` (2020, migrated offers);
- legacy: `/api/operations/{p}${o}${n}${slot}?api-version=2017-10-31` (the 2018 publish example; 2020, offers
  not migrated), answered by `getLegacyOperation` in every flavor.

The pages do not say what `{n}` and `{slot}` are. Here `{n}` is the operation's number on its offer (1 for the
offer's first operation, publish, go live or cancel, counting up and never reused), so the URL names one
operation and says nothing of other offers; `{slot}` is the operation's `slot` as `listOperations` shows it
(`staging` for a publish and its cancel, `production` for a go live and its cancel). The seed page's operation
is `/api/operations/contoso$contoso-virtualmachineoffer$1$staging`.

With `location_body` the 202 (and the synchronous 200 of a cancel) also carries the cancel page's prose form,
`{"operationId": ..., "operationLocation": <the same URL>}`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import quote

from ..state.service import Accepted
from ..validation.spec import api_version

LEGACY_SEPARATOR = "$"
MAX_NUMBER_DIGITS = 18
"""Longer `{n}` names no operation (and `int()` of thousands of digits is refused by Python itself)."""


@dataclass(frozen=True)
class LegacyOperationId:
    """The parts of `{publisherId}${offerId}${n}${slot}`, the last segment of the legacy status URL."""

    publisher_id: str
    offer_id: str
    number: int
    slot: str

    @classmethod
    def parse(cls, text: str) -> LegacyOperationId | None:
        """The parts of a legacy operation id, or None when `text` is not one (four `$`-separated parts, the
        third a number). Publisher and offer ids never hold a `$`, so the split is unambiguous."""
        parts = text.split(LEGACY_SEPARATOR)
        if len(parts) != 4:
            return None
        publisher_id, offer_id, number, slot = parts
        if not (publisher_id and offer_id and slot):
            return None
        if not (number.isascii() and number.isdigit() and len(number) <= MAX_NUMBER_DIGITS):
            return None
        return cls(publisher_id, offer_id, int(number), slot)


def _segment(value: str) -> str:
    return quote(value, safe="")


def legacy_operation_id(operation: Accepted) -> str:
    """`{publisherId}${offerId}${n}${slot}` of an operation."""
    parts = (operation.publisher_id, operation.offer_id, str(operation.number), operation.slot)
    return LEGACY_SEPARATOR.join(_segment(part) for part in parts)


def operation_path(operation: Accepted) -> str:
    """`/api/publishers/{p}/offers/{o}/operations/{id}`, the resource `getOperation` answers."""
    return (
        f"/api/publishers/{_segment(operation.publisher_id)}/offers/{_segment(operation.offer_id)}"
        f"/operations/{_segment(operation.operation_id)}"
    )


def absolute(operation: Accepted, base_url: str) -> str:
    return base_url.rstrip("/") + operation_path(operation)


def relative(operation: Accepted, base_url: str) -> str:
    return f"{operation_path(operation)}?api-version={api_version()}"


def legacy(operation: Accepted, base_url: str) -> str:
    return f"/api/operations/{legacy_operation_id(operation)}?api-version={api_version()}"


Form = Callable[[Accepted, str], str]
"""(operation, the request's base URL) → the location's value."""


@dataclass(frozen=True)
class Flavor:
    """One documented way of naming the started operation: a header, and a form per call."""

    name: str
    description: str
    header: str
    forms: Mapping[str, Form]
    """operationId of the accepted call → the form of its location."""

    def location(self, call: str, operation: Accepted, base_url: str) -> tuple[str, str]:
        """(header name, value) naming `operation` in the answer to `call` (an operationId)."""
        return self.header, self.forms[call](operation, base_url)


def _flavor(name: str, description: str, header: str, publish: Form, go_live: Form, cancel: Form) -> Flavor:
    forms = MappingProxyType({"publishOffer": publish, "goLiveOffer": go_live, "cancelOperation": cancel})
    return Flavor(name, description, header, forms)


DEFAULT_FLAVOR = "seed"
FLAVORS: Mapping[str, Flavor] = MappingProxyType(
    {
        flavor.name: flavor
        for flavor in (
            _flavor(
                "seed",
                "Operation-Location with the absolute URL of the operation (the seed page)",
                "Operation-Location",
                absolute,
                absolute,
                absolute,
            ),
            _flavor(
                "2018",
                "Operation-Location: the relative legacy status URL on publish, the absolute URL on go live and cancel",
                "Operation-Location",
                legacy,
                absolute,
                absolute,
            ),
            _flavor(
                "2020-migrated",
                "Location with the relative URL of the operation (offers migrated to Partner Center)",
                "Location",
                relative,
                relative,
                relative,
            ),
            _flavor(
                "2020-legacy",
                "Location with the relative legacy status URL (offers not migrated)",
                "Location",
                legacy,
                legacy,
                legacy,
            ),
        )
    }
)
