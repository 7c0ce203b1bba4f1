"""One invocation of the command line: where to (`--base-url`, `--mock`), as whom (the token or an Azure
credential), how to print.

As whom, first match wins:

1. `--token-file` (or CPP_TOKEN_FILE), else CPP_TOKEN: that token, as it is (no renewal). With `--azure` it is a
   usage error: two ways to sign in.
2. `--azure`: azure-identity's `DefaultAzureCredential` (the AZURE_* variables, workload or managed identity,
   `az login`, ...).
3. AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) all set:
   azure-identity's `EnvironmentCredential`, that service principal.
4. Otherwise: a usage error, "no token".

A credential's token is renewed before it expires and once on a 401 (`cloud_partner_portal.auth`). Without the
`azure` extra, 2 and 3 are a usage error naming the install command.

`Runtime` is what the command line takes from its surroundings; tests pass their own as click's `obj`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

import click
import httpx
from cloud_partner_portal_client import AuthenticatedClient
from rich.console import Console

from ..auth import AzureExtraMissingError, CredentialAuth, azure_credential, client_with_credential
from ..lro import DEFAULT_REQUEST_TIMEOUT, BoundedTransport, PollOptions, ProgressEvent

__all__ = ["MOCK_URL", "PRODUCTION_URL", "SERVICE_PRINCIPAL_VARIABLES", "Runtime", "Session", "package_version"]

PRODUCTION_URL: Final = "https://cloudpartner.azure.com"
MOCK_URL: Final = "http://127.0.0.1:8080"
#: The variables of a service principal that make the command line use `EnvironmentCredential`: the first two,
#: and one of the last two.
SERVICE_PRINCIPAL_VARIABLES: Final = (
    "AZURE_TENANT_ID",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_CLIENT_CERTIFICATE_PATH",
)


def _service_principal_set() -> bool:
    tenant, client, secret, certificate = (os.environ.get(name, "").strip() for name in SERVICE_PRINCIPAL_VARIABLES)
    return bool(tenant and client and (secret or certificate))


def package_version() -> str:
    """The installed version of `cloud-partner-portal`."""
    try:
        return version("cloud-partner-portal")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def _checked_token(token: str, source: str) -> str:
    """`token` if it is printable ASCII without spaces (what a bearer token is: RFC 6750's b64token and more);
    otherwise a usage error that says where and what, never the token."""
    for position, character in enumerate(token, start=1):
        if not "!" <= character <= "~":
            kind = "a non-ASCII character" if ord(character) > 0x7E else "a space or control character"
            raise click.UsageError(f"the token in {source} has {kind} at position {position} of {len(token)}")
    return token


@dataclass
class Runtime:
    """What the command line takes from its surroundings. Tests pass their own as `obj` to `CliRunner.invoke`.

    Attributes:
        transport: the httpx transport of every request (None: the network).
        sleep: how `--wait` waits between polls.
        clock: the monotonic clock of `--timeout`.
        wall_clock: Unix time, as a credential's `expires_on` counts it.
    """

    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], object] = time.sleep
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time


@dataclass
class Session:
    """One invocation: where to, as whom, how to print."""

    runtime: Runtime
    base_url: str
    token_file: Path | None
    json: bool
    azure: bool = False
    out: Console = field(default_factory=lambda: Console(highlight=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
    _token: str | None = field(default=None, init=False, repr=False)
    _auth: CredentialAuth | None = field(default=None, init=False, repr=False)

    def token(self) -> str:
        """The bearer token, from the token file or CPP_TOKEN, surrounding whitespace removed; a usage error when
        there is none or it is not one header-safe word (checked: it must never be echoed, e.g. by httpx)."""
        self._token = self._read_token()
        return self._token

    def redacted(self, text: str) -> str:
        """`text` with the token, if it is there (a server may quote the request's headers back), as `[token]`."""
        if self._auth is not None:
            text = self._auth.redacted(text)
        return text if not self._token else text.replace(self._token, "[token]")

    def credential_auth(self) -> CredentialAuth | None:
        """The Azure credential to sign in with (see the module), or None when a token is given; a usage error
        for `--azure` with a token, or an Azure credential without the `azure` extra."""
        token_given = self.token_file is not None or bool(os.environ.get("CPP_TOKEN", "").strip())
        if self.azure and token_given:
            raise click.UsageError(
                "--azure and a token (CPP_TOKEN, --token-file or CPP_TOKEN_FILE) are two ways to sign in: give one"
            )
        if token_given or not (self.azure or _service_principal_set()):
            return None
        try:
            credential = azure_credential("default" if self.azure else "environment")
        except AzureExtraMissingError as exc:
            why = "--azure" if self.azure else "the AZURE_* variables of a service principal"
            raise click.UsageError(f"{why}: {exc}") from exc
        self._auth = CredentialAuth(credential, clock=self.runtime.wall_clock)
        return self._auth

    def _read_token(self) -> str:
        if self.token_file is not None:
            try:
                token = self.token_file.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise click.UsageError(f"cannot read token file {self.token_file}: {exc}") from exc
            if not token:
                raise click.UsageError(f"token file {self.token_file} is empty")
            return _checked_token(token, f"token file {self.token_file}")
        token = os.environ.get("CPP_TOKEN", "").strip()
        if not token:
            raise click.UsageError(
                "no token: set CPP_TOKEN, use --token-file, set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                "AZURE_CLIENT_SECRET, or sign in with --azure (az login)"
            )
        return _checked_token(token, "CPP_TOKEN")

    def client(self) -> AuthenticatedClient:
        # httpx_args, not set_httpx_client: the generated client adds the bearer token only to the httpx
        # client it builds itself.
        # BoundedTransport: every GET retried on 429, 503 and transport errors as the poller's are, every answer
        # read within the timeout and the size cap.
        inner = self.runtime.transport if self.runtime.transport is not None else httpx.HTTPTransport()
        transport = BoundedTransport(inner, sleep=self.runtime.sleep)
        options: dict[str, Any] = {
            "headers": {"User-Agent": f"cloud-partner-portal-cli/{package_version()}"},
            "timeout": httpx.Timeout(DEFAULT_REQUEST_TIMEOUT),
        }
        auth = self.credential_auth()
        if auth is not None:
            return client_with_credential(self.base_url, auth, httpx_args={"transport": transport}, **options)
        return AuthenticatedClient(
            base_url=self.base_url, token=self.token(), httpx_args={"transport": transport}, **options
        )

    def poll_options(self, interval: float, progress: Callable[[ProgressEvent], object]) -> PollOptions:
        return PollOptions(
            interval=interval,
            max_interval=max(60.0, interval),
            raise_on_failure=False,
            progress=progress,
            sleep=self.runtime.sleep,
            clock=self.runtime.clock,
        )

    def server_option(self) -> str:
        """The option that selects this server, for commands printed back to the user."""
        if self.base_url == MOCK_URL:
            return "--mock "
        if self.base_url != PRODUCTION_URL:
            return f"--base-url {self.base_url} "
        return ""
