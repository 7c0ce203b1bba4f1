"""One invocation of the command line: where to (`--base-url`, `--mock`), as whom (the token), how to print.

`Runtime` is what the command line takes from its surroundings; tests pass their own as click's `obj`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Final

import click
import httpx
from cloud_partner_portal_client import AuthenticatedClient
from rich.console import Console

from ..lro import DEFAULT_REQUEST_TIMEOUT, BoundedTransport, PollOptions, ProgressEvent

__all__ = ["MOCK_URL", "PRODUCTION_URL", "Runtime", "Session", "package_version"]

PRODUCTION_URL: Final = "https://cloudpartner.azure.com"
MOCK_URL: Final = "http://127.0.0.1:8080"


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
    """

    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], object] = time.sleep
    clock: Callable[[], float] = time.monotonic


@dataclass
class Session:
    """One invocation: where to, as whom, how to print."""

    runtime: Runtime
    base_url: str
    token_file: Path | None
    json: bool
    out: Console = field(default_factory=lambda: Console(highlight=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
    _token: str | None = field(default=None, init=False, repr=False)

    def token(self) -> str:
        """The bearer token, from the token file or CPP_TOKEN, surrounding whitespace removed; a usage error when
        there is none or it is not one header-safe word (checked: it must never be echoed, e.g. by httpx)."""
        self._token = self._read_token()
        return self._token

    def redacted(self, text: str) -> str:
        """`text` with the token, if it is there (a server may quote the request's headers back), as `[token]`."""
        return text if not self._token else text.replace(self._token, "[token]")

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
            raise click.UsageError("no token: set CPP_TOKEN or use --token-file")
        return _checked_token(token, "CPP_TOKEN")

    def client(self) -> AuthenticatedClient:
        # httpx_args, not set_httpx_client: the generated client adds the bearer token only to the httpx
        # client it builds itself.
        # BoundedTransport: every GET retried on 429, 503 and transport errors as the poller's are, every answer
        # read within the timeout and the size cap.
        inner = self.runtime.transport if self.runtime.transport is not None else httpx.HTTPTransport()
        transport = BoundedTransport(inner, sleep=self.runtime.sleep)
        return AuthenticatedClient(
            base_url=self.base_url,
            token=self.token(),
            headers={"User-Agent": f"cloud-partner-portal-cli/{package_version()}"},
            timeout=httpx.Timeout(DEFAULT_REQUEST_TIMEOUT),
            httpx_args={"transport": transport},
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
