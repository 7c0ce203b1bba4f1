"""The errors of reading, changing and writing back an offer, beyond `ApiError` (an error status).

Each derives from `cloud_partner_portal.CloudPartnerPortalError` and says what to do about it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ApiError, CloudPartnerPortalError

__all__ = [
    "DiskVersionConflictError",
    "NoETagError",
    "OfferChangedError",
    "OfferShapeError",
    "PlanNotFoundError",
]

#: How many plan identifiers a PlanNotFoundError names.
_NAMED_PLANS = 20


class OfferChangedError(ApiError):
    """`putOffer` answered 412 Precondition Failed: the offer changed since its ETag was read (or the ETag was
    wrong), and nothing was written. Read the offer again and reapply the change."""

    def __init__(self, status_code: int, body: bytes, *, call: str | None = None, reason: str | None = None) -> None:
        advice = "the offer changed since its ETag was read; nothing was written: read it again and reapply the change"
        super().__init__(status_code, body, call=call, reason=f"{reason}; {advice}" if reason else advice)


class OfferShapeError(CloudPartnerPortalError, ValueError):
    """The offer's JSON is not shaped as the pages show an offer where a change needs it (`definition.plans` a
    list of objects, a plan's disk versions an object). Nothing was written.

    Attributes:
        where: the JSON path of the part that is not as expected, e.g. `definition.plans`.
    """

    def __init__(self, where: str, expected: str, found: Any) -> None:
        self.where = where
        super().__init__(f"the offer's {where} is {type(found).__name__}, not {expected}; nothing was changed")


class PlanNotFoundError(CloudPartnerPortalError, LookupError):
    """The offer has no plan with that `planId`.

    Attributes:
        plan_id: the plan asked for.
        plan_ids: the plans the offer has.
    """

    def __init__(self, plan_id: str, plan_ids: Sequence[str]) -> None:
        self.plan_id = plan_id
        self.plan_ids = tuple(plan_ids)
        named = ", ".join(self.plan_ids[:_NAMED_PLANS]) + (", ..." if len(self.plan_ids) > _NAMED_PLANS else "")
        has = f"its plans are {named}" if self.plan_ids else "it has no plans"
        super().__init__(f"the offer has no plan {plan_id!r}; {has}")


class DiskVersionConflictError(CloudPartnerPortalError, ValueError):
    """The plan already has that disk version, from another VHD. Nothing was written: a published disk version is
    not replaced in place; give the new VHD a new version.

    Attributes:
        plan_id, version: the plan and the disk version.
        os_vhd_url: the URL the plan holds for it (as the service returned it).
    """

    def __init__(self, plan_id: str, version: str, os_vhd_url: object) -> None:
        self.plan_id = plan_id
        self.version = version
        self.os_vhd_url = os_vhd_url
        super().__init__(
            f"plan {plan_id!r} already has disk version {version!r} from another VHD; nothing was changed: "
            "give the new VHD a new version"
        )


class NoETagError(CloudPartnerPortalError):
    """The read of the offer gave no ETag (no `ETag` header, no `eTag` in the body), so a write back could not
    say which version it changes. Nothing was written. Overwriting whatever is stored (`If-Match: *`) must be
    asked for explicitly."""

    def __init__(self, call: str) -> None:
        super().__init__(
            f"{call} gave no ETag (no ETag header, no eTag in the body); nothing was written: ask to overwrite any "
            "version (If-Match: *) explicitly to write anyway"
        )
