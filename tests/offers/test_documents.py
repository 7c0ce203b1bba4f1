"""Adding a disk version to an offer's JSON: last in its plan, the oldest out when the plan holds 8, every other
key and value left as it was, a second run a no-op, and a clear error for what cannot be done."""

from __future__ import annotations

import copy
import json

import pytest

from cloud_partner_portal.offers import (
    DiskVersionConflictError,
    OfferShapeError,
    PlanNotFoundError,
    find_plan,
    with_disk_version,
)
from cloud_partner_portal.offers.documents import version_order
from support.offers import OTHER_PLAN, PLAN, VHD, VM_IMAGES, image, vm_offer


def _images(offer: dict[str, object], plan: str = PLAN) -> dict[str, object]:
    found = find_plan(offer, plan)[VM_IMAGES]
    assert isinstance(found, dict)
    return found


def test_the_new_version_goes_last_in_its_plan_and_the_offer_given_is_left_as_it_was() -> None:
    offer = vm_offer("1.0.0", "1.0.1")
    before = copy.deepcopy(offer)
    change = with_disk_version(offer, PLAN, "1.0.2", VHD.format(version="1.0.2"))
    assert change.changed
    assert change.removed == ()
    assert list(_images(change.offer)) == ["1.0.0", "1.0.1", "1.0.2"]
    assert _images(change.offer)["1.0.2"] == image("1.0.2")
    assert offer == before


def test_every_other_key_keeps_its_value_and_its_place() -> None:
    offer = vm_offer("1.0.0")
    change = with_disk_version(offer, PLAN, "1.0.1", VHD.format(version="1.0.1"))
    del _images(change.offer)["1.0.1"]
    assert json.dumps(change.offer) == json.dumps(offer)


def test_a_plan_holding_8_versions_loses_its_oldest_by_version_number_not_by_place() -> None:
    versions = ["1.0.9", "1.0.10", "1.0.2", "1.0.3", "1.0.4", "1.0.5", "1.0.6", "1.0.7"]
    change = with_disk_version(vm_offer(*versions), PLAN, "1.0.11", VHD.format(version="1.0.11"))
    assert change.removed == ("1.0.2",)
    assert len(_images(change.offer)) == 8
    assert list(_images(change.offer))[-1] == "1.0.11"


def test_a_plan_holding_more_than_8_loses_as_many_as_it_takes_to_hold_8() -> None:
    versions = [f"1.0.{n}" for n in range(10)]
    change = with_disk_version(vm_offer(*versions), PLAN, "2.0.0", VHD.format(version="2.0.0"))
    assert change.removed == ("1.0.0", "1.0.1", "1.0.2")
    assert list(_images(change.offer)) == [*versions[3:], "2.0.0"]


def test_a_plan_holding_7_keeps_them_all() -> None:
    versions = [f"1.0.{n}" for n in range(7)]
    change = with_disk_version(vm_offer(*versions), PLAN, "1.0.7", VHD.format(version="1.0.7"))
    assert change.removed == ()
    assert len(_images(change.offer)) == 8


def test_the_version_already_there_from_the_same_vhd_changes_nothing() -> None:
    offer = vm_offer("1.0.0", "1.0.1")
    change = with_disk_version(offer, PLAN, "1.0.1", VHD.format(version="1.0.1"))
    assert not change.changed
    assert change.offer is offer


def test_the_version_already_there_from_another_vhd_is_an_error_naming_the_plan_and_version() -> None:
    said = r"plan 'contososkuidentifier' already has disk version '1\.0\.1'"
    with pytest.raises(DiskVersionConflictError, match=said):
        with_disk_version(vm_offer("1.0.1"), PLAN, "1.0.1", VHD.format(version="other"))


def test_a_plan_without_disk_versions_gets_its_first() -> None:
    offer = vm_offer()
    del find_plan(offer, PLAN)[VM_IMAGES]
    change = with_disk_version(offer, PLAN, "1.0.0", VHD.format(version="1.0.0"))
    assert _images(change.offer) == {"1.0.0": image("1.0.0")}


def test_only_the_named_plan_changes() -> None:
    change = with_disk_version(vm_offer("1.0.0"), OTHER_PLAN, "2.0.1", VHD.format(version="2.0.1"))
    assert list(_images(change.offer, OTHER_PLAN)) == ["2.0.0", "2.0.1"]
    assert list(_images(change.offer)) == ["1.0.0"]


def test_a_plan_that_is_not_there_is_an_error_naming_the_plans_that_are() -> None:
    with pytest.raises(PlanNotFoundError, match="no plan 'nope'; its plans are contososkuidentifier, contosoplan2"):
        with_disk_version(vm_offer(), "nope", "1.0.0", "u")


@pytest.mark.parametrize(
    ("break_it", "where"),
    [
        (lambda offer: offer.pop("definition"), "definition"),
        (lambda offer: offer["definition"].update(plans={"planId": PLAN}), "definition.plans"),
        (lambda offer: offer["definition"]["plans"][0].update({VM_IMAGES: ["1.0.0"]}), VM_IMAGES),
    ],
    ids=["no definition", "plans not a list", "images not an object"],
)
def test_json_not_shaped_as_an_offer_is_an_error_saying_where(break_it, where: str) -> None:  # type: ignore[no-untyped-def]
    offer = vm_offer("1.0.0")
    break_it(offer)
    with pytest.raises(OfferShapeError, match=r"the offer's .*" + where.replace(".", r"\.")):
        with_disk_version(offer, PLAN, "1.0.1", "u")


def test_version_order_compares_numbers_as_numbers_and_text_after_them() -> None:
    assert sorted(["1.10.0", "1.9.0", "1.0.0-beta", "1.0.0", "0.9"], key=version_order) == [
        "0.9",
        "1.0.0",
        "1.0.0-beta",
        "1.9.0",
        "1.10.0",
    ]


def test_an_empty_version_or_no_room_at_all_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        with_disk_version(vm_offer(), PLAN, "", "u")
    with pytest.raises(ValueError, match="at least 1"):
        with_disk_version(vm_offer(), PLAN, "1.0.0", "u", max_versions=0)
