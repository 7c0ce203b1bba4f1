"""Bearer tokens → publisher namespaces.

openapi-core only checks that credentials are present, so the token's value is checked here, against every
configured token with `hmac.compare_digest` (no early exit, no timing hint about which one nearly matched).
Tokens are never logged nor echoed in an error. A valid token used on another publisher's path is 403 with
the same message whether that publisher exists or not, so errors reveal nothing about other publishers.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from ..state.errors import ApiError

CHALLENGE = "Bearer"


def _unauthorized(message: str, challenge: str = CHALLENGE) -> ApiError:
    return ApiError(401, "Unauthorized", message, {"WWW-Authenticate": challenge})


class TokenTable:
    def __init__(self, tokens: Mapping[str, str]) -> None:
        self._entries = [(token.encode(), publisher) for token, publisher in tokens.items()]

    def publisher_for(self, authorization: str | None) -> str:
        """The publisher the `Authorization` header's bearer token acts for; 401 when there is none."""
        if authorization is None or not authorization.strip():
            raise _unauthorized("The Authorization header is missing; send 'Authorization: Bearer <token>'.")
        scheme, _, credentials = authorization.strip().partition(" ")
        if scheme.lower() != "bearer":
            raise _unauthorized("The Authorization header must use the Bearer scheme.")
        presented = credentials.strip().encode()
        found: str | None = None
        for token, publisher in self._entries:
            if hmac.compare_digest(presented, token):
                found = publisher
        if found is None:
            raise _unauthorized("The bearer token is not valid.", f'{CHALLENGE} error="invalid_token"')
        return found


def require_namespace(caller: str, publisher_id: str) -> None:
    """403 unless the caller's token acts for `publisher_id`."""
    if not hmac.compare_digest(caller.encode(), publisher_id.encode()):
        raise ApiError(403, "Forbidden", f"The caller has no access to the publisher namespace '{publisher_id}'.")
