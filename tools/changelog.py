"""CHANGELOG.md: the entries ``make version`` writes, and the lines that acknowledge a breaking change.

Layout: a preamble, ``## Unreleased`` (what a maintainer writes before a release), then one ``## X.Y.Z (date)``
section per release, newest first. ``make version`` moves the Unreleased lines into the new entry, under
``### Notes``; running it again before the release is tagged rewrites that same entry instead of adding one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .versioning import Version

ACK = re.compile(r"\back:[0-9a-f]{8}\b")
UNRELEASED = "Unreleased"
NOTES = "### Notes"
_HEADING = re.compile(r"^## +(\S+)", re.MULTILINE)

PREAMBLE = """# Changelog

Releases of the generated client, `cloud-partner-portal-client`, tagged `client-vX.Y.Z`. `make version` writes each
entry from `make diff`; lines under Unreleased (such as a breaking change acknowledged before the release, with the
`[ack:…]` token `make diff` prints) move into the next entry.
"""


@dataclass
class _Section:
    title: str  # "Unreleased" or a version, as in the heading
    heading: str  # the whole heading line
    body: str

    @property
    def version(self) -> Version | None:
        try:
            return Version.parse(self.title)
        except ValueError:
            return None


def _split(text: str) -> tuple[str, list[_Section]]:
    matches = list(_HEADING.finditer(text))
    preamble = text[: matches[0].start()] if matches else text
    sections = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        line_end = text.find("\n", match.start())
        line_end = end if line_end == -1 or line_end > end else line_end
        sections.append(_Section(match.group(1), text[match.start() : line_end], text[line_end:end]))
    return preamble, sections


def acknowledged(text: str, since: Version | None) -> set[str]:
    """The ``ack:…`` tokens written after release ``since``: in Unreleased and in entries newer than it."""
    _, sections = _split(text)
    tokens: set[str] = set()
    for section in sections:
        version = section.version
        if since is not None and version is not None and version <= since:
            break
        tokens.update(ACK.findall(section.heading + section.body))
    return tokens


def with_release(text: str, version: Version, since: Version, date: str, entry: str) -> str:
    """``text`` with the entry of ``version`` written: Unreleased emptied into its notes, earlier drafts replaced.

    A draft is an entry newer than ``since`` (the last release): written by an earlier ``make version`` that was
    not tagged. Its notes are kept.
    """
    preamble, sections = _split(text) if text.strip() else (PREAMBLE, [])
    notes: list[str] = []
    kept: list[_Section] = []
    for section in sections:
        if section.title == UNRELEASED:
            notes.append(section.body.strip())
        elif section.version is not None and section.version > since:
            body = section.body
            notes.append(body[body.index(NOTES) + len(NOTES) :].strip() if NOTES in body else "")
        else:
            kept.append(section)
    notes_text = "\n".join(n for n in notes if n)
    body = f"\n\n{entry.strip()}\n" + (f"\n{NOTES}\n\n{notes_text}\n" if notes_text else "") + "\n"
    new = [_Section(UNRELEASED, f"## {UNRELEASED}", "\n\n"), _Section(str(version), f"## {version} ({date})", body)]
    return preamble.rstrip("\n") + "\n\n" + "".join(s.heading + s.body for s in [*new, *kept]).rstrip("\n") + "\n"
