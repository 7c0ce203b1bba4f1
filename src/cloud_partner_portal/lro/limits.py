"""The bounds of every request and wait: a request timeout, a deadline over a whole answer, a size cap, the range
of a wait.

The generated client builds its httpx client with `timeout=None` unless told otherwise, so a server that accepts
and never answers would hold a GET for ever: each request gets `DEFAULT_REQUEST_TIMEOUT` in every phase the
caller's client leaves unbounded, and never more than the time left before the caller's deadline (the caller's
client is not changed). httpx's read timeout is per chunk, so a server sending one byte a second would stretch a
read without end: the body is streamed, and the deadline and `MAX_RESPONSE_BYTES` (counted after decompression,
so a small gzip bomb is stopped too) are checked at each chunk.
"""

from __future__ import annotations

import math
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Final

import httpx

__all__ = [
    "DEFAULT_REQUEST_TIMEOUT",
    "GRACE",
    "MAX_RESPONSE_BYTES",
    "MAX_WAIT",
    "MIN_WAIT",
    "ResponseTooLargeError",
    "clamp_wait",
    "read_bounded",
    "read_bounded_async",
    "request_timeout",
]

#: Seconds of each phase of a request (connect, write, each read, pool) the caller's client leaves unbounded.
DEFAULT_REQUEST_TIMEOUT: Final = 30.0
#: Bytes of one answer's body, after decompression, beyond which it is refused.
MAX_RESPONSE_BYTES: Final = 16 * 1024 * 1024
#: Seconds past the caller's deadline a request may still take in each phase, so that the last GET, made at the
#: deadline, can be answered at all.
GRACE: Final = 1.0
#: Seconds of the shortest wait between two GETs of a series (a `Retry-After: 0` included) ...
MIN_WAIT: Final = 1.0
#: ... and of the longest (a `Retry-After` of years included).
MAX_WAIT: Final = 3600.0
# Bytes decoded at a time: what one step of decompression may hold beyond the cap.
_PIECE: Final = 1024 * 1024
# Headers that describe the body as sent; the answer handed on carries it decoded.
_AS_SENT: Final = ("content-encoding", "content-length", "transfer-encoding")


class ResponseTooLargeError(httpx.DecodingError):
    """An answer's body passed `MAX_RESPONSE_BYTES` once decoded. A `RequestError` that is not a `TransportError`:
    the answer came, and asking again would bring the same."""


def clamp_wait(seconds: float, floor: float = MIN_WAIT) -> float:
    """`seconds` within [max(floor, MIN_WAIT), MAX_WAIT]; NaN is the floor, an infinity or an absurd value the
    ceiling."""
    low = min(max(floor, MIN_WAIT), MAX_WAIT)
    if math.isnan(seconds):
        return low
    return min(max(seconds, low), MAX_WAIT)


def request_timeout(timeout: httpx.Timeout, remaining: float | None) -> httpx.Timeout:
    """The client's `timeout`, each unbounded phase at `DEFAULT_REQUEST_TIMEOUT`, none longer than `remaining`
    seconds plus `GRACE`."""

    def bound(value: float | None) -> float:
        limit = DEFAULT_REQUEST_TIMEOUT if value is None else value
        return limit if remaining is None else min(limit, max(remaining, 0.0) + GRACE)

    return httpx.Timeout(
        connect=bound(timeout.connect), read=bound(timeout.read), write=bound(timeout.write), pool=bound(timeout.pool)
    )


class _BoundedDecoder:
    """Decodes a body as sent (gzip, deflate or none) a bounded piece at a time, checking the size cap and the
    deadline at each piece. Not httpx's own decoder: it decompresses a whole chunk at once, and 64 KiB of gzip
    can decode to 64 MiB before anything could count it. Another encoding (br, zstd) is left to httpx."""

    def __init__(self, response: httpx.Response, deadline: float | None, clock: Callable[[], float]) -> None:
        encodings = [part.strip().lower() for part in response.headers.get("Content-Encoding", "").split(",")]
        encodings = [encoding for encoding in encodings if encoding and encoding != "identity"]
        # A response already read (an in-memory transport's) has its decoded content only.
        self.raw = encodings in ([], ["gzip"], ["x-gzip"], ["deflate"]) and not response.is_stream_consumed
        # 32 + MAX_WBITS reads a gzip or a zlib header; a raw deflate stream (which some servers send for
        # "deflate") is tried when that fails on the first bytes, as httpx does.
        self._inflate = zlib.decompressobj(32 + zlib.MAX_WBITS) if encodings else None
        self._first = True
        self._response = response
        self._deadline = deadline
        self._clock = clock
        self._chunks: list[bytes] = []
        self._total = 0

    def feed(self, data: bytes) -> None:
        if self._inflate is None or not self.raw:
            self._take(data)
            return
        try:
            piece = self._inflate.decompress(data, _PIECE)
        except zlib.error as exc:
            if not self._first:
                raise httpx.DecodingError(
                    "the answer's compressed body is corrupt", request=self._response.request
                ) from exc
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            self.feed(data)
            return
        self._first = False
        self._take(piece)
        while self._inflate.unconsumed_tail:
            self._take(self._inflate.decompress(self._inflate.unconsumed_tail, _PIECE))

    def body(self) -> bytes:
        if self._inflate is not None and self.raw:
            self._take(self._inflate.flush())
        return b"".join(self._chunks)

    def _take(self, piece: bytes) -> None:
        self._total += len(piece)
        if self._total > MAX_RESPONSE_BYTES:
            raise ResponseTooLargeError(
                f"the answer's body passed {MAX_RESPONSE_BYTES} bytes once decoded; refused",
                request=self._response.request,
            )
        if self._deadline is not None and self._clock() > self._deadline:
            raise httpx.ReadTimeout(
                "the answer's body was still arriving at the deadline", request=self._response.request
            )
        self._chunks.append(piece)


def _decoded(response: httpx.Response, body: bytes) -> httpx.Response:
    headers = [(name, value) for name, value in response.headers.multi_items() if name.lower() not in _AS_SENT]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=response.extensions,
    )


def read_bounded(
    response: httpx.Response, *, deadline: float | None = None, clock: Callable[[], float] | None = None
) -> httpx.Response:
    """A copy of a streamed `response` with its body read and decoded, the headers that described it as sent
    dropped; ResponseTooLargeError past `MAX_RESPONSE_BYTES`, httpx.ReadTimeout once `clock()` passes `deadline`."""
    decoder = _BoundedDecoder(response, deadline, clock or time.monotonic)
    if response.is_stream_consumed:
        decoder.feed(response.content)
        return _decoded(response, decoder.body())
    chunks: Iterator[bytes] = response.iter_raw() if decoder.raw else response.iter_bytes()
    for chunk in chunks:
        decoder.feed(chunk)
    return _decoded(response, decoder.body())


async def read_bounded_async(
    response: httpx.Response, *, deadline: float | None = None, clock: Callable[[], float] | None = None
) -> httpx.Response:
    """As `read_bounded`, for a response of an `httpx.AsyncClient`."""
    decoder = _BoundedDecoder(response, deadline, clock or time.monotonic)
    if response.is_stream_consumed:
        decoder.feed(response.content)
        return _decoded(response, decoder.body())
    chunks: AsyncIterator[bytes] = response.aiter_raw() if decoder.raw else response.aiter_bytes()
    async for chunk in chunks:
        decoder.feed(chunk)
    return _decoded(response, decoder.body())
