"""`tools.launcher`: a served mock is started, answers, and is stopped by its own pid; a server that never comes up,
exits, or finds its port taken is a clear `LaunchError` within the stated bound, and leaves no process behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.launcher import STARTUP_SECONDS, LaunchError, answers, free_port, launch, mock_command, stop

# Writes its pid to argv[1], then waits ten minutes without listening anywhere.
NEVER_LISTENS = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"


def _gone(pid: int) -> bool:
    """Whether no process has `pid` any more (a child that was waited for is reaped, so its pid is free)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_launched_mock_answers_and_only_its_own_process_is_stopped() -> None:
    neighbour = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        port = free_port()
        with launch("the mock", mock_command(port), port) as served:
            assert served.url == f"http://127.0.0.1:{port}"
            assert answers(f"{served.url}/openapi.json")
            assert not _gone(served.pid)

        assert _gone(served.pid)
        assert not answers(f"{served.url}/openapi.json")
        assert neighbour.poll() is None
    finally:
        stop(neighbour)


def test_a_server_that_never_answers_is_an_error_after_the_bound_and_is_stopped(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    port = free_port()

    with (
        pytest.raises(
            LaunchError, match=rf"never-up did not answer at http://127\.0\.0\.1:{port}/openapi\.json within 1 s"
        ),
        launch("never-up", [sys.executable, "-c", NEVER_LISTENS, str(pid_file)], port, startup_seconds=1),
    ):
        pytest.fail("launch yielded a server that never answered")

    assert _gone(int(pid_file.read_text()))


def test_a_server_that_exits_before_answering_is_an_error_with_its_exit_status() -> None:
    port = free_port()

    with (
        pytest.raises(LaunchError, match="crashes exited with 3 before answering"),
        launch("crashes", [sys.executable, "-c", "raise SystemExit(3)"], port),
    ):
        pytest.fail("launch yielded a server that had exited")


def test_a_port_that_already_answers_is_refused_and_nothing_is_started(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        with (
            pytest.raises(LaunchError, match=f"127.0.0.1:{port} is already in use"),
            launch("late", [sys.executable, "-c", NEVER_LISTENS, str(pid_file)], port),
        ):
            pytest.fail("launch yielded whatever already listened on the port")

    assert not pid_file.exists()


def test_a_server_that_ignores_terminate_is_killed_after_the_stop_bound(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    stubborn = (
        "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "open(sys.argv[1], 'w').close(); time.sleep(60)"
    )
    process = subprocess.Popen([sys.executable, "-c", stubborn, str(ready)])  # noqa: S603
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not ready.exists():  # written once SIGTERM is ignored
            assert process.poll() is None, "the child exited"
            assert time.monotonic() < deadline, f"the child was not ready within {STARTUP_SECONDS} s"
            time.sleep(0.01)
        stop(process, seconds=0.5)

        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
