"""Command line: ``python -m openapi_overlay apply|validate ...`` (console script ``openapi-overlay``).

Exit status: 0 on success, 1 when an overlay or input document is invalid or cannot be
applied (the message goes to stderr, prefixed ``error: ``), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .apply import apply_files
from .errors import OverlayError, OverlayValidationError
from .validate import SUPPORTED_VERSIONS, validate_overlay
from .yamlio import load_document

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openapi-overlay",
        description=f"Apply OpenAPI Overlay documents (Overlay Specification {SUPPORTED_VERSIONS}).",
        epilog="Exit status: 0 success, 1 invalid or failing overlay or input, 2 usage error.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    apply = commands.add_parser(
        "apply",
        help="apply overlays to an OpenAPI document",
        description="Apply OVERLAY files in order to SPEC. YAML keeps comments, key order and quoting; "
        "the output format follows the extension of OUT (.json is JSON, anything else YAML), or of SPEC "
        "when writing to stdout.",
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
        result = apply_files(args.spec, args.overlays, args.output, strict=args.strict, also=args.also)
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
    if args.command == "apply":
        return _run_apply(args)
    return _run_validate(args)


if __name__ == "__main__":
    sys.exit(main())
