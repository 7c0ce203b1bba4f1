"""What the bundled mock is seeded with (see `cloud_partner_portal_mock.state.seed`), for the tests that run against it.

The mock seeds the pages' own example: publisher `contoso` with `contoso-virtualmachineoffer`, whose publish is
blocked at certification, and the documented test tokens.
"""

from __future__ import annotations

from cloud_partner_portal_mock.state.seed import SEED_PAGE_OPERATION_ID
from support.documented import OFFER, PUBLISHER, TOKEN

__all__ = [
    "CONTOSO_TOKEN",
    "DRAFT_OFFER",
    "FABRIKAM_TOKEN",
    "INVALID_OFFER",
    "LIVE_OFFER",
    "PUBLISHER",
    "SEEDED_OFFERS",
    "SEED_OPERATION",
    "STUCK_OFFER",
    "TOKENS",
]

#: The token of publisher `contoso`, and of `fabrikam` (who may not touch contoso's offers).
CONTOSO_TOKEN = TOKEN
FABRIKAM_TOKEN = "fabrikam-token"
#: A publish blocked at certification: cancelling it needs a cancel operation (202).
STUCK_OFFER = OFFER
#: Never published: publish → 202, a cancel right after → 200 (cancelled in its first step); go live → 409.
DRAFT_OFFER = "contoso-draftoffer"
#: Live, nothing running: cancel → 404 `NoOperationInProgress`.
LIVE_OFFER = "contoso-liveoffer"
#: Fails validation: publish → 422 `OfferValidationFailed`.
INVALID_OFFER = "contoso-invalidoffer"
#: Each seeded publisher's token.
TOKENS = {PUBLISHER: CONTOSO_TOKEN, "fabrikam": FABRIKAM_TOKEN}
#: The operation of the seed page's examples: the publish of `STUCK_OFFER`, blocked at certification.
SEED_OPERATION = SEED_PAGE_OPERATION_ID
#: Every seeded offer, by publisher, in the order the offer list gives them.
SEEDED_OFFERS = {
    "contoso": [
        "contoso-virtualmachineoffer",
        "contoso-draftoffer",
        "contoso-previewoffer",
        "contoso-goingliveoffer",
        "contoso-liveoffer",
        "contoso-invalidoffer",
    ],
    "fabrikam": ["fabrikam-vmoffer", "fabrikam-appoffer", "fabrikam-rejectedoffer"],
}
