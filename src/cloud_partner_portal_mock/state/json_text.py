"""JSON text as the mock answers it: compact UTF-8, byte for byte what Starlette's `JSONResponse` renders.

One difference, on purpose: a request body may carry a lone surrogate as an escape (`"\\ud800"` decodes to one),
and an offer stores whatever strings its body had. UTF-8 cannot encode a lone surrogate, so a document holding one
is written with ASCII escapes instead: it comes back as it was sent, and the answer is never a 500.
"""

from __future__ import annotations

import json
from typing import Any

_COMPACT = (",", ":")


def encode(value: Any) -> bytes:
    """`value` (JSON data) as the bytes of its JSON text."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=_COMPACT).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=_COMPACT).encode("ascii")
