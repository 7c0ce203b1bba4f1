"""cloud-partner-portal (short name cpportal): the Cloud Partner Portal publishing API from a shell, for people
and scripts.

    cpportal --mock operations list contoso contoso-virtualmachineoffer --status running
    cpportal cancel contoso contoso-virtualmachineoffer --wait --timeout 600
    cpportal --json publish contoso contoso-virtualmachineoffer     # prints a continuationToken
    cpportal wait <continuationToken or Operation-Location>

Server: `--base-url URL` (env CPP_BASE_URL, default https://cloudpartner.azure.com), or `--mock` for the local
mock on http://127.0.0.1:8080 (`make mock`). Token: env CPP_TOKEN, or `--token-file PATH` (env CPP_TOKEN_FILE),
which wins when both are set; never on the command line itself. `--json` (before or after the command) prints
JSON on stdout; errors always go to stderr, and the exit code says how it ended (`ExitCode`, listed by `--help`).

One concern a module, each importing only those above it:

    terminal      what may reach the terminal: server text made inert (no control characters)
    session       where to, as whom, how to print; `Runtime`, what the command line takes from its surroundings
    exits         `ExitCode`, the one table of exit codes; the one `error:` line; failures mapped to their code
    options       the options more than one command takes
    render        what the commands print: JSON, and one printer of a state (lines, steps, messages)
    progress      `--wait`'s display
    reads         `operations list`, `operations show`, `status`
    long_running  `cancel`, `publish`, `go-live` (one factory) and `wait`
    offers        `offers list`, `show`, `update`, `add-image`, `types`
    root          the group `cli`: server, token, `--json`, and the commands under it

Tests drive the command line through `click.testing.CliRunner` with a `Runtime` as `obj`: its httpx transport,
sleep and clock replace the real ones (`runner.invoke(cli, args, obj=Runtime(transport=...))`).
"""

from .exits import ExitCode
from .root import cli
from .session import MOCK_URL, PRODUCTION_URL, Runtime

__all__ = ["MOCK_URL", "PRODUCTION_URL", "ExitCode", "Runtime", "cli", "main"]


def main() -> None:
    """The `cloud-partner-portal` and `cpportal` console scripts (not `cpp`: that is the C preprocessor)."""
    cli(obj=Runtime())
