"""Bearer tokens map to publisher namespaces; errors reveal nothing about other publishers."""

from __future__ import annotations

import pytest

from cloud_partner_portal_mock import Clock, MockConfig


def test_every_operation_without_authorization_is_401_with_bearer_challenge(client, spec_operation, seed_page_url):
    response = client.request(spec_operation.method, seed_page_url(spec_operation.path))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "Unauthorized"


def test_every_operation_with_an_unknown_token_is_401(client, spec_operation, seed_page_url):
    response = client.request(
        spec_operation.method, seed_page_url(spec_operation.path), headers={"Authorization": "Bearer guessed"}
    )

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_is_not_echoed_in_the_error(api):
    response = api.cancel("contoso-virtualmachineoffer", token="s3cr3t-but-wrong")

    assert response.status_code == 401
    assert "s3cr3t" not in response.text
    assert "s3cr3t" not in str(response.headers)


@pytest.mark.parametrize("authorization", ["Basic Y29udG9zbzp4", "contoso-token", "Bearer", "Bearer  "])
def test_authorization_that_is_not_a_bearer_token_is_401(api, authorization):
    response = api.cancel("contoso-virtualmachineoffer", token=None, headers={"Authorization": authorization})

    assert response.status_code == 401


def test_bearer_scheme_is_case_insensitive(api):
    response = api.status("contoso-draftoffer", token=None, headers={"Authorization": "bearer contoso-token"})

    assert response.status_code == 200


def test_token_of_another_publisher_is_403(api):
    response = api.status("contoso-draftoffer", token="fabrikam-token")

    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "Forbidden",
        "message": "The caller has no access to the publisher namespace 'contoso'.",
    }


def test_unknown_publisher_is_403_like_an_existing_one(api):
    foreign = api.status("fabrikam-vmoffer", publisher="fabrikam")
    unknown = api.status("fabrikam-vmoffer", publisher="northwind")

    assert foreign.status_code == unknown.status_code == 403
    assert foreign.json()["error"]["message"].replace("fabrikam", "X") == unknown.json()["error"]["message"].replace(
        "northwind", "X"
    )


def test_forbidden_answer_does_not_say_whether_the_offer_exists(api):
    existing = api.cancel("fabrikam-vmoffer", publisher="fabrikam")
    missing = api.cancel("no-such-offer", publisher="fabrikam")

    assert existing.status_code == missing.status_code == 403
    assert existing.json() == missing.json()


def test_each_default_token_opens_its_own_publisher(api):
    assert api.status("contoso-draftoffer", token="contoso-token").status_code == 200
    assert api.status("fabrikam-vmoffer", publisher="fabrikam", token="fabrikam-token").status_code == 200


def test_refused_cancel_changes_no_state(api, service):
    before = api.operation("contoso-virtualmachineoffer", "5a63deb5-925b-4ee0-938b-7c86fbf287c5").json()

    assert api.cancel("contoso-virtualmachineoffer", token=None).status_code == 401
    assert api.cancel("contoso-virtualmachineoffer", token="fabrikam-token").status_code == 403

    after = api.operation("contoso-virtualmachineoffer", "5a63deb5-925b-4ee0-938b-7c86fbf287c5").json()
    assert after == before
    assert service.outbox == []


class TestConfiguredTokens:
    @pytest.fixture
    def config(self):
        return MockConfig(tokens={"ci-token": "contoso"}, clock=Clock.frozen())

    def test_configured_tokens_replace_the_defaults(self, api):
        assert api.status("contoso-draftoffer", token="ci-token").status_code == 200
        assert api.status("contoso-draftoffer", token="contoso-token").status_code == 401
