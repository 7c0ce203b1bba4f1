"""Offers: read one as the JSON the service sent with its ETag, write it back under that ETag, and the
automate-publishing page's step for a new VHD.

    from cloud_partner_portal.offers import add_vm_image
    added = add_vm_image(client, "contoso", "contoso-virtualmachineoffer", "contososkuidentifier", "1.0.2",
                         "https://contoso.blob.core.windows.net/vhds/os-1.0.2.vhd?<SAS>")
    poller = begin_publish(client, "contoso", "contoso-virtualmachineoffer")

One concern a module, each importing only those above it:

    errors      what can go wrong beyond an error status: a changed offer, no plan, no ETag, a clashing version
    documents   the offer's JSON: its plans and their disk versions (pure functions, nothing sent)
    calls       one read or write of an offer: the JSON as sent, the ETag, error statuses as `ApiError`
    images      `add_vm_image`: read, add the disk version, write back with the ETag, once more after a 412

The generated client's `get_offer`, `put_offer`, ... give the typed models; these keep the JSON as sent, so
that a write back carries every key the description does not name.
"""

from .calls import (
    ANY_VERSION,
    OfferDocument,
    list_offers_json,
    list_offers_json_async,
    read_offer,
    read_offer_async,
    write_offer,
    write_offer_async,
)
from .documents import MAX_DISK_VERSIONS, VM_IMAGES_KEY, DiskVersionChange, find_plan, with_disk_version
from .errors import DiskVersionConflictError, NoETagError, OfferChangedError, OfferShapeError, PlanNotFoundError
from .images import DiskVersionAdded, add_vm_image, add_vm_image_async

__all__ = [
    "ANY_VERSION",
    "MAX_DISK_VERSIONS",
    "VM_IMAGES_KEY",
    "DiskVersionAdded",
    "DiskVersionChange",
    "DiskVersionConflictError",
    "NoETagError",
    "OfferChangedError",
    "OfferDocument",
    "OfferShapeError",
    "PlanNotFoundError",
    "add_vm_image",
    "add_vm_image_async",
    "find_plan",
    "list_offers_json",
    "list_offers_json_async",
    "read_offer",
    "read_offer_async",
    "with_disk_version",
    "write_offer",
    "write_offer_async",
]
