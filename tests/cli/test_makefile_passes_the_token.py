"""`make contract TOKEN=...` hands the token to its recipes byte-exact in CPP_TOKEN (a comment after the export once
added the spaces before it to every token)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A target added on the command line (`--eval`) that prints what the Makefile exported, between bars.
_SHOW = 'show-cpp-token: ; @printf "|%s|" "$$CPP_TOKEN"'


MAKE = shutil.which("make")


@pytest.mark.skipif(MAKE is None, reason="needs GNU make")
@pytest.mark.parametrize("token", ["x", "eyJ0eXAi.J-_9~+/=", "ab#cd"])
def test_the_makefile_exports_the_token_byte_exact(token: str) -> None:
    assert MAKE is not None
    shown = subprocess.run(  # noqa: S603 -- fixed arguments, the token is a test value
        [MAKE, "--no-print-directory", "-f", "Makefile", "--eval", _SHOW, "show-cpp-token", f"TOKEN={token}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": "/usr/bin:/bin", "CPP_TOKEN": ""},
    )
    assert shown.stdout == f"|{token}|"
