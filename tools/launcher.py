"""A server in a child process on a loopback port: started, waited for, stopped by its own pid.

`make contract`, `make fuzz` and `make bench` serve the mock (`python -m cloud_partner_portal_mock`, as `make mock`
does) and bench also Prism and an empty app; all go through `launch`. A launch refuses a port that already
answers (whatever listens there is not the server it would test), waits at most `startup_seconds` for any HTTP
answer at `ready_path` while checking that the child is still alive, and on the way out terminates the child,
then kills it if it has not exited within `stop_seconds`. Only that one pid is ever signalled.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
READY_PATH = "/openapi.json"
STARTUP_SECONDS = 60.0
"""How long a server may take to answer its first request (Prism's start on a busy 2-core machine is the slowest)."""
STOP_SECONDS = 10.0
"""How long a terminated server may take to exit before it is killed."""
PROBE_SECONDS = 1.0
"""The timeout of each readiness request; probes repeat every `PROBE_INTERVAL` until the startup bound."""
PROBE_INTERVAL = 0.1


class LaunchError(RuntimeError):
    """The server could not be started: its port is taken, it exited, or it did not answer in time."""


@dataclass(frozen=True)
class Launched:
    name: str
    url: str
    pid: int


def free_port(host: str = HOST) -> int:
    """A port nothing listens on at this moment (the kernel's pick for a bind to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(PROBE_SECONDS)
        return sock.connect_ex((host, port)) == 0


def mock_command(port: int, *options: str, host: str = HOST) -> list[str]:
    """The mock as `make mock` serves it (real clock, documented tokens), quiet: no access log on the console."""
    module = [sys.executable, "-m", "cloud_partner_portal_mock"]
    return [*module, "--host", host, "--port", str(port), "--log-level", "warning", *options]


def answers(url: str) -> bool:
    """Whether `url` gives any HTTP answer (Prism answers a path it does not serve with a 404: it is up)."""
    try:
        with urllib.request.urlopen(url, timeout=PROBE_SECONDS):  # noqa: S310  # reason: loopback URLs built here
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextmanager
def launch(
    name: str,
    command: Sequence[str],
    port: int,
    *,
    host: str = HOST,
    output: IO[bytes] | None = None,
    env: Mapping[str, str] | None = None,
    ready_path: str = READY_PATH,
    startup_seconds: float = STARTUP_SECONDS,
    stop_seconds: float = STOP_SECONDS,
) -> Iterator[Launched]:
    """Run `command` (a server that listens on `host:port`), yield once it answers at `ready_path`, then stop it.

    `output`: where the child's stdout and stderr go (a file: a pipe nobody reads would block the server when
    full); None leaves them on this process's. Raises `LaunchError` when the port already answers, when the child
    exits before it answers, or when `startup_seconds` pass without an answer (the child is stopped first)."""
    url = f"http://{host}:{port}"
    if port_in_use(host, port):
        raise LaunchError(f"{host}:{port} is already in use; choose another port")
    process = subprocess.Popen(  # noqa: S603  # reason: the callers' fixed command lines
        list(command), cwd=ROOT, env=None if env is None else dict(env), stdout=output, stderr=output
    )
    try:
        _wait_until_answering(name, url + ready_path, process, startup_seconds)
        yield Launched(name, url, process.pid)
    finally:
        stop(process, stop_seconds)


def _wait_until_answering(name: str, url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not answers(url):
        if process.poll() is not None:
            raise LaunchError(f"{name} exited with {process.returncode} before answering at {url}")
        if time.monotonic() > deadline:
            raise LaunchError(f"{name} did not answer at {url} within {seconds:g} s")
        time.sleep(PROBE_INTERVAL)


def stop(process: subprocess.Popen[bytes], seconds: float = STOP_SECONDS) -> None:
    """Terminate `process`, and kill it if it has not exited within `seconds`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
