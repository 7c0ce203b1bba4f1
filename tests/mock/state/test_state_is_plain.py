"""The state layer loads as plain Python: importing it (the service, the seed, a snapshot) brings in no web
framework, validator, async or HTTP library, as the `mock-state-is-plain` contract states for its imports."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("starlette", "openapi_core", "jsonschema", "anyio", "httpx", "uvicorn")


def test_the_state_runs_without_loading_the_web_stack() -> None:
    code = (
        "import sys\n"
        "from cloud_partner_portal_mock.state.clock import Clock\n"
        "from cloud_partner_portal_mock.state.service import PublishingService\n"
        "class Settings:\n"
        "    seed, retain_finished, publishers = 1, 5, frozenset({'contoso'})\n"
        "    step_seconds = {}\n"
        "    clock = Clock.frozen()\n"
        "state = PublishingService(Settings()).snapshot()\n"
        "assert state.offer('contoso', 'contoso-virtualmachineoffer').status == 'running'\n"
        f"print(sorted({{name.partition('.')[0] for name in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)  # noqa: S603  # reason: fixed code, this interpreter

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
