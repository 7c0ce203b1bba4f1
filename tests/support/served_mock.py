"""The mock served as `make mock` serves it, through the tools' one launcher (`tools.launcher`), for the tests that
read what the process prints or must run it under an open-file limit: the package's `cpp_mock_server` fixture
serves the app in this process and does neither."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from tools.launcher import free_port, launch, mock_command

OUTPUT_SECONDS = 15.0
"""How long `wait_for` waits for a line the mock is expected to print."""


def _under_open_file_limit(command: list[str], open_files: int) -> list[str]:
    """`command` (the mock's `python -m` line) run with its open-file limit (soft and hard) set first."""
    code = (
        "import resource, runpy, sys; "
        f"resource.setrlimit(resource.RLIMIT_NOFILE, ({open_files}, {open_files})); "
        "sys.argv = ['cloud_partner_portal_mock', *sys.argv[1:]]; "
        "runpy.run_module('cloud_partner_portal_mock', run_name='__main__', alter_sys=True)"
    )
    return [sys.executable, "-c", code, *command[3:]]


@dataclass
class ServedMock:
    url: str
    _output: IO[bytes]
    _kept: str | None = None

    @property
    def output(self) -> str:
        """Everything the mock printed so far (stdout and stderr); all of it once the mock has stopped."""
        if self._kept is not None:
            return self._kept
        self._output.seek(0)
        return self._output.read().decode(errors="replace")

    def keep(self) -> None:
        """Keep the output as it is now, for reading after the temporary file is gone."""
        self._kept = self.output

    def wait_for(self, pattern: str, seconds: float = OUTPUT_SECONDS) -> re.Match[str]:
        """The first match of `pattern` in the output, waiting at most `seconds` for it."""
        deadline = time.monotonic() + seconds
        while not (found := re.search(pattern, self.output)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the mock printed nothing matching {pattern!r} within {seconds:g} s")
            time.sleep(0.05)
        return found


@contextmanager
def served_mock(*options: str, open_files: int | None = None) -> Iterator[ServedMock]:
    """`python -m cloud_partner_portal_mock` on a free loopback port with `options` (after the launcher's own, so
    they win), optionally under an open-file limit; its output kept in a temporary file; stopped by its pid."""
    port = free_port()
    command = mock_command(port, *options)
    if open_files is not None:
        command = _under_open_file_limit(command, open_files)
    with tempfile.TemporaryFile() as output:
        with launch("mock", command, port, output=output) as launched:
            served = ServedMock(launched.url, output)
            yield served
        served.keep()  # the mock has stopped: its output is complete
