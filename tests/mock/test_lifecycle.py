"""Publish walks its steps on the clock to publisher sign-off; go live walks `live`; one operation per offer."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.http.bodies import (
    json_bytes,
    operation_detail,
    operation_detail_json,
    submission,
    submissions_json,
)
from cloud_partner_portal_mock.testing import InProcessMock

PUBLISH_STEPS = ["displaydummycertify", "displaycertify", "displayprovision", "displaypackage", "publisher-signoff"]
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _run_to_signoff(clock, steps):
    clock.advance(sum(steps[s] for s in PUBLISH_STEPS[:-1]))


def test_publish_returns_202_with_the_absolute_operation_location_and_no_body_as_the_seed_page_shows(api):
    response = api.publish("contoso-draftoffer")

    assert response.status_code == 202
    operation_id = api.operation_id(response)
    assert GUID.match(operation_id)
    assert (
        response.headers["Operation-Location"]
        == f"http://testserver/api/publishers/contoso/offers/contoso-draftoffer/operations/{operation_id}"
    )
    assert "Location" not in response.headers
    assert response.content == b""
    assert "content-type" not in response.headers


def test_operation_location_is_built_from_the_request_base_url(mock):
    with mock.client(base_url="https://mock.example:8443") as client:
        response = client.post(
            "/api/publishers/contoso/offers/contoso-draftoffer/publish", params={"api-version": "2017-10-31"}
        )

    assert response.headers["Operation-Location"].startswith(
        "https://mock.example:8443/api/publishers/contoso/offers/contoso-draftoffer/operations/"
    )


def test_operation_location_can_be_polled(api):
    response = api.publish("contoso-draftoffer")

    polled = api.follow(response)

    assert polled.status_code == 200
    assert polled.json()["status"] == "running"


def test_publish_starts_in_the_first_step(api):
    detail = api.follow(api.publish("contoso-draftoffer")).json()

    assert [s["id"] for s in detail["steps"]] == PUBLISH_STEPS
    assert [s["status"] for s in detail["steps"]] == ["inProgress"] + ["notStarted"] * 4
    assert detail["cancellationRequestState"] == "canCancel"
    assert api.offer_status("contoso-draftoffer") == "running"


@pytest.mark.parametrize("done", range(1, 4))
def test_publish_walks_its_steps_in_order_on_the_clock(api, clock, steps, done):
    response = api.publish("contoso-draftoffer")

    clock.advance(sum(steps[s] for s in PUBLISH_STEPS[:done]))

    statuses = [s["status"] for s in api.follow(response).json()["steps"]]
    assert statuses == ["complete"] * done + ["inProgress"] + ["notStarted"] * (4 - done)


def test_progress_percentage_follows_the_clock_within_a_step(api, clock, steps):
    response = api.publish("contoso-draftoffer")

    clock.advance(steps["displaydummycertify"] / 2)

    assert api.follow(response).json()["steps"][0]["progressPercentage"] == 50


def test_publish_completes_at_publisher_signoff_and_offer_waits_for_review(api, clock, steps):
    response = api.publish("contoso-draftoffer")

    _run_to_signoff(clock, steps)

    detail = api.follow(response).json()
    assert detail["status"] == "completed"
    assert detail["steps"][-1]["status"] == "waitingForPublisherReview"
    assert detail["previewLinks"]
    status = api.status("contoso-draftoffer").json()
    assert status["status"] == "waitingForPublisherReview"
    assert [s["id"] for s in status["steps"]] == [*PUBLISH_STEPS, "live"]


def test_publish_is_idempotent_while_it_runs(api, clock, steps):
    first = api.publish("contoso-draftoffer")
    clock.advance(steps["displaydummycertify"])

    second = api.publish("contoso-draftoffer", emails="other@contoso.com")

    assert second.status_code == 202
    assert second.headers["Operation-Location"] == first.headers["Operation-Location"]
    assert len(api.submissions("contoso-draftoffer").json()) == 1


def test_publish_of_the_seed_page_offer_returns_its_running_publish(api):
    response = api.publish("contoso-virtualmachineoffer")

    assert api.operation_id(response) == "5a63deb5-925b-4ee0-938b-7c86fbf287c5"


def test_publish_while_go_live_runs_is_409(api):
    response = api.publish("contoso-goingliveoffer")

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "OperationInProgress"
    assert "(goLive)" in error["message"]


def test_publish_while_a_cancel_runs_is_409(api):
    cancel_id = api.operation_id(api.cancel("contoso-virtualmachineoffer"))

    response = api.publish("contoso-virtualmachineoffer")

    assert response.status_code == 409
    assert f"{cancel_id} (cancel)" in response.json()["error"]["message"]


def test_go_live_while_publish_runs_is_409(api):
    response = api.go_live("contoso-virtualmachineoffer")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "OperationInProgress"


@pytest.mark.parametrize(
    ("offer", "reason"),
    [
        ("contoso-draftoffer", "never published"),
        ("contoso-liveoffer", "already live"),
    ],
)
def test_go_live_of_an_offer_not_waiting_at_signoff_is_409_saying_why(api, offer, reason):
    response = api.go_live(offer)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "OfferNotWaitingForSignoff"
    assert offer in error["message"]
    assert reason in error["message"]


def test_go_live_walks_the_live_step_then_offer_succeeded(api, clock, steps):
    response = api.go_live("contoso-previewoffer")

    assert response.status_code == 202
    assert api.offer_status("contoso-previewoffer") == "running"
    clock.advance(steps["live"])

    detail = api.follow(response).json()
    assert detail["status"] == "completed"
    assert [(s["id"], s["status"]) for s in detail["steps"]] == [("live", "complete")]
    status = api.status("contoso-previewoffer").json()
    assert status["status"] == "succeeded"
    assert [s["status"] for s in status["steps"]] == ["complete"] * 6
    assert status["liveLinks"]


def test_full_walk_from_never_published_to_live(api, clock, steps):
    api.publish("contoso-draftoffer")
    _run_to_signoff(clock, steps)
    api.go_live("contoso-draftoffer")
    clock.advance(steps["live"])

    assert api.offer_status("contoso-draftoffer") == "succeeded"
    kinds = [(s["submissionType"], s["submissionState"]) for s in api.submissions("contoso-draftoffer").json()]
    assert kinds == [("goLive", "completed"), ("publish", "completed")]


def test_publish_of_an_offer_that_fails_validation_is_422_and_changes_nothing(api, service):
    response = api.publish("contoso-invalidoffer", emails="jdoe@contoso.com")

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "OfferValidationFailed"
    assert error["message"].startswith("Offer 'contoso-invalidoffer' failed validation: ")
    assert api.submissions("contoso-invalidoffer").json() == []
    assert api.offer_status("contoso-invalidoffer") == "neverPublished"
    assert service.outbox == []


def test_certification_failure_fails_the_operation_and_the_offer(api, clock, steps):
    response = api.publish("fabrikam-rejectedoffer", publisher="fabrikam", token="fabrikam-token")
    clock.advance(steps["displaydummycertify"] + steps["displaycertify"])

    detail = api.follow(response, token="fabrikam-token").json()
    assert detail["status"] == "failed"
    assert detail["steps"][1]["status"] == "rejected"
    assert detail["steps"][1]["messages"][-1]["level"] == "error"
    listed = api.submissions("fabrikam-rejectedoffer", publisher="fabrikam", token="fabrikam-token").json()[0]
    assert listed["error"] == "The offer's listing has no privacy policy URL."
    assert api.offer_status("fabrikam-rejectedoffer", publisher="fabrikam", token="fabrikam-token") == "failed"


def test_submissions_are_newest_first(api, clock, steps):
    api.publish("contoso-draftoffer")
    _run_to_signoff(clock, steps)
    api.go_live("contoso-draftoffer")

    listed = api.submissions("contoso-draftoffer").json()

    assert [s["submissionType"] for s in listed] == ["goLive", "publish"]
    assert listed[0]["createdDateTime"] > listed[1]["createdDateTime"]


@pytest.mark.parametrize(("status", "kinds"), [("running", ["publish"]), ("completed", []), ("failed", [])])
def test_submissions_filter_by_status(api, status, kinds):
    api.cancel("contoso-virtualmachineoffer")

    listed = api.submissions("contoso-virtualmachineoffer", status=status).json()

    assert [s["submissionType"] for s in listed] == kinds


def test_seed_page_submission_matches_the_page_example(api):
    listed = api.submissions("contoso-virtualmachineoffer", status="running").json()

    assert listed[0] | {"version": None, "changedTime": None, "createdDateTime": None, "lastActionDateTime": None} == {
        "id": "5a63deb5-925b-4ee0-938b-7c86fbf287c5",
        "offerId": "contoso-virtualmachineoffer",
        "offerVersion": 1,
        "offerTypeId": "microsoft-azure-virtualmachines",
        "publisherId": "contoso",
        "submissionType": "publish",
        "submissionState": "running",
        "publishingVersion": 2,
        "slot": "staging",
        "version": None,
        "definition": {"metadata": {"emails": "jondoe@contoso.com"}},
        "changedTime": None,
        "createdDateTime": None,
        "lastActionDateTime": None,
        "status": "running",
        "error": None,
    }


def test_operation_of_another_offer_is_404(api):
    response = api.operation("contoso-draftoffer", "5a63deb5-925b-4ee0-938b-7c86fbf287c5")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "OperationNotFound"


def test_unknown_operation_is_404(api):
    response = api.operation("contoso-virtualmachineoffer", str(uuid.UUID(int=0)))

    assert response.status_code == 404
    assert "does not exist" in response.json()["error"]["message"]


def test_status_of_unknown_offer_is_404(api):
    assert api.status("contoso-nosuchoffer").json()["error"]["code"] == "OfferNotFound"


def test_changes_carry_the_time_they_were_due_not_the_time_they_were_seen(api, clock, steps):
    response = api.publish("contoso-draftoffer")
    started = clock.now()

    clock.advance(3600)

    detail = api.follow(response).json()
    first_step_done = detail["steps"][0]["messages"][0]["timestamp"]
    expected = started.timestamp() + steps["displaydummycertify"]
    assert datetime.fromisoformat(first_step_done).timestamp() == expected


def test_operation_ids_are_guids(api):
    operation_id = api.operation_id(api.publish("contoso-draftoffer"))

    assert GUID.match(operation_id)


def test_operation_ids_are_reproducible_with_the_same_seed():
    def first_id(seed):
        mock = InProcessMock(MockConfig(seed=seed, clock=Clock.frozen()))
        with mock.client() as client:
            response = client.post(
                "/api/publishers/contoso/offers/contoso-draftoffer/publish", params={"api-version": "2017-10-31"}
            )
        return response.headers["Operation-Location"].rsplit("/", 1)[-1]

    assert first_id(7) == first_id(7)
    assert first_id(7) != first_id(8)


def test_reset_restores_the_seed(api, service, clock, steps):
    seeded = api.submissions("contoso-virtualmachineoffer").json()
    api.cancel("contoso-virtualmachineoffer")
    api.publish("contoso-draftoffer")

    service.reset()

    assert api.submissions("contoso-virtualmachineoffer").json() == seeded
    assert api.offer_status("contoso-draftoffer") == "neverPublished"
    assert service.outbox == []


@pytest.mark.parametrize(
    ("publisher", "offer", "status"),
    [
        ("contoso", "contoso-virtualmachineoffer", "running"),
        ("contoso", "contoso-draftoffer", "neverPublished"),
        ("contoso", "contoso-previewoffer", "waitingForPublisherReview"),
        ("contoso", "contoso-goingliveoffer", "running"),
        ("contoso", "contoso-liveoffer", "succeeded"),
        ("contoso", "contoso-invalidoffer", "neverPublished"),
        ("fabrikam", "fabrikam-vmoffer", "running"),
        ("fabrikam", "fabrikam-appoffer", "succeeded"),
        ("fabrikam", "fabrikam-rejectedoffer", "failed"),
    ],
)
def test_seeded_offer_starts_in_its_documented_state(api, publisher, offer, status):
    assert api.offer_status(offer, publisher=publisher, token=f"{publisher}-token") == status


def test_seed_page_operation_is_blocked_at_certification_like_the_page_example(api):
    detail = api.operation("contoso-virtualmachineoffer", "5a63deb5-925b-4ee0-938b-7c86fbf287c5").json()

    assert detail["status"] == "running"
    assert detail["cancellationRequestState"] == "canCancel"
    assert [s["status"] for s in detail["steps"][:3]] == ["complete", "blocked", "notStarted"]
    assert (
        detail["steps"][1]["messages"][0]["messageHtml"] == "No virtual machine image was found for the plan contoso."
    )
    assert detail["notificationEmails"] == "jondoe@contoso.com"


def test_the_listed_json_follows_every_change_of_a_submission(service, clock, steps):
    """Submissions are rendered once per change (`http.bodies.submission_json`): the list's bytes are always the
    JSON of the submissions as they stand, as the operation runs, changes step and is cancelled."""

    def listed() -> tuple[bytes, list[dict[str, object]]]:
        with service.at_offer("contoso", "contoso-draftoffer") as at:
            runs = at.submissions()
            return submissions_json(runs), [submission(op) for op in runs]

    def listed_json_is_current() -> bool:
        cached, fresh = listed()
        return cached == json_bytes(fresh)

    service.publish("contoso", "contoso-draftoffer", "jdoe@contoso.com")
    assert listed_json_is_current()
    first = listed()[1][0]["lastActionDateTime"]
    clock.advance(steps["displaydummycertify"])
    assert listed_json_is_current()
    assert listed()[1][0]["lastActionDateTime"] != first
    service.cancel("contoso", "contoso-draftoffer", None)
    clock.advance(steps["cancel"])
    assert listed_json_is_current()
    assert b'"submissionState":"canceled"' in listed()[0]


def test_an_operations_detail_json_follows_every_change_and_its_progress(service, clock, steps):
    """An operation's detail is rendered once per change (`http.bodies.operation_detail_json`): its bytes are
    always the JSON of the operation as it stands: as a step's progress moves with the clock, as a cancel is
    requested at the very instant of a change (the frozen clock keeps `changed_at`), and as it ends."""
    accepted = service.publish("contoso", "contoso-draftoffer", "jdoe@contoso.com")

    def detail() -> tuple[bytes, bytes]:
        with service.at_offer("contoso", "contoso-draftoffer") as at:
            operation = at.operation(accepted.operation_id)
            return operation_detail_json(operation, at.now), json_bytes(operation_detail(operation, at.now))

    seen = []
    for change in (
        lambda: None,
        lambda: clock.advance(steps["displaydummycertify"] / 2),  # progress only
        lambda: clock.advance(steps["displaydummycertify"] / 2),  # the next step
        lambda: service.cancel("contoso", "contoso-draftoffer", None),  # at the same instant
        lambda: clock.advance(steps["cancel"]),
    ):
        change()
        cached, fresh = detail()
        assert cached == fresh
        assert detail()[0] is cached  # not rendered again while nothing changed
        seen.append(cached)
    assert len(set(seen)) == len(seen)
    assert b'"status":"canceled"' in seen[-1]
