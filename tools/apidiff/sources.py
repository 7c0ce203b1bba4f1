"""Where the two descriptions come from: files, or the description plus its overlays at a git ref."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_overlay import OverlayError, apply_overlay, dump_document, load_text
from openapi_overlay.yamlio import format_for_path

from ..gitrepo import read_at


class SourceError(ValueError):
    """A description that cannot be read: missing, not YAML/JSON, not an object, or an overlay that fails."""


@dataclass(frozen=True)
class Description:
    name: str  # says which files, and at which ref
    data: Mapping[str, Any]


def _parse(text: str, name: str) -> Any:
    try:
        return load_text(text, format_for_path(name), name=name).data
    except OverlayError as exc:  # DocumentLoadError: not valid YAML or JSON
        raise SourceError(str(exc)) from exc


def _plain(data: Any, name: str) -> Mapping[str, Any]:
    plain = json.loads(dump_document(data, "json"))
    if not isinstance(plain, Mapping):
        raise SourceError(f"{name}: not an OpenAPI document (the top level is not a mapping)")
    return plain


def from_file(path: Path) -> Description:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return Description(str(path), _plain(_parse(text, str(path)), str(path)))


def with_overlays(root: Path, ref: str | None, spec: str, overlays: Sequence[str]) -> Description:
    """``spec`` with ``overlays`` applied in order, as committed at ``ref`` (None: the work tree).

    An overlay that did not exist yet at ``ref`` is left out: the description then had no such audience step.
    """
    at = "the work tree" if ref is None else ref

    def read(path: str) -> str | None:
        if ref is not None:
            return read_at(root, ref, path)
        file = root / path
        return file.read_text(encoding="utf-8-sig") if file.is_file() else None

    text = read(spec)
    if text is None:
        raise SourceError(f"{spec} does not exist in {at}")
    document = _parse(text, spec)
    applied: list[str] = []
    for overlay_path in overlays:
        overlay_text = read(overlay_path)
        if overlay_text is None:
            continue
        try:
            apply_overlay(document, _parse(overlay_text, overlay_path), strict=True, source=overlay_path)
        except OverlayError as exc:
            raise SourceError(f"{at}: {exc}") from exc
        applied.append(overlay_path)
    name = " + ".join([spec, *applied]) + f" ({at})"
    return Description(name, _plain(document, name))
