"""Fake Azure credentials and a fake service whose tokens expire: no Azure AD, no network.

`FakeCredential` is a `TokenCredential` (`AsyncFakeCredential` an `azure.identity.aio` one): each `get_token`
issues a new token, `cred-token-<n>`, valid `lifetime` seconds on a `FakeTime`, and records how long the token
before it still had. `ExpiringTokenService` answers 401 to a token that is unknown, revoked or past its expiry on
the same clock, and hands every other request to the service behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from azure.core.credentials import AccessToken

from support.fake_time import FakeTime

#: What each issued token starts with: the leak tests look for it.
TOKEN_PREFIX = "cred-token-"


@dataclass
class FakeCredential:
    """Issues `cred-token-1`, `cred-token-2`, ... each valid `lifetime` seconds from `time.now`; `fail` makes every
    call from the `fail`-th on raise (1: the first)."""

    time: FakeTime
    lifetime: float = 3600.0
    fail: int | None = None
    issued: dict[str, float] = field(default_factory=dict)
    scopes: list[tuple[str, ...]] = field(default_factory=list)
    #: Seconds the previous token still had when a new one was asked for (None for the first).
    remaining_at_renewal: list[float | None] = field(default_factory=list)

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        if self.fail is not None and len(self.scopes) >= self.fail:
            raise RuntimeError("AADSTS700016: application not found in the directory")
        last = list(self.issued.values())[-1] if self.issued else None
        self.remaining_at_renewal.append(None if last is None else last - self.time.now)
        token = f"{TOKEN_PREFIX}{len(self.issued) + 1}"
        self.issued[token] = self.time.now + self.lifetime
        return AccessToken(token, int(self.issued[token]))

    @property
    def calls(self) -> int:
        return len(self.scopes)


class AsyncFakeCredential(FakeCredential):
    """As `FakeCredential`, with an awaitable `get_token` (as `azure.identity.aio`'s)."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:  # type: ignore[override]
        return FakeCredential.get_token(self, *scopes, **kwargs)


@dataclass
class ExpiringTokenService:
    """401 unless the request's bearer token was issued by `credential`, is not `revoked` and not expired on its
    clock; otherwise `inner` answers."""

    credential: FakeCredential
    inner: Callable[[httpx.Request], httpx.Response]
    revoked: set[str] = field(default_factory=set)
    #: The bearer token of each request, in order (recorded as sent: a retried request is the same object).
    tokens_sent: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self.tokens_sent.append(token)
        expires_on = self.credential.issued.get(token)
        if expires_on is None or token in self.revoked or self.credential.time.now >= expires_on:
            self.refused.append(token)
            return httpx.Response(
                401,
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
                json={"error": {"code": "Unauthorized", "message": "The access token is expired or not valid."}},
            )
        return self.inner(request)
