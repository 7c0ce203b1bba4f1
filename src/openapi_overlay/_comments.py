"""Keep YAML comments next to the node they introduce when nodes are appended or removed.

ruamel.yaml stores the comment lines *between* two nodes on the last scalar *before*
them (as "trailing" text after that scalar's end of line). Left alone, appending a key to
a mapping would put the new key after a comment that introduces the next section, and
removing a node would drop the comment that introduces its next sibling. The helpers
below move those following lines (never the end-of-line comment itself) to the node that
now comes last.

All functions accept plain ``dict``/``list`` data too and then do nothing.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

__all__ = ["append_following", "column_of_child", "drop_comment_before", "take_following", "take_following_of_child"]

# In ``ca.items[key]``: a mapping key's comment after its value is at position 2,
# a sequence item's comment is at position 0.
_MAP_POS = 2
_SEQ_POS = 0


def _is_block(value: object) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and bool(value) and not value.fa.flow_style()


def _slot_of_child(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int] | None:
    """The comment slot after the last line of ``container[key]``, following nested block nodes."""
    while True:
        if not isinstance(container, CommentedMap | CommentedSeq):
            return None
        child = container[key]
        if _is_block(child):
            container = child
            key = next(reversed(child)) if isinstance(child, CommentedMap) else len(child) - 1
            continue
        return container.ca.items, key, _MAP_POS if isinstance(container, CommentedMap) else _SEQ_POS


def _last_key(container: Any) -> Any:
    if isinstance(container, CommentedMap):
        return next(reversed(container)) if container else None
    return len(container) - 1 if container else None


def _take(slot: tuple[dict[Any, Any], Any, int] | None) -> str:
    if slot is None:
        return ""
    items, key, pos = slot
    entry = items.get(key)
    if not entry or len(entry) <= pos or entry[pos] is None:
        return ""
    token = entry[pos]
    value = token.value
    newline = value.find("\n")
    if newline < 0 or newline == len(value) - 1:
        return ""
    token.value = value[: newline + 1]
    return str(value[newline + 1 :])


def take_following(node: Any) -> str:
    """Detach and return the comment lines after the last line of block ``node``."""
    if not _is_block(node):
        return ""
    return _take(_slot_of_child(node, _last_key(node)))


def take_following_of_child(container: Any, key: Any) -> str:
    """Detach and return the comment lines after the last line of ``container[key]``."""
    if not isinstance(container, CommentedMap | CommentedSeq) or container.fa.flow_style():
        return ""
    return _take(_slot_of_child(container, key))


def append_following(container: Any, key: Any, text: str) -> None:
    """Put comment lines ``text`` after the last line of ``container[key]``.

    ``key=None`` means the last entry of ``container``.
    """
    if not text or not isinstance(container, CommentedMap | CommentedSeq) or container.fa.flow_style():
        return
    if key is None:
        key = _last_key(container)
        if key is None:
            return
    slot = _slot_of_child(container, key)
    if slot is None:
        return
    items, slot_key, pos = slot
    entry = items.setdefault(slot_key, [None, None, None, None] if pos == _MAP_POS else [None, None])
    while len(entry) <= pos:
        entry.append(None)
    token = entry[pos]
    if token is None:
        entry[pos] = CommentToken("\n" + text, CommentMark(0))
    else:
        existing = token.value
        token.value = (existing if existing.endswith("\n") else existing + "\n") + text


def column_of_child(container: Any, key: Any) -> int | None:
    """The column where ``container[key]`` starts in the source (its key, or its ``-``), if known."""
    try:
        if isinstance(container, CommentedMap):
            column = container.lc.key(key)[1]
        elif isinstance(container, CommentedSeq):
            column = container.lc.col
        else:
            return None
    except (KeyError, IndexError, TypeError):
        return None
    return column if isinstance(column, int) else None


def drop_comment_before(container: Any, key: Any) -> None:
    """Drop the comment block directly above ``container[key]``: it describes that node.

    Those lines are stored after the previous sibling. Only the full-line comments right
    above the node go (up to a blank line); comments further up, and lines indented
    deeper than the node (they belong to the previous sibling's content, e.g. a
    commented-out property), stay.
    """
    if not isinstance(container, CommentedMap | CommentedSeq):
        return
    keys = list(container) if isinstance(container, CommentedMap) else list(range(len(container)))
    position = keys.index(key)
    column = column_of_child(container, key)
    if position == 0 or column is None:
        return
    previous = keys[position - 1]
    lines = take_following_of_child(container, previous).splitlines(keepends=True)
    while lines:
        stripped = lines[-1].lstrip(" ")
        if not stripped.startswith("#") or len(lines[-1]) - len(stripped) > column:
            break
        lines.pop()
    append_following(container, previous, "".join(lines))
