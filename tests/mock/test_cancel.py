"""Cancel acts on the offer's running operation: 200 in a publish's first step, else 202 with a cancel
operation of its own; nothing running (or a cancel already running) is 404 NoOperationInProgress."""

from __future__ import annotations

SEED_PAGE_OFFER = "contoso-virtualmachineoffer"
SEED_PAGE_OPERATION = "5a63deb5-925b-4ee0-938b-7c86fbf287c5"


def _operation_id(response):
    return response.headers["Operation-Location"].rsplit("/", 1)[-1]


def test_seed_page_cancel_returns_202_with_the_absolute_operation_location_and_no_body(api):
    response = api.cancel(SEED_PAGE_OFFER, emails="jondoe@contoso.com")

    assert response.status_code == 202
    cancel_id = _operation_id(response)
    expected = f"http://testserver/api/publishers/contoso/offers/{SEED_PAGE_OFFER}/operations/{cancel_id}"
    assert response.headers["Operation-Location"] == expected
    assert "Location" not in response.headers
    assert response.content == b""
    assert cancel_id != SEED_PAGE_OPERATION


def test_cancel_operation_is_read_at_its_location_and_is_not_a_submission(api):
    response = api.cancel(SEED_PAGE_OFFER)

    detail = api.follow(response).json()
    assert detail["status"] == "running"
    assert [step["id"] for step in detail["steps"]] == ["cancel"]
    listed = api.submissions(SEED_PAGE_OFFER).json()
    assert _operation_id(response) not in [s["id"] for s in listed]
    assert {s["submissionType"] for s in listed} <= {"publish", "goLive"}


def test_while_a_cancel_runs_the_stopped_operation_is_the_one_running_submission(api):
    api.cancel(SEED_PAGE_OFFER)

    running = api.submissions(SEED_PAGE_OFFER, status="running").json()

    assert [s["id"] for s in running] == [SEED_PAGE_OPERATION]
    assert api.operation(SEED_PAGE_OFFER, SEED_PAGE_OPERATION).json()["cancellationRequestState"] == "cancelRequested"


def test_a_go_live_being_cancelled_is_the_one_running_submission(api):
    go_live = api.go_live("contoso-previewoffer")
    cancel = api.cancel("contoso-previewoffer")

    running = api.submissions("contoso-previewoffer", status="running").json()

    assert (go_live.status_code, cancel.status_code) == (202, 202)
    assert [(s["id"], s["submissionType"]) for s in running] == [(_operation_id(go_live), "goLive")]
    assert api.follow(cancel).json()["status"] == "running"


def test_cancel_in_first_step_is_synchronous_200_with_no_body_and_operation_reads_canceled(api):
    publish_id = _operation_id(api.publish("contoso-draftoffer"))

    response = api.cancel("contoso-draftoffer")

    assert response.status_code == 200
    assert response.content == b""
    assert not {"operation-location", "location", "content-type"} & set(response.headers)
    detail = api.operation("contoso-draftoffer", publish_id).json()
    assert detail["status"] == "canceled"
    assert detail["cancellationRequestState"] == "cannotCancel"
    assert detail["steps"][0]["status"] == "canceled"


def test_seeded_publish_in_first_step_cancels_synchronously(api):
    response = api.cancel("fabrikam-vmoffer", publisher="fabrikam", token="fabrikam-token")

    assert response.status_code == 200


def test_cancel_past_first_step_needs_a_cancel_operation(api, clock, steps):
    publish_id = _operation_id(api.publish("contoso-draftoffer"))
    clock.advance(steps["displaydummycertify"])

    response = api.cancel("contoso-draftoffer")

    assert response.status_code == 202
    assert _operation_id(response) != publish_id


def test_original_reads_cancel_requested_while_the_cancel_runs(api, clock, steps):
    cancel = api.cancel(SEED_PAGE_OFFER)
    clock.advance(steps["cancel"] / 2)

    original = api.operation(SEED_PAGE_OFFER, SEED_PAGE_OPERATION).json()
    canceller = api.follow(cancel).json()

    assert original["status"] == "running"
    assert original["cancellationRequestState"] == "cancelRequested"
    assert canceller["status"] == "running"
    assert canceller["cancellationRequestState"] == "cannotCancel"
    assert [s["id"] for s in canceller["steps"]] == ["cancel"]


def test_cancel_operation_completes_after_its_step_and_original_reads_canceled(api, clock, steps):
    cancel = api.cancel(SEED_PAGE_OFFER)
    clock.advance(steps["cancel"])

    assert api.follow(cancel).json()["status"] == "completed"
    original = api.operation(SEED_PAGE_OFFER, SEED_PAGE_OPERATION).json()
    assert original["status"] == "canceled"
    assert original["cancellationRequestState"] == "cannotCancel"
    assert original["steps"][1]["id"] == "displaycertify"
    assert original["steps"][1]["status"] == "canceled"


def test_cancelled_publish_leaves_offer_status_canceled(api, clock, steps):
    api.cancel(SEED_PAGE_OFFER)
    clock.advance(steps["cancel"])

    assert api.offer_status(SEED_PAGE_OFFER) == "canceled"


def test_synchronously_cancelled_publish_leaves_offer_status_canceled(api):
    api.publish("contoso-draftoffer")
    api.cancel("contoso-draftoffer")

    assert api.offer_status("contoso-draftoffer") == "canceled"


def test_cancel_of_go_live_needs_an_operation_of_its_own(api, clock, steps):
    response = api.cancel("contoso-goingliveoffer")

    assert response.status_code == 202
    clock.advance(steps["cancel"])
    assert api.follow(response).json()["status"] == "completed"


def test_cancelled_go_live_leaves_offer_waiting_for_publisher_review(api, clock, steps):
    api.cancel("contoso-goingliveoffer")
    clock.advance(steps["cancel"])

    status = api.status("contoso-goingliveoffer").json()
    assert status["status"] == "waitingForPublisherReview"
    assert status["steps"][-1]["id"] == "live"
    assert status["steps"][-1]["status"] == "canceled"
    assert api.go_live("contoso-goingliveoffer").status_code == 202


def test_running_step_stops_while_the_cancel_runs(api, clock, steps):
    api.publish("contoso-draftoffer")
    clock.advance(steps["displaydummycertify"])
    publish_id = api.submissions("contoso-draftoffer").json()[0]["id"]
    api.cancel("contoso-draftoffer")

    clock.advance(steps["displaycertify"] * 10)

    detail = api.operation("contoso-draftoffer", publish_id).json()
    assert [s["status"] for s in detail["steps"][:3]] == ["complete", "canceled", "notStarted"]


def test_progress_of_the_stopped_step_freezes_when_the_cancel_is_requested(api, clock, steps):
    api.publish("contoso-draftoffer")
    clock.advance(steps["displaydummycertify"] + steps["displaycertify"] / 4)
    publish_id = api.submissions("contoso-draftoffer").json()[0]["id"]
    api.cancel("contoso-draftoffer")

    clock.advance(steps["cancel"] / 2)

    step = api.operation("contoso-draftoffer", publish_id).json()["steps"][1]
    assert (step["status"], step["progressPercentage"]) == ("inProgress", 25)


def test_second_cancel_while_the_cancel_runs_is_404_no_operation_in_progress(api):
    first = api.cancel(SEED_PAGE_OFFER)
    second = api.cancel(SEED_PAGE_OFFER)

    assert first.status_code == 202
    assert second.status_code == 404
    error = second.json()["error"]
    assert error["code"] == "NoOperationInProgress"
    assert "already being cancelled" in error["message"]
    assert _operation_id(first) in error["message"]


def test_second_cancel_does_not_start_another_cancel_operation(api, service):
    api.cancel(SEED_PAGE_OFFER)
    api.cancel(SEED_PAGE_OFFER)

    kinds = [op.kind for op in service.snapshot().operations.values() if op.offer_id == SEED_PAGE_OFFER]
    assert kinds.count("cancel") == 1


def test_cancel_with_nothing_running_is_404_no_operation_in_progress(api):
    response = api.cancel("contoso-draftoffer")

    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "NoOperationInProgress",
        "message": "No operation is in progress on offer 'contoso-draftoffer'.",
    }


def test_cancel_after_synchronous_cancel_is_404(api):
    api.publish("contoso-draftoffer")
    api.cancel("contoso-draftoffer")

    assert api.cancel("contoso-draftoffer").json()["error"]["code"] == "NoOperationInProgress"


def test_cancel_of_finished_operation_is_404(api, clock, steps):
    api.publish("contoso-draftoffer")
    clock.advance(
        sum(steps[s] for s in ("displaydummycertify", "displaycertify", "displayprovision", "displaypackage"))
    )

    response = api.cancel("contoso-draftoffer")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NoOperationInProgress"


def test_cancel_of_unknown_offer_is_404_offer_not_found(api):
    response = api.cancel("contoso-nosuchoffer")

    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "OfferNotFound",
        "message": "Offer 'contoso-nosuchoffer' of publisher 'contoso' does not exist.",
    }


def test_offer_can_be_published_again_after_a_cancel(api, clock, steps):
    api.cancel(SEED_PAGE_OFFER)
    clock.advance(steps["cancel"])

    response = api.publish(SEED_PAGE_OFFER)

    assert response.status_code == 202
    assert _operation_id(response) != SEED_PAGE_OPERATION
