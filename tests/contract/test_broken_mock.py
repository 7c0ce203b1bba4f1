"""The contract checks bite: a mock broken on purpose fails them, the correct mock passes the same calls."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.core.failures import FailureGroup

from cloud_partner_portal_mock.config import MockConfig
from cloud_partner_portal_mock.testing import InProcessMock

PUBLISH = "/api/publishers/{publisherId}/offers/{offerId}/publish"
CANCEL = "/api/publishers/{publisherId}/offers/{offerId}/cancel"


def publish_then_cancel(faults: frozenset[str]) -> None:
    """Publish the never-published offer, then cancel it in its first step (a synchronous cancel)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", InProcessMock(MockConfig(faults=faults)).app)
    for path in (PUBLISH, CANCEL):
        case = schema[path]["POST"].Case(
            path_parameters={"publisherId": "contoso", "offerId": "contoso-draftoffer"},
            query={"api-version": "2017-10-31"},
            # A hand-built case gets no generated credentials; these calls test responses, not auth.
            headers={"Authorization": "Bearer contoso-token"},
            body={"metadata": {"notification-emails": "jondoe@contoso.com"}},
            media_type="application/json",
        )
        case.call_and_validate()


@pytest.mark.parametrize(
    ("fault", "complaint"),
    [("omit-operation-location", "Operation-Location"), ("wrong-cancel-status", "201")],
)
def test_a_broken_mock_fails_the_contract(fault: str, complaint: str) -> None:
    with pytest.raises(FailureGroup) as caught:
        publish_then_cancel(frozenset({fault}))
    assert complaint in str(caught.value)


def test_the_correct_mock_passes_the_same_calls() -> None:
    publish_then_cancel(frozenset())
