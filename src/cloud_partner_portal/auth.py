"""Azure AD credentials for the client: `CredentialAuth`, an `httpx.Auth` over an azure-identity credential, and
`client_with_credential`, the generated client that uses one.

An Azure AD access token lives about an hour and an operation can run for days, so a static token ends in a 401
during a long wait. `CredentialAuth` asks the credential for a token of `SCOPE` on the first request (not
before: making a client never talks to Azure AD), keeps it, and asks again when it is within `REFRESH_MARGIN`
(5 minutes, as azure-core's `BearerTokenCredentialPolicy`) of its `expires_on` (Unix time, seconds), and once
more when an answer is a 401 (the request is sent again once, with the new token; a second 401 is the caller's
answer, never a loop). One renewal runs at a time: threads (and tasks) that need a token meanwhile wait for it
and use it.

Any `azure.core.credentials.TokenCredential` works (azure-identity's `DefaultAzureCredential`,
`EnvironmentCredential`, `ClientSecretCredential`, ...): with the sync client its `get_token` is called in the
requesting thread; with the async client, an `azure.identity.aio` credential's `get_token` is awaited, and a sync
credential is called in a worker thread so that the event loop never blocks. azure-identity is the `azure` extra
(`pip install 'cloud-partner-portal[azure]'`), imported only by `azure_credential`: this module, and a credential
of your own, need nothing of it.

The token is in no repr, log record or error message of this module, and the auth is not pickled or copied.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn, Protocol, cast

import anyio
import anyio.to_thread
import httpx
from cloud_partner_portal_client import AuthenticatedClient

from .errors import CloudPartnerPortalError, one_line

if TYPE_CHECKING:
    from azure.core.credentials import TokenCredential

__all__ = [
    "AZURE_EXTRA_MISSING",
    "REFRESH_MARGIN",
    "SCOPE",
    "AzureExtraMissingError",
    "CredentialAuth",
    "CredentialError",
    "TokenSource",
    "azure_credential",
    "client_with_credential",
]

#: The scope of a token for the Cloud Partner Portal API.
SCOPE: Final = "https://cloudpartner.azure.com/.default"
#: Seconds before a token's `expires_on` from which it is renewed before use (azure-core's refresh window).
REFRESH_MARGIN: Final = 300.0
#: What the generated client is given as its static token: never sent, `CredentialAuth` sets the header of every
#: request. Not a secret, and not a valid token anywhere.
CREDENTIAL_PLACEHOLDER: Final = "from-credential"
# Tokens `redacted` still knows: the current one and those before it, enough for any answer still arriving.
_REMEMBERED: Final = 4
#: How to install the extra, as errors say it.
AZURE_EXTRA_MISSING: Final = "Azure credentials need the azure extra: pip install 'cloud-partner-portal[azure]'"


class TokenSource(Protocol):
    """What `CredentialAuth` needs of a credential: azure-core's `TokenCredential` (sync) or `AsyncTokenCredential`
    (`get_token` awaitable); the answer has `.token` and `.expires_on` (Unix time, seconds), as `AccessToken`."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


class CredentialError(CloudPartnerPortalError):
    """The credential gave no usable token: it raised (no `az login`, a wrong secret, Azure AD unreachable), or its
    token is not one header-safe word. The message names the credential's class and its error, never a token."""


class AzureExtraMissingError(CloudPartnerPortalError, ImportError):
    """azure-identity is not installed: the `azure` extra is needed."""


@dataclass(frozen=True, slots=True)
class _Held:
    """A token and when it expires (Unix time); never in a repr."""

    token: str
    expires_on: float

    def __repr__(self) -> str:
        return f"<token expiring at {self.expires_on:.0f}>"


def _checked(source: TokenSource, answer: object) -> _Held:
    token, expires_on = getattr(answer, "token", None), getattr(answer, "expires_on", None)
    name = type(source).__name__
    if not isinstance(token, str) or not token:
        raise CredentialError(f"{name}.get_token gave no token")
    if not isinstance(expires_on, int | float) or isinstance(expires_on, bool):
        raise CredentialError(f"{name}.get_token gave no expires_on (Unix time in seconds)")
    for position, character in enumerate(token, start=1):
        if not "!" <= character <= "~":  # a bearer token is printable ASCII without spaces (RFC 6750's b64token)
            raise CredentialError(
                f"the token of {name} has a character that may not be in a header at position {position}"
            )
    return _Held(token, float(expires_on))


def _failed(source: TokenSource, exc: Exception) -> CredentialError:
    return CredentialError(f"{type(source).__name__} gave no token: {type(exc).__name__}: {one_line(str(exc), 500)}")


class CredentialAuth(httpx.Auth):
    """Sets `Authorization: Bearer <token>` from `credential` on every request, renewing it as the module says.

    Args:
        credential: a `TokenCredential` or `AsyncTokenCredential` (see `TokenSource`).
        scope: the scope asked for (default `SCOPE`).
        refresh_margin: seconds before expiry from which a token is renewed (default `REFRESH_MARGIN`).
        clock: the wall clock in Unix seconds, as `expires_on` counts (default `time.time`).
    """

    def __init__(
        self,
        credential: TokenSource,
        *,
        scope: str = SCOPE,
        refresh_margin: float = REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not refresh_margin >= 0:
            raise ValueError(f"refresh_margin must be >= 0 seconds, got {refresh_margin}")
        self.credential = credential
        self.scope = scope
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._held: _Held | None = None
        self._given: list[str] = []  # the last tokens held, for `redacted`
        self._lock = threading.Lock()
        self._async_lock = anyio.Lock()
        self._is_async = inspect.iscoroutinefunction(getattr(credential, "get_token", None))

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._is_async:
            raise CredentialError(
                f"{type(self.credential).__name__} is an async credential: use it with the async client, "
                "or give the sync client a sync credential"
            )
        token = self._token(stale=None)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            request.headers["Authorization"] = f"Bearer {self._token(stale=token)}"
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._token_async(stale=None)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            request.headers["Authorization"] = f"Bearer {await self._token_async(stale=token)}"
            yield request

    def redacted(self, text: str) -> str:
        """`text` with any token this auth has held as `[token]` (a server may quote a request's headers back)."""
        for token in self._given:
            text = text.replace(token, "[token]")
        return text

    def _hold(self, answer: object) -> str:
        self._held = _checked(self.credential, answer)
        self._given = [*self._given[-(_REMEMBERED - 1) :], self._held.token]
        return self._held.token

    def _usable(self, stale: str | None) -> str | None:
        """The held token if it is neither within the margin of its expiry nor the one a 401 refused."""
        held = self._held
        if held is None or held.token == stale or held.expires_on - self._clock() <= self.refresh_margin:
            return None
        return held.token

    def _token(self, stale: str | None) -> str:
        """The token to send (renewed under the lock when needed). `stale`: the token a 401 just refused; a
        token another thread got meanwhile is used instead of asking again."""
        with self._lock:
            token = self._usable(stale)
            if token is not None:
                return token
            try:
                answer = self.credential.get_token(self.scope)
            except Exception as exc:
                raise _failed(self.credential, exc) from exc
            return self._hold(answer)

    async def _token_async(self, stale: str | None) -> str:
        async with self._async_lock:
            token = self._usable(stale)
            if token is not None:
                return token
            if not self._is_async:  # a sync credential may block on the network: not in the event loop
                return await anyio.to_thread.run_sync(self._token, stale)
            try:
                answer = await cast(Awaitable[object], self.credential.get_token(self.scope))
            except Exception as exc:
                raise _failed(self.credential, exc) from exc
            return self._hold(answer)

    def __repr__(self) -> str:
        held = self._held
        state = "no token yet" if held is None else f"a token expiring at {held.expires_on:.0f}"
        return f"<{type(self).__name__} {type(self.credential).__name__} scope={self.scope!r}, {state}>"

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        """Not pickled, nor copied: it holds a token."""
        raise TypeError(f"{type(self).__name__} holds a token and is not pickled or copied")


def azure_credential(kind: Literal["default", "environment"] = "default") -> TokenCredential:
    """An azure-identity credential, made without asking Azure AD anything yet: `DefaultAzureCredential`
    (environment, workload and managed identity, Azure CLI's `az login`, ...) or `EnvironmentCredential` (the
    service principal of the AZURE_* variables). Raises `AzureExtraMissingError` when the `azure` extra is not
    installed."""
    try:
        import azure.identity
    except ImportError as exc:
        raise AzureExtraMissingError(AZURE_EXTRA_MISSING) from exc
    if kind == "environment":
        return azure.identity.EnvironmentCredential()
    return azure.identity.DefaultAzureCredential()


def client_with_credential(
    base_url: str, credential: TokenSource | CredentialAuth, *, scope: str = SCOPE, **client_options: Any
) -> AuthenticatedClient:
    """The generated `AuthenticatedClient` on `base_url`, every request of which (sync and async, the pollers'
    included) carries a token of `credential` through `CredentialAuth` (or through the `CredentialAuth` given, whose
    own scope then holds). `client_options` are the client's own (`timeout=`, `headers=`, `httpx_args=`, ...)."""
    auth = credential if isinstance(credential, CredentialAuth) else CredentialAuth(credential, scope=scope)
    httpx_args = {**client_options.pop("httpx_args", {}), "auth": auth}
    return AuthenticatedClient(base_url=base_url, token=CREDENTIAL_PLACEHOLDER, httpx_args=httpx_args, **client_options)
