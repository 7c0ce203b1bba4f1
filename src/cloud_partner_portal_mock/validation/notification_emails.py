"""Checking `metadata.notification-emails` entry by entry, against the syntax the description gives the list."""

from __future__ import annotations

import functools
import re

from ..state.errors import clip
from ..state.outbox import entries
from .spec import MOCK_RULES, description


@functools.cache
def _syntax(rules: str) -> tuple[int | None, re.Pattern[str] | None]:
    # Read once per description: the rules that state no syntax (the documented ones) check none.
    schema = description(rules).notification_emails
    pattern = schema.get("pattern")
    return schema.get("maxLength"), re.compile(pattern) if isinstance(pattern, str) else None


def address_problem(raw: str, rules: str = MOCK_RULES) -> str | None:
    """Why `raw` is not a valid `notification-emails` value under `rules`, naming the first bad entry; None when
    valid (always, under rules whose description gives the list no syntax).

    The whole-list pattern of the description is applied to each entry alone (it accepts a list of one), with
    full-string matching, so `'bob@'` is named rather than the list.
    """
    limit, pattern = _syntax(rules)
    if limit is not None and len(raw) > limit:
        return f"notification-emails: {len(raw)} characters; at most {limit}"
    if pattern is None:
        return None
    found = entries(raw)
    for position, entry in enumerate(found, start=1):
        if not entry:
            if len(found) == 1:
                return "notification-emails: no address given"
            return f"notification-emails: entry {position} of {len(found)} is empty"
        if not pattern.fullmatch(entry):
            return f"notification-emails: {clip(entry)} is not an e-mail address"
    return None
