"""The `offers` commands: `list`, `show`, `update`, `add-image` and `types`.

An offer is printed and written as the JSON the service sent (`cloud_partner_portal.offers`), so that `show`,
an edit and `update` carry every key, named in the description or not. `update` and `add-image` write under an
ETag: the one given (`--if-match`), else that of a read made just before; `If-Match: *` (overwrite whatever
version is stored) only with `--overwrite-any-version`. A 412 (the offer changed since the ETag was read) is one
`error:` line and exit 1; nothing was written.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import click
from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.offers import list_offer_types
from cloud_partner_portal_client.models import SlotId
from rich import box
from rich.table import Table
from rich.text import Text

from ..errors import ApiError, unexpected_status_as_api_error
from ..lro import MAX_RESPONSE_BYTES
from ..offers import (
    ANY_VERSION,
    DiskVersionConflictError,
    NoETagError,
    OfferDocument,
    OfferShapeError,
    PlanNotFoundError,
    add_vm_image,
    list_offers_json,
    read_offer,
    write_offer,
)
from .exits import ExitCode, fail
from .options import json_option
from .render import emit_json, print_lines
from .session import Session
from .terminal import inert

__all__ = ["offers"]

#: The largest offer file `update` reads: the size of the largest answer the command line accepts.
MAX_OFFER_FILE_BYTES: Final = MAX_RESPONSE_BYTES

overwrite_option = click.option(
    "--overwrite-any-version",
    is_flag=True,
    help="Send If-Match: * (last one wins): overwrite whatever version is stored, even one changed since you read it.",
)


@contextmanager
def _offer_errors() -> Generator[None]:
    """What is wrong with the arguments for this offer exits 2; an answer that cannot be used, 1."""
    try:
        yield
    except (PlanNotFoundError, DiskVersionConflictError) as exc:
        fail(str(exc), ExitCode.USAGE)
    except NoETagError as exc:
        fail(f"{exc} (--overwrite-any-version)", ExitCode.API_ERROR)
    except OfferShapeError as exc:
        fail(str(exc), ExitCode.API_ERROR)


def _cell(value: object) -> Text:
    """A field of a listed offer as printed: empty when missing, inert, never markup."""
    return Text(inert("" if value is None else str(value)))


def _offers_table(listed: Sequence[Any]) -> Table:
    """The listed offers' id, status, version and type, each one piece to copy (`--json` has every field)."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for column in ("id", "status", "ver", "type"):
        table.add_column(column, no_wrap=True)
    for item in listed:
        offer = item if isinstance(item, dict) else {}
        table.add_row(*(_cell(offer.get(field)) for field in ("id", "status", "version", "offerTypeId")))
    return table


def _print_stored(session: Session, title: str, stored: OfferDocument) -> None:
    lines = [f"{title} (HTTP {stored.status_code})"]
    if stored.etag is not None:
        lines.append(f"etag: {stored.etag}")
    print_lines(session.out, *lines)


@click.group()
def offers() -> None:
    """List, show and update offers, and add a disk version to a plan."""


@offers.command("list")
@click.argument("publisher")
@json_option
@click.pass_obj
def offers_list(session: Session, publisher: str) -> None:
    """List PUBLISHER's offers (a summary of each; `offers show` prints one whole)."""
    with session.client() as client:
        listed = list_offers_json(client, publisher)
    if session.json:
        emit_json(listed)
    elif not listed:
        print_lines(session.out, "no offers")
    else:
        session.out.print(_offers_table(listed))


@offers.command("show")
@click.argument("publisher")
@click.argument("offer")
@click.option(
    "--slot", type=click.Choice([slot.value for slot in SlotId]), help="The offer in this slot (default: its draft)."
)
@click.option("--version", "offer_version", type=click.IntRange(min=0), metavar="N", help="The offer at version N.")
@json_option
@click.pass_obj
def offers_show(session: Session, publisher: str, offer: str, slot: str | None, offer_version: int | None) -> None:
    """Print OFFER as JSON, as the service sent it (its draft unless --slot or --version), and its ETag on stderr,
    to give `offers update --if-match`. A slot the offer was never previewed or published to is a 404."""
    if slot is not None and offer_version is not None:
        raise click.UsageError("--slot and --version name two readings of the offer: give one")
    with session.client() as client:
        document = read_offer(client, publisher, offer, slot=slot, version=offer_version)
    emit_json(document.data)
    if document.etag is not None:
        click.echo(f"etag: {inert(document.etag)}", err=True)


def _read_offer_file(file: str) -> dict[str, Any]:
    """The offer in `file` (`-`: stdin), at most MAX_OFFER_FILE_BYTES of a JSON object, else a usage error."""
    name = "stdin" if file == "-" else file
    try:
        with click.open_file(file, "rb") as handle:  # `-` is stdin, left open
            content = handle.read(MAX_OFFER_FILE_BYTES + 1)
    except OSError as exc:
        raise click.UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(content) > MAX_OFFER_FILE_BYTES:
        raise click.UsageError(f"{name} is larger than {MAX_OFFER_FILE_BYTES} bytes")
    try:
        data = json.loads(content)
    except (ValueError, RecursionError) as exc:
        raise click.UsageError(f"{name} is not JSON: {inert(str(exc))[:200]}") from None
    if not isinstance(data, dict):
        raise click.UsageError(f"{name} holds {type(data).__name__}, not an offer (a JSON object)")
    return data


@offers.command("update")
@click.argument("publisher")
@click.argument("offer")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--if-match",
    "if_match",
    metavar="ETAG",
    help="Write only if the stored version still has this ETag (the one `offers show` printed when you read it).",
)
@overwrite_option
@json_option
@click.pass_obj
def offers_update(
    session: Session, publisher: str, offer: str, file: str, if_match: str | None, overwrite_any_version: bool
) -> None:
    """Write FILE (an offer as JSON, `-` for stdin) as OFFER's draft: create it, or replace the draft.

    Without --if-match the offer is read first and its ETag sent: that protects against a change between that read
    and the write, not against one made since you took FILE; pass the ETag you read with --if-match for that. An
    offer that does not exist yet is created (no If-Match). A 412 means the offer changed: nothing was written.
    """
    if if_match is not None and overwrite_any_version:
        raise click.UsageError("--if-match and --overwrite-any-version are two strategies: give one")
    if if_match is not None and not if_match.strip():
        raise click.BadParameter("an ETag cannot be empty", param_hint="--if-match")
    data = _read_offer_file(file)
    with session.client() as client, _offer_errors():
        if overwrite_any_version:
            if_match = ANY_VERSION
        elif if_match is None:
            if_match = _etag_of_a_fresh_read(client, publisher, offer)
        stored = write_offer(client, publisher, offer, data, if_match=if_match)
    if session.json:
        emit_json(stored.data)
    else:
        done = "created" if stored.status_code == 201 else "updated"
        _print_stored(session, f"offer {publisher}/{offer} {done}", stored)


def _etag_of_a_fresh_read(client: AuthenticatedClient, publisher: str, offer: str) -> str | None:
    """The ETag of the stored draft; None when there is no offer yet (a create sends no If-Match)."""
    try:
        document = read_offer(client, publisher, offer)
    except ApiError as exc:
        if exc.status_code == 404:
            return None
        raise
    if document.etag is None:
        raise NoETagError("getOffer")
    return document.etag


@offers.command("add-image")
@click.argument("publisher")
@click.argument("offer")
@click.option("--plan", "plan_id", required=True, metavar="PLAN", help="The plan's planId.")
@click.option("--version", "disk_version", required=True, metavar="V", help="The disk version, e.g. 1.0.2.")
@click.option(
    "--os-vhd-url", required=True, metavar="URL", help="The OS VHD's URL (with a SAS token) the service reads."
)
@overwrite_option
@json_option
@click.pass_obj
def offers_add_image(
    session: Session,
    publisher: str,
    offer: str,
    plan_id: str,
    disk_version: str,
    os_vhd_url: str,
    overwrite_any_version: bool,
) -> None:
    """Add disk version V of the VHD at URL to PLAN of OFFER's draft, and write it back under the ETag of the read
    (once more after a 412). When the plan holds 8 versions, the oldest goes. When it has V from this VHD already,
    nothing is written. Publish afterwards (`publish PUBLISHER OFFER --wait`)."""
    if not disk_version.strip():
        raise click.BadParameter("a disk version cannot be empty", param_hint="--version")
    with session.client() as client, _offer_errors():
        added = add_vm_image(
            client,
            publisher,
            offer,
            plan_id,
            disk_version,
            os_vhd_url,
            if_match=ANY_VERSION if overwrite_any_version else None,
        )
    if session.json:
        emit_json(
            {
                "written": added.written,
                "removed": list(added.removed),
                "attempts": added.attempts,
                "etag": added.offer.etag,
                "offer": added.offer.data,
            }
        )
    elif not added.written:
        print_lines(
            session.out, f"plan {plan_id} already has disk version {disk_version} from this VHD: nothing written"
        )
    else:
        removed = f"; removed {', '.join(added.removed)} to make room" if added.removed else ""
        _print_stored(
            session, f"added disk version {disk_version} to plan {plan_id} of {publisher}/{offer}{removed}", added.offer
        )


@offers.command("types")
@json_option
@click.pass_obj
def offers_types(session: Session) -> None:
    """Print the offer types as the JSON the service sends (`GET /api/offerTypes`; no page shows this answer)."""
    with session.client() as client, unexpected_status_as_api_error("listOfferTypes"):
        response = list_offer_types.sync_detailed(client=client)
    if int(response.status_code) != 200:
        raise ApiError.from_response(response, call="listOfferTypes")
    try:
        answer = json.loads(response.content)
    except (ValueError, RecursionError):
        raise ApiError.from_response(response, call="listOfferTypes", reason="expected JSON") from None
    emit_json(answer)
