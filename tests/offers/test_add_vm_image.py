"""`add_vm_image`, the automate-publishing page's CI/CD step: read the draft, add the disk version, write it back
under the read's ETag; after a 412, read again and write once more; the offer's other keys written back as read."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from cloud_partner_portal import ApiError
from cloud_partner_portal.offers import (
    DiskVersionConflictError,
    NoETagError,
    OfferChangedError,
    PlanNotFoundError,
    add_vm_image,
    add_vm_image_async,
    find_plan,
)
from support.documented import OFFER, PUBLISHER
from support.offers import PAGE_ETAG, PLAN, VHD, VM_IMAGES, OfferService, image, vm_offer


def _add(service: OfferService, version: str = "1.0.2", **options: Any) -> Any:
    return add_vm_image(service.client(), PUBLISHER, OFFER, PLAN, version, VHD.format(version=version), **options)


def _put_body(service: OfferService, index: int = -1) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(service.puts[index].content)
    return body


def test_the_disk_version_is_added_and_written_back_under_the_etag_of_the_read() -> None:
    service = OfferService().add(vm_offer("1.0.0", "1.0.1"))
    added = _add(service)
    assert [request.method for request in service.requests] == ["GET", "PUT"]
    assert service.puts[0].headers["If-Match"] == PAGE_ETAG
    assert list(find_plan(_put_body(service), PLAN)[VM_IMAGES]) == ["1.0.0", "1.0.1", "1.0.2"]
    assert added.written
    assert added.attempts == 1
    assert added.removed == ()
    assert added.offer.data == service.offers[OFFER].data
    assert added.offer.etag == service.offers[OFFER].etag != PAGE_ETAG


def test_every_key_no_page_names_is_written_back_byte_for_byte() -> None:
    service = OfferService().add(vm_offer("1.0.0"))
    _add(service)
    written = _put_body(service)
    del find_plan(written, PLAN)[VM_IMAGES]["1.0.2"]
    # Key order and every value as read: the JSON texts are equal.
    assert json.dumps(written) == json.dumps(vm_offer("1.0.0"))


def test_a_plan_holding_8_loses_its_oldest_version_in_the_write() -> None:
    versions = [f"1.0.{n}" for n in range(1, 9)]
    service = OfferService().add(vm_offer(*versions))
    added = _add(service, "1.0.9")
    assert added.removed == ("1.0.1",)
    images = find_plan(_put_body(service), PLAN)[VM_IMAGES]
    assert list(images) == [*versions[1:], "1.0.9"]
    assert images["1.0.9"] == image("1.0.9")


def test_after_a_412_the_offer_is_read_again_and_written_once_more_keeping_the_other_change() -> None:
    service = OfferService(interfere=1).add(vm_offer("1.0.0"))
    added = _add(service)
    assert [request.method for request in service.requests] == ["GET", "PUT", "GET", "PUT"]
    first, second = (request.headers["If-Match"] for request in service.puts)
    assert first == PAGE_ETAG
    assert second != first
    stored = service.offers[OFFER].data
    assert stored["definition"]["offer"]["microsoft-azure-marketplace.summary"] == "changed by someone else"
    assert "1.0.2" in find_plan(stored, PLAN)[VM_IMAGES]
    assert added.attempts == 2
    assert added.written


def test_a_second_412_is_an_offer_changed_error_after_exactly_two_writes() -> None:
    service = OfferService(interfere=2).add(vm_offer("1.0.0"))
    with pytest.raises(OfferChangedError, match="read it again and reapply the change"):
        _add(service)
    assert len(service.puts) == 2
    assert "1.0.2" not in find_plan(service.offers[OFFER].data, PLAN)[VM_IMAGES]


def test_the_same_version_from_the_same_vhd_is_not_written_again() -> None:
    service = OfferService().add(vm_offer("1.0.0", "1.0.2"))
    added = _add(service)
    assert service.puts == []
    assert not added.written
    assert added.attempts == 0
    assert added.offer.data == vm_offer("1.0.0", "1.0.2")


def test_a_version_there_after_the_re_read_is_not_written_again() -> None:
    # Someone else added the same disk version between our read and our write: the re-read finds it there.
    def add_it(offer: dict[str, Any]) -> None:
        find_plan(offer, PLAN)[VM_IMAGES]["1.0.2"] = image("1.0.2")

    service = OfferService(interfere=1, interference=add_it).add(vm_offer("1.0.0"))
    added = _add(service)
    assert len(service.puts) == 1
    assert not added.written


def test_the_bodys_etag_is_used_when_the_read_has_no_header() -> None:
    service = OfferService(etag_in="body").add(vm_offer("1.0.0"))
    _add(service)
    assert service.puts[0].headers["If-Match"] == PAGE_ETAG


def test_no_etag_at_all_is_an_error_and_nothing_is_written_unless_any_version_is_asked_for() -> None:
    service = OfferService(etag_in="nowhere").add(vm_offer("1.0.0"))
    with pytest.raises(NoETagError, match=r"getOffer gave no ETag.*If-Match: \*"):
        _add(service)
    assert service.puts == []
    assert _add(service, if_match="*").written
    assert service.puts[0].headers["If-Match"] == "*"


def test_if_match_takes_only_the_reads_etag_or_any_version() -> None:
    with pytest.raises(ValueError, match="not 'W/x'"):
        _add(OfferService().add(vm_offer()), if_match="W/x")


def test_a_plan_that_is_not_there_or_a_clashing_version_writes_nothing() -> None:
    service = OfferService().add(vm_offer("1.0.2"))
    with pytest.raises(PlanNotFoundError):
        add_vm_image(service.client(), PUBLISHER, OFFER, "nope", "1.0.3", "u")
    with pytest.raises(DiskVersionConflictError):
        add_vm_image(service.client(), PUBLISHER, OFFER, PLAN, "1.0.2", "https://elsewhere/os.vhd")
    assert service.puts == []


def test_an_offer_that_does_not_exist_is_an_api_error_404() -> None:
    with pytest.raises(ApiError) as raised:
        _add(OfferService())
    assert (raised.value.status_code, raised.value.call) == (404, "getOffer")


def test_the_async_twin_adds_and_retries_once_on_412() -> None:
    service = OfferService(interfere=1).add(vm_offer("1.0.0"))
    added = asyncio.run(
        add_vm_image_async(service.client(), PUBLISHER, OFFER, PLAN, "1.0.2", VHD.format(version="1.0.2"))
    )
    assert [request.method for request in service.requests] == ["GET", "PUT", "GET", "PUT"]
    assert added.written
    assert added.attempts == 2
    twice = OfferService(interfere=2).add(vm_offer("1.0.0"))
    with pytest.raises(OfferChangedError):
        asyncio.run(add_vm_image_async(twice.client(), PUBLISHER, OFFER, PLAN, "1.0.2", "u"))
    assert len(twice.puts) == 2
