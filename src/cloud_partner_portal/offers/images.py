"""`add_vm_image`: the automate-publishing page's step for a new VHD, "later publishing (CI/CD for VMs)".

Read the draft offer, add the disk version to the plan (the oldest going when the plan holds 8), write it back
with the ETag of the read, so that a change someone made in between is not overwritten: the service answers 412
and nothing is written. Then read again, reapply, and write once more; a second 412 is an error (someone keeps
changing the offer). Publish afterwards with `begin_publish`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from cloud_partner_portal_client import AuthenticatedClient

from .calls import ANY_VERSION, OfferDocument, read_offer, read_offer_async, write_offer, write_offer_async
from .documents import MAX_DISK_VERSIONS, VM_IMAGES_KEY, DiskVersionChange, with_disk_version
from .errors import NoETagError, OfferChangedError

__all__ = ["DiskVersionAdded", "add_vm_image", "add_vm_image_async"]

#: Writes after the first answered 412: one re-read and one more write.
_RETRIES_ON_412 = 1


@dataclass(frozen=True)
class DiskVersionAdded:
    """What `add_vm_image` did.

    Attributes:
        offer: the offer as stored after the write (`putOffer`'s answer), or as read when nothing was written.
        written: False when the plan already had the version from the same VHD (no PUT was made).
        removed: the disk versions taken out to make room, oldest first.
        attempts: how many PUTs were made (0, 1, or 2 after a 412).
    """

    offer: OfferDocument
    written: bool
    removed: tuple[str, ...]
    attempts: int


@dataclass(frozen=True)
class _Image:
    plan_id: str
    version: str
    os_vhd_url: str
    lun_vhd_details: Sequence[Any]
    images_key: str
    max_versions: int
    if_match: Literal["*"] | None

    def apply(self, read: OfferDocument) -> DiskVersionChange:
        """The change to the offer read."""
        return with_disk_version(
            read.data,
            self.plan_id,
            self.version,
            self.os_vhd_url,
            lun_vhd_details=self.lun_vhd_details,
            images_key=self.images_key,
            max_versions=self.max_versions,
        )

    def if_match_for(self, read: OfferDocument) -> str:
        """The If-Match of the write back: the read's ETag, or `*` when asked for."""
        if self.if_match == ANY_VERSION:
            return ANY_VERSION
        if read.etag is None:
            raise NoETagError("getOffer")
        return read.etag


def _image(
    plan_id: str,
    version: str,
    os_vhd_url: str,
    lun_vhd_details: Sequence[Any],
    images_key: str,
    max_versions: int,
    if_match: Literal["*"] | None,
) -> _Image:
    if if_match not in (None, ANY_VERSION):
        raise ValueError(f"if_match is None (the ETag of the read) or {ANY_VERSION!r}, not {if_match!r}")
    return _Image(plan_id, version, os_vhd_url, lun_vhd_details, images_key, max_versions, if_match)


def add_vm_image(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    plan_id: str,
    version: str,
    os_vhd_url: str,
    *,
    lun_vhd_details: Sequence[Any] = (),
    images_key: str = VM_IMAGES_KEY,
    max_versions: int = MAX_DISK_VERSIONS,
    if_match: Literal["*"] | None = None,
) -> DiskVersionAdded:
    """Add disk `version` (the VHD at `os_vhd_url`, a URL the service can read, e.g. with a SAS token) to plan
    `plan_id` of the offer's draft, and write the offer back under the ETag of the read.

    Every key of the offer this package does not know is written back as read. When the plan holds
    `max_versions` (8, the page's sample), the oldest versions go first (`DiskVersionAdded.removed`). When the plan
    already has this version from the same VHD, nothing is written (a job run twice changes the offer once).
    `if_match="*"` writes whatever version is stored (last one wins) and is needed when the read gives no ETag.

    Raises OfferChangedError (412 twice: the offer keeps changing), PlanNotFoundError, DiskVersionConflictError
    (the version is there from another VHD), NoETagError, OfferShapeError, ApiError (any other error status).
    """
    image = _image(plan_id, version, os_vhd_url, lun_vhd_details, images_key, max_versions, if_match)
    attempts = 0
    while True:
        read = read_offer(client, publisher_id, offer_id)
        change = image.apply(read)
        if not change.changed:
            return DiskVersionAdded(read, written=False, removed=(), attempts=attempts)
        etag = image.if_match_for(read)
        attempts += 1
        try:
            stored = write_offer(client, publisher_id, offer_id, change.offer, if_match=etag)
        except OfferChangedError:
            if attempts > _RETRIES_ON_412:
                raise
            continue
        return DiskVersionAdded(stored, written=True, removed=change.removed, attempts=attempts)


async def add_vm_image_async(
    client: AuthenticatedClient,
    publisher_id: str,
    offer_id: str,
    plan_id: str,
    version: str,
    os_vhd_url: str,
    *,
    lun_vhd_details: Sequence[Any] = (),
    images_key: str = VM_IMAGES_KEY,
    max_versions: int = MAX_DISK_VERSIONS,
    if_match: Literal["*"] | None = None,
) -> DiskVersionAdded:
    """`add_vm_image`, awaited."""
    image = _image(plan_id, version, os_vhd_url, lun_vhd_details, images_key, max_versions, if_match)
    attempts = 0
    while True:
        read = await read_offer_async(client, publisher_id, offer_id)
        change = image.apply(read)
        if not change.changed:
            return DiskVersionAdded(read, written=False, removed=(), attempts=attempts)
        etag = image.if_match_for(read)
        attempts += 1
        try:
            stored = await write_offer_async(client, publisher_id, offer_id, change.offer, if_match=etag)
        except OfferChangedError:
            if attempts > _RETRIES_ON_412:
                raise
            continue
        return DiskVersionAdded(stored, written=True, removed=change.removed, attempts=attempts)
