"""One read or write of an offer: the JSON as the service sent it, the ETag from the header or else the body,
the write's body exactly the JSON given, and every error status an ApiError (a 412 an OfferChangedError)."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from cloud_partner_portal_client.models import Offer

from cloud_partner_portal import ApiError
from cloud_partner_portal.offers import (
    ANY_VERSION,
    OfferChangedError,
    list_offers_json,
    read_offer,
    read_offer_async,
    write_offer,
    write_offer_async,
)
from support.documented import ERROR_CASES, OFFER, PUBLISHER, ErrorCase
from support.fake_api import ScriptedServer, make_client
from support.offers import PAGE_ETAG, OfferService, vm_offer


def test_a_read_keeps_the_json_as_sent_and_the_etag_header() -> None:
    service = OfferService().add(vm_offer("1.0.0"))
    document = read_offer(service.client(), PUBLISHER, OFFER)
    assert document.data == vm_offer("1.0.0")
    assert list(document.data) == list(vm_offer("1.0.0"))
    assert document.etag == PAGE_ETAG
    assert document.status_code == 200
    assert str(service.requests[0].url).endswith(f"/offers/{OFFER}?api-version=2017-10-31")


def test_without_the_header_the_etag_is_the_bodys_and_without_either_none() -> None:
    assert read_offer(OfferService(etag_in="body").add(vm_offer()).client(), PUBLISHER, OFFER).etag == PAGE_ETAG
    assert read_offer(OfferService(etag_in="nowhere").add(vm_offer()).client(), PUBLISHER, OFFER).etag is None


def test_the_typed_offer_is_there_when_wanted_and_none_when_the_json_does_not_fit() -> None:
    document = read_offer(OfferService().add(vm_offer("1.0.0")).client(), PUBLISHER, OFFER)
    typed = document.typed()
    assert isinstance(typed, Offer)
    assert typed.definition.plans[0].plan_id == "contososkuidentifier"  # type: ignore[union-attr,index]
    misfit = ScriptedServer(httpx.Response(200, json={"definition": {"plans": "not a list"}}))
    assert read_offer(make_client(misfit), PUBLISHER, OFFER).typed() is None


@pytest.mark.parametrize(
    ("options", "path"),
    [({"slot": "Preview"}, "/slot/Preview"), ({"version": 5}, "/versions/5"), ({"slot": "Draft"}, "/slot/Draft")],
)
def test_a_slot_or_a_version_is_read_at_its_own_url(options: dict[str, object], path: str) -> None:
    service = OfferService().add(vm_offer(), Preview=vm_offer("1.0.0"), Draft=vm_offer())
    read_offer(service.client(), PUBLISHER, OFFER, **options)  # type: ignore[arg-type]
    assert service.requests[0].url.path == f"/api/publishers/{PUBLISHER}/offers/{OFFER}{path}"


def test_a_slot_never_published_is_an_api_error_404() -> None:
    with pytest.raises(ApiError) as raised:
        read_offer(OfferService().add(vm_offer()).client(), PUBLISHER, OFFER, slot="Production")
    assert raised.value.status_code == 404
    assert raised.value.call == "getOfferSlot"


def test_a_slot_that_is_none_of_the_three_or_a_slot_and_a_version_is_refused_before_any_request() -> None:
    server = ScriptedServer()
    with pytest.raises(ValueError, match="Staging"):
        read_offer(make_client(server), PUBLISHER, OFFER, slot="Staging")
    with pytest.raises(ValueError, match="not both"):
        read_offer(make_client(server), PUBLISHER, OFFER, slot="Draft", version=1)
    assert server.requests == []


@pytest.mark.parametrize("error", ERROR_CASES, ids=str)
def test_every_documented_error_form_of_a_read_is_an_api_error(error: ErrorCase) -> None:
    with pytest.raises(ApiError) as raised:
        read_offer(make_client(ScriptedServer(error.answer.response())), PUBLISHER, OFFER)
    assert (raised.value.status_code, raised.value.code, raised.value.message) == (
        error.status,
        error.code,
        error.message,
    )


@pytest.mark.parametrize(
    "content", [b"", b"<html>ok</html>", b"[1, 2]", b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe"], ids=repr
)
def test_a_200_that_is_not_an_offer_is_an_api_error_saying_so(content: bytes) -> None:
    with pytest.raises(ApiError, match="expected an offer"):
        read_offer(make_client(ScriptedServer(httpx.Response(200, content=content))), PUBLISHER, OFFER)


def test_a_write_sends_exactly_the_json_given_with_if_match() -> None:
    service = OfferService().add(vm_offer())
    data = vm_offer("9.9.9")
    stored = write_offer(service.client(), PUBLISHER, OFFER, data, if_match=PAGE_ETAG)
    [put] = service.puts
    # The same keys in the same order at every level, the same values: dumped alike, they are the same text.
    assert json.dumps(json.loads(put.content)) == json.dumps(data)
    assert put.headers["If-Match"] == PAGE_ETAG
    assert put.headers["Content-Type"] == "application/json"
    assert stored.status_code == 200
    assert stored.etag != PAGE_ETAG
    assert stored.data == data


def test_a_write_without_if_match_sends_none_and_creates_an_offer_that_is_not_there() -> None:
    service = OfferService()
    stored = write_offer(service.client(), PUBLISHER, "new-offer", vm_offer(offer_id="new-offer"), if_match=None)
    assert "If-Match" not in service.puts[0].headers
    assert stored.status_code == 201


def test_any_version_writes_over_a_changed_offer() -> None:
    service = OfferService(interfere=1).add(vm_offer())
    assert write_offer(service.client(), PUBLISHER, OFFER, vm_offer(), if_match=ANY_VERSION).status_code == 200
    assert service.puts[0].headers["If-Match"] == "*"


def test_a_stale_etag_is_an_offer_changed_error_and_nothing_is_written() -> None:
    service = OfferService().add(vm_offer("1.0.0"))
    with pytest.raises(OfferChangedError, match=r"HTTP 412 PreconditionFailed.*read it again and reapply") as raised:
        write_offer(service.client(), PUBLISHER, OFFER, vm_offer("2.0.0"), if_match='W/"stale"')
    assert raised.value.status_code == 412
    assert service.offers[OFFER].data == vm_offer("1.0.0")


def test_a_412_with_no_body_is_still_an_offer_changed_error() -> None:
    with pytest.raises(OfferChangedError, match="HTTP 412 Precondition Failed \\(no body\\)"):
        write_offer(make_client(ScriptedServer(httpx.Response(412))), PUBLISHER, OFFER, {}, if_match="x")


def test_a_status_outside_http_is_an_api_error_not_a_value_error() -> None:
    with pytest.raises(ApiError) as raised:
        write_offer(make_client(ScriptedServer(httpx.Response(520))), PUBLISHER, OFFER, {}, if_match="x")
    assert raised.value.status_code == 520


def test_the_list_is_the_json_list_as_sent_and_anything_else_an_api_error() -> None:
    service = OfferService().add(vm_offer()).add(vm_offer(offer_id="second"))
    assert [item["id"] for item in list_offers_json(service.client(), PUBLISHER)] == [OFFER, "second"]
    with pytest.raises(ApiError, match="expected a list of offers"):
        list_offers_json(make_client(ScriptedServer(httpx.Response(200, json={"id": 1}))), PUBLISHER)


def test_the_async_read_and_write_do_the_same() -> None:
    service = OfferService().add(vm_offer("1.0.0"))

    async def run() -> None:
        read = await read_offer_async(service.client(), PUBLISHER, OFFER)
        assert read.etag == PAGE_ETAG
        stored = await write_offer_async(service.client(), PUBLISHER, OFFER, read.data, if_match=read.etag)
        assert stored.status_code == 200
        with pytest.raises(OfferChangedError):
            await write_offer_async(service.client(), PUBLISHER, OFFER, read.data, if_match=read.etag)

    asyncio.run(run())
