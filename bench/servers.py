"""The two servers under load, each in its own process on a free loopback port: the mock and Prism."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .machine import PRISM
from .results import OUT, ROOT

HOST = "127.0.0.1"
MOCK_SPEC = ROOT / "build" / "openapi.mock.yaml"
STARTUP_SECONDS = 60.0
QUIET_NODE = {"SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"}


@dataclass(frozen=True)
class Served:
    name: str
    url: str
    pid: int


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def mock_command(port: int, *extra: str) -> list[str]:
    """The mock as `make mock` serves it (real clock, documented tokens), quiet: no access log on the console."""
    module = [sys.executable, "-m", "cloud_partner_portal_mock"]
    return [*module, "--host", HOST, "--port", str(port), "--log-level", "warning", *extra]


def empty_command(port: int) -> list[str]:
    """`bench.empty:app` on uvicorn configured as the mock's (`--log-level warning`, so no access log): the
    server's own ceiling."""
    module = [sys.executable, "-m", "uvicorn", "bench.empty:app"]
    return [*module, "--host", HOST, "--port", str(port), "--log-level", "warning", "--no-access-log"]


def prism_command(port: int) -> list[str]:
    """Prism in its fastest configuration that still validates requests (request validation is on by default):
    static examples (no json-schema-faker), and `-v silent` so that it does not log every request. `--errors`
    (response violations become errors) changed nothing measurable; `-m` (multiprocess) crashes on Node 20."""
    return [str(PRISM), "mock", str(MOCK_SPEC), "-h", HOST, "-p", str(port), "-v", "silent"]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):  # noqa: S310  # reason: our own loopback server
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means it serves
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextmanager
def serve(name: str, command: Sequence[str], port: int) -> Iterator[Served]:
    """Start `command`, wait until it answers HTTP on `port`, yield it, then stop it (by its own pid)."""
    env = {**os.environ, **QUIET_NODE}
    OUT.mkdir(parents=True, exist_ok=True)
    log_path = OUT / f"{name}.log"  # a file, not a pipe: a pipe nobody reads would block the server when full
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603  # reason: fixed command lines built above
            list(command), cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _answers(url + "/openapi.json"):
            if process.poll() is not None:
                error = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"{name} exited with {process.returncode} before serving {url}: {error}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer on {url} within {STARTUP_SECONDS:.0f} s")
            time.sleep(0.1)
        yield Served(name, url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
