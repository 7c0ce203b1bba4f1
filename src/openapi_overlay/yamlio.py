"""Reading and writing OpenAPI and overlay documents as YAML 1.2 (round-trip) or JSON.

YAML goes through ruamel.yaml's round-trip mode: comments, key order, quoting, flow
style and Unicode text are kept, lines are not re-wrapped, and the block indentation of
the input is detected and reused. Scalars follow YAML 1.2, so ``yes``/``no``/``on``/``off``
stay strings; unlike stock ruamel.yaml, plain ``2024-01-01`` also stays a string (YAML
1.2's core schema has no timestamp type, and a ``date`` object would not survive JSON
output). With ``fast=True`` YAML goes through libyaml instead (``fast_yaml``): the same
data, many times faster, but comments and layout are not kept. JSON is read with ``json``
(strictly: ``NaN`` and ``Infinity`` are not JSON) and written with ``json.dumps(indent=2,
ensure_ascii=False)`` plus a final newline; a NaN or infinite number (YAML ``.nan``,
``.inf``) cannot be written as JSON and is an error naming where it is. The format is
chosen by file extension: ``.json`` is JSON, anything else is YAML.

Every file and document stays within the bounds of ``limits`` (size, nesting, nodes,
aliases), checked before anything else is done with it.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from ._data import Location, normalized_path, to_plain
from .errors import DocumentLoadError
from .fast_yaml import FastYamlError, check_nesting, dump_fast, load_fast
from .limits import (
    MAX_DEPTH,
    MAX_INPUT_BYTES,
    MAX_ROUND_TRIP_YAML_BYTES,
    LimitExceeded,
    Size,
    check_document,
    mib,
)

__all__ = [
    "DocumentFormat",
    "LoadedDocument",
    "YamlStyle",
    "dump_document",
    "format_for_path",
    "load_document",
    "load_text",
    "make_yaml",
    "read_text",
]

DocumentFormat = Literal["yaml", "json"]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _Yaml12Resolver(VersionedResolver):
    """ruamel.yaml's versioned resolver without the implicit timestamp rule."""

    def add_version_implicit_resolver(self, version: Any, tag: Any, regexp: Any, first: Any) -> None:
        if tag == _TIMESTAMP_TAG:
            return
        super().add_version_implicit_resolver(version, tag, regexp, first)


@dataclass(frozen=True)
class YamlStyle:
    """Block layout detected in a YAML input, reused when writing it back."""

    mapping_indent: int = 2
    sequence_indent: int = 4
    sequence_dash_offset: int = 2
    explicit_start: bool = False


@dataclass
class LoadedDocument:
    """A parsed document with what is needed to write it back the same way."""

    data: Any
    format: DocumentFormat
    style: YamlStyle
    path: str | None = None
    size: Size | None = None
    """What ``limits.measure`` found (nodes, nesting, plain data or not)."""


def make_yaml(style: YamlStyle | None = None) -> YAML:
    """Return a round-trip ``YAML`` instance configured for faithful output."""
    style = style or YamlStyle()
    yaml = YAML(typ="rt")
    yaml.Resolver = _Yaml12Resolver
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.explicit_start = style.explicit_start
    yaml.indent(
        mapping=style.mapping_indent,
        sequence=style.sequence_indent,
        offset=style.sequence_dash_offset,
    )
    return yaml


def format_for_path(path: str | os.PathLike[str]) -> DocumentFormat:
    """``json`` for a ``.json`` file name, ``yaml`` for anything else."""
    return "json" if Path(path).suffix.lower() == ".json" else "yaml"


def _block_children(node: Any) -> list[tuple[Any, Any]]:
    if isinstance(node, CommentedMap) and not node.fa.flow_style():
        return list(node.items())
    if isinstance(node, CommentedSeq) and not node.fa.flow_style():
        return list(enumerate(node))
    return []


def _guess_style(data: Any, text: str) -> YamlStyle:
    """Find the block indentation used in a parsed document from ruamel's line/column data.

    (ruamel.yaml.util.load_yaml_guess_indent reads the text line by line and is misled by
    "- " lines inside block scalars such as Markdown descriptions.)
    """
    mapping: int | None = None
    sequence: tuple[int, int] | None = None
    queue: list[Any] = [data]
    while queue and (mapping is None or sequence is None):
        node = queue.pop(0)
        for key, child in _block_children(node):
            queue.append(child)
            if not isinstance(node, CommentedMap) or not _block_children(child):
                continue
            key_col = node.lc.key(key)[1]
            if isinstance(child, CommentedMap) and mapping is None:
                mapping = child.lc.col - key_col
            elif isinstance(child, CommentedSeq) and sequence is None:
                sequence = (child.lc.item(0)[1] - key_col, child.lc.col - key_col)
    map_indent = mapping if mapping and mapping > 0 else 2
    seq_indent, dash_offset = sequence if sequence else (map_indent + 2, map_indent)
    if dash_offset < 0 or seq_indent < dash_offset + 2:
        seq_indent, dash_offset = map_indent + 2, map_indent
    first = next(
        (ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")),
        "",
    )
    return YamlStyle(
        mapping_indent=map_indent,
        sequence_indent=seq_indent,
        sequence_dash_offset=dash_offset,
        explicit_start=first == "---" or first.startswith("--- "),
    )


_TOO_DEEP = f"objects and arrays nest deeper than {MAX_DEPTH:,} levels"


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


# A "%YAML 1.1" directive makes ruamel.yaml apply YAML 1.1's scalars; libyaml's reader here knows only 1.2's.
_YAML_1_1 = re.compile(r"^%YAML[ \t]+1\.1\b", re.MULTILINE)


def load_text(text: str, fmt: DocumentFormat = "yaml", *, name: str = "<string>", fast: bool = False) -> LoadedDocument:
    """Parse ``text`` as YAML (round-trip, or libyaml with ``fast``) or JSON, within the bounds of ``limits``."""
    if fmt == "json":
        try:
            data = json.loads(text, parse_constant=_not_json)
        except RecursionError:
            raise DocumentLoadError(_TOO_DEEP, path=name) from None
        except ValueError as exc:  # JSONDecodeError, NaN/Infinity, integers past Python's 4,300 digits
            raise DocumentLoadError(f"not valid JSON: {exc}", path=name) from None
        return LoadedDocument(data, "json", YamlStyle(), name, _checked(data, name))
    if fast and not _YAML_1_1.search(text[:4096]):
        try:
            data, size = load_fast(text)
        except LimitExceeded as exc:
            raise DocumentLoadError(str(exc), path=name) from None
        except FastYamlError as exc:
            raise DocumentLoadError(f"not valid YAML: {exc}", path=name) from None
        return LoadedDocument(data, "yaml", YamlStyle(), name, size)
    length = len(text.encode("utf-8", "surrogatepass"))
    if length > MAX_ROUND_TRIP_YAML_BYTES:
        raise DocumentLoadError(
            f"is {mib(length)} of YAML; comments are kept only up to {mib(MAX_ROUND_TRIP_YAML_BYTES)} (the "
            "round-trip reader is slow and large in memory): read it with --fast-yaml, or write JSON",
            path=name,
        )
    try:
        check_nesting(text)
        data = make_yaml().load(text)
    except LimitExceeded as exc:
        raise DocumentLoadError(str(exc), path=name) from None
    except YAMLError as exc:
        raise DocumentLoadError(f"not valid YAML: {exc}", path=name) from None
    except RecursionError:
        raise DocumentLoadError(_TOO_DEEP, path=name) from None
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as exc:  # ruamel.yaml on odd scalars
        raise DocumentLoadError(f"not valid YAML: {type(exc).__name__}: {exc}", path=name) from None
    size = _checked(data, name)
    return LoadedDocument(data, "yaml", _guess_style(data, text), name, size)


def _checked(data: Any, name: str) -> Size:
    try:
        return check_document(data)
    except LimitExceeded as exc:
        raise DocumentLoadError(str(exc), path=name) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 file (a BOM is dropped) of at most ``MAX_INPUT_BYTES``."""
    name = str(path)
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise DocumentLoadError(f"cannot read file: {exc.strerror or exc}", path=name) from exc
    if len(raw) > MAX_INPUT_BYTES:
        raise DocumentLoadError(f"is larger than {mib(MAX_INPUT_BYTES)}, the most an input file may be", path=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentLoadError(f"not UTF-8 text: {exc}", path=name) from exc


def load_document(path: str | os.PathLike[str], *, fast: bool = False) -> LoadedDocument:
    """Read a YAML or JSON file (by extension); ``fast`` reads YAML with libyaml, without comments."""
    return load_text(read_text(path), format_for_path(path), name=str(path), fast=fast)


def _non_finite(data: Any) -> tuple[Location, float] | None:
    """The first NaN or infinite number in plain data, and where it is."""
    stack: list[tuple[Location, Any]] = [((), data)]
    while stack:
        location, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return location, value
        if isinstance(value, dict):
            stack.extend(((*location, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*location, i), v) for i, v in reversed(list(enumerate(value))))
    return None


def dump_json(plain: Any) -> str:
    """Plain data as JSON text; a NaN or infinite number is a ``ValueError`` naming where it is."""
    try:
        return json.dumps(plain, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError:
        found = _non_finite(plain)
        if found is None:
            raise
        location, value = found
        spelled = ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
        raise ValueError(
            f"{normalized_path(location)} is {spelled}, which JSON cannot represent (it has no NaN or infinity); "
            "write YAML, or make the value a string or a finite number"
        ) from None


def dump_document(
    data: Any, fmt: DocumentFormat = "yaml", style: YamlStyle | None = None, *, fast: bool = False
) -> str:
    """Serialize a document as YAML (round-trip, see ``make_yaml``; libyaml with ``fast``) or JSON.

    Raises ``ValueError`` for JSON output of a NaN or infinite number.
    """
    if fmt == "json":
        return dump_json(to_plain(data))
    if fast:
        return dump_fast(to_plain(data))
    buffer = io.StringIO()
    make_yaml(style).dump(data, buffer)
    return buffer.getvalue()
