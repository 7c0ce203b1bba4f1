"""Reading and writing OpenAPI and overlay documents as YAML 1.2 (round-trip) or JSON.

YAML goes through ruamel.yaml's round-trip mode: comments, key order, quoting, flow
style and Unicode text are kept, lines are not re-wrapped, and the block indentation of
the input is detected and reused. Scalars follow YAML 1.2, so ``yes``/``no``/``on``/``off``
stay strings; unlike stock ruamel.yaml, plain ``2024-01-01`` also stays a string (YAML
1.2's core schema has no timestamp type, and a ``date`` object would not survive JSON
output). JSON is read with ``json`` and written with ``json.dumps(indent=2,
ensure_ascii=False)`` plus a final newline. The format is chosen by file extension:
``.json`` is JSON, anything else is YAML.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from ._data import to_plain
from .errors import DocumentLoadError

__all__ = [
    "DocumentFormat",
    "LoadedDocument",
    "YamlStyle",
    "dump_document",
    "format_for_path",
    "load_document",
    "load_text",
    "make_yaml",
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


def load_text(text: str, fmt: DocumentFormat = "yaml", *, name: str = "<string>") -> LoadedDocument:
    """Parse ``text`` as YAML (round-trip) or JSON."""
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DocumentLoadError(f"not valid JSON: {exc}", path=name) from exc
        return LoadedDocument(data=data, format="json", style=YamlStyle(), path=name)
    try:
        data = make_yaml().load(text)
    except YAMLError as exc:
        raise DocumentLoadError(f"not valid YAML: {exc}", path=name) from exc
    return LoadedDocument(data=data, format="yaml", style=_guess_style(data, text), path=name)


def load_document(path: str | os.PathLike[str]) -> LoadedDocument:
    """Read a YAML or JSON file (by extension)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DocumentLoadError(f"cannot read file: {exc.strerror or exc}", path=name) from exc
    except UnicodeDecodeError as exc:
        raise DocumentLoadError(f"not UTF-8 text: {exc}", path=name) from exc
    return load_text(text, format_for_path(path), name=name)


def dump_document(data: Any, fmt: DocumentFormat = "yaml", style: YamlStyle | None = None) -> str:
    """Serialize a document as YAML (round-trip, see ``make_yaml``) or JSON."""
    if fmt == "json":
        return json.dumps(to_plain(data), indent=2, ensure_ascii=False) + "\n"
    buffer = io.StringIO()
    make_yaml(style).dump(data, buffer)
    return buffer.getvalue()
