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

How they are kept: a stored document is never changed in place (a PUT or a go-live stores a new one), so the
slots and versions share it rather than copy it, and its JSON text is rendered once for the status it is read
with (`read_text`, what the HTTP answers send) rather than on every read. `read` and `slots` hand out copies.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, Final
from urllib.parse import quote, urlsplit

from . import json_text
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
class DocumentText:
    """A document as the API answers it: its JSON text (`status` in place), and its ETag."""

    text: bytes
    etag: str

    @property
    def document(self) -> JsonObject:
        """A copy of the document, read back from its text."""
        document: JsonObject = json.loads(self.text)
        return document


@dataclass(frozen=True, slots=True)
class Written:
    """What a PUT did: created the offer (201) or updated its draft (200), and the stored document as answered."""

    created: bool
    answer: DocumentText
    offer_type_id: str

    @property
    def status_code(self) -> int:
        return 201 if self.created else 200

    @property
    def etag(self) -> str:
        return self.answer.etag

    @property
    def document(self) -> JsonObject:
        """A copy of the stored document, `status` in place."""
        return self.answer.document


@dataclass(slots=True)
class _Stored:
    """A stored document (without `status`), never changed once stored, and its JSON text for the status it was
    last read with."""

    content: JsonObject
    _text: tuple[str, bytes] | None = None

    def text(self, status: str) -> bytes:
        if self._text is None or self._text[0] != status:
            self._text = (status, json_text.encode(_with_status(self.content, status)))
        return self._text[1]

    def answer(self, status: str) -> DocumentText:
        return DocumentText(self.text(status), self.content["eTag"])

    def copy(self, status: str) -> JsonObject:
        return self.answer(status).document


@dataclass(slots=True)
class _Offer:
    draft: _Stored
    changed: int
    """The draft's change time in ticks (its `changedTime` and `eTag` are written from it)."""
    preview: _Stored | None = None
    production: _Stored | None = None
    versions: dict[int, _Stored] = field(default_factory=dict)
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
        return {slot: None if stored is None else stored.copy(status) for slot, stored in held.items()}

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
        """A copy of the offer's document in `slot` (`Draft` when neither is given) or as published as `version`
        (E2, E3, E4)."""
        return self._stored(publisher_id, offer_id, slot, version).copy(status_of(offer_id))

    def read_text(
        self,
        publisher_id: str,
        offer_id: str,
        status_of: StatusOf,
        *,
        slot: str | None = None,
        version: int | None = None,
    ) -> DocumentText:
        """`read`'s document as the API answers it, rendered once per change and status."""
        return self._stored(publisher_id, offer_id, slot, version).answer(status_of(offer_id))

    def _stored(self, publisher_id: str, offer_id: str, slot: str | None, version: int | None) -> _Stored:
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
            return document
        slot = "Draft" if slot is None else slot
        if slot == "Draft":
            return offer.draft
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
        return document

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
        # `definition` is the body's, copied: what is stored is the mock's own.
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
        _store_artifacts(definition, publisher_id, offer_id, now)
        stamp = changed_time(at)
        draft = _Stored(
            {
                "offerTypeId": offer_type_id,
                "publisherId": publisher_id,
                "id": offer_id,
                "version": 1 if offer is None else offer.draft.content["version"],
                "offerTypeVersions": dict(type_versions),
                "definition": definition,
                "changedTime": stamp,
                "eTag": weak_etag(stamp),
            }
        )
        answer = draft.answer(status)  # rendered before anything changes: a body that cannot be written stores nothing
        # Nothing above changed any state; the write is these assignments.
        if offer is None:
            self._publishers.setdefault(publisher_id, {})[offer_id] = _Offer(draft, at)
        else:
            offer.draft = draft
            offer.changed = at
        return Written(offer is None, answer, offer_type_id)

    def publish_to_preview(self, publisher_id: str, offer_id: str) -> None:
        """A publish reached publisher sign-off: the draft as it stands becomes the Preview slot."""
        offer = self._offer(publisher_id, offer_id)
        offer.preview = offer.draft  # shared: a stored document is never changed

    def go_live(self, publisher_id: str, offer_id: str) -> int:
        """A go-live completed: the Preview slot becomes the Production slot and is recorded as its version; the
        draft moves to the next version number, which is returned."""
        offer = self._offer(publisher_id, offer_id)
        if offer.preview is None:
            raise DocumentError(
                409, "OfferNotInPreview", f"Offer '{offer_id}' of publisher '{publisher_id}' has nothing in preview."
            )
        production = offer.preview
        number: int = production.content["version"]
        offer.production = production
        offer.versions.pop(number, None)
        offer.versions[number] = production
        while len(offer.versions) > self.max_versions:
            del offer.versions[next(iter(offer.versions))]
        next_version: int = max(offer.draft.content["version"], number + 1)
        if next_version != offer.draft.content["version"]:
            # A new stored draft, the same but for its number (its change time and ETag stay).
            offer.draft = _Stored({**offer.draft.content, "version": next_version})
        return next_version

    def version(self, publisher_id: str, offer_id: str) -> int:
        """The draft's version number: the one its next go-live records."""
        number: int = self._offer(publisher_id, offer_id).draft.content["version"]
        return number

    def summary(self, publisher_id: str, status_of: StatusOf) -> list[JsonObject]:
        """The publisher's offers as the retrieve-offers list shows them (E1), in the order they were created."""
        items = []
        for offer_id, offer in self._publishers.get(publisher_id, {}).items():
            draft = offer.draft.content
            shown = {k: draft["definition"][k] for k in ("displayText",) if k in draft["definition"]}
            items.append(
                {
                    "offerTypeId": draft["offerTypeId"],
                    "publisherId": publisher_id,
                    "status": status_of(offer_id),
                    "id": offer_id,
                    "version": draft["version"],
                    "definition": shown,  # a string at most (`_checked_body`): nothing shared can change
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


def _with_status(document: JsonObject, status: str) -> JsonObject:
    """A stored document with the offer's `status` in the place the pages show it (sharing its values)."""
    rendered: JsonObject = {}
    for key, value in document.items():
        rendered[key] = value
        if key == "publisherId":
            rendered["status"] = status
    return rendered


def _kept(versions: dict[int, _Stored]) -> str:
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
    if offer is not None and offer_type_id != offer.draft.content["offerTypeId"]:
        raise _bad(
            "OfferTypeMismatch",
            f"Offer '{offer_id}' is of type '{offer.draft.content['offerTypeId']}'; a PUT cannot change it to "
            f"{_quoted(offer_type_id)}.",
        )
    type_versions = body.get("offerTypeVersions", offer.draft.content["offerTypeVersions"] if offer else {})
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
    try:
        copied = _copy_within(definition, MAX_DEFINITION_DEPTH)
    except _TooDeep:
        raise _bad(
            "InvalidOffer", f"'definition' nests objects and arrays more than {MAX_DEFINITION_DEPTH} deep."
        ) from None
    return offer_type_id, type_versions, copied


class _TooDeep(Exception):
    pass


def _copy_within(value: JsonObject, limit: int) -> JsonObject:
    """A copy of the JSON object `value`, whose objects and arrays must nest at most `limit` deep (itself
    counting 1), else `_TooDeep`. The recursion stops at `limit`, so no body can exhaust the stack. Written for
    JSON data rather than with `copy.deepcopy`, whose memo of every object made it a third of a PUT's time."""

    def copied(item: Any, depth: int) -> Any:
        if depth > limit:
            raise _TooDeep
        if isinstance(item, dict):
            return {key: copied(v, depth + 1) if isinstance(v, dict | list) else v for key, v in item.items()}
        return [copied(v, depth + 1) if isinstance(v, dict | list) else v for v in item]

    result: JsonObject = copied(value, 1)
    return result


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
    if tag != "*" and tag != offer.draft.content["eTag"]:
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
