"""`LogCapture`: every record of the mock's and uvicorn's loggers, formatted, tracebacks included."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

# uvicorn's "uvicorn" and "uvicorn.access" loggers do not propagate: they get the handler themselves; the root
# logger gets the mock's records and anything else. Levels go down to DEBUG for uvicorn and the mock.
HANDLED_LOGGERS = ("uvicorn", "uvicorn.access", "")
VERBOSE_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "cloud_partner_portal_mock")


class LogCapture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@contextmanager
def captured_logs() -> Iterator[LogCapture]:
    """Records everything uvicorn and the mock log, down to DEBUG, within the block."""
    capture = LogCapture()
    levels = {name: logging.getLogger(name).level for name in VERBOSE_LOGGERS}
    for name in HANDLED_LOGGERS:
        logging.getLogger(name).addHandler(capture)
    for name in VERBOSE_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        for name in HANDLED_LOGGERS:
            logging.getLogger(name).removeHandler(capture)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
