"""CHANGELOG.md: entries written by `make version`, and the lines that acknowledge breaking changes."""

from __future__ import annotations

from tools.changelog import acknowledged, with_release
from tools.versioning import Version

LOG = """# Changelog

Preamble.

## Unreleased

- Dropped `size`: nobody sent it. [ack:0123abcd]

## 0.2.0 (2026-01-01)

Old entry. [ack:99999999]

## 0.1.0

First.
"""


def test_tokens_count_in_unreleased_and_in_entries_newer_than_the_base() -> None:
    assert acknowledged(LOG, Version(0, 2, 0)) == {"ack:0123abcd"}
    assert acknowledged(LOG, Version(0, 1, 0)) == {"ack:0123abcd", "ack:99999999"}
    assert acknowledged(LOG, None) == {"ack:0123abcd", "ack:99999999"}


def test_a_release_moves_unreleased_lines_into_its_notes_and_empties_unreleased() -> None:
    text = with_release(LOG, Version(0, 3, 0), Version(0, 2, 0), "2026-02-02", "Compared with client-v0.2.0.")
    assert text.startswith("# Changelog\n\nPreamble.\n\n## Unreleased\n\n## 0.3.0 (2026-02-02)\n\nCompared with")
    assert "### Notes\n\n- Dropped `size`: nobody sent it. [ack:0123abcd]\n" in text
    assert text.index("## 0.3.0") < text.index("## 0.2.0 (2026-01-01)") < text.index("## 0.1.0")
    assert acknowledged(text, Version(0, 2, 0)) == {"ack:0123abcd"}


def test_a_second_run_before_the_tag_rewrites_the_draft_entry_and_keeps_its_notes() -> None:
    first = with_release(LOG, Version(0, 2, 1), Version(0, 2, 0), "2026-02-02", "A patch.")
    second = with_release(first, Version(0, 3, 0), Version(0, 2, 0), "2026-02-03", "A minor.")
    assert "## 0.2.1" not in second
    assert "A patch." not in second
    assert second.count("## 0.3.0 (2026-02-03)") == 1
    assert second.count("- Dropped `size`: nobody sent it.") == 1


def test_a_missing_changelog_is_created_with_its_preamble() -> None:
    text = with_release("", Version(0, 1, 1), Version(0, 1, 0), "2026-02-02", "A patch.")
    assert text.startswith("# Changelog\n")
    assert "## Unreleased\n\n## 0.1.1 (2026-02-02)\n\nA patch.\n" in text
