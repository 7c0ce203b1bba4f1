"""The progress callback: status, the first step not complete, its percentage; only on change."""

from __future__ import annotations

from cloud_partner_portal_client.models import OperationStatus

from cloud_partner_portal import OperationPoller, ProgressEvent
from support.documented import RELATIVE_LOCATION, step
from support.fake_api import ScriptedServer, make_client, polled
from support.fake_time import FakeTime

VALIDATED = step("displaydummycertify", "Validate Pre-Requisites", "complete", 100)


def test_progress_reports_each_change_once(fake_time: FakeTime) -> None:
    events: list[ProgressEvent] = []
    server = ScriptedServer(
        polled("notStarted", step("displaydummycertify", "Validate Pre-Requisites", "notStarted", 0)),
        polled("running", step("displaydummycertify", "Validate Pre-Requisites", "inProgress", 50)),
        polled("running", step("displaydummycertify", "Validate Pre-Requisites", "inProgress", 50)),
        polled("running", VALIDATED, step("displaycertify", "Certification", "inProgress", 20)),
        polled("completed", VALIDATED, step("displaycertify", "Certification", "complete", 100)),
    )
    poller = OperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, sleep=fake_time.sleep, progress=events.append
    )

    poller.result()

    assert events == [
        ProgressEvent(OperationStatus.NOT_STARTED, "Validate Pre-Requisites", "displaydummycertify", 0),
        ProgressEvent(OperationStatus.RUNNING, "Validate Pre-Requisites", "displaydummycertify", 50),
        ProgressEvent(OperationStatus.RUNNING, "Certification", "displaycertify", 20),
        ProgressEvent(OperationStatus.COMPLETED, None, None, 100),
    ]
    assert poller.last_event == events[-1]


def test_current_step_is_the_first_that_is_not_complete() -> None:
    server = ScriptedServer(
        polled(
            "failed",
            VALIDATED,
            step("displaycertify", "Certification", "blocked", 0),
            step("displayprovision", "Provisioning", "notStarted", 0),
        )
    )
    poller = OperationPoller.from_location(make_client(server), RELATIVE_LOCATION, raise_on_failure=False)

    poller.result()

    assert poller.last_event == ProgressEvent(OperationStatus.FAILED, "Certification", "displaycertify", 0)


def test_completed_steps_spelled_either_way_count_as_complete() -> None:
    server = ScriptedServer(
        polled(
            "running",
            step("a", "A", "Completed", 100),
            step("b", "B", "COMPLETE", 100),
            step("live", "Live", "running", 70),
        ),
        polled("completed"),
    )
    events: list[ProgressEvent] = []
    OperationPoller.from_location(
        make_client(server), RELATIVE_LOCATION, progress=events.append, sleep=lambda _: None
    ).result()

    assert events[0] == ProgressEvent(OperationStatus.RUNNING, "Live", "live", 70)
    assert events[1] == ProgressEvent(OperationStatus.COMPLETED, None, None, None)
