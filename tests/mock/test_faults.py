"""Broken-mock switches are off by default, and each one makes the mock break the spec where it says."""

from __future__ import annotations

import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.faults import FAULTS
from cloud_partner_portal_mock.testing import InProcessMock

PUBLISH = "/api/publishers/contoso/offers/contoso-draftoffer/publish?api-version=2017-10-31"
CANCEL = "/api/publishers/contoso/offers/contoso-draftoffer/cancel?api-version=2017-10-31"


def _broken(*faults):
    return InProcessMock(MockConfig(clock=Clock.frozen(), faults=frozenset(faults))).client()


def test_faults_are_off_by_default():
    assert MockConfig().faults == frozenset()


def test_omit_operation_location_drops_the_header_and_breaks_the_contract(spec_problems):
    with _broken("omit-operation-location") as client:
        response = client.post(PUBLISH)

    assert response.status_code == 202
    assert "Operation-Location" not in response.headers
    assert "Location" in response.headers
    assert any("Operation-Location" in problem for problem in spec_problems(response))


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
