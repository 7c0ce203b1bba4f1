"""The seeded data set: two publishers and offers in every state the API can show.

| publisher | offer | state after seeding | what the calls answer |
|---|---|---|---|
| contoso | contoso-virtualmachineoffer | publish 5a63deb5-… blocked at `displaycertify` | cancel → 202 (seed page) |
| contoso | contoso-draftoffer | `neverPublished` | publish → 202; cancel right after → 200 |
| contoso | contoso-previewoffer | `waitingForPublisherReview` | go live → 202 |
| contoso | contoso-goingliveoffer | go-live running (`live`, 3 days) | cancel → 202 |
| contoso | contoso-liveoffer | `succeeded` | publish → 202 (a new version); go live → 409 |
| contoso | contoso-invalidoffer | `neverPublished`, fails validation | publish → 422 |
| fabrikam | fabrikam-vmoffer | publish running in `displaydummycertify` (15 min) | cancel → 200 |
| fabrikam | fabrikam-appoffer | `succeeded` | |
| fabrikam | fabrikam-rejectedoffer | `failed` at `displaycertify` | publish → 202, fails again |

The history is replayed through `lifecycle` at times before the clock's `now`, with realistic step durations,
so every timestamp, step and message is one the mock itself would produce. The outbox starts empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from .lifecycle import advance, start_operation
from .store import Offer, OperationKind, Problem, Publisher, Store

# The operation of the seed page's examples (listOperations, getOperation).
SEED_PAGE_OPERATION_ID = "5a63deb5-925b-4ee0-938b-7c86fbf287c5"

HOUR = 3600.0
DAY = 24 * HOUR
SEEDED_STEP_SECONDS = MappingProxyType(
    {
        "displaydummycertify": 15 * 60.0,
        "displaycertify": 2 * DAY,
        "displayprovision": DAY,
        "displaypackage": HOUR,
        "live": 3 * DAY,
        "cancel": 10 * 60.0,
    }
)
VM = "microsoft-azure-virtualmachines"
APP = "microsoft-azure-applications"


def _offers() -> list[Offer]:
    return [
        Offer(
            "contoso",
            "contoso-virtualmachineoffer",
            VM,
            version=1,
            publishing_version=1,
            problem=Problem("displaycertify", "block", "No virtual machine image was found for the plan contoso."),
        ),
        Offer("contoso", "contoso-draftoffer", VM),
        # Both went live before the history replayed here begins (their Production slots hold versions 1 and 3).
        Offer("contoso", "contoso-previewoffer", VM, version=2, publishing_version=1, ever_live=True),
        Offer("contoso", "contoso-goingliveoffer", APP, version=4, publishing_version=3, ever_live=True),
        Offer("contoso", "contoso-liveoffer", VM, version=3, publishing_version=2),
        Offer(
            "contoso",
            "contoso-invalidoffer",
            VM,
            validation_error="plan 'contoso-basic' has no virtual machine image.",
        ),
        Offer("fabrikam", "fabrikam-vmoffer", VM),
        Offer("fabrikam", "fabrikam-appoffer", APP, version=2, publishing_version=1),
        Offer(
            "fabrikam",
            "fabrikam-rejectedoffer",
            VM,
            problem=Problem("displaycertify", "fail", "The offer's listing has no privacy policy URL."),
        ),
    ]


@dataclass(frozen=True)
class _Action:
    days_ago: float
    publisher_id: str
    offer_id: str
    kind: OperationKind
    emails: str | None
    operation_id: str | None = None


_HISTORY = (
    _Action(60, "fabrikam", "fabrikam-appoffer", "publish", "ops@fabrikam.com"),
    _Action(55, "fabrikam", "fabrikam-appoffer", "goLive", "ops@fabrikam.com"),
    _Action(40, "contoso", "contoso-liveoffer", "publish", "jdoe@contoso.com"),
    _Action(35, "contoso", "contoso-liveoffer", "goLive", "jdoe@contoso.com"),
    _Action(10, "contoso", "contoso-goingliveoffer", "publish", "jdoe@contoso.com,janedoe@contoso.com"),
    _Action(5, "contoso", "contoso-previewoffer", "publish", "jdoe@contoso.com"),
    _Action(3, "fabrikam", "fabrikam-rejectedoffer", "publish", None),
    _Action(1, "contoso", "contoso-goingliveoffer", "goLive", "jdoe@contoso.com,janedoe@contoso.com"),
    _Action(1 / 24, "contoso", "contoso-virtualmachineoffer", "publish", "jondoe@contoso.com", SEED_PAGE_OPERATION_ID),
    _Action(2 / (24 * 60), "fabrikam", "fabrikam-vmoffer", "publish", None),
)


def seed(store: Store, now: datetime, publishers: Iterable[str] = ()) -> None:
    """Fill an empty store with the seeded data set as it stands at `now`; add empty namespaces for any other
    configured `publishers`."""
    for offer in _offers():
        store.add_offer(offer)
    for action in sorted(_HISTORY, key=lambda a: -a.days_ago):
        at = now - timedelta(days=action.days_ago)
        advance(store, at)
        target = store.offer(action.publisher_id, action.offer_id)
        assert target is not None
        start_operation(
            store, target, action.kind, at, action.emails, SEEDED_STEP_SECONDS, operation_id=action.operation_id
        )
    advance(store, now)
    store.outbox.clear()
    for publisher_id in publishers:
        store.publishers.setdefault(publisher_id, Publisher(publisher_id))
