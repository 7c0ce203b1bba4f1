"""Applying OpenAPI Overlay 1.1 (and 1.0) documents.

Semantics (Overlay Specification 1.1.0, "Action Object"):

- Actions run in order, each on the result of the previous one. Each action's target
  is evaluated once, on the document as it is when the action starts; a node selected
  twice (e.g. ``$.a[0,0]``) is acted on once.
- ``remove: true`` removes every selected node from its parent; ``update`` and ``copy``
  are then ignored. ``remove: false`` removes nothing.
- ``update`` onto a selected node: object onto object merges recursively; onto an array,
  an array is concatenated and any other value is appended; a primitive replaces a
  primitive; anything else is an error. Inside a merge, properties present on both
  sides follow the same rules, except that only an array may be merged into an array.
  The selected nodes must be all objects, all arrays or all primitives.
- ``copy`` takes the value of the single node its JSONPath selects in the current
  document and merges a deep copy of it into each target with the ``update`` rules.
- Overlay 1.0 documents keep 1.0's rules: targets must be objects or arrays (``update``
  on a primitive is an error; ``remove`` of any node is allowed, as the OAI compliant
  set ``remove-example`` needs), and ``update`` on an array appends the value as one
  new element, even when the value is itself an array. There is no ``copy``.
- A target that selects nothing changes nothing; it is reported (``ApplyReport``) and
  logged as a warning, or raised as an ``OverlayError`` with ``strict=True``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from jsonpath_rfc9535 import JSONPathQuery
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ._comments import append_following, drop_comment_before, take_following, take_following_of_child
from ._data import Location, clone, find_key, key_str, kind, normalized_path, to_plain, type_name
from .errors import DocumentLoadError, DocumentWriteError, OverlayError, action_label
from .fast_yaml import dump_fast
from .jsonpath import Match, RegexBudget, RegexTimeoutError, regex_budget, resolve, select_plain
from .limits import MAX_DEPTH, MAX_NODES, REGEX_SECONDS, LimitExceeded, Size, check_document, measure
from .validate import Action, ValidatedOverlay, validate_overlay
from .yamlio import DocumentFormat, YamlStyle, dump_document, dump_json, format_for_path, load_document

__all__ = [
    "ActionResult",
    "ApplyFilesResult",
    "ApplyReport",
    "apply_files",
    "apply_overlay",
]

logger = logging.getLogger("openapi_overlay")

ActionKind = Literal["update", "copy", "remove", "none"]


@dataclass(frozen=True)
class ActionResult:
    """What one action did. ``index`` is 1-based; ``matched`` counts distinct selected nodes."""

    index: int
    target: str
    kind: ActionKind
    description: str | None
    matched: int
    source: str | None = None

    @property
    def selects_nothing(self) -> bool:
        return self.matched == 0

    @property
    def label(self) -> str:
        """E.g. ``overlay a.yaml action 3 (target `$.servers[5]`)``."""
        return action_label(source=self.source, action=self.index, target=self.target)

    def warning(self) -> str:
        """The message for a target that selects nothing."""
        return f"{self.label}: selects nothing"


@dataclass
class ApplyReport:
    """The outcome of applying one overlay."""

    version: str
    source: str | None = None
    results: list[ActionResult] = field(default_factory=list)

    @property
    def unmatched(self) -> list[ActionResult]:
        """Actions whose target selected nothing (they changed nothing)."""
        return [r for r in self.results if r.selects_nothing]

    def warnings(self) -> list[str]:
        return [r.warning() for r in self.unmatched]


class _Context:
    """Names the action being applied, for error messages."""

    def __init__(self, action: Action, source: str | None) -> None:
        self.action = action
        self.source = source

    def error(self, problem: str) -> OverlayError:
        return OverlayError(problem, source=self.source, action=self.action.index, target=self.action.target)


def _action_kind(action: Action) -> ActionKind:
    if action.remove:
        return "remove"
    if action.has_update:
        return "update"
    if action.copy_query is not None:
        return "copy"
    return "none"


def _distinct(matches: Sequence[Match]) -> list[Match]:
    seen: set[Location] = set()
    out: list[Match] = []
    for match in matches:
        if match.location not in seen:
            seen.add(match.location)
            out.append(match)
    return out


class _Tree:
    """The document being changed, and the plain JSON data that queries run on.

    Plain data (what ``json.loads`` gives) is both. A ruamel.yaml round-trip tree gets a plain copy made
    once, and every change is then made to both, so that no action copies or walks the whole document
    again (only its query does, as far as the query reaches). ``nodes`` follows the document's size.
    """

    def __init__(self, document: Any, size: Size | None = None) -> None:
        """``size``: what ``check_document`` found, when the caller has it already."""
        if size is None:
            try:
                size = check_document(document)
            except LimitExceeded as exc:
                raise OverlayError(f"the document: {exc}") from None
        self.live = document
        self.plain: Any = document if size.plain else to_plain(document)
        self.nodes = size.nodes

    @property
    def mirrored(self) -> bool:
        return self.plain is not self.live


def apply_overlay(
    document: Any,
    overlay: object,
    *,
    strict: bool = False,
    source: str | None = None,
    regex_seconds: float = REGEX_SECONDS,
) -> ApplyReport:
    """Apply ``overlay`` to ``document`` in place and return a report.

    ``document`` is JSON-like data: a ruamel.yaml round-trip tree (comments and layout are
    kept) or plain dicts and lists. ``overlay`` is validated first (``validate_overlay``).
    ``source`` names the overlay (usually its file name) in messages. With ``strict``,
    a target that selects nothing is an error instead of a warning. The bounds of ``limits``
    hold (``regex_seconds`` is the time the overlay's ``match()`` and ``search()`` calls get).

    Raises ``OverlayError`` (or its subclass ``OverlayValidationError``). When an action
    fails, earlier actions have already changed ``document``.
    """
    validated = overlay if isinstance(overlay, ValidatedOverlay) else validate_overlay(overlay, source=source)
    return _apply_to_tree(_Tree(document), validated, strict=strict, source=source, regex_seconds=regex_seconds)


def _apply_to_tree(
    tree: _Tree, validated: ValidatedOverlay, *, strict: bool, source: str | None, regex_seconds: float
) -> ApplyReport:
    source = source if source is not None else validated.source
    report = ApplyReport(version=validated.version, source=source)
    with regex_budget(RegexBudget(regex_seconds)):
        for action in validated.actions:
            result = _apply_action(tree, action, validated.minor, source)
            report.results.append(result)
            if result.selects_nothing:
                if strict:
                    raise OverlayError("selects nothing", source=source, action=action.index, target=action.target)
                logger.warning("%s", result.warning())
    return report


def _select(tree: _Tree, query: JSONPathQuery, ctx: _Context) -> list[Match]:
    try:
        return _distinct(select_plain(query, tree.plain))
    except RegexTimeoutError as exc:
        raise ctx.error(str(exc)) from None


def _apply_action(tree: _Tree, action: Action, minor: int, source: str | None) -> ActionResult:
    ctx = _Context(action, source)
    action_kind = _action_kind(action)
    matches = _select(tree, action.query, ctx)
    result = ActionResult(
        index=action.index,
        target=action.target,
        kind=action_kind,
        description=action.description,
        matched=len(matches),
        source=source,
    )
    if not matches or action_kind == "none":
        return result
    if action_kind == "remove":
        _remove(tree, [m.location for m in matches], ctx)
        return result
    if action_kind == "copy":
        assert action.copy_query is not None
        sources = _select(tree, action.copy_query, ctx)
        if len(sources) != 1:
            if sources:
                shown = ", ".join(m.path for m in sources[:3]) + (", ..." if len(sources) > 3 else "")
                found = f"{len(sources)} nodes ({shown})"
            else:
                found = "nothing"
            raise ctx.error(f"copy source `{action.copy}` must select exactly one node, but it selects {found}")
        # Copies: the source may be the target itself, or inside it.
        plain_value = to_plain(sources[0].value)
        value = clone(resolve(tree.live, sources[0].location)[0]) if tree.mirrored else plain_value
    else:
        value, plain_value = action.update, action.plain_update

    if minor >= 1:
        _check_same_kind(matches, ctx)
    # Check every selected node first, so that a conflict leaves the document unchanged; the same pass
    # counts what the action adds, so that no action grows the document past the bounds.
    depth = measure(value).depth
    added = 0
    for match in matches:
        added += _apply_value(tree.live, match, value, minor, ctx, dry_run=True, copy=to_plain)
        _check_depth(match, value, depth, minor, ctx)
    if tree.nodes + added > MAX_NODES:
        raise ctx.error(f"would grow the document to {tree.nodes + added:,} nodes; at most {MAX_NODES:,} are allowed")
    for match in matches:
        _apply_value(tree.live, match, value, minor, ctx, dry_run=False, copy=clone if tree.mirrored else to_plain)
        if tree.mirrored:
            _apply_value(tree.plain, match, plain_value, minor, ctx, dry_run=False, copy=to_plain)
    tree.nodes += added
    return result


def _check_depth(match: Match, value: Any, depth: int, minor: int, ctx: _Context) -> None:
    """The nesting after merging ``value`` (of nesting ``depth``) into the node ``match`` selects."""
    level = len(match.location)  # the selected node's children are at nesting level + 2
    if isinstance(match.value, list) and (minor == 0 or not isinstance(value, list)):
        level += 1  # appended as one element
    if level + depth > MAX_DEPTH:
        raise ctx.error(f"would nest objects and arrays deeper than {MAX_DEPTH} levels at {match.path}")


def _check_same_kind(matches: Sequence[Match], ctx: _Context) -> None:
    first_of_kind: dict[str, Match] = {}
    for match in matches:
        first_of_kind.setdefault(kind(match.value), match)
    if len(first_of_kind) > 1:
        examples = ", ".join(f"{m.path} is {_a(type_name(m.value))}" for m in first_of_kind.values())
        raise ctx.error(
            f"selects nodes of different kinds ({examples}); the selected nodes must be all objects, "
            "all arrays or all primitives"
        )


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _nodes(value: object) -> int:
    return measure(value).nodes


def _apply_value(
    document: Any,
    match: Match,
    value: Any,
    minor: int,
    ctx: _Context,
    *,
    dry_run: bool,
    copy: Callable[[Any], Any],
) -> int:
    """Merge ``value`` into the node at ``match.location``; return the number of nodes it adds.

    ``copy`` makes the copies inserted: ``clone`` for a ruamel.yaml tree, ``to_plain`` for plain data.
    """
    node, actual = resolve(document, match.location)
    path = match.path
    if isinstance(node, MutableMapping):
        if not isinstance(value, Mapping):
            raise ctx.error(f"cannot merge {_a(type_name(value))} into an object at {path}")
        return _merge_object(node, value, match.location, ctx, dry_run=dry_run, copy=copy)
    if isinstance(node, list):
        values = [value] if minor == 0 or not isinstance(value, list) else value
        if not dry_run:
            _extend(node, values, copy)
        return sum(_nodes(item) for item in values) if dry_run else 0
    if minor == 0:
        raise ctx.error(
            f"{path} is {_a(type_name(node))}; in Overlay 1.0 a target must select objects or arrays "
            "(select the parent object instead, or use overlay: 1.1.0, which can replace primitives)"
        )
    if isinstance(value, Mapping | list):
        raise ctx.error(f"cannot merge {_a(type_name(value))} into {_a(type_name(node))} at {path}")
    if not match.location:
        raise ctx.error("cannot replace the document root")
    if not dry_run:
        parent, _ = resolve(document, match.location[:-1])
        parent[actual[-1]] = copy(value)
    return 0


def _merge_object(
    target: MutableMapping[Any, Any],
    update: Mapping[Any, Any],
    location: Location,
    ctx: _Context,
    *,
    dry_run: bool,
    copy: Callable[[Any], Any],
) -> int:
    following: str | None = None
    added = 0
    for key, new in update.items():
        name = key_str(key)
        existing_key = find_key(target, name)
        if existing_key is None:
            if dry_run:
                added += _nodes(new)
            else:
                if following is None:
                    following = take_following(target)
                target[key] = copy(new)
            continue
        current = target[existing_key]
        here = (*location, name)
        if isinstance(current, MutableMapping) and isinstance(new, Mapping):
            added += _merge_object(current, new, here, ctx, dry_run=dry_run, copy=copy)
        elif isinstance(current, list) and isinstance(new, list):
            if dry_run:
                added += sum(_nodes(item) for item in new)
            else:
                _extend(current, new, copy)
        elif kind(current) == "primitive" and kind(new) == "primitive":
            if not dry_run:
                target[existing_key] = copy(new)
        else:
            raise ctx.error(
                f"cannot merge {_a(type_name(new))} into {_a(type_name(current))} at {normalized_path(here)}"
            )
    if following:
        append_following(target, None, following)
    return added


def _extend(target: list[Any], values: Sequence[Any], copy: Callable[[Any], Any]) -> None:
    """Append copies of ``values``, keeping the comment that follows ``target`` after it."""
    if not values:
        return
    following = take_following(target)
    target.extend(copy(item) for item in values)
    append_following(target, None, following)


def _remove(tree: _Tree, locations: list[Location], ctx: _Context) -> None:
    if () in locations:
        raise ctx.error("cannot remove the document root")
    # Deepest first, and highest index first within an array, so that earlier removals
    # never shift the position of a node still to be removed. Two locations first differ
    # at a step inside the same container, so the compared steps are both ints or both strs.
    for location in sorted(locations, reverse=True):
        parent, _ = resolve(tree.live, location[:-1])
        step = location[-1]
        key: Any = step if isinstance(step, int) else find_key(parent, step)
        if tree.mirrored:
            plain_parent, _ = resolve(tree.plain, location[:-1])
            tree.nodes -= _nodes(plain_parent[step])
            del plain_parent[step]
        else:
            tree.nodes -= _nodes(parent[key])
        if isinstance(parent, CommentedMap | CommentedSeq):
            _remove_with_comments(parent, key)
        else:
            del parent[key]


def _remove_with_comments(parent: CommentedMap | CommentedSeq, key: Any) -> None:
    keys = list(parent) if isinstance(parent, Mapping) else list(range(len(parent)))
    position = keys.index(key)
    # Full-line comments just before the removed node describe it and go with it; those
    # after it introduce its next sibling and are kept, moved to the previous sibling.
    drop_comment_before(parent, key)
    following = take_following_of_child(parent, key)
    del parent[key]
    if isinstance(parent, CommentedMap):
        parent.ca.items.pop(key, None)
    if following and position > 0:
        append_following(parent, keys[position - 1], following)


@dataclass
class ApplyFilesResult:
    """The outcome of ``apply_files``: the document, its serialized text and one report per overlay."""

    document: Any
    text: str
    format: DocumentFormat
    reports: list[ApplyReport]

    def warnings(self) -> list[str]:
        return [w for report in self.reports for w in report.warnings()]


def apply_files(
    spec_path: str | os.PathLike[str],
    overlay_paths: Sequence[str | os.PathLike[str]],
    output_path: str | os.PathLike[str] | None = None,
    strict: bool = False,
    also: Sequence[str | os.PathLike[str]] = (),
    *,
    fast_yaml: bool = False,
) -> ApplyFilesResult:
    """Apply overlay files, in order, to an OpenAPI file.

    Every overlay is loaded and validated before any is applied. The result is YAML or
    JSON according to the extension of ``output_path`` (or of ``spec_path`` when there is
    no output path). With ``output_path`` the file is written (parent directories are
    created; nothing is written if anything fails). The ``extends`` field of an overlay
    is informational here: the spec is always ``spec_path``. ``also`` names more files to write the
    same result to, each in the format of its own extension (one application, several audiences' formats).

    YAML is read and written with its comments and layout (ruamel.yaml round-trip), unless ``fast_yaml``
    or when every output is JSON: then libyaml reads it (``fast_yaml``), many times faster, and YAML output
    is plain block style. Inputs and the result stay within the bounds of ``limits``.
    """
    fmt: DocumentFormat = format_for_path(output_path) if output_path is not None else format_for_path(spec_path)
    formats = [fmt, *(format_for_path(path) for path in also)]
    fast = fast_yaml or all(f == "json" for f in formats)
    spec = load_document(spec_path, fast=fast)
    if spec.data is None:
        raise DocumentLoadError("the document is empty", path=str(spec_path))
    validated: list[ValidatedOverlay] = []
    for overlay_path in overlay_paths:
        name = str(overlay_path)
        loaded = load_document(overlay_path, fast=fast)
        validated.append(validate_overlay(loaded.data, source=name))
    tree = _Tree(spec.data, spec.size)
    reports = [
        _apply_to_tree(tree, overlay, strict=strict, source=None, regex_seconds=REGEX_SECONDS) for overlay in validated
    ]
    outputs = [(output_path, fmt), *((path, format_for_path(path)) for path in also)]
    texts = [_serialize(tree, out_fmt, spec.style, fast=fast_yaml, name=out) for out, out_fmt in outputs]
    for (path, _), out_text in zip(outputs, texts, strict=True):
        if path is not None:
            _write_text(Path(path), out_text)
    return ApplyFilesResult(document=spec.data, text=texts[0], format=fmt, reports=reports)


def _serialize(
    tree: _Tree, fmt: DocumentFormat, style: YamlStyle, *, fast: bool, name: str | os.PathLike[str] | None
) -> str:
    try:
        if fmt == "json":
            return dump_json(tree.plain)
        if fast:
            return dump_fast(tree.plain)
        return dump_document(tree.live, "yaml", style)
    except ValueError as exc:
        raise DocumentWriteError(f"cannot write {fmt.upper()}: {exc}", path=str(name or "<stdout>")) from None


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
