"""Offer documents: each offer's draft, its Preview and Production slots and its published versions, with ETags.

A document is the JSON object the retrieve-offer page shows (E2: `offerTypeId`, `publisherId`, `status`, `id`,
`version`, `offerTypeVersions`, `definition` with `displayText`, `offer` and `plans`, `changedTime`, `eTag`),
kept as JSON data (dicts and lists, in the order they came), so keys this module does not know, such as a new
namespaced key, come back exactly as they were sent. `status` is not stored: it is the offer's publishing status,
which the lifecycle computes, and every read takes it from the caller (`status_of`), so a document, the summary
list and `/status` never disagree.

What the pages say (cpp-api.md §1.2, §4) and what the mock decides where they say nothing:

- ETag: weak, encoding the draft's change time, as in the create-offer example
  `W/"datetime'2017-06-07T06%3A15%3A40.4771399Z'"` (colons URL-encoded, 7 fractional digits). Change times are
  kept in .NET ticks (100 ns), the unit of those 7 digits; a PUT stamps the later of `now` and the previous change
  plus one tick, so two PUTs at the same clock time still get different ETags.
- PUT is a check-and-set that the caller runs under its lock: everything is checked before anything changes, so
  a refused PUT changes nothing. `If-Match` equal to the current ETag, or `*` (last one wins), applies it; any
  other value answers 412. Without `If-Match`, a PUT on an existing offer answers 400: the concurrency page's rule
  (a third-party report saw a 409 instead; the mock follows the page). To create, send no `If-Match` (or `*`, as
  the third-party clients always do); an ETag names a version of an offer that does not exist, so it answers 412.
- `status`, `version`, `changedTime` and `eTag` are the server's: their values in a PUT body are ignored.
- Versions [INFERRED]: an offer is created as version 1 (the create example answers `"version": 1`); the Preview
  and Production slots hold copies of the draft as it was published, under its version number; when a go-live
  completes, the Production copy is recorded as that version (E3) and the draft moves to the next number (the
  pages: "goes up by one after each publish"). The latest `MAX_KEPT_VERSIONS` versions are kept, oldest dropped.
- Artifacts (§4 E6 "Artifacts"): a logo URL or a VM pricing spreadsheet URI not yet in Marketplace storage is
  "copied in", and later reads return a storage URL shaped like the create example's answer
  (`https://publishingstoredm.blob.core.windows.net/prodcontent/D6191_publishers_<publisher>/<offer>/<guid>.png
  ?sv=2014-02-14&sr=b&sig=…&se=…&sp=r`), derived from the source URL and the time, so the same PUT gives the same
  URL. Which keys: the five logos (the create example rewrites all five) and `spreadSheetPricing.uri` (the
  set-pricing page). Not `osVhdUrl`: the create example answers the publisher's own VHD URL unchanged. Not
  `screenshots`: no page shows their shape. A URL already in Marketplace storage is kept, so GET → PUT is
  idempotent.
- Secret-type fields: E2 says their values are never returned, but no page names one (the lead configurations
  are shown only as `{}`), so the mock has none to hide.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, Final
from urllib.parse import quote, urlsplit

from .errors import ApiError

JsonObject = dict[str, Any]
StatusOf = Callable[[str], str]
"""The offer's publishing status (as `/status` reads it), given the offer id, for the caller's publisher."""

SLOTS: Final = ("Draft", "Preview", "Production")
NEVER_PUBLISHED: Final = "neverPublished"
MAX_KEPT_VERSIONS: Final = 64
"""Published versions kept per offer: the oldest is dropped when a go-live records one more."""
MAX_OFFERS_PER_PUBLISHER: Final = 1000
"""Offers one publisher may hold: a PUT creating one more answers 400, so the mock's memory stays bounded."""
MAX_DEFINITION_DEPTH: Final = 64
"""How deeply a definition's objects and arrays may nest (the pages' deepest is 5), so that copying one cannot
exhaust the interpreter's stack whatever the body."""

_TICKS_EPOCH = datetime(1, 1, 1, tzinfo=UTC)
_TICKS_PER_SECOND = 10_000_000
MARKETPLACE_STORAGE: Final = "https://publishingstoredm.blob.core.windows.net/prodcontent"
# The create example's answer uses the first; the retrieve example's logos are on the second (a test container).
_STORAGE_HOSTS = frozenset({"publishingstoredm.blob.core.windows.net", "publishingapistore.blob.core.windows.net"})
_LOGO_KEYS = frozenset({"smallLogo", "mediumLogo", "largeLogo", "wideLogo", "heroLogo"})
_SAS_VERSION = "2014-02-14"
_MAX_SUFFIX_CHARS = 8
_QUOTED_CHARS = 80


DocumentError = ApiError
"""A refused read or write of a document: the API's error (status, machine-readable code, a message that names the
thing), as every layer above renders it."""


def ticks(moment: datetime) -> int:
    """`moment` in .NET ticks (100 ns since 0001-01-01 UTC)."""
    if moment.tzinfo is None:
        raise ValueError(f"ticks: the time must be timezone-aware, got naive {moment.isoformat()}")
    return (moment - _TICKS_EPOCH) // timedelta(microseconds=1) * 10


def changed_time(at_ticks: int) -> str:
    """The pages' UTC timestamp with 7 fractional digits, e.g. `2017-06-07T06:15:39.7349221Z`."""
    seconds, fraction = divmod(at_ticks, _TICKS_PER_SECOND)
    return f"{_TICKS_EPOCH + timedelta(seconds=seconds):%Y-%m-%dT%H:%M:%S}.{fraction:07d}Z"


def weak_etag(changed: str) -> str:
    """The ETag of a document changed at `changed` (a `changed_time`), as the create-offer example writes it."""
    return f"W/\"datetime'{quote(changed, safe='')}'\""


@dataclass(frozen=True, slots=True)
class Written:
    """What a PUT did: created the offer (201) or updated its draft (200), and the stored document."""

    created: bool
    document: JsonObject

    @property
    def status_code(self) -> int:
        return 201 if self.created else 200

    @property
    def etag(self) -> str:
        etag: str = self.document["eTag"]
        return etag


@dataclass(slots=True)
class _Offer:
    draft: JsonObject
    """The draft document without `status`."""
    changed: int
    """The draft's change time in ticks (its `changedTime` and `eTag` are written from it)."""
    preview: JsonObject | None = None
    production: JsonObject | None = None
    versions: dict[int, JsonObject] = field(default_factory=dict)
    """The published versions kept, by number, oldest first."""


class OfferDocuments:
    """Every publisher's offer documents. Not thread-safe by itself: the service calls it under its lock."""

    def __init__(self, max_versions: int = MAX_KEPT_VERSIONS, max_offers: int = MAX_OFFERS_PER_PUBLISHER) -> None:
        if max_versions < 1:
            raise ValueError(f"max_versions: must be >= 1, got {max_versions}")
        if max_offers < 1:
            raise ValueError(f"max_offers: must be >= 1, got {max_offers}")
        self.max_versions = max_versions
        self.max_offers = max_offers
        self._publishers: dict[str, dict[str, _Offer]] = {}

    def offer_ids(self, publisher_id: str) -> list[str]:
        """The publisher's offers that have a document, in the order they were created."""
        return list(self._publishers.get(publisher_id, {}))

    def slots(self, publisher_id: str, offer_id: str, status_of: StatusOf) -> dict[str, JsonObject | None]:
        """Copies of the offer's document in each slot (`SLOTS`), None for a slot never filled."""
        offer = self._offer(publisher_id, offer_id)
        status = status_of(offer_id)
        held = {"Draft": offer.draft, "Preview": offer.preview, "Production": offer.production}
        return {slot: None if document is None else _rendered(document, status) for slot, document in held.items()}

    def kept_versions(self, publisher_id: str, offer_id: str) -> tuple[int, ...]:
        """The numbers of the offer's published versions kept, oldest first."""
        return tuple(self._offer(publisher_id, offer_id).versions)

    def read(
        self,
        publisher_id: str,
        offer_id: str,
        status_of: StatusOf,
        *,
        slot: str | None = None,
        version: int | None = None,
    ) -> JsonObject:
        """The offer's document in `slot` (`Draft` when neither is given) or as published as `version` (E2, E3, E4)."""
        offer = self._offer(publisher_id, offer_id)
        if version is not None:
            if slot is not None:
                raise ValueError("read: give a slot or a version, not both")
            document = offer.versions.get(version)
            if document is None:
                raise DocumentError(
                    404,
                    "OfferVersionNotFound",
                    f"Offer '{offer_id}' of publisher '{publisher_id}' has no published version {version} "
                    f"(kept: {_kept(offer.versions)}).",
                )
            return _rendered(document, status_of(offer_id))
        slot = "Draft" if slot is None else slot
        if slot == "Draft":
            return _rendered(offer.draft, status_of(offer_id))
        if slot not in SLOTS:
            raise DocumentError(
                400, "InvalidSlot", f"Slot {_quoted(slot)} is not one of {', '.join(SLOTS)} (names are case-sensitive)."
            )
        document = offer.preview if slot == "Preview" else offer.production
        if document is None:
            never = "previewed" if slot == "Preview" else "published to production"
            raise DocumentError(
                404,
                "OfferSlotEmpty",
                f"Offer '{offer_id}' of publisher '{publisher_id}' was never {never}: its {slot} slot is empty.",
            )
        return _rendered(document, status_of(offer_id))

    def put(
        self,
        publisher_id: str,
        offer_id: str,
        body: object,
        if_match: str | None,
        now: datetime,
        status_of: StatusOf,
    ) -> Written:
        """Create the offer or update its draft (E6), under optimistic concurrency (see the module's notes)."""
        offer = self._find(publisher_id, offer_id)
        offer_type_id, type_versions, definition = _checked_body(publisher_id, offer_id, body, offer)
        _check_precondition(publisher_id, offer_id, if_match, offer)
        if offer is None and len(self._publishers.get(publisher_id, {})) >= self.max_offers:
            raise _bad(
                "TooManyOffers",
                f"Publisher '{publisher_id}' holds {self.max_offers} offers, the most this mock keeps; "
                f"offer '{offer_id}' was not created.",
            )
        at = ticks(now) if offer is None else max(ticks(now), offer.changed + 1)
        status = NEVER_PUBLISHED if offer is None else status_of(offer_id)
        stored = copy.deepcopy(definition)
        _store_artifacts(stored, publisher_id, offer_id, now)
        stamp = changed_time(at)
        draft: JsonObject = {
            "offerTypeId": offer_type_id,
            "publisherId": publisher_id,
            "id": offer_id,
            "version": 1 if offer is None else offer.draft["version"],
            "offerTypeVersions": copy.deepcopy(type_versions),
            "definition": stored,
            "changedTime": stamp,
            "eTag": weak_etag(stamp),
        }
        # Nothing above changed any state; the write is these assignments.
        if offer is None:
            self._publishers.setdefault(publisher_id, {})[offer_id] = _Offer(draft, at)
        else:
            offer.draft = draft
            offer.changed = at
        return Written(offer is None, _rendered(draft, status))

    def publish_to_preview(self, publisher_id: str, offer_id: str) -> None:
        """A publish reached publisher sign-off: the draft as it stands becomes the Preview slot."""
        offer = self._offer(publisher_id, offer_id)
        offer.preview = copy.deepcopy(offer.draft)

    def go_live(self, publisher_id: str, offer_id: str) -> int:
        """A go-live completed: the Preview slot becomes the Production slot and is recorded as its version; the
        draft moves to the next version number, which is returned."""
        offer = self._offer(publisher_id, offer_id)
        if offer.preview is None:
            raise DocumentError(
                409, "OfferNotInPreview", f"Offer '{offer_id}' of publisher '{publisher_id}' has nothing in preview."
            )
        production = copy.deepcopy(offer.preview)
        number: int = production["version"]
        offer.production = production
        offer.versions.pop(number, None)
        offer.versions[number] = production
        while len(offer.versions) > self.max_versions:
            del offer.versions[next(iter(offer.versions))]
        offer.draft["version"] = max(offer.draft["version"], number + 1)
        next_version: int = offer.draft["version"]
        return next_version

    def version(self, publisher_id: str, offer_id: str) -> int:
        """The draft's version number: the one its next go-live records."""
        number: int = self._offer(publisher_id, offer_id).draft["version"]
        return number

    def summary(self, publisher_id: str, status_of: StatusOf) -> list[JsonObject]:
        """The publisher's offers as the retrieve-offers list shows them (E1), in the order they were created."""
        items = []
        for offer_id, offer in self._publishers.get(publisher_id, {}).items():
            draft = offer.draft
            shown = {k: draft["definition"][k] for k in ("displayText",) if k in draft["definition"]}
            items.append(
                {
                    "offerTypeId": draft["offerTypeId"],
                    "publisherId": publisher_id,
                    "status": status_of(offer_id),
                    "id": offer_id,
                    "version": draft["version"],
                    "definition": copy.deepcopy(shown),
                    "changedTime": draft["changedTime"],
                }
            )
        return items

    def _find(self, publisher_id: str, offer_id: str) -> _Offer | None:
        return self._publishers.get(publisher_id, {}).get(offer_id)

    def _offer(self, publisher_id: str, offer_id: str) -> _Offer:
        offer = self._find(publisher_id, offer_id)
        if offer is None:
            raise DocumentError(
                404, "OfferNotFound", f"Offer '{offer_id}' of publisher '{publisher_id}' does not exist."
            )
        return offer


def _rendered(document: JsonObject, status: str) -> JsonObject:
    """A copy of a stored document with the offer's `status` in the place the pages show it."""
    rendered: JsonObject = {}
    for key, value in document.items():
        rendered[key] = copy.deepcopy(value)
        if key == "publisherId":
            rendered["status"] = status
    return rendered


def _kept(versions: dict[int, JsonObject]) -> str:
    if not versions:
        return "none"
    numbers = list(versions)
    return f"{numbers[0]} to {numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def _quoted(value: object) -> str:
    """A body value as a message shows it: a scalar as JSON (ASCII only, cut short), a container by its kind
    only (it may be large or deeply nested)."""
    if isinstance(value, dict):
        return f"an object of {len(value)} keys"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    text = json.dumps(value)
    return text if len(text) <= _QUOTED_CHARS else f"{text[:_QUOTED_CHARS]}… ({len(text)} characters)"


def _bad(code: str, message: str) -> DocumentError:
    return DocumentError(400, code, message)


def _checked_body(
    publisher_id: str, offer_id: str, body: object, offer: _Offer | None
) -> tuple[str, JsonObject, JsonObject]:
    """The body's offer type, type versions and definition, once they are shown fit to store."""
    if not isinstance(body, dict):
        raise _bad("InvalidOffer", f"The body must be a JSON object (the offer), got {type(body).__name__}.")
    for key, expected in (("publisherId", publisher_id), ("id", offer_id)):
        if key not in body:
            raise _bad("InvalidOffer", f"The body has no '{key}'; it must be '{expected}', as in the path.")
        if body[key] != expected:
            raise _bad(
                "OfferIdMismatch", f"The body's '{key}' {_quoted(body[key])} does not match the path's '{expected}'."
            )
    offer_type_id = body.get("offerTypeId")
    if not isinstance(offer_type_id, str) or not offer_type_id:
        raise _bad(
            "InvalidOffer", f"The body's 'offerTypeId' must be a non-empty string, got {_quoted(offer_type_id)}."
        )
    if offer is not None and offer_type_id != offer.draft["offerTypeId"]:
        raise _bad(
            "OfferTypeMismatch",
            f"Offer '{offer_id}' is of type '{offer.draft['offerTypeId']}'; a PUT cannot change it to "
            f"{_quoted(offer_type_id)}.",
        )
    type_versions = body.get("offerTypeVersions", offer.draft["offerTypeVersions"] if offer else {})
    if not isinstance(type_versions, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in type_versions.values()
    ):
        raise _bad(
            "InvalidOffer",
            f"The body's 'offerTypeVersions' must map schema namespaces to integers, got {_quoted(type_versions)}.",
        )
    definition = body.get("definition")
    if not isinstance(definition, dict):
        raise _bad("InvalidOffer", f"The body's 'definition' must be an object, got {_quoted(definition)}.")
    for key, kind, name in (
        ("displayText", str, "a string"),
        ("offer", dict, "an object"),
        ("plans", list, "an array"),
    ):
        if key in definition and not isinstance(definition[key], kind):
            raise _bad("InvalidOffer", f"'definition.{key}' must be {name}, got {_quoted(definition[key])}.")
    for index, plan in enumerate(definition.get("plans", ())):
        if not isinstance(plan, dict):
            raise _bad("InvalidOffer", f"'definition.plans[{index}]' must be an object, got {_quoted(plan)}.")
    if not _nests_within(definition, MAX_DEFINITION_DEPTH):
        raise _bad("InvalidOffer", f"'definition' nests objects and arrays more than {MAX_DEFINITION_DEPTH} deep.")
    return offer_type_id, type_versions, definition


def _nests_within(value: object, limit: int) -> bool:
    """Whether `value`'s objects and arrays nest at most `limit` deep (itself counting 1). Iterative, so a
    deeply nested body cannot exhaust the stack here either."""
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > limit:
            return False
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return True


def _check_precondition(publisher_id: str, offer_id: str, if_match: str | None, offer: _Offer | None) -> None:
    tag = (if_match or "").strip() or None
    if offer is None:
        if tag not in (None, "*"):
            raise DocumentError(
                412,
                "PreconditionFailed",
                f"Offer '{offer_id}' of publisher '{publisher_id}' does not exist, so If-Match {_quoted(tag)} cannot "
                "match; send no If-Match to create it.",
            )
        return
    if tag is None:
        raise _bad(
            "IfMatchRequired",
            f"Offer '{offer_id}' exists: send If-Match with the ETag of your last read to update it, or '*' to "
            "overwrite whatever is there.",
        )
    if tag != "*" and tag != offer.draft["eTag"]:
        raise DocumentError(
            412,
            "PreconditionFailed",
            f"If-Match {_quoted(tag)} is not the current ETag of offer '{offer_id}': it changed since that read. "
            "Read it again and reapply your change.",
        )


def _store_artifacts(definition: JsonObject, publisher_id: str, offer_id: str, now: datetime) -> None:
    """Replace each artifact URL not yet in Marketplace storage by its storage URL (see the module's notes)."""
    places: list[tuple[JsonObject, str]] = []
    offer = definition.get("offer")
    if isinstance(offer, dict):
        places.extend((offer, key) for key in offer if key.rpartition(".")[2] in _LOGO_KEYS)
    for plan in definition.get("plans", ()):
        pricing = plan.get("virtualMachinePricing")
        sheet = pricing.get("spreadSheetPricing") if isinstance(pricing, dict) else None
        if isinstance(sheet, dict) and "uri" in sheet:
            places.append((sheet, "uri"))
    for container, key in places:
        source = container[key]
        if isinstance(source, str) and _outside_storage(source):
            container[key] = stored_artifact_url(source, publisher_id, offer_id, now)


def _outside_storage(url: str) -> bool:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket: not a URL the service could copy from
        return False
    return parts.scheme in ("http", "https") and bool(host) and host not in _STORAGE_HOSTS


def stored_artifact_url(source: str, publisher_id: str, offer_id: str, now: datetime) -> str:
    """The Marketplace-storage URL an artifact copied from `source` at `now` is served from: the create example's
    shape, a GUID and signature derived from the source (the same source and time give the same URL), and a
    read-only SAS expiring two years later, as in that example (`se` 2020-03-28 for a change on 2018-03-28)."""
    raw = source.encode("utf-8", "surrogatepass")
    name = uuid.UUID(bytes=hashlib.sha256(raw).digest()[:16], version=4)
    suffix = PurePosixPath(urlsplit(source).path).suffix.lower()
    if not (suffix[1:].isascii() and suffix[1:].isalnum() and len(suffix) <= _MAX_SUFFIX_CHARS):
        suffix = ""
    expiry = f"{_years_later(now.astimezone(UTC), 2):%Y-%m-%dT%H:%M:%SZ}"
    signature = base64.b64encode(hashlib.sha256(raw + b"\n" + expiry.encode()).digest()).decode()
    # The example writes the publisher `marketplace-test` as `marketplace:2Dtest`.
    folder = f"D6191_publishers_{publisher_id.replace('-', ':2D')}/{offer_id}"
    query = f"sv={_SAS_VERSION}&sr=b&sig={quote(signature, safe='')}&se={quote(expiry, safe='')}&sp=r"
    return f"{MARKETPLACE_STORAGE}/{quote(folder, safe='/:', errors='surrogatepass')}/{name}{suffix}?{query}"


def _years_later(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February into a year without one
        return moment.replace(year=moment.year + years, day=28)
