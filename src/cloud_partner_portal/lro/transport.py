"""`BoundedTransport`: an httpx transport that gives every request through it the poller's limits and retries.

The command line's single reads (status, operations list and show) go through the generated functions, which take
a client, not a URL: a transport under that client is where their GETs can be retried and bounded without a
second copy of each call. It retries a GET on the poller's terms (`RETRYABLE_STATUSES` and transport errors,
`max_retries` in a row, `Policy.delay` backoff or the answer's `Retry-After`, each wait clamped by `clamp_wait`);
never a POST. A GET the poller makes says so (`POLLER_EXTENSION`) and is not retried here: the poller retries it.

Not tenacity, stamina or httpx-retries: the poller's retries live in its I/O-free core (so that a test never
sleeps), and a library here would be a second policy with its own defaults; this loop reuses the core's pieces.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

import httpx

from .answers import retry_after
from .core import RETRYABLE_STATUSES
from .limits import GRACE, clamp_wait, read_bounded, request_timeout
from .options import Policy

__all__ = ["POLLER_EXTENSION", "BoundedTransport"]

#: The request extension that marks a poller's GET: retried by the poller, not by the transport.
POLLER_EXTENSION: Final = "cloud_partner_portal.poller"


class BoundedTransport(httpx.BaseTransport):
    """Wraps `inner`: each answer's body read whole within the request's timeout and `MAX_RESPONSE_BYTES`, and
    each GET (but a poller's) retried as the poller's `policy` says, waiting with `sleep`."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        policy: Policy | None = None,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy or Policy(interval=1.0)
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retried = request.method == "GET" and not request.extensions.get(POLLER_EXTENSION)
        failures = 0
        while True:
            try:
                response = self._once(request)
            except httpx.TransportError:
                if not retried or failures >= self._policy.max_retries:
                    raise
                hint = None
            else:
                if not retried or response.status_code not in RETRYABLE_STATUSES:
                    return response
                if failures >= self._policy.max_retries:
                    return response
                hint = retry_after(response)
            wait = hint if hint is not None else self._policy.delay(failures)
            failures += 1
            self._sleep(clamp_wait(wait, self._policy.interval))

    def _once(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        # The whole answer within the longest phase of the request's timeout (plus GRACE): a server that sends
        # one byte at a time cannot hold it longer than that.
        timeouts = request.extensions.get("timeout", {})
        phases = request_timeout(
            httpx.Timeout(
                connect=timeouts.get("connect"),
                read=timeouts.get("read"),
                write=timeouts.get("write"),
                pool=timeouts.get("pool"),
            ),
            None,
        )
        longest = max(value for value in (phases.connect, phases.read, phases.write, phases.pool) if value is not None)
        started = time.monotonic()
        wrapped = httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=response.stream,
            request=request,
            extensions=response.extensions,
        )
        try:
            return read_bounded(wrapped, deadline=started + longest + GRACE)
        finally:
            response.close()

    def close(self) -> None:
        self._inner.close()
