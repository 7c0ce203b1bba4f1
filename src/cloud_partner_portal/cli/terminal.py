"""What may reach the terminal: text from the server (or anywhere else) made inert.

An escape sequence in a step name, a message or an error could write the clipboard (OSC 52), retitle the window
(OSC 0) or clear the screen (`ESC[2J`); without its control characters it prints as text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["escape_controls_in_json", "inert"]

# C0 controls but tab and newline, DEL, and C1 controls (0x9b is an 8-bit CSI on some terminals).
_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """`text` without the control characters that make a terminal act; tab and newline stay."""
    return _CONTROLS.sub("", text)


def escape_controls_in_json(text: str) -> str:
    """JSON text with every control character as a `\\u` escape. `json.dumps(..., ensure_ascii=False)` escapes C0
    but leaves DEL and C1 raw; they can stand only inside a string there, where the escape means the same."""
    return _CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
