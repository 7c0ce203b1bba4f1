"""`snapshot()` is the public way to look at the mock's state: a frozen copy taken under the service's lock, which
stays as it was while the mock moves on, reachable from the service, `InProcessMock`/`MockServer` and the fixtures."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from cloud_partner_portal_mock.state.seed import SEED_PAGE_OPERATION_ID
from support.seed import DRAFT_OFFER, PUBLISHER, STUCK_OFFER

LOCK_WAIT_SECONDS = 0.5


def test_the_snapshot_holds_the_seeded_offers_operations_and_an_empty_outbox(cpp_mock):
    state = cpp_mock.snapshot()

    assert state.publishers == ("contoso", "fabrikam")
    assert state.offer(PUBLISHER, STUCK_OFFER).status == "running"
    assert state.offer(PUBLISHER, DRAFT_OFFER).status == "neverPublished"
    seeded = state.operations[SEED_PAGE_OPERATION_ID]
    assert (seeded.kind, seeded.status, seeded.current_step) == ("publish", "running", "displaycertify")
    assert [step.status for step in seeded.steps][:3] == ["complete", "blocked", "notStarted"]
    assert state.submissions(PUBLISHER, STUCK_OFFER)[0].id == SEED_PAGE_OPERATION_ID
    assert state.outbox == ()


def test_a_snapshot_stays_as_it_was_while_the_mock_moves_on(cpp_mock):
    before = cpp_mock.snapshot()

    accepted = cpp_mock.service.publish(PUBLISHER, DRAFT_OFFER, "jdoe@contoso.com")
    cpp_mock.clock.advance(3600)
    cpp_mock.service.cancel(PUBLISHER, STUCK_OFFER, None)
    after = cpp_mock.snapshot()

    assert before.offer(PUBLISHER, DRAFT_OFFER).status == "neverPublished"
    assert before.offer(PUBLISHER, DRAFT_OFFER).operation_ids == ()
    assert accepted.operation_id not in before.operations
    assert before.operations[SEED_PAGE_OPERATION_ID].cancelled_by is None
    assert before.outbox == ()
    assert after.offer(PUBLISHER, DRAFT_OFFER).operation_ids == (accepted.operation_id,)
    assert after.operations[SEED_PAGE_OPERATION_ID].cancelled_by is not None
    assert after.outbox
    assert after.at > before.at


def test_a_snapshot_cannot_be_changed(cpp_mock):
    state = cpp_mock.snapshot()
    offer = state.offer(PUBLISHER, STUCK_OFFER)

    with pytest.raises(TypeError):
        state.offers[(PUBLISHER, STUCK_OFFER)] = offer  # type: ignore[index]
    with pytest.raises(TypeError):
        del state.operations[SEED_PAGE_OPERATION_ID]  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        offer.status = "succeeded"  # type: ignore[misc]
    assert isinstance(state.outbox, tuple)
    assert isinstance(offer.operation_ids, tuple)
    assert isinstance(state.operations[SEED_PAGE_OPERATION_ID].steps, tuple)


def test_a_snapshot_waits_for_the_lock_an_action_holds(cpp_mock):
    taken = []
    with cpp_mock.service.at_offer(PUBLISHER, STUCK_OFFER):  # what every action holds while it changes the state
        thread = threading.Thread(target=lambda: taken.append(cpp_mock.snapshot()))
        thread.start()
        thread.join(LOCK_WAIT_SECONDS)
        waiting = thread.is_alive()
    thread.join()

    assert waiting  # it could not read the state while the lock was held
    assert len(taken) == 1


def test_the_served_mocks_snapshot_is_the_services(cpp_mock_server):
    cpp_mock_server.service.publish(PUBLISHER, DRAFT_OFFER, None)

    assert cpp_mock_server.snapshot().offer(PUBLISHER, DRAFT_OFFER).status == "running"
