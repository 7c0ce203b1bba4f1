"""OpenAPI Overlay Specification 1.1 applier (Overlay 1.0 documents are accepted too).

Typical use::

    from openapi_overlay import apply_files

    result = apply_files("openapi.yaml", ["overlays/public.yaml"], "build/openapi.yaml")
    for warning in result.warnings():
        print(warning)

or, on already loaded data, ``apply_overlay(document, overlay)``. Documents load as ruamel.yaml round-trip data
(comments and styles kept); ``to_plain(data)`` makes a plain dict/list/str/int/float/bool copy to compare or
serialize. The command line is ``python -m openapi_overlay`` (console script ``openapi-overlay``).
"""

from __future__ import annotations

import logging

from ._data import to_plain
from .apply import ActionResult, ApplyFilesResult, ApplyReport, apply_files, apply_overlay
from .errors import DocumentLoadError, OverlayError, OverlayValidationError
from .jsonpath import InvalidJSONPathError, Match, compile_path, select
from .validate import SUPPORTED_VERSIONS, ValidatedOverlay, validate_overlay
from .yamlio import LoadedDocument, dump_document, load_document, load_text

__all__ = [
    "SUPPORTED_VERSIONS",
    "ActionResult",
    "ApplyFilesResult",
    "ApplyReport",
    "DocumentLoadError",
    "InvalidJSONPathError",
    "LoadedDocument",
    "Match",
    "OverlayError",
    "OverlayValidationError",
    "ValidatedOverlay",
    "apply_files",
    "apply_overlay",
    "compile_path",
    "dump_document",
    "load_document",
    "load_text",
    "select",
    "to_plain",
    "validate_overlay",
]

# Library convention: the application decides whether and where warnings are shown.
logging.getLogger("openapi_overlay").addHandler(logging.NullHandler())
