"""Running `cpportal` in-process: click's `CliRunner` with a `Runtime` (transport, sleep, clock) as click's `obj`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from click.testing import CliRunner, Result

from cloud_partner_portal.cli import Runtime, cli

#: `invoke(args, env=None, service=None)` of the `invoke` fixture in `tests/cli/conftest.py`.
Invoke = Callable[..., Result]


def run_cpp(
    args: Sequence[str], runtime: Runtime, token: str | None, env: Mapping[str, str | None] | None = None
) -> Result:
    """`cpportal ARGS` with `token` in CPP_TOKEN (None: unset) and no token file or server from the environment, unless
    `env` sets them."""
    environment = {"CPP_TOKEN": token, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None, **(env or {})}
    return CliRunner().invoke(cli, list(args), obj=runtime, env=environment, prog_name="cpportal")
