"""Command line: ``python -m openapi_overlay apply|validate ...`` (console script ``openapi-overlay``).

Exit status: 0 on success, 1 when an overlay or input document is invalid or cannot be
applied, or goes past a bound of ``limits`` (the message goes to stderr, prefixed ``error: ``;
running out of memory or stack is reported the same way, never as a traceback), 2 on a usage
error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .apply import apply_files
from .errors import OverlayError, OverlayValidationError
from .limits import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_INPUT_BYTES,
    MAX_NODES,
    MAX_ROUND_TRIP_YAML_BYTES,
    REGEX_SECONDS,
    mib,
)
from .validate import SUPPORTED_VERSIONS, validate_overlay
from .yamlio import load_document

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

BOUNDS = (
    f"Bounds: an input file is at most {mib(MAX_INPUT_BYTES)} ({mib(MAX_ROUND_TRIP_YAML_BYTES)} for YAML read "
    f"with its comments); objects and arrays nest at most {MAX_DEPTH} levels; a document has at most "
    f"{MAX_NODES:,} nodes, YAML aliases adding at most {MAX_ALIAS_NODES:,}; the match() and search() calls of "
    f"one overlay run at most {REGEX_SECONDS:g} s in total. Past a bound the command fails with exit status 1."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openapi-overlay",
        description=f"Apply OpenAPI Overlay documents (Overlay Specification {SUPPORTED_VERSIONS}).",
        epilog="Exit status: 0 success, 1 invalid or failing overlay or input, 2 usage error. " + BOUNDS,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    apply = commands.add_parser(
        "apply",
        help="apply overlays to an OpenAPI document",
        description="Apply OVERLAY files in order to SPEC. YAML keeps comments, key order and quoting; "
        "the output format follows the extension of OUT (.json is JSON, anything else YAML), or of SPEC "
        "when writing to stdout. When every output is JSON, YAML is read with libyaml (fast; there are no "
        "comments to keep). " + BOUNDS,
    )
    apply.add_argument("spec", metavar="SPEC", help="OpenAPI document (YAML or JSON)")
    apply.add_argument("overlays", metavar="OVERLAY", nargs="+", help="overlay document(s), applied in order")
    apply.add_argument("-o", "--output", metavar="OUT", help="write the result here instead of stdout")
    apply.add_argument(
        "--also",
        metavar="OUT",
        action="append",
        default=[],
        help="also write the result here, in the format of this file's extension (repeatable)",
    )
    apply.add_argument(
        "--strict",
        action="store_true",
        help="fail when an action's target selects nothing (by default that is a warning)",
    )
    apply.add_argument(
        "--fast-yaml",
        action="store_true",
        help="read and write YAML with libyaml: many times faster and up to the full input size, the same "
        "data, but comments, quoting and layout are not kept (for large specs)",
    )

    validate = commands.add_parser(
        "validate",
        help="validate overlay documents",
        description=("Check overlay documents against the Overlay JSON Schema and compile their JSONPath queries."),
    )
    validate.add_argument("overlays", metavar="OVERLAY", nargs="+", help="overlay document(s)")
    return parser


def _write_stdout(text: str) -> None:
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
    else:  # write UTF-8 whatever the locale says
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _error(error: OverlayError | str) -> None:
    """Print ``error: ...``, one line per problem of a validation error."""
    lines = error.errors if isinstance(error, OverlayValidationError) else [str(error)]
    for line in lines:
        print(f"error: {line}", file=sys.stderr)


def _run_apply(args: argparse.Namespace) -> int:
    try:
        result = apply_files(
            args.spec, args.overlays, args.output, strict=args.strict, also=args.also, fast_yaml=args.fast_yaml
        )
    except OverlayError as exc:
        _error(exc)
        return EXIT_ERROR
    except OSError as exc:
        _error(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_ERROR
    for warning in result.warnings():
        print(f"warning: {warning}", file=sys.stderr)
    if args.output is None:
        _write_stdout(result.text)
    return EXIT_OK


def _run_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in args.overlays:
        try:
            validated = validate_overlay(load_document(path).data, source=path)
        except OverlayError as exc:
            _error(exc)
            status = EXIT_ERROR
            continue
        count = len(validated.actions)
        print(f"{path}: valid Overlay {validated.version} document, {count} action{'s' * (count != 1)}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 after --help
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run = _run_apply if args.command == "apply" else _run_validate
    try:
        return run(args)
    except MemoryError:
        _error("out of memory: the input is too large for the memory available here")
    except RecursionError:
        _error(f"nested too deeply to process (objects and arrays may nest at most {MAX_DEPTH} levels)")
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
