"""`python -m cloud_partner_portal_mock` in a child process, as `make mock` serves it: on a free loopback port,
optionally under an open-file limit, its output collected, stopped by its own pid. A context manager."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
from types import TracebackType

STARTUP_SECONDS = 30.0
RUNNING = re.compile(r"Uvicorn running on (http://127\.0\.0\.1:\d+)")


class ServedMock:
    def __init__(self, *argv: str, open_files: int | None = None) -> None:
        """`argv`: the command line's options after `--port 0`; `open_files`: the child's open-file limit (soft and
        hard), set before the mock starts."""
        self.argv = ["--port", "0", *argv]
        self.open_files = open_files
        self.url = ""
        self._lines: queue.Queue[str] = queue.Queue()
        self._seen: list[str] = []
        self._process: subprocess.Popen[str] | None = None

    @property
    def output(self) -> str:
        """Everything the mock printed so far (stdout and stderr)."""
        while not self._lines.empty():
            self._seen.append(self._lines.get_nowait())
        return "".join(self._seen)

    def wait_for(self, pattern: str, seconds: float = 15.0) -> re.Match[str]:
        """The first match of `pattern` in the output, waiting up to `seconds` for each new line."""
        while not (found := re.search(pattern, self.output)):
            self._seen.append(self._lines.get(timeout=seconds))
        return found

    def __enter__(self) -> ServedMock:
        if self.open_files is None:
            command = [sys.executable, "-m", "cloud_partner_portal_mock", *self.argv]
        else:
            launcher = (
                "import resource, runpy, sys; "
                f"resource.setrlimit(resource.RLIMIT_NOFILE, ({self.open_files}, {self.open_files})); "
                "sys.argv = ['cloud_partner_portal_mock', *sys.argv[1:]]; "
                "runpy.run_module('cloud_partner_portal_mock', run_name='__main__', alter_sys=True)"
            )
            command = [sys.executable, "-c", launcher, *self.argv]
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # noqa: S603
        stdout = self._process.stdout
        assert stdout is not None
        threading.Thread(target=lambda: [self._lines.put(line) for line in stdout], daemon=True).start()
        try:
            self.url = self.wait_for(RUNNING.pattern, STARTUP_SECONDS).group(1)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=15)
