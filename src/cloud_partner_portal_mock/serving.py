"""How uvicorn serves the mock: httptools (C parser) with a cap on the request head.

uvicorn's h11 protocol caps an unfinished request head (16 KiB) and answers 400 past it, but parses in pure
Python, which halves the mock's throughput. Its httptools protocol is fast but buffers a request head of any
size. `HeadCappedHttpToolsProtocol` keeps the speed and restores the cap: once more than `MAX_HEAD_BYTES`
have arrived without the head being complete, it answers uvicorn's own 400 and closes the connection, so a
client streaming an endless header costs at most the cap plus one read.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD_BYTES = 64 * 1024


class HeadCappedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_complete = False
        self._head_bytes = 0
        self._heads_seen = 0

    def data_received(self, data: bytes) -> None:
        heads_seen = self._heads_seen
        super().data_received(data)
        # Count the read only when no head was completed in it (a read may hold a whole request, head and body)
        # and a head is still pending.
        if self._heads_seen == heads_seen and not self._head_complete:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES and not self.transport.is_closing():
                self.send_400_response("Request head too large.")

    def on_headers_complete(self) -> None:
        self._head_complete = True
        self._heads_seen += 1
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._head_complete = False
        self._head_bytes = 0


HTTP_PROTOCOL = HeadCappedHttpToolsProtocol
