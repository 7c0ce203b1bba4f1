"""`make install-check`: the distributions install with plain pip into fresh virtual environments and work there.

Builds the sdist and the wheel once (`uv build`: the wheel from the sdist, so the sdist is proven complete), for
the project and for the generated client alone, and checks them (`twine check --strict`; the wheel's packages,
license and metadata). Then, on every Python this machine has (3.11 always; 3.12 and 3.13 when pyenv's
versions directory or the PATH holds them: nothing is downloaded), it makes a fresh venv for each way in, runs
plain pip from the package index and smoke calls:

- `pip install .`: the packages import, the console scripts answer `--help`, the overlay applier applies the
  client overlay, `python -m cloud_partner_portal_mock` names the missing `mock` extra, and pytest starts with
  the mock's plugin registered;
- `pip install '.[mock]'`: the mock's command line, and the generated client listing operations of the mock
  in-process;
- `pip install ./generated/cloud-partner-portal-client`: the typed client alone.

It prints one row per check and exits 1 when any failed (or no Python 3.11 was found). Every subprocess runs
under a timeout, in its own process group, killed whole when it overruns. It needs the network to the package
index; all venvs share pip's own cache directory.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
CLIENT_DIR = "generated/cloud-partner-portal-client"
DEFAULT_WORK = ROOT / "build" / "install-check"

MINORS = ("3.11", "3.12", "3.13")  # the versions pyproject.toml's classifiers name
REQUIRED_MINOR = "3.11"

# Bounds, generous for a loaded 2-core machine: a cold `pip install '.[mock]'` takes about a minute there.
PROBE_SECONDS = 30.0
BUILD_SECONDS = 300.0
VENV_SECONDS = 180.0
INSTALL_SECONDS = 600.0
SMOKE_SECONDS = 120.0
DETAIL_LINES = 15

# The packages the project's wheel ships, the generated client among them (pyproject.toml, the wheel target).
WHEEL_PACKAGES = ("cloud_partner_portal", "cloud_partner_portal_client", "cloud_partner_portal_mock", "openapi_overlay")
CLIENT_DISTRIBUTION = "cloud-partner-portal-client"

# --no-compile: byte-compiling every installed module was a third of an install's CPU time; the smoke call
# `every module compiles` compiles the project's own modules instead, and fails where pip would only warn.
PIP = ("python", "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--no-compile")


# Running commands


@dataclass(frozen=True)
class Ran:
    """A finished command: `returncode` is None when it timed out or could not start."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return "\n".join(part for part in (self.stdout.strip(), self.stderr.strip()) if part)


def run(argv: Sequence[str | Path], *, timeout: float, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Ran:
    """Run `argv` to completion or for `timeout` seconds; on overrun kill its whole process group.

    `subprocess.run(timeout=...)` kills only the child, then waits for pipes that a grandchild (pip's build
    backend, a venv's ensurepip) may hold open: so the group is started and killed here instead.
    """
    start = time.monotonic()
    try:
        process = subprocess.Popen(  # noqa: S603  # reason: fixed command lines built in this module
            [str(part) for part in argv],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    except OSError as exc:
        return Ran(None, "", f"cannot run {argv[0]}: {exc.strerror or exc}", time.monotonic() - start)
    with process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return Ran(None, stdout, f"{stderr}\ntimed out after {timeout:g} s", time.monotonic() - start)
    return Ran(process.returncode, stdout, stderr, time.monotonic() - start)


def clean_environment() -> dict[str, str]:
    """This process's environment without what would let a venv see this checkout or another environment."""
    return {
        name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }


# Expectations on a finished command: None when met, else what went wrong.

Expect = Callable[[Ran], str | None]


def exits_zero(ran: Ran) -> str | None:
    if ran.returncode == 0:
        return None
    status = "no exit status" if ran.returncode is None else f"exit status {ran.returncode}"
    return f"{status}, expected 0"


def names_the_missing_extra(extra: str) -> Expect:
    """Exit status 1 and a single `error:` line naming `extra`, with no traceback."""

    def expect(ran: Ran) -> str | None:
        errors = [line for line in ran.stderr.splitlines() if line.startswith("error:")]
        if ran.returncode != 1:
            return f"exit status {ran.returncode}, expected 1"
        if "Traceback" in ran.output:
            return "printed a traceback"
        if len(errors) != 1 or f"[{extra}]" not in errors[0]:
            return f"expected one `error:` line naming the {extra!r} extra"
        return None

    return expect


# Finding interpreters


@dataclass(frozen=True)
class Interpreter:
    minor: str
    version: str
    path: Path
    origin: str


Probe = Callable[[Path], str | None]

PROBE_CODE = "import ensurepip, sys, venv; print('%d.%d.%d' % sys.version_info[:3])"


def probe(path: Path) -> str | None:
    """The interpreter's version if it runs and can make a venv with pip (Debian's may lack ensurepip)."""
    ran = run([path, "-c", PROBE_CODE], timeout=PROBE_SECONDS)
    return ran.stdout.strip() if ran.returncode == 0 else None


def pyenv_candidates(minor: str, pyenv_root: Path) -> list[Path]:
    """`python<minor>` of each `<minor>.<patch>` in pyenv's versions directory, newest patch first."""
    release = re.compile(rf"{re.escape(minor)}\.(\d+)")  # not 3.13.0t (free-threaded) or 3.12-dev
    versions = pyenv_root / "versions"
    found = [
        (int(match.group(1)), entry / "bin" / f"python{minor}")
        for entry in (versions.iterdir() if versions.is_dir() else ())
        if (match := release.fullmatch(entry.name))
    ]
    return [path for _, path in sorted(found, reverse=True)]


def discover(
    minors: Iterable[str],
    *,
    pyenv_root: Path,
    which: Callable[[str], str | None],
    probe: Probe,
) -> dict[str, Interpreter | None]:
    """For each minor version the first interpreter that works: pyenv's newest patch, else `python<minor>` on
    the PATH (which may be a pyenv shim for a version pyenv does not select, hence the probe)."""
    interpreters: dict[str, Interpreter | None] = {}
    for minor in minors:
        candidates = [(path, "pyenv") for path in pyenv_candidates(minor, pyenv_root)]
        on_path = which(f"python{minor}")
        if on_path is not None:
            candidates.append((Path(on_path), "PATH"))
        interpreters[minor] = next(
            (
                Interpreter(minor, version, path, origin)
                for path, origin in candidates
                if (version := probe(path)) is not None and version.startswith(f"{minor}.")
            ),
            None,
        )
    return interpreters


# Results


@dataclass(frozen=True)
class Check:
    python: str
    install: str
    name: str
    result: str  # "ok", "FAILED" or "skipped"
    seconds: float = 0.0
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.result == "FAILED"


def check(python: str, install: str, name: str, ran: Ran, expect: Expect = exits_zero) -> Check:
    problem = expect(ran)
    if problem is None:
        return Check(python, install, name, "ok", ran.seconds)
    tail = "\n".join(ran.output.splitlines()[-DETAIL_LINES:])
    return Check(python, install, name, "FAILED", ran.seconds, f"{problem}\n{tail}".rstrip())


def interpreter_checks(interpreters: dict[str, Interpreter | None], pyenv_root: Path) -> list[Check]:
    checks = []
    for minor, interpreter in interpreters.items():
        if interpreter is not None:
            checks.append(Check(interpreter.version, "-", f"find an interpreter: {interpreter.origin}", "ok"))
            continue
        missing = f"no working python{minor} in {pyenv_root / 'versions'} or on the PATH"
        result = "FAILED" if minor == REQUIRED_MINOR else "skipped"
        checks.append(Check(minor, "-", "find an interpreter", result, detail=missing))
    return checks


def render(checks: Sequence[Check]) -> str:
    """The summary table, a count, and the details of each failure."""
    header = ("python", "install", "check", "result", "seconds")
    rows = [(c.python, c.install, c.name, c.result, f"{c.seconds:.1f}") for c in checks]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    title = "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip()
    failed = [c for c in checks if c.failed]
    skipped = [c for c in checks if c.result == "skipped"]
    lines = [title, *lines, "", f"{len(checks)} checks: {len(failed)} failed, {len(skipped)} skipped"]
    for c in [*failed, *skipped]:
        lines += [
            "",
            f"{c.result} {c.python} | {c.install} | {c.name}:",
            *("    " + line for line in c.detail.splitlines()),
        ]
    return "\n".join(lines)


def exit_status(checks: Iterable[Check]) -> int:
    return 1 if any(c.failed for c in checks) else 0


# The built distributions


def client_requirements() -> list[str]:
    """The generated client's own dependencies, from its pyproject.toml."""
    with (ROOT / CLIENT_DIR / "pyproject.toml").open("rb") as file:
        return list(tomllib.load(file)["project"]["dependencies"])


def wheel_problems(wheel: Path, client_requirements: Iterable[str], minors: Sequence[str] = MINORS) -> list[str]:
    """What is wrong with the project's wheel: a package or the license missing, metadata that plain pip
    cannot resolve (the client's distribution, a direct reference), that lacks a dependency of the shipped
    client, or that does not name the Pythons."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata_name = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
        if metadata_name is None:
            return ["no .dist-info/METADATA"]
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    dist_info = metadata_name.rsplit("/", 1)[0]
    problems = [
        f"no {name}"
        for package in WHEEL_PACKAGES
        for name in (f"{package}/__init__.py", f"{package}/py.typed")
        if name not in names
    ]
    if f"{dist_info}/licenses/LICENSE" not in names:
        problems.append(f"no {dist_info}/licenses/LICENSE")
    if metadata.get("License-Expression") != "MIT":
        problems.append(f"License-Expression is {metadata.get('License-Expression')!r}, expected 'MIT'")
    if not metadata.get("Requires-Python"):
        problems.append("no Requires-Python")
    classifiers = set(metadata.get_all("Classifier") or [])
    problems += [
        f"no classifier 'Programming Language :: Python :: {minor}'"
        for minor in minors
        if f"Programming Language :: Python :: {minor}" not in classifiers
    ]
    requirements = [Requirement(text) for text in metadata.get_all("Requires-Dist") or []]
    for requirement in requirements:
        if canonicalize_name(requirement.name) == CLIENT_DISTRIBUTION:
            problems.append(f"requires {str(requirement)!r}, which no index holds (the wheel ships the client)")
        elif requirement.url is not None:
            problems.append(f"requires {str(requirement)!r}: a direct reference, which an index rejects")
    core = {canonicalize_name(r.name) for r in requirements if r.marker is None or "extra" not in str(r.marker)}
    problems += [
        f"does not require {name!r}, which the shipped client needs"
        for name in sorted({canonicalize_name(Requirement(text).name) for text in client_requirements} - core)
    ]
    return problems


def build_checks(uv: str, work: Path) -> list[Check]:
    """Build both projects' sdist and wheel, check the project's wheel, run `twine check --strict` on all."""
    checks = []
    dists = work / "dist"
    for source in (".", f"./{CLIENT_DIR}"):
        ran = run([uv, "build", "--quiet", source, "--out-dir", dists], timeout=BUILD_SECONDS)
        checks.append(check("-", f"uv build {source}", "sdist, then the wheel from it", ran))
    wheels = sorted(dists.glob("cloud_partner_portal-*.whl"))
    if len(wheels) == 1:
        problems = wheel_problems(wheels[0], client_requirements())
    else:
        problems = [f"{len(wheels)} project wheels in {dists}"]
    checks.append(
        Check(
            "-",
            "uv build .",
            "wheel: packages, license, metadata",
            "FAILED" if problems else "ok",
            0.0,
            "\n".join(problems),
        )
    )
    files = sorted([*dists.glob("*.whl"), *dists.glob("*.tar.gz")])
    ran = run([sys.executable, "-m", "twine", "check", "--strict", *files], timeout=SMOKE_SECONDS)
    checks.append(check("-", "uv build (both)", f"twine check --strict ({len(files)} files)", ran))
    return checks


# The ways in and their smoke calls


@dataclass(frozen=True)
class Smoke:
    """A command run in the venv: `argv[0]` names a program in its bin directory; `{root}` and `{here}` in the
    arguments are the checkout and the venv's scratch directory (the working directory, outside the checkout's
    packages, so imports come from the venv)."""

    name: str
    argv: tuple[str, ...]
    expect: Expect = exits_zero
    timeout: float = SMOKE_SECONDS


@dataclass(frozen=True)
class WayIn:
    name: str  # a short name for the venv's directory
    requirement: str
    smokes: tuple[Smoke, ...]
    files: tuple[tuple[str, str], ...] = ()  # written into the scratch directory first

    @property
    def label(self) -> str:
        return f"pip install {self.requirement if '[' not in self.requirement else repr(self.requirement)}"


CORE_IMPORTS = """
import cloud_partner_portal, openapi_overlay
from cloud_partner_portal_client import AuthenticatedClient
client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="smoke-token")
assert client.get_httpx_client().headers["Authorization"] == "Bearer smoke-token"
assert cloud_partner_portal.is_terminal("Completed") and not cloud_partner_portal.is_terminal("running")
"""

CLIENT_ALONE = """
import importlib.util
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.operations import cancel_operation, get_operation, list_operations
client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="smoke-token")
assert client.get_httpx_client().headers["Authorization"] == "Bearer smoke-token"
assert importlib.util.find_spec("cloud_partner_portal") is None, "the client alone brought the hand-written layer"
"""

MOCK_IN_PROCESS = """
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.operations import list_operations
from cloud_partner_portal_mock.testing import InProcessMock
mock = InProcessMock()
client = AuthenticatedClient(base_url="http://testserver", token="contoso-token")
client.set_httpx_client(mock.client(token="contoso-token"))
listed = list_operations.sync("contoso", "contoso-virtualmachineoffer", client=client)
assert isinstance(listed, list) and listed, listed
"""

COMPILE_PACKAGES = """
import compileall, importlib.util, sys
for name in sys.argv[1:]:
    spec = importlib.util.find_spec(name)  # finds the installed package without running it
    assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
    for location in spec.submodule_search_locations:
        if not compileall.compile_dir(location, quiet=1, force=True):
            raise SystemExit(f"{name}: a module does not compile on this Python")
"""

PLUGIN_TEST = """
import importlib.util


def test_the_mock_plugin_loads_without_the_mock_extra(pytestconfig):
    assert importlib.util.find_spec("starlette") is None
    assert pytestconfig.pluginmanager.has_plugin("cloud_partner_portal_mock")
"""

# Slowest first: the installs start in this order, the longest ones in parallel.
WAYS_IN = (
    WayIn(
        "mock",
        ".[mock]",
        (
            Smoke(
                "python -m cloud_partner_portal_mock --help", ("python", "-m", "cloud_partner_portal_mock", "--help")
            ),
            Smoke("client lists operations of the in-process mock", ("python", "-c", MOCK_IN_PROCESS)),
        ),
    ),
    WayIn(
        "default",
        ".",
        (
            Smoke("every module compiles", ("python", "-c", COMPILE_PACKAGES, *WHEEL_PACKAGES)),
            Smoke("import; client, poller calls", ("python", "-c", CORE_IMPORTS)),
            Smoke("cloud-partner-portal --help", ("cloud-partner-portal", "--help")),
            Smoke("cpportal --version", ("cpportal", "--version")),
            Smoke(
                "openapi-overlay apply (client overlay)",
                (
                    "openapi-overlay",
                    "apply",
                    "{root}/openapi.yaml",
                    "{root}/overlays/client.overlay.yaml",
                    "--strict",
                    "-o",
                    "{here}/openapi.client.yaml",
                ),
            ),
            Smoke(
                "python -m cloud_partner_portal_mock: names the extra",
                ("python", "-m", "cloud_partner_portal_mock", "--help"),
                names_the_missing_extra("mock"),
            ),
            Smoke("pip install pytest", (*PIP, "pytest"), timeout=INSTALL_SECONDS),
            Smoke("pytest starts, mock plugin registered", ("python", "-m", "pytest", "-q", "-p", "no:cacheprovider")),
        ),
        files=(("pytest.ini", "[pytest]\n"), ("test_plugin.py", PLUGIN_TEST)),
    ),
    WayIn(
        "client",
        f"./{CLIENT_DIR}",
        (
            Smoke("every module compiles", ("python", "-c", COMPILE_PACKAGES, "cloud_partner_portal_client")),
            Smoke("import; client alone", ("python", "-c", CLIENT_ALONE)),
        ),
    ),
)


def install_and_smoke(interpreter: Interpreter, way: WayIn, work: Path) -> list[Check]:
    """A fresh venv, `pip install <requirement>` from the checkout, then each smoke call (all of them, even
    after one fails; none when the install failed)."""
    here = work / f"{interpreter.minor}-{way.name}"
    venv = here / "venv"
    try:
        here.mkdir(parents=True)
        for name, text in way.files:
            (here / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        return [Check(interpreter.version, way.label, "prepare the scratch directory", "FAILED", detail=str(exc))]
    env = clean_environment()

    def program(name: str) -> Path:
        return venv / "bin" / name

    def row(name: str, ran: Ran, expect: Expect = exits_zero) -> Check:
        return check(interpreter.version, way.label, name, ran, expect)

    created = row("python -m venv", run([interpreter.path, "-m", "venv", venv], timeout=VENV_SECONDS, env=env))
    if created.failed:
        return [created]
    pip: list[str | Path] = [program("python"), *PIP[1:], way.requirement]
    installed = row("pip install", run(pip, timeout=INSTALL_SECONDS, env=env))
    checks = [created, installed]
    if installed.failed:
        return checks
    for smoke in way.smokes:
        arguments = (arg.replace("{root}", str(ROOT)).replace("{here}", str(here)) for arg in smoke.argv[1:])
        argv: list[str | Path] = [program(smoke.argv[0]), *arguments]
        checks.append(row(smoke.name, run(argv, timeout=smoke.timeout, cwd=here, env=env), smoke.expect))
    return checks


def find_uv() -> str | None:
    return shutil.which("uv") or next((str(p) for p in [ROOT / ".tools" / "bin" / "uv"] if p.exists()), None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.install_check",
        description="Build the distributions, install them with plain pip into fresh venvs on each Python found, "
        "and run smoke calls there.",
    )
    parser.add_argument("--uv", default=find_uv(), help="the uv that builds the distributions (default: on PATH)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch directory, emptied first")
    parser.add_argument("--jobs", type=int, default=3, help="venvs set up at once (default: 3)")
    args = parser.parse_args(argv)
    if args.uv is None:
        parser.error("no uv on the PATH or in .tools/bin; pass --uv PATH")
    start = time.monotonic()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)

    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    interpreters = discover(MINORS, pyenv_root=pyenv_root, which=shutil.which, probe=probe)
    checks = interpreter_checks(interpreters, pyenv_root)
    checks += build_checks(args.uv, args.work)
    jobs = [(i, way) for way in WAYS_IN for i in interpreters.values() if i is not None]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = pool.map(lambda job: install_and_smoke(job[0], job[1], args.work), jobs)
        for (interpreter, way), done in zip(jobs, results, strict=True):
            failed = sum(c.failed for c in done)
            print(f"{interpreter.version} {way.label}: {len(done)} checks, {failed} failed", file=sys.stderr)
            checks += done
    print(render(checks))
    found = ", ".join(f"{i.version} {i.path}" for i in interpreters.values() if i is not None) or "none"
    print(f"\ninterpreters: {found}; {time.monotonic() - start:.0f} s")
    return exit_status(checks)


if __name__ == "__main__":
    raise SystemExit(main())
