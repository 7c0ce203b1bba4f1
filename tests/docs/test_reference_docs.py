"""The public HTML reference (``make docs``), opened in headless Chromium.

``make docs`` applies ``overlays/publication.overlay.yaml`` (a guide, the sidebar's order, code samples) and the
reference of the Python layer and the command line generated from their docstrings and ``--help``
(``tools/docs_reference.py``) to ``openapi.yaml``, and renders the result with the pinned Redocly CLI
(``build-docs --inlineBundle`` and the page template ``templates/docs/page.hbs``) into one self-contained file,
``build/docs/index.html``. These tests run ``make docs`` (which rebuilds only what is older than its inputs), serve
``build/docs`` on loopback and load it in Debian's ``chromium`` with every host name but ``127.0.0.1``
unresolvable, so the page must render offline:

- every operation of ``openapi.yaml`` (operationIds and summaries read from it) is shown: its deep link
  ``#/<tag>/<operationid>`` opens a section headed by its summary, with its method and path, and the sidebar
  lists it;
- the sidebar and the getting-started guide added by the overlay are there;
- the page embeds Redoc (``--inlineBundle``) and was built with Redoc's telemetry off;
- a screenshot, ``build/docs/screenshot.png`` (kept as a build artefact), is a real, non-blank PNG, and the page
  asks nothing of the network: the template's Content-Security-Policy stops the Redocly logo of the sidebar credit;
- every operation carries code samples (curl, Python, the command line): the Python ones type-check against the
  client, the command-line ones parse with the command line's own parser.

Redoc 3 mounts sections lazily, as they scroll into view or are navigated to, and its hash router needs
JavaScript: a section found through a deep link is proof that the embedded bundle ran. Without ``chromium`` or
the pinned Redocly CLI the tests are skipped, or fail when ``CPP_REQUIRE_BROWSER=1`` (as CI sets it).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
OVERLAY = ROOT / "overlays" / "publication.overlay.yaml"
DOCS_SPEC = ROOT / "build" / "openapi.page.yaml"
DOCS_DIR = ROOT / "build" / "docs"
INDEX = DOCS_DIR / "index.html"
SCREENSHOT = DOCS_DIR / "screenshot.png"
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
WINDOW = (1280, 2000)
BUILD_TIMEOUT = 180
BROWSER_TIMEOUT = 90
REFERENCE_TAG = "Python client and command line"
SAMPLE_LABELS = ["curl", "Python", "Command line"]
# The widest line of a code block in the guides: Redoc's middle column shows about this many monospace characters
# in a 1280-pixel window before it scrolls sideways.
GUIDE_CODE_COLUMNS = 80
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    # Offline: only the loopback server resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    f"--window-size={WINDOW[0]},{WINDOW[1]}",
    "--virtual-time-budget=10000",
)


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), f"{path} is not a mapping"
    return data


@dataclass(frozen=True)
class Operation:
    operation_id: str
    summary: str
    method: str
    path: str
    tag: str


def _operations(spec: dict[str, Any]) -> list[Operation]:
    found = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                found.append(
                    Operation(op["operationId"], op["summary"], method.upper(), path, (op.get("tags") or [""])[0])
                )
    return found


OPERATIONS = _operations(_load(SPEC))


# -- running things -------------------------------------------------------------------------------------------


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CPP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and CPP_REQUIRE_BROWSER=1 requires these tests to run")
    pytest.skip(reason)


def _run(argv: list[str], *, timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run argv in its own process group, killing the whole group (browser helpers too) on timeout."""
    proc = subprocess.Popen(  # noqa: S603  (fixed argv: this interpreter, npx from PATH, chromium from PATH)
        argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"{' '.join(argv[:3])} … did not finish in {timeout}s\n{err[-2000:]}")
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


def _check(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"{' '.join(result.args)} exited {result.returncode}\n{result.stderr[-4000:]}"


def _build() -> None:
    """``make docs``: it rebuilds what is older than its inputs (the description, the overlays, the client layer)."""
    make, npx = shutil.which("make"), shutil.which("npx")
    if make is None or npx is None or not REDOCLY.exists():
        missing = "make" if make is None else "npx (Node.js)" if npx is None else "the pinned Redocly CLI (npm ci)"
        _unavailable(f"{missing} is not installed to build {INDEX.relative_to(ROOT)}")
    _check(_run([make, "--no-print-directory", "-s", "docs"], timeout=BUILD_TIMEOUT))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Browser:
    executable: str
    base_url: str

    def run(self, fragment: str, *extra: str) -> subprocess.CompletedProcess[str]:
        with tempfile.TemporaryDirectory(prefix="cpp-chromium-") as profile:
            argv = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra]
            return _run([*argv, f"{self.base_url}/index.html{fragment}"], timeout=BROWSER_TIMEOUT)

    def dom(self, fragment: str = "") -> Node:
        result = self.run(fragment, "--dump-dom")
        _check(result)
        root = parse_html(result.stdout)
        assert root.find(lambda n: n.attrs.get("id") == "redoc"), (
            f"chromium rendered no Redoc page for index.html{fragment}\n{result.stderr[-3000:]}"
        )
        return root


@pytest.fixture(scope="session")
def docs() -> Path:
    _build()
    return INDEX


@pytest.fixture(scope="session")
def browser(docs: Path) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(docs.parent)))
    thread = threading.Thread(target=server.serve_forever, name="docs-server", daemon=True)
    thread.start()
    try:
        yield Browser(executable, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def landing(browser: Browser) -> Node:
    return browser.dom()


@pytest.fixture(scope="session")
def screenshot(browser: Browser) -> tuple[Path, list[tuple[str, str]]]:
    """Screenshot of the landing page, and the (URL, initiator) of every request (from Chromium's net log)."""
    SCREENSHOT.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="cpp-netlog-") as tmp:
        netlog = Path(tmp) / "netlog.json"
        result = browser.run("", f"--screenshot={SCREENSHOT}", f"--log-net-log={netlog}")
        _check(result)
        requested = _requests(json.loads(netlog.read_text(encoding="utf-8")))
    return SCREENSHOT, requested


def _requests(netlog: dict[str, Any]) -> list[tuple[str, str]]:
    """(URL, initiator) of every request started (the BEGIN events of URL_REQUEST_START_JOB)."""
    start_job = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        (event["params"]["url"], event["params"].get("initiator", ""))
        for event in netlog["events"]
        if event["type"] == start_job and "url" in event.get("params", {})
    ]


# -- a small DOM, enough to read Chromium's --dump-dom ------------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find(self, predicate: Callable[[Node], bool]) -> Node | None:
        return next((node for node in self.iter() if predicate(node)), None)

    def raw(self) -> str:
        return "".join(child for child in self.children if isinstance(child, str))

    def text(self) -> str:
        """The text a reader sees: whitespace collapsed, scripts and styles left out."""
        parts = [
            child if isinstance(child, str) else child.text()
            for child in self.children
            if isinstance(child, str) or child.tag not in RAW
        ]
        return " ".join(" ".join(parts).split())


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW = {"script", "style"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def sidebar_links(root: Node) -> dict[str, str]:
    """Label → route (``/offers``) of every sidebar entry: Redoc's menu items carry their label in data-text."""
    links = {}
    for anchor in root.iter():
        if anchor.tag != "a" or "href" not in anchor.attrs:
            continue
        label = anchor.find(lambda n: "data-text" in n.attrs)
        if label is not None:
            links[label.attrs["data-text"]] = "/" + anchor.attrs["href"].lstrip("#/")
    return links


def section(root: Node, route: str) -> Node | None:
    """The mounted section of a route (an unmounted one is an empty placeholder with the same id)."""
    return root.find(lambda n: n.attrs.get("data-section-id", "").lower() == route.lower() and bool(n.children))


# -- the tests --------------------------------------------------------------------------------------------


def test_the_reference_is_one_self_contained_html_file(docs: Path) -> None:
    page = parse_html(docs.read_text(encoding="utf-8"))
    external = [
        f"<{node.tag} {attr}={node.attrs[attr]}>"
        for node in page.iter()
        for attr in ("src", "href")
        if node.tag in {"script", "link", "img", "iframe"} and "://" in node.attrs.get(attr, "")
    ]
    assert external == [], "build-docs must run with --inlineBundle: the page loads from the network"
    modules = [node.raw() for node in page.iter() if node.tag == "script" and node.attrs.get("type") == "module"]
    assert len(modules) == 1
    assert "hydrate(__redoc_definition" in modules[0]
    assert 'from "https://' not in modules[0], "the Redoc bundle is imported from a CDN, not embedded"
    assert len(modules[0]) > 1_000_000, "the Redoc bundle is not embedded"
    # build-docs bakes the page's own telemetry switch from REDOCLY_TELEMETRY (the Makefile exports it off).
    assert '"disableTelemetry":true' in modules[0], "built without REDOCLY_TELEMETRY=off: readers' browsers report"
    title = page.find(lambda n: n.tag == "title")
    assert title is not None
    assert title.text() == _load(SPEC)["info"]["title"]


def test_every_tag_and_group_is_in_the_sidebar(landing: Node) -> None:
    docs_spec = _load(DOCS_SPEC)
    links = sidebar_links(landing)
    groups = docs_spec.get("x-tagGroups", [])
    expected = [group["name"] for group in groups] + [tag["name"] for tag in docs_spec["tags"]]
    labels = {node.attrs["data-text"] for node in landing.iter() if "data-text" in node.attrs}
    assert [name for name in expected if name not in labels] == []
    assert {op.tag for op in OPERATIONS} <= links.keys()
    grouped = [name for group in groups for name in group["tags"]]
    assert sorted(grouped) == sorted(tag["name"] for tag in docs_spec["tags"]), (
        "Redoc hides every tag that no x-tagGroups group lists"
    )


def test_the_getting_started_guide_renders(browser: Browser, landing: Node) -> None:
    guides = [tag for tag in _load(DOCS_SPEC)["tags"] if tag.get("x-traitTag") and tag["name"] == "Getting started"]
    assert guides, "the publication overlay adds a getting-started section"
    links = sidebar_links(landing)
    for guide in guides:
        route = links[guide["name"]]
        page = browser.dom(f"#{route}")
        assert section(page, route) is not None, f"#{route} shows no {guide['name']!r} section"
        # Its Markdown headings become sections of their own, after the tag's.
        main = page.find(lambda n: n.tag == "main")
        assert main is not None
        text = main.text()
        headings = [line[3:].strip() for line in guide["description"].splitlines() if line.startswith("## ")]
        assert headings
        assert [heading for heading in headings if heading not in text] == []
        assert "https://login.microsoftonline.com/" in text


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_every_operation_is_shown(browser: Browser, landing: Node, op: Operation) -> None:
    tag_route = sidebar_links(landing).get(op.tag)
    assert tag_route, f"{op.operation_id}: the sidebar has no entry for its tag {op.tag!r}"
    route = f"{tag_route}/{op.operation_id.lower()}"
    page = browser.dom(f"#{route}")
    body = section(page, route)
    assert body is not None, f"the deep link #{route} of {op.operation_id} opens no section"
    heading = body.find(lambda n: n.tag in {"h1", "h2"})
    assert heading is not None
    assert heading.text() == op.summary
    text = body.text()
    assert f"{op.method} {op.path}" in text
    assert sidebar_links(page).get(op.summary, "").lower() == route.lower(), "the sidebar does not list it"


def test_the_screenshot_is_a_real_png(screenshot: tuple[Path, list[tuple[str, str]]]) -> None:
    path, _ = screenshot
    assert path.is_file(), "chromium wrote no screenshot"
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == WINDOW
    # A blank 1280x2000 page compresses to about 12 KB; the rendered reference to about 300 KB.
    assert len(data) > 60_000, f"{path} is {len(data)} bytes: the page looks blank"


def test_the_page_asks_the_network_for_nothing(
    screenshot: tuple[Path, list[tuple[str, str]]], browser: Browser
) -> None:
    _, requested = screenshot
    assert f"{browser.base_url}/index.html" in {url for url, _ in requested}, "the net log shows no page load"
    # What the page asked for; Chromium's own housekeeping (update checks and the like) has no page initiator.
    by_the_page = [url for url, initiator in requested if initiator == browser.base_url]
    off_loopback = [url for url in by_the_page if not url.startswith(f"{browser.base_url}/")]
    assert off_loopback == []
