"""Where an operation is: the location an answer names, resolved to the URL a poller GETs, on the client's origin.

Three forms are documented (a GET of each answers the operation): `Operation-Location` with an absolute URL and no
api-version (2018), `Location` with a relative `/api/publishers/{p}/offers/{o}/operations/{id}?api-version=…`
(2020, offers migrated to Partner Center), and `Location` (or `Operation-Location`) with the operation-status URL
of offers not migrated, `/api/operations/{p}${o}${n}${slot}?api-version=…`. A body naming the location
(`operationLocation`, as the cancel page's prose says) is used when there is one, never required.

The bearer token is only sent to the client's own origin: a location on another host is refused.
"""

from __future__ import annotations

import json
import re
from typing import Final

import httpx

from ..api_version import API_VERSION
from ..errors import OperationLocationError

__all__ = ["LOCATION_HEADERS", "named_location", "polling_url", "same_origin_url"]

#: The headers that name the operation, the first present wins: the 2018 pages' and the 2020 pages'.
LOCATION_HEADERS: Final = ("Operation-Location", "Location")
# The operation id in the 2018 and migrated forms, as the description's link `GetStartedOperation` reads it.
_OPERATION_ID_IN_LOCATION: Final = re.compile(r"/offers/[^/?#]+/operations/([^/?#]+)")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _body_reference(content: bytes) -> tuple[str | None, str | None]:
    """(operationLocation, operationId) of a body that names them, as the cancel page's prose says a body does
    (no page shows one); (None, None) for no body or any other body."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    return _text(data.get("operationLocation")), _text(data.get("operationId"))


def _operation_id_in(location: str) -> str | None:
    """The operation id of a 2018 or migrated location (`.../offers/{o}/operations/{id}`); None for the legacy
    `/api/operations/{p}${o}${n}${slot}` form, whose segment is no operation id."""
    match = _OPERATION_ID_IN_LOCATION.search(location)
    return match.group(1) if match else None


def named_location(headers: httpx.Headers, content: bytes) -> tuple[str | None, str | None]:
    """(location, operation id) an answer names: the location from `Operation-Location`, else `Location`, else the
    body's `operationLocation`; the id from the body, else from the location. None for what it does not name."""
    body_location, body_operation_id = _body_reference(content)
    candidates = [headers.get(name) for name in LOCATION_HEADERS] + [body_location]
    location = next((c.strip() for c in candidates if c is not None and c.strip()), None)
    operation_id = body_operation_id or (_operation_id_in(location) if location is not None else None)
    return location, operation_id


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default_port


def same_origin_url(location: str, base_url: httpx.URL, *, relative_to: httpx.URL | None = None) -> httpx.URL:
    """`location` resolved against `relative_to` (default: the client's base URL); OperationLocationError unless
    it is an http(s) URL on the base URL's origin, the only one the bearer token is sent to."""
    try:
        url = (relative_to or base_url).join(location)
    except httpx.InvalidURL as exc:
        raise OperationLocationError(f"operation location {location!r} is not a URL: {exc}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise OperationLocationError(f"operation location {location!r} is not an http(s) URL")
    if _origin(url) != _origin(base_url):
        raise OperationLocationError(
            f"operation location {url} is not on the client's base URL {base_url}: the poller does not send the "
            "bearer token to another host (use a client whose base_url is that host)"
        )
    return url


def polling_url(location: str, base_url: httpx.URL) -> str:
    """The absolute URL to GET: `location` resolved against the client's base URL, with `api-version`."""
    url = same_origin_url(location, base_url)
    if "api-version" not in url.params:
        url = url.copy_add_param("api-version", API_VERSION)
    return str(url)
