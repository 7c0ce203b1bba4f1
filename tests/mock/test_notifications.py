"""notification-emails: validated address by address, stored on the operation, and one outbox record per
address for every progress change."""

from __future__ import annotations

import pytest

TWO = "jdoe@contoso.com, janedoe@contoso.com"


def _events(outbox, operation_id):
    return [(n.address, n.event, n.step) for n in outbox if n.operation_id == operation_id]


def test_notification_emails_are_stored_on_the_operation_and_in_the_list(api):
    response = api.publish("contoso-draftoffer", emails=TWO)

    assert api.follow(response).json()["notificationEmails"] == TWO
    listed = api.submissions("contoso-draftoffer").json()[0]
    assert listed["definition"] == {"metadata": {"emails": TWO}}


def test_operation_without_a_body_has_no_notification_emails(api, service):
    response = api.publish("contoso-draftoffer")

    assert api.follow(response).json()["notificationEmails"] is None
    assert api.submissions("contoso-draftoffer").json()[0]["definition"] == {"metadata": {}}
    assert service.outbox == []


def test_each_progress_change_notifies_every_address(api, service, clock, steps):
    operation_id = api.operation_id(api.publish("contoso-draftoffer", emails=TWO))

    clock.advance(
        sum(steps[s] for s in ("displaydummycertify", "displaycertify", "displayprovision", "displaypackage"))
    )

    expected = [
        ("started", "displaydummycertify"),
        ("stepChanged", "displaycertify"),
        ("stepChanged", "displayprovision"),
        ("stepChanged", "displaypackage"),
        ("stepChanged", "publisher-signoff"),
        ("completed", "publisher-signoff"),
    ]
    events = _events(service.outbox, operation_id)
    for address in ("jdoe@contoso.com", "janedoe@contoso.com"):
        assert [(e, s) for a, e, s in events if a == address] == expected
    assert len(events) == 2 * len(expected)


def test_notifications_carry_the_time_of_the_change(api, service, clock, steps):
    api.publish("contoso-draftoffer", emails="jdoe@contoso.com")
    started = clock.now()

    clock.advance(1000)

    times = [n.time for n in service.outbox]
    assert times[0] == started
    assert (times[1] - started).total_seconds() == steps["displaydummycertify"]


def test_repeated_address_is_notified_once(api, service):
    api.publish("contoso-draftoffer", emails="jdoe@contoso.com,jdoe@contoso.com")

    assert [n.address for n in service.outbox] == ["jdoe@contoso.com"]


def test_synchronous_cancel_notifies_the_operation_and_the_cancel_request_addresses(api, service):
    operation_id = api.operation_id(api.publish("contoso-draftoffer", emails="jdoe@contoso.com"))

    api.cancel("contoso-draftoffer", emails="ops@contoso.com")

    cancelled = [(a, e) for a, e, _ in _events(service.outbox, operation_id) if e == "canceled"]
    assert cancelled == [("jdoe@contoso.com", "canceled"), ("ops@contoso.com", "canceled")]


def test_asynchronous_cancel_notifies_its_own_progress_and_the_cancelled_operation(api, service, clock, steps):
    cancel_id = api.operation_id(api.cancel("contoso-virtualmachineoffer", emails="ops@contoso.com"))
    clock.advance(steps["cancel"])

    assert _events(service.outbox, cancel_id) == [
        ("ops@contoso.com", "started", "cancel"),
        ("ops@contoso.com", "completed", "cancel"),
    ]
    assert _events(service.outbox, "5a63deb5-925b-4ee0-938b-7c86fbf287c5") == [
        ("jondoe@contoso.com", "canceled", "displaycertify")
    ]


def test_failure_is_notified(api, service, clock, steps):
    operation_id = api.operation_id(
        api.publish("fabrikam-rejectedoffer", publisher="fabrikam", token="fabrikam-token", emails="ops@fabrikam.com")
    )

    clock.advance(steps["displaydummycertify"] + steps["displaycertify"])

    assert _events(service.outbox, operation_id)[-1] == ("ops@fabrikam.com", "failed", "displaycertify")


def test_blocked_step_is_notified(api, service, clock, steps):
    api.cancel("contoso-virtualmachineoffer")
    clock.advance(steps["cancel"])
    operation_id = api.operation_id(api.publish("contoso-virtualmachineoffer", emails="jdoe@contoso.com"))

    clock.advance(steps["displaydummycertify"])

    assert _events(service.outbox, operation_id)[-1] == ("jdoe@contoso.com", "blocked", "displaycertify")


@pytest.mark.parametrize(
    ("emails", "message"),
    [
        ("bob@", "notification-emails: 'bob@' is not an e-mail address"),
        ("jdoe@contoso.com,bob@", "notification-emails: 'bob@' is not an e-mail address"),
        ("jdoe@contoso.com, not an address", "notification-emails: 'not an address' is not an e-mail address"),
        ("jdoe@contoso.com,,janedoe@contoso.com", "notification-emails: entry 2 of 3 is empty"),
        ("jdoe@contoso.com,", "notification-emails: entry 2 of 2 is empty"),
        (" jdoe@contoso.com", "notification-emails: ' jdoe@contoso.com' is not an e-mail address"),
        ("jdoe@contoso.com\n", "notification-emails: 'jdoe@contoso.com\n' is not an e-mail address"),
        ("", "notification-emails: no address given"),
    ],
)
def test_invalid_notification_emails_are_400_naming_the_bad_entry(api, service, emails, message):
    response = api.publish("contoso-draftoffer", emails=emails)

    assert response.status_code == 400
    assert response.json()["error"] == {"code": "InvalidNotificationEmails", "message": message}
    assert api.submissions("contoso-draftoffer").json() == []


def test_too_long_notification_emails_are_400_saying_the_limit(api):
    emails = ",".join(f"user{i}@contoso.com" for i in range(80))

    response = api.publish("contoso-draftoffer", emails=emails)

    assert response.status_code == 400
    assert response.json()["error"]["message"] == f"notification-emails: {len(emails)} characters; at most 1024"


@pytest.mark.parametrize("call", ["publish", "go_live", "cancel"])
def test_every_call_with_a_body_checks_the_addresses(api, call):
    offer = {"publish": "contoso-draftoffer", "go_live": "contoso-previewoffer", "cancel": "contoso-goingliveoffer"}

    response = getattr(api, call)(offer[call], emails="bob@")

    assert response.status_code == 400
    assert "'bob@'" in response.json()["error"]["message"]


def test_notification_emails_that_are_not_a_string_are_400(api):
    response = api.publish("contoso-draftoffer", json={"metadata": {"notification-emails": ["jdoe@contoso.com"]}})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "InvalidNotificationEmails"
