"""What an offer's JSON holds, as the pages show it: its plans and their disk versions. Pure functions on the
parsed JSON (dicts and lists as `json.loads` made them), never on the generated models, so that every key and
value the service sent, named in the description or not, is written back as it came.

The keys are the virtual-machine examples' (create page, automate-publishing page): `definition.plans[]`, each
with `planId` and `microsoft-azure-virtualmachines.vmImages`, a map of disk version to
`{"osVhdUrl": ..., "lunVhdDetails": [...]}`. The automate-publishing page's sample says a plan holds fewer than
8 disk versions: when 8 are there, the oldest goes before a new one comes.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from .errors import DiskVersionConflictError, OfferShapeError, PlanNotFoundError

__all__ = [
    "MAX_DISK_VERSIONS",
    "VM_IMAGES_KEY",
    "DiskVersionChange",
    "find_plan",
    "version_order",
    "with_disk_version",
]

#: A plan's disk versions (virtual-machine offers), by version string.
VM_IMAGES_KEY: Final = "microsoft-azure-virtualmachines.vmImages"
#: At most this many disk versions per plan (the automate-publishing page's sample).
MAX_DISK_VERSIONS: Final = 8


def _plans(offer: dict[str, Any]) -> list[Any]:
    definition = offer.get("definition")
    if not isinstance(definition, dict):
        raise OfferShapeError("definition", "an object", definition)
    plans = definition.get("plans")
    if not isinstance(plans, list):
        raise OfferShapeError("definition.plans", "a list", plans)
    return plans


def find_plan(offer: dict[str, Any], plan_id: str) -> dict[str, Any]:
    """The plan of `offer` whose `planId` is `plan_id` (the object itself, not a copy).

    Raises PlanNotFoundError (naming the plans there are) or OfferShapeError.
    """
    plans = _plans(offer)
    for plan in plans:
        if isinstance(plan, dict) and plan.get("planId") == plan_id:
            return plan
    raise PlanNotFoundError(
        plan_id, [str(plan["planId"]) for plan in plans if isinstance(plan, dict) and "planId" in plan]
    )


def version_order(version: str) -> tuple[tuple[int, int, str], ...]:
    """The sort key that puts the oldest disk version first: dot-separated parts compared as numbers (`1.0.10`
    after `1.0.9`), a part that is not a number after every number and as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in version.split("."))


@dataclass(frozen=True)
class DiskVersionChange:
    """What adding a disk version did.

    Attributes:
        offer: the offer with the disk version (a new object; the one given is left as it was), or the offer given
            when nothing had to change.
        changed: False when the plan already had this version from the same VHD (nothing to write).
        removed: the disk versions taken out to make room, oldest first.
    """

    offer: dict[str, Any]
    changed: bool
    removed: tuple[str, ...] = ()


def with_disk_version(
    offer: dict[str, Any],
    plan_id: str,
    version: str,
    os_vhd_url: str,
    *,
    lun_vhd_details: Sequence[Any] = (),
    images_key: str = VM_IMAGES_KEY,
    max_versions: int = MAX_DISK_VERSIONS,
) -> DiskVersionChange:
    """`offer` with disk `version` (`os_vhd_url`, `lun_vhd_details`) added last to plan `plan_id`'s `images_key`,
    after removing the oldest versions until there is room for it under `max_versions`. Every other key and value
    stays as it was, in its place.

    The same version from the same VHD is already there: nothing changes (`changed` False), so a job run twice
    writes once. The same version from another VHD: DiskVersionConflictError, as a disk version, once published,
    is not replaced in place. Also PlanNotFoundError, OfferShapeError.
    """
    if not version:
        raise ValueError("the disk version is empty")
    if max_versions < 1:
        raise ValueError(f"max_versions must be at least 1, not {max_versions}")
    images = find_plan(offer, plan_id).get(images_key, {})
    if not isinstance(images, dict):
        raise OfferShapeError(f"plan {plan_id!r} {images_key}", "an object", images)
    if version in images:
        held = images[version]
        if isinstance(held, dict) and held.get("osVhdUrl") == os_vhd_url:
            return DiskVersionChange(offer, changed=False)
        raise DiskVersionConflictError(plan_id, version, held.get("osVhdUrl") if isinstance(held, dict) else held)
    updated = copy.deepcopy(offer)
    plan = find_plan(updated, plan_id)
    images = plan.setdefault(images_key, {})
    excess = len(images) + 1 - max_versions
    removed = tuple(sorted(images, key=version_order)[: max(excess, 0)])
    for old in removed:
        del images[old]
    images[version] = {"osVhdUrl": os_vhd_url, "lunVhdDetails": list(lun_vhd_details)}
    return DiskVersionChange(updated, changed=True, removed=removed)
