"""Publishers are isolated: a token for one reads, starts and cancels nothing of another, and learns nothing.

Every operation of the spec is called with each publisher's token on every offer and operation of the other
publisher, both in the other's namespace (403) and smuggled into its own (404). The answers must be the same as
for identifiers that exist nowhere, once the identifiers the caller sent are masked, and must name nothing of the
other publisher that the caller did not send itself (offer ids, operation ids, e-mail addresses).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from cloud_partner_portal_mock.state.service import PublishingService
from cloud_partner_portal_mock.testing import InProcessMock
from cloud_partner_portal_mock.validation import spec
from support.seed import TOKENS
from support.served_calls import API_VERSION

PUBLISHERS = ("contoso", "fabrikam")
NOWHERE_OFFER = "nobody-offer"
NOWHERE_OPERATION = str(uuid.UUID(int=1))
NOWHERE_NUMBER = "999999$staging"
"""The `{n}${slot}` of the legacy status URL of an operation that exists nowhere."""
_NOWHERE = {"offerId": NOWHERE_OFFER, "operationId": NOWHERE_OPERATION, "operationNumber": NOWHERE_NUMBER}
_NOWHERE_OP = {"operationId": NOWHERE_OPERATION, "operationNumber": NOWHERE_NUMBER}


@pytest.fixture(scope="module")
def mock() -> InProcessMock:
    return InProcessMock()


@pytest.fixture(scope="module")
def client(mock: InProcessMock) -> Iterator[TestClient]:
    with mock.client(token=None) as test_client:
        yield test_client


def belongings(service: PublishingService, publisher: str) -> dict[str, Any]:
    """What a publisher has: offer ids, operation ids (by offer) and the addresses its operations notify; and the
    `{n}${slot}` of each operation's legacy status URL (a number on its offer, not a secret: every offer has a 1)."""
    state = service.snapshot()
    offers = {offer.id: offer for offer in state.offers.values() if offer.publisher_id == publisher}
    operations = {offer_id: list(offer.operation_ids) for offer_id, offer in offers.items()}
    numbers = {
        op_id: f"{state.operations[op_id].number}${state.operations[op_id].slot}"
        for ids in operations.values()
        for op_id in ids
    }
    emails = {
        address
        for ids in operations.values()
        for op_id in ids
        for address in (state.operations[op_id].emails or "").split(",")
        if address
    }
    return {"offers": sorted(offers), "operations": operations, "numbers": numbers, "emails": sorted(emails)}


def calls(owner: dict[str, Any]) -> Iterator[tuple[spec.OperationFacts, dict[str, str]]]:
    """Every operation of the spec with every offer (and, for operation URLs, every operation id, or the number of
    its legacy status URL) of `owner`."""
    for facts in spec.operations():
        if "{publisherId}" not in facts.path and "{legacyOperationId}" not in facts.path:
            continue  # `listOfferTypes` acts in no namespace
        for offer in owner["offers"]:
            if "{operationId}" in facts.path:
                for op_id in owner["operations"][offer] or [NOWHERE_OPERATION]:
                    yield facts, {"offerId": offer, "operationId": op_id}
            elif "{legacyOperationId}" in facts.path:
                for op_id in owner["operations"][offer]:
                    yield facts, {"offerId": offer, "operationNumber": owner["numbers"][op_id]}
            else:
                yield facts, {"offerId": offer}


def call(client: TestClient, facts: spec.OperationFacts, token: str, **values: str) -> Any:
    values = {"operationId": NOWHERE_OPERATION, "operationNumber": NOWHERE_NUMBER, **values}
    # The legacy status URL names the operation by publisher, offer and `{n}${slot}` in one segment.
    legacy = f"{values['publisherId']}${values['offerId']}${values['operationNumber']}"
    url = facts.path.format(legacyOperationId=legacy, version="1", slotId="Production", **values)
    body = {"json": {"metadata": {"notification-emails": "intruder@example.com"}}} if facts.has_body else {}
    if facts.operation_id == "putOffer":
        # A well-formed offer for the path, so that only the namespace can refuse it.
        offer = {"publisherId": values["publisherId"], "id": values["offerId"], "offerTypeId": "x", "definition": {}}
        body = {"json": offer}
    headers = {"Authorization": f"Bearer {token}"}
    return client.request(facts.method, url, params={"api-version": API_VERSION}, headers=headers, **body)


def masked(text: str, *sent: str) -> str:
    for value in sorted(sent, key=len, reverse=True):
        text = text.replace(value, "<sent>")
    return text


@pytest.mark.parametrize(("caller", "owner"), [("contoso", "fabrikam"), ("fabrikam", "contoso")])
def test_a_token_reaches_nothing_in_another_namespace_and_learns_nothing(
    mock: InProcessMock, client: TestClient, caller: str, owner: str
) -> None:
    mock.reset()
    theirs = belongings(mock.service, owner)
    before = mock.snapshot()
    checked = 0

    for facts, values in calls(theirs):
        response = call(client, facts, TOKENS[caller], publisherId=owner, **values)
        nowhere = call(
            client, facts, TOKENS[caller], publisherId="nobody", offerId=NOWHERE_OFFER, operationId=NOWHERE_OPERATION
        )

        assert response.status_code == 403, (facts.operation_id, values, response.text)
        assert response.json()["error"]["code"] == "Forbidden"
        sent = [owner, *values.values()]
        assert masked(response.text, *sent) == masked(nowhere.text, "nobody", NOWHERE_OFFER, NOWHERE_OPERATION)
        leaked = [item for item in _secrets(theirs) if item not in sent and item in response.text]
        assert not leaked, (facts.operation_id, leaked)
        checked += 1

    assert checked >= (len(spec.operations()) - 1) * len(theirs["offers"])  # all but `listOfferTypes`
    assert mock.snapshot() == before


@pytest.mark.parametrize(("caller", "owner"), [("contoso", "fabrikam"), ("fabrikam", "contoso")])
def test_another_publishers_ids_in_ones_own_namespace_are_simply_not_found(
    mock: InProcessMock, client: TestClient, caller: str, owner: str
) -> None:
    mock.reset()
    mine, theirs = belongings(mock.service, caller), belongings(mock.service, owner)
    before = mock.snapshot()
    own_offer = mine["offers"][0]

    for facts, values in calls(theirs):
        if "{offerId}" not in facts.path or facts.operation_id == "putOffer":
            # `listOffers` names no offer; a PUT of any id in one's own namespace creates that offer there,
            # whatever another namespace holds (`tests/mock/test_offers.py`).
            continue
        cases = [(values, {key: _NOWHERE[key] for key in values})]  # their offer id in my namespace
        if "operationId" in values:  # their operation id under my own offer
            cases.append(
                ({"offerId": own_offer, "operationId": values["operationId"]}, {"offerId": own_offer, **_NOWHERE_OP})
            )
        for smuggled, made_up in cases:
            response = call(client, facts, TOKENS[caller], publisherId=caller, **smuggled)
            nowhere = call(client, facts, TOKENS[caller], publisherId=caller, **made_up)

            assert response.status_code == 404, (facts.operation_id, smuggled, response.text)
            assert response.json()["error"]["code"] == nowhere.json()["error"]["code"]
            sent = [value for value in smuggled.values() if value != own_offer]
            assert masked(response.text, *sent) == masked(
                nowhere.text, NOWHERE_OFFER, NOWHERE_OPERATION, NOWHERE_NUMBER
            )
            leaked = [item for item in _secrets(theirs) if item not in sent and item in response.text]
            assert not leaked, (facts.operation_id, leaked)

    assert mock.snapshot() == before


def test_lists_and_statuses_show_only_ones_own_operations(mock: InProcessMock, client: TestClient) -> None:
    mock.reset()
    for caller, owner in (("contoso", "fabrikam"), ("fabrikam", "contoso")):
        mine, theirs = belongings(mock.service, caller), belongings(mock.service, owner)
        foreign = set(_secrets(theirs)) - set(_secrets(mine))
        for offer in mine["offers"]:
            for action in ("submissions/", "status"):
                response = client.get(
                    f"/api/publishers/{caller}/offers/{offer}/{action}",
                    params={"api-version": API_VERSION},
                    headers={"Authorization": f"Bearer {TOKENS[caller]}"},
                )
                assert response.status_code == 200
                assert not [item for item in foreign if item in response.text], (caller, offer, action)


def _secrets(belonging: dict[str, Any]) -> list[str]:
    ids = [op_id for op_ids in belonging["operations"].values() for op_id in op_ids]
    return [*belonging["offers"], *ids, *belonging["emails"]]


def test_the_seed_gives_each_publisher_something_to_hide(mock: InProcessMock) -> None:
    # Guards the tests above from passing vacuously.
    for publisher in PUBLISHERS:
        theirs = belongings(mock.service, publisher)
        assert theirs["offers"]
        assert any(theirs["operations"].values())
        assert all(re.fullmatch(r"[a-z0-9.-]+", offer) for offer in theirs["offers"])
