"""The root command group `cli`: the server, the token, `--json`, and the commands under it."""

from __future__ import annotations

from pathlib import Path

import click

from ..api_version import API_VERSION
from .exits import ErrorsAsExitCodes, exit_codes_help
from .long_running import cancel, go_live, publish, wait_command
from .offers import offers
from .reads import operations, status
from .session import MOCK_URL, PRODUCTION_URL, Runtime, Session, package_version

__all__ = ["cli"]

_HELP = f"""The Cloud Partner Portal publishing API (api-version {API_VERSION}): list, show, publish, go live, cancel,
and wait for operations.

Sign in with an Azure AD access token for {PRODUCTION_URL}, from env CPP_TOKEN or a file (--token-file, env
CPP_TOKEN_FILE; never on the command line itself), which wins; or with an Azure credential, renewed before it
expires (the azure extra: pip install 'cloud-partner-portal[azure]'): a service principal's AZURE_TENANT_ID,
AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), or --azure (DefaultAzureCredential,
which includes az login). --azure with a token is a usage error.

{exit_codes_help()}
"""


@click.group(cls=ErrorsAsExitCodes, help=_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--base-url",
    envvar="CPP_BASE_URL",
    show_envvar=True,
    default=PRODUCTION_URL,
    show_default=True,
    metavar="URL",
    help="The API's server.",
)
@click.option("--mock", is_flag=True, help=f"Use the local mock on {MOCK_URL} (started by `make mock`).")
@click.option(
    "--token-file",
    envvar="CPP_TOKEN_FILE",
    show_envvar=True,
    type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path),
    metavar="PATH",
    help="Read the bearer token from PATH (otherwise from env CPP_TOKEN).",
)
@click.option(
    "--azure",
    is_flag=True,
    help="Sign in with azure-identity's DefaultAzureCredential (AZURE_* variables, managed identity, az login, ...).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout instead of tables.")
@click.version_option(package_version(), prog_name="cloud-partner-portal")
@click.pass_context
def cli(ctx: click.Context, base_url: str, mock: bool, token_file: Path | None, azure: bool, as_json: bool) -> None:
    runtime = ctx.obj if isinstance(ctx.obj, Runtime) else Runtime()
    if mock:
        if ctx.get_parameter_source("base_url") is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--mock and --base-url name two servers: give one")
        base_url = MOCK_URL
    if not base_url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{base_url!r} is not an http(s) URL", param_hint="--base-url")
    ctx.obj = Session(runtime=runtime, base_url=base_url.rstrip("/"), token_file=token_file, json=as_json, azure=azure)


for _command in (operations, cancel, publish, go_live, status, wait_command, offers):
    cli.add_command(_command)
