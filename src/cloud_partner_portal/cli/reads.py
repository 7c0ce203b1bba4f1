"""The commands that read: `operations list`, `operations show` and `status`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
import httpx
from cloud_partner_portal_client.api.offers import get_offer_status
from cloud_partner_portal_client.api.operations import get_operation, list_operations
from cloud_partner_portal_client.models import OfferStatus, OperationDetail, OperationStatus, Submission
from cloud_partner_portal_client.types import UNSET, Response, Unset

from ..errors import ApiError, unexpected_status_as_api_error
from .options import json_option
from .render import emit_json, print_lines, print_offer_status, print_operation, submissions_table
from .session import Session

__all__ = ["operations", "status"]

_T = TypeVar("_T")


def _read(call: str, kind: type[_T], what: str, send: Callable[[], Response[Any]]) -> _T:
    """The parsed body of a read's 200, or ApiError: an error status (with the API's error body, another body or
    none), a status the description does not list, or a 200 whose body is not `what` the call returns."""
    with unexpected_status_as_api_error(call):
        response = send()
    if int(response.status_code) == httpx.codes.OK:
        if isinstance(response.parsed, kind):
            return response.parsed
        raise ApiError.from_response(response, call=call, reason=f"expected {what}")
    raise ApiError.from_response(response, call=call)


@click.group()
def operations() -> None:
    """List an offer's operations or show one."""


@operations.command("list")
@click.argument("publisher")
@click.argument("offer")
@click.option(
    "--status",
    type=click.Choice([status.value for status in OperationStatus], case_sensitive=False),
    help="Only the operations in this status (at most one is running: a run being cancelled stays the running one).",
)
@json_option
@click.pass_obj
def operations_list(session: Session, publisher: str, offer: str, status: str | None) -> None:
    """List the publish and go-live runs of OFFER, newest first (a cancel operation is not listed: `operations
    show` reads it by its id)."""
    wanted: OperationStatus | Unset = OperationStatus(status) if status is not None else UNSET
    with session.client() as client:
        submissions: list[Submission] = _read(
            "listOperations",
            list,
            "a list of operations",
            lambda: list_operations.sync_detailed(publisher, offer, client=client, status=wanted),
        )
    if session.json:
        emit_json([submission.to_dict() for submission in submissions])
    elif not submissions:
        print_lines(session.out, "no operations")
    else:
        session.out.print(submissions_table(submissions))


@operations.command("show")
@click.argument("publisher")
@click.argument("offer")
@click.argument("operation_id")
@json_option
@click.pass_obj
def operations_show(session: Session, publisher: str, offer: str, operation_id: str) -> None:
    """Show one operation of OFFER with its steps."""
    with session.client() as client:
        detail = _read(
            "getOperation",
            OperationDetail,
            "an operation",
            lambda: get_operation.sync_detailed(publisher, offer, operation_id, client=client),
        )
    if session.json:
        emit_json(detail.to_dict())
    else:
        print_operation(session.out, f"operation {operation_id}", detail)


@click.command()
@click.argument("publisher")
@click.argument("offer")
@json_option
@click.pass_obj
def status(session: Session, publisher: str, offer: str) -> None:
    """Show the publishing status of OFFER and its latest steps."""
    with session.client() as client:
        offer_status = _read(
            "getOfferStatus",
            OfferStatus,
            "an offer status",
            lambda: get_offer_status.sync_detailed(publisher, offer, client=client),
        )
    if session.json:
        emit_json(offer_status.to_dict())
    else:
        print_offer_status(session.out, publisher, offer, offer_status)
