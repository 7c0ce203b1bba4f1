"""The continuation token: a poller's `Start`, as an opaque, shell-safe string that another process can resume.

The token is URL-safe base64 (no padding) of a small JSON object: a version, whether the operation is over, its
last status, its location's path and query, and its id when known. The location is kept as its path and query:
shorter to paste, and resolved against the resuming client's base URL like any relative location.
"""

from __future__ import annotations

import base64
import json
from typing import Final

import httpx

from ..errors import InvalidContinuationTokenError
from .start import Start
from .statuses import CANCELED, normalize_status

__all__ = ["decode_token", "encode_token"]

_TOKEN_VERSION: Final = 1


def encode_token(start: Start) -> str:
    """The token of what a poller knows; a synchronous cancel that named no operation has no location."""
    payload: dict[str, object] = {"v": _TOKEN_VERSION, "d": start.done, "s": str(start.status)}
    if start.location is not None:
        payload["l"] = httpx.URL(start.location).raw_path.decode("ascii")
    if start.operation_id is not None:
        payload["i"] = start.operation_id
    raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str) -> Start:
    """The `Start` a token of `encode_token` holds; InvalidContinuationTokenError for anything else."""
    text = token.strip()
    try:
        data = json.loads(base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii")))
    except ValueError as exc:  # binascii.Error, UnicodeError and JSONDecodeError are all ValueErrors
        raise InvalidContinuationTokenError(f"{token[:40]!r} is not a continuation token of this package") from exc
    if not isinstance(data, dict) or data.get("v") != _TOKEN_VERSION:
        raise InvalidContinuationTokenError(f"{token[:40]!r} is not a continuation token of this package")
    location, done, operation_id, status = data.get("l"), data.get("d"), data.get("i"), data.get("s")
    if not isinstance(done, bool):
        raise InvalidContinuationTokenError("continuation token without its state")
    if location is None and done:  # a synchronous cancel: nothing to read
        return Start(None, done=True, status=CANCELED)
    if not isinstance(location, str) or not location.startswith("/"):
        raise InvalidContinuationTokenError("continuation token without a location")
    if operation_id is not None and not isinstance(operation_id, str):
        raise InvalidContinuationTokenError("continuation token with a malformed operation id")
    known = normalize_status(status) if isinstance(status, str) and status else None
    return Start(location, done=done, operation_id=operation_id, status=known)
