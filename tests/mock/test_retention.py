"""Each offer keeps its `retain_finished` most recently finished operations, plus its running ones and its latest
publish and go-live; older finished ones are dropped, with their notifications, so the state stops growing."""

from __future__ import annotations

import tracemalloc

import pytest

from cloud_partner_portal_mock import Clock, MockConfig
from cloud_partner_portal_mock.__main__ import build_config, parser
from cloud_partner_portal_mock.state.service import PublishingService

RETAIN = 3
DRAFT = "contoso-draftoffer"
SIXTY_ADDRESSES = ",".join(f"person{i}@contoso.com" for i in range(60))


@pytest.fixture
def config() -> MockConfig:
    return MockConfig(clock=Clock.frozen(), retain_finished=RETAIN)


def _publish_and_cancel(api, offer=DRAFT, **kwargs) -> str:
    """A publish cancelled at once (200): one finished operation."""
    operation_id = api.operation_id(api.publish(offer, **kwargs))
    assert api.cancel(offer, **kwargs).status_code == 200
    return operation_id


def test_finished_operations_beyond_the_retention_are_dropped_oldest_first(api):
    ids = [_publish_and_cancel(api) for _ in range(RETAIN + 2)]

    listed = [s["id"] for s in api.submissions(DRAFT).json()]
    assert listed == ids[::-1][: RETAIN + 1]  # the newest RETAIN, and the latest publish (the newest of them too)
    assert api.operation(DRAFT, ids[0]).status_code == 404
    assert api.operation(DRAFT, ids[0]).json()["error"]["code"] == "OperationNotFound"
    assert api.operation(DRAFT, ids[-1]).json()["status"] == "canceled"


def test_the_operation_that_has_just_finished_is_always_kept(clock, steps):
    service = PublishingService(MockConfig(clock=clock, retain_finished=1))
    offer = "contoso-virtualmachineoffer"

    cancel = service.cancel("contoso", offer, None)  # 202: a cancel operation stops the seeded publish
    clock.advance(steps["cancel"])

    state = service.snapshot()
    assert state.operations[cancel.operation_id].status == "completed"
    assert state.submissions("contoso", offer)[0].status == "canceled"


def test_running_operations_are_never_dropped(api, clock, steps):
    running = api.operation_id(api.publish(DRAFT))
    clock.advance(steps["displaydummycertify"])  # past its first step: a cancel needs an operation of its own
    cancel = api.operation_id(api.cancel(DRAFT))
    for _ in range(RETAIN + 2):
        _publish_and_cancel(api, "contoso-liveoffer")

    assert api.operation(DRAFT, running).json()["status"] == "running"
    assert api.operation(DRAFT, cancel).json()["status"] == "running"


def test_the_latest_publish_is_kept_however_many_go_lives_were_cancelled_since(api, clock, steps):
    offer = "contoso-previewoffer"
    publish = api.submissions(offer).json()[0]
    for _ in range(RETAIN + 2):
        assert api.go_live(offer).status_code == 202
        assert api.cancel(offer).status_code == 202
        clock.advance(steps["cancel"])

    status = api.status(offer).json()
    assert status["status"] == "waitingForPublisherReview"
    assert [s["id"] for s in status["steps"]][:5] == [
        step["id"] for step in api.operation(offer, publish["id"]).json()["steps"]
    ]
    assert api.operation(offer, publish["id"]).status_code == 200


def test_an_offer_that_was_live_keeps_its_live_link_after_that_go_live_is_dropped(clock, steps):
    service = PublishingService(MockConfig(clock=clock, retain_finished=1))
    offer = "contoso-liveoffer"
    assert service.snapshot().offer("contoso", offer).live
    service.publish("contoso", offer, None)
    clock.advance(
        sum(steps[s] for s in ("displaydummycertify", "displaycertify", "displayprovision", "displaypackage"))
    )
    for _ in range(3):
        service.go_live("contoso", offer, None)
        service.cancel("contoso", offer, None)
        clock.advance(steps["cancel"])

    state = service.snapshot()
    kinds = [s.kind for s in state.submissions("contoso", offer)]
    assert kinds.count("goLive") == 1  # the seeded, completed go-live is gone; the latest (cancelled) one stays
    assert state.offer("contoso", offer).live


def test_notifications_of_dropped_operations_leave_the_outbox(api, service):
    ids = [_publish_and_cancel(api, emails="ops@contoso.com") for _ in range(RETAIN + 2)]

    notified = {n.operation_id for n in service.outbox}

    assert ids[0] not in notified
    assert ids[-1] in notified


def test_memory_stops_growing_once_the_retention_is_full():
    """The issue's run: publish + cancel with 60 addresses, which grew the mock by about 21 KB a cycle for good.
    Once the retention is full, what is held only swings (the outbox sheds dropped operations' notifications in
    batches, about 1.2 MB here): over 1,000 more cycles it must not grow by more than a few swings' worth."""
    service = PublishingService(MockConfig(clock=Clock.frozen(), retain_finished=50))

    def cycles(count: int) -> int:
        for _ in range(count):
            service.publish("contoso", DRAFT, SIXTY_ADDRESSES)
            service.cancel("contoso", DRAFT, SIXTY_ADDRESSES)
        return tracemalloc.get_traced_memory()[0]

    cycles(200)  # the retention is full
    tracemalloc.start()
    try:
        full = cycles(500)
        later = cycles(1000)
    finally:
        tracemalloc.stop()

    assert later - full < 4 * 1024 * 1024  # before: about 21 MB
    assert len(service.snapshot().submissions("contoso", DRAFT)) == 50 + 1  # and the latest publish


def test_retention_below_one_is_refused():
    with pytest.raises(ValueError, match="retain_finished: must be >= 1"):
        MockConfig(retain_finished=0)


def test_the_command_line_sets_the_retention():
    assert build_config(parser().parse_args(["--retain-finished", "7"]), {}).retain_finished == 7
    assert build_config(parser().parse_args([]), {}).retain_finished == 50
