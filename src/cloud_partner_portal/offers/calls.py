"""One read or write of an offer, as the JSON the service sent and the ETag that goes with it.

The generated functions parse an offer into attrs models; these keep the parsed JSON as it came, because a
change must write back every key and value the service sent, untouched: a model would rebuild the JSON from
its fields (the keys in another order, and a value that does not fit its field's type would lose the whole
answer: the tolerant parse gives None), while the JSON as parsed holds them all. `OfferDocument.typed()` gives
the model when one is wanted.

The ETag is the `ETag` header of the answer (the concurrency page), else the body's `eTag` (the create page's
example has one; a third-party report saw reads without it). Every error status is an `ApiError`; a 412 from
`putOffer` is an `OfferChangedError`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import get_offer, get_offer_slot, get_offer_version, list_offers, put_offer
from cloud_partner_portal_client.models import Offer, SlotId
from cloud_partner_portal_client.types import UNSET, Response

from ..errors import ApiError, unexpected_status_as_api_error
from .errors import OfferChangedError

__all__ = [
    "ANY_VERSION",
    "OfferDocument",
    "list_offers_json",
    "list_offers_json_async",
    "read_offer",
    "read_offer_async",
    "write_offer",
    "write_offer_async",
]

#: `If-Match: *`: write whatever version is stored (the concurrency page's "last one wins").
ANY_VERSION: Final = "*"
_WRITE: Final = "putOffer"


@dataclass(frozen=True)
class OfferDocument:
    """An offer as the service sent it.

    Attributes:
        data: the offer's JSON, parsed (every key and value as sent, in its order).
        etag: the answer's `ETag` header, else the body's `eTag`; None when it had neither.
        status_code: 200 for a read or an update, 201 for a create.
    """

    data: dict[str, Any]
    etag: str | None
    status_code: int

    def typed(self) -> Offer | None:
        """The offer as the generated model, or None when the JSON does not fit it."""
        try:
            return Offer.from_dict(self.data)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def _json(call: str, response: Response[Any], expected: type, what: str) -> Any:
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested past the parser's depth
        data = None
    if not isinstance(data, expected):
        raise ApiError.from_response(response, call=call, reason=f"expected {what}")
    return data


def _etag(response: Response[Any], data: dict[str, Any]) -> str | None:
    for value in (response.headers.get("ETag"), data.get("eTag")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _document(call: str, response: Response[Any], ok: tuple[int, ...]) -> OfferDocument:
    status = int(response.status_code)
    if status in ok:
        data = _json(call, response, dict, "an offer (a JSON object)")
        return OfferDocument(data, _etag(response, data), status)
    if call == _WRITE and status == 412:
        raise OfferChangedError.from_response(response, call=call)
    raise ApiError.from_response(response, call=call)


def _raw_body(data: dict[str, Any]) -> Offer:
    # The generated put_offer sends `body.to_dict()`. An Offer whose typed fields are all unset and whose
    # additional properties are the JSON as read serializes to exactly that JSON: every key, in its order, every
    # value as parsed. (Open models keep unknown keys, but building one from the JSON would reorder them and
    # drop the answer on a value that does not fit a typed field.)
    body = Offer()
    body.additional_properties = dict(data)
    return body


def _read_call(
    publisher_id: str, offer_id: str, slot: SlotId | str | None, version: int | None
) -> tuple[str, Callable[..., Response[Any]], Callable[..., Awaitable[Response[Any]]]]:
    """The call that reads the offer: its draft (`getOffer`), a slot's (`getOfferSlot`) or a version's."""
    if slot is not None and version is not None:
        raise ValueError("read an offer's slot or one of its versions, not both")
    if slot is not None:
        slot_id = SlotId(slot)
        sync = partial(get_offer_slot.sync_detailed, publisher_id, offer_id, slot_id)
        return "getOfferSlot", sync, partial(get_offer_slot.asyncio_detailed, publisher_id, offer_id, slot_id)
    if version is not None:
        sync = partial(get_offer_version.sync_detailed, publisher_id, offer_id, version)
        return "getOfferVersion", sync, partial(get_offer_version.asyncio_detailed, publisher_id, offer_id, version)
    return (
        "getOffer",
        partial(get_offer.sync_detailed, publisher_id, offer_id),
        partial(get_offer.asyncio_detailed, publisher_id, offer_id),
    )


def read_offer(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    slot: SlotId | str | None = None,
    version: int | None = None,
) -> OfferDocument:
    """The offer's draft (`getOffer`), or the offer in `slot` (`Draft`, `Preview`, `Production`), or at `version`.

    Raises ApiError for an error status (404 for a slot never previewed or published) or a 200 that is not an
    offer; ValueError for a slot that is none of the three, or both a slot and a version.
    """
    call, send, _ = _read_call(publisher_id, offer_id, slot, version)
    with unexpected_status_as_api_error(call):
        response = send(client=client)
    return _document(call, response, (200,))


async def read_offer_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    *,
    slot: SlotId | str | None = None,
    version: int | None = None,
) -> OfferDocument:
    """`read_offer`, awaited."""
    call, _, send = _read_call(publisher_id, offer_id, slot, version)
    with unexpected_status_as_api_error(call):
        response = await send(client=client)
    return _document(call, response, (200,))


def write_offer(
    client: AuthenticatedClient, publisher_id: str, offer_id: str, data: dict[str, Any], *, if_match: str | None
) -> OfferDocument:
    """PUT `data` as the offer (`putOffer`) with `If-Match: if_match` (an ETag, or `ANY_VERSION`; None sends no
    If-Match, which the pages allow for a create only); the stored offer (status 200 updated, 201 created).

    Raises OfferChangedError on 412 (the offer changed since the ETag was read; nothing was written), ApiError
    for any other error status or a success that is not an offer.
    """
    with unexpected_status_as_api_error(_WRITE):
        response = put_offer.sync_detailed(
            publisher_id,
            offer_id,
            client=client,
            body=_raw_body(data),
            if_match=UNSET if if_match is None else if_match,
        )
    return _document(_WRITE, response, (200, 201))


async def write_offer_async(
    client: AuthenticatedClient, publisher_id: str, offer_id: str, data: dict[str, Any], *, if_match: str | None
) -> OfferDocument:
    """`write_offer`, awaited."""
    with unexpected_status_as_api_error(_WRITE):
        response = await put_offer.asyncio_detailed(
            publisher_id,
            offer_id,
            client=client,
            body=_raw_body(data),
            if_match=UNSET if if_match is None else if_match,
        )
    return _document(_WRITE, response, (200, 201))


def _listed(response: Response[Any]) -> list[Any]:
    if int(response.status_code) == 200:
        listed: list[Any] = _json("listOffers", response, list, "a list of offers")
        return listed
    raise ApiError.from_response(response, call="listOffers")


def list_offers_json(client: AuthenticatedClient, publisher_id: str) -> list[Any]:
    """The publisher's offers (`listOffers`) as the JSON list the service sent; ApiError otherwise."""
    with unexpected_status_as_api_error("listOffers"):
        return _listed(list_offers.sync_detailed(publisher_id, client=client))


async def list_offers_json_async(client: AuthenticatedClient, publisher_id: str) -> list[Any]:
    """`list_offers_json`, awaited."""
    with unexpected_status_as_api_error("listOffers"):
        return _listed(await list_offers.asyncio_detailed(publisher_id, client=client))
