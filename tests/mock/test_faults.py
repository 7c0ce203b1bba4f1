"""Broken-mock switches are off by default, and each one makes the mock break the spec where it says."""

from __future__ import annotations

import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.faults.catalog import FAULTS
from cloud_partner_portal_mock.testing import InProcessMock

PUBLISH = "/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
CANCEL = "/api/publishers/contoso/offers/contoso-draftoffer/cancel?api-version=2017-10-31"
UNKNOWN_OFFER_STATUS = "/api/publishers/contoso/offers/contoso-nosuchoffer/status?api-version=2017-10-31"


def _broken(*faults):
    return InProcessMock(MockConfig(clock=Clock.frozen(), faults=frozenset(faults))).client()


def test_faults_are_off_by_default():
    assert MockConfig().faults == frozenset()


@pytest.mark.parametrize("flavor", ["seed", "2020-migrated"])
def test_omit_operation_location_drops_both_location_headers_and_breaks_the_contract(spec_problems, flavor):
    mock = InProcessMock(MockConfig(clock=Clock.frozen(), flavor=flavor, faults=frozenset({"omit-operation-location"})))
    with mock.client() as client:
        response = client.post(PUBLISH)

    assert response.status_code == 202
    assert not {"operation-location", "location"} & set(response.headers)
    assert any("x-location-headers" in problem for problem in spec_problems(response))


def test_undocumented_status_answers_410_instead_of_404_and_breaks_the_contract(spec_problems):
    with _broken("undocumented-status") as client:
        response = client.get(UNKNOWN_OFFER_STATUS)

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "OfferNotFound"
    assert spec_problems(response)


def test_wrong_error_body_answers_a_string_error_and_breaks_the_contract(spec_problems):
    with _broken("wrong-error-body") as client:
        response = client.get(UNKNOWN_OFFER_STATUS)

    assert response.status_code == 404
    assert response.json() == {"error": "Offer 'contoso-nosuchoffer' of publisher 'contoso' does not exist."}
    assert spec_problems(response)


def test_wrong_error_body_leaves_successful_answers_alone():
    with _broken("wrong-error-body") as client:
        response = client.get(UNKNOWN_OFFER_STATUS.replace("contoso-nosuchoffer", "contoso-liveoffer"))

    assert response.status_code == 200
    assert response.json()["status"] == "succeeded"


def test_wrong_cancel_status_answers_201_and_breaks_the_contract(spec_problems):
    with _broken("wrong-cancel-status") as client:
        client.post(PUBLISH)
        response = client.post(CANCEL)

    assert response.status_code == 201
    assert spec_problems(response)


def test_wrong_cancel_status_leaves_asynchronous_cancels_alone():
    with _broken("wrong-cancel-status") as client:
        response = client.post(
            "/api/publishers/contoso/offers/contoso-virtualmachineoffer/cancel?api-version=2017-10-31"
        )

    assert response.status_code == 202


def test_unknown_fault_is_rejected_naming_the_known_ones():
    with pytest.raises(ValueError, match="unknown fault 'slow'; known faults: omit-operation-location"):
        MockConfig(faults=frozenset({"slow"}))


def test_every_fault_has_a_description():
    assert all(cls.description for cls in FAULTS.values())
