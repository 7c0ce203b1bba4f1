"""The automate-publishing page's job, end to end against the served mock: a new disk version added to the draft,
published, checked in the preview slot, pushed live; through the Python API and through the command line, and in
other runs cancelled at each step. The mock's clock moves instead of anyone sleeping (`cpp_poll_options`)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal import PollOptions, begin_cancel, begin_go_live, begin_publish
from cloud_partner_portal.cli import Runtime
from cloud_partner_portal.offers import add_vm_image, read_offer
from cloud_partner_portal_mock.testing import MockServer
from support.command_line import run_cpp
from support.seed import CONTOSO_TOKEN, LIVE_OFFER, PUBLISHER

PLAN = "contoso-live"
NEW = "1.3.0"
VHD = "https://contosostorage.blob.core.windows.net/vhds/contoso-1.3.0.vhd?sv=2014-02-14&sr=c&sig=placeholder&sp=rl"
IMAGES = "microsoft-azure-virtualmachines.vmImages"
WAIT = 60.0
"""Real seconds any one wait may take (the mock's clock does the waiting: each takes milliseconds)."""


def images(document: dict[str, Any]) -> dict[str, Any]:
    plan = next(p for p in document["definition"]["plans"] if p["planId"] == PLAN)
    held: dict[str, Any] = plan[IMAGES]
    return held


def without_status(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the slot holds it: `status` is the offer's publishing status now, not the slot's."""
    return {key: value for key, value in document.items() if key != "status"}


@pytest.fixture
def client(cpp_mock_server: MockServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=cpp_mock_server.url, token=CONTOSO_TOKEN)


def test_a_new_disk_version_goes_from_the_draft_to_live_through_the_python_api(
    client: AuthenticatedClient, cpp_poll_options: PollOptions
) -> None:
    before = read_offer(client, PUBLISHER, LIVE_OFFER, slot="Production").data
    added = add_vm_image(client, PUBLISHER, LIVE_OFFER, PLAN, NEW, VHD)
    assert added.written
    assert images(read_offer(client, PUBLISHER, LIVE_OFFER).data)[NEW]["osVhdUrl"] == VHD

    published = begin_publish(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)

    assert published.status == "completed"  # the run waits at publisher sign-off
    preview = read_offer(client, PUBLISHER, LIVE_OFFER, slot="Preview").data
    assert NEW in images(preview)
    assert NEW not in images(read_offer(client, PUBLISHER, LIVE_OFFER, slot="Production").data)

    live = begin_go_live(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)

    assert live.status == "completed"
    production = read_offer(client, PUBLISHER, LIVE_OFFER, slot="Production").data
    assert images(production)[NEW]["osVhdUrl"] == VHD
    assert production["version"] == before["version"] + 1
    assert read_offer(client, PUBLISHER, LIVE_OFFER, version=production["version"]).data == production
    assert read_offer(client, PUBLISHER, LIVE_OFFER).data["version"] == production["version"] + 1


def cpportal(server: MockServer, *args: str) -> tuple[int, str, str]:
    runtime = Runtime(sleep=server.clock.advance, clock=time.monotonic)
    result = run_cpp(["--base-url", server.url, *args], runtime, CONTOSO_TOKEN)
    return result.exit_code, result.stdout, result.stderr


def test_a_new_disk_version_goes_from_the_draft_to_live_through_the_command_line(cpp_mock_server: MockServer) -> None:
    def ok(*args: str) -> str:
        code, out, err = cpportal(cpp_mock_server, *args)
        assert code == 0, err
        return out

    production_before = json.loads(ok("offers", "show", PUBLISHER, LIVE_OFFER, "--slot", "Production"))
    ok("offers", "add-image", PUBLISHER, LIVE_OFFER, "--plan", PLAN, "--version", NEW, "--os-vhd-url", VHD)

    published = ok("publish", PUBLISHER, LIVE_OFFER, "--wait", "--timeout", str(WAIT))

    assert published.strip().splitlines()[-1].startswith("published: operation ")
    assert NEW in images(json.loads(ok("offers", "show", PUBLISHER, LIVE_OFFER, "--slot", "Preview")))

    ok("go-live", PUBLISHER, LIVE_OFFER, "--wait", "--timeout", str(WAIT))

    production = json.loads(ok("offers", "show", PUBLISHER, LIVE_OFFER, "--slot", "Production"))
    assert images(production)[NEW]["osVhdUrl"] == VHD
    assert production["version"] == production_before["version"] + 1
    assert json.loads(ok("--json", "status", PUBLISHER, LIVE_OFFER))["status"] == "succeeded"


def test_a_publish_cancelled_before_signoff_leaves_the_preview_as_it_was(
    client: AuthenticatedClient, cpp_mock_server: MockServer, cpp_poll_options: PollOptions
) -> None:
    preview_before = read_offer(client, PUBLISHER, LIVE_OFFER, slot="Preview").data
    add_vm_image(client, PUBLISHER, LIVE_OFFER, PLAN, NEW, VHD)
    publish = begin_publish(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options)
    cpp_mock_server.clock.advance(10)  # past validation, into certification: the cancel runs an operation

    cancelled = begin_cancel(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)

    assert cancelled.status == "completed"
    assert publish.result(timeout=WAIT).status == "canceled"
    assert without_status(read_offer(client, PUBLISHER, LIVE_OFFER, slot="Preview").data) == without_status(
        preview_before
    )
    assert NEW in images(read_offer(client, PUBLISHER, LIVE_OFFER).data)  # the draft keeps the change


def test_at_signoff_nothing_runs_to_cancel_and_the_preview_can_still_go_live(
    client: AuthenticatedClient, cpp_mock_server: MockServer, cpp_poll_options: PollOptions
) -> None:
    add_vm_image(client, PUBLISHER, LIVE_OFFER, PLAN, NEW, VHD)
    begin_publish(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)

    code, _, err = cpportal(cpp_mock_server, "cancel", PUBLISHER, LIVE_OFFER)

    assert code == 1
    assert "NoOperationInProgress" in err
    assert NEW in images(read_offer(client, PUBLISHER, LIVE_OFFER, slot="Preview").data)
    live = begin_go_live(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)
    assert live.status == "completed"


def test_a_go_live_cancelled_while_it_runs_leaves_production_and_the_version_as_they_were(
    client: AuthenticatedClient, cpp_mock_server: MockServer, cpp_poll_options: PollOptions
) -> None:
    production_before = read_offer(client, PUBLISHER, LIVE_OFFER, slot="Production").data
    add_vm_image(client, PUBLISHER, LIVE_OFFER, PLAN, NEW, VHD)
    begin_publish(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)
    go_live = begin_go_live(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options)
    cpp_mock_server.clock.advance(5)

    cancelled = begin_cancel(client, PUBLISHER, LIVE_OFFER, **cpp_poll_options).result(timeout=WAIT)

    assert cancelled.status == "completed"
    assert go_live.result(timeout=WAIT).status == "canceled"
    assert without_status(read_offer(client, PUBLISHER, LIVE_OFFER, slot="Production").data) == without_status(
        production_before
    )
    assert NEW in images(read_offer(client, PUBLISHER, LIVE_OFFER, slot="Preview").data)
    status = read_offer(client, PUBLISHER, LIVE_OFFER).data["status"]
    assert status == "waitingForPublisherReview"  # go live may be called again
