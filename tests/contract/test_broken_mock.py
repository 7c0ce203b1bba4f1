"""The contract checks bite: a mock broken on purpose fails them, the correct mock passes the same calls; under
the mock's own description and under the public one (where only the custom check can see a missing location)."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.core.failures import FailureGroup

from cloud_partner_portal_mock.config import MockConfig
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation.spec import DOCUMENTED_RULES, MOCK_RULES

from .mocks import public_config

PUBLISH = "/api/publishers/{publisherId}/offers/{offerId}/publish"
CANCEL = "/api/publishers/{publisherId}/offers/{offerId}/cancel"
STATUS = "/api/publishers/{publisherId}/offers/{offerId}/status"
DRAFT = {"publisherId": "contoso", "offerId": "contoso-draftoffer"}
NOWHERE = {"publisherId": "contoso", "offerId": "contoso-nosuchoffer"}


def _schema(faults: frozenset[str], rules: str) -> schemathesis.BaseSchema:
    app = InProcessMock(MockConfig(faults=faults, rules=rules)).app
    config = public_config() if rules == DOCUMENTED_RULES else None
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def _call(schema: schemathesis.BaseSchema, path: str, method: str, values: dict[str, str]) -> None:
    case = schema[path][method].Case(
        path_parameters=values,
        query={"api-version": "2017-10-31"},
        # A hand-built case gets no generated credentials; these calls test responses, not auth.
        headers={"Authorization": "Bearer contoso-token"},
        **(
            {"body": {"metadata": {"notification-emails": "jondoe@contoso.com"}}, "media_type": "application/json"}
            if method == "POST"
            else {}
        ),
    )
    case.call_and_validate()


def publish_cancel_and_miss(faults: frozenset[str], rules: str) -> None:
    """Publish the never-published offer, cancel it in its first step (a synchronous cancel), then ask for the
    status of an offer that does not exist (a 404)."""
    schema = _schema(faults, rules)
    _call(schema, PUBLISH, "POST", DRAFT)
    _call(schema, CANCEL, "POST", DRAFT)
    _call(schema, STATUS, "GET", NOWHERE)


@pytest.mark.parametrize("rules", [MOCK_RULES, DOCUMENTED_RULES])
@pytest.mark.parametrize(
    ("fault", "complaint"),
    [
        ("omit-operation-location", "location_headers_conformance"),
        ("wrong-cancel-status", "201"),
        ("undocumented-status", "410"),
        ("wrong-error-body", "Response violates schema"),
    ],
)
def test_a_broken_mock_fails_the_contract(fault: str, complaint: str, rules: str) -> None:
    with pytest.raises(FailureGroup) as caught:
        publish_cancel_and_miss(frozenset({fault}), rules)
    assert complaint in str(caught.value)


@pytest.mark.parametrize("rules", [MOCK_RULES, DOCUMENTED_RULES])
def test_the_correct_mock_passes_the_same_calls(rules: str) -> None:
    publish_cancel_and_miss(frozenset(), rules)
