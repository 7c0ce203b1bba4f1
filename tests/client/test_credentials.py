"""`CredentialAuth` and `client_with_credential`: a token fetched on the first request, renewed before it expires
and once on a 401 (never in a loop), one renewal at a time, sync and async, and never shown."""

from __future__ import annotations

import copy
import pickle
import threading
import time
from typing import Any

import anyio
import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal import AsyncOperationPoller, OperationPoller, OperationPollingError
from cloud_partner_portal.auth import (
    REFRESH_MARGIN,
    SCOPE,
    CredentialAuth,
    CredentialError,
    client_with_credential,
)
from support.credentials import AsyncFakeCredential, ExpiringTokenService, FakeCredential
from support.documented import BASE_URL, RELATIVE_LOCATION
from support.fake_api import ScriptedServer, polled
from support.fake_time import FakeTime

# Polls every 500 s: a token of an hour is within the margin (300 s) at the poll 3,500 s after it was issued.
EVEN_POLLS: dict[str, Any] = {"interval": 500, "max_interval": 500, "backoff": 1}


def _client(service: httpx.MockTransport | Any, credential: FakeCredential, fake: FakeTime) -> AuthenticatedClient:
    auth = CredentialAuth(credential, clock=fake.clock)
    transport = service if isinstance(service, httpx.MockTransport) else httpx.MockTransport(service)
    return client_with_credential(BASE_URL, auth, httpx_args={"transport": transport})


def _operation(polls_before_completed: int) -> ScriptedServer:
    return ScriptedServer(*[polled("running")] * polls_before_completed, polled("completed"))


def test_no_token_is_asked_for_until_the_first_request() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake)
    service = ExpiringTokenService(credential, _operation(0))
    client = _client(service, credential, fake)
    poller = OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock)
    assert credential.calls == 0

    assert poller.result().status == "completed"
    assert credential.scopes == [(SCOPE,)]
    assert service.tokens_sent == ["cred-token-1"]


def test_a_wait_longer_than_a_token_renews_it_before_it_expires_and_finishes() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake, lifetime=3600)
    service = ExpiringTokenService(credential, _operation(30))  # 15,000 s of polls: four tokens' lives
    client = _client(service, credential, fake)

    poller = OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock, **EVEN_POLLS)
    assert poller.result().status == "completed"

    assert service.refused == []  # never sent an expired token
    assert credential.calls == 5
    # Each renewal came once the token had REFRESH_MARGIN seconds or less left, and before it expired.
    renewals = credential.remaining_at_renewal[1:]
    assert all(remaining is not None and 0 < remaining <= REFRESH_MARGIN for remaining in renewals), renewals


def test_a_token_with_more_than_the_margin_left_is_kept() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake, lifetime=3600)
    service = ExpiringTokenService(credential, _operation(6))  # 3,000 s: 600 s left at the last poll
    client = _client(service, credential, fake)

    OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock, **EVEN_POLLS).result()

    assert credential.calls == 1
    assert set(service.tokens_sent) == {"cred-token-1"}


def test_a_401_is_sent_again_exactly_once_with_a_fresh_token() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake)
    service = ExpiringTokenService(credential, _operation(0), revoked={"cred-token-1"})  # revoked before expiry
    client = _client(service, credential, fake)

    detail = OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock).result()

    assert detail.status == "completed"
    assert service.tokens_sent == ["cred-token-1", "cred-token-2"]
    assert credential.calls == 2


def test_a_second_401_is_the_answer_not_a_loop() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake)
    service = ExpiringTokenService(credential, _operation(0), revoked={"cred-token-1", "cred-token-2", "cred-token-3"})
    client = _client(service, credential, fake)
    poller = OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock)

    with pytest.raises(OperationPollingError) as caught:
        poller.result()

    assert caught.value.status_code == 401
    assert service.tokens_sent == ["cred-token-1", "cred-token-2"]
    assert "cred-token" not in str(caught.value)


def test_a_credential_that_raises_is_a_credential_error_naming_it() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake, fail=1)
    client = _client(ExpiringTokenService(credential, _operation(0)), credential, fake)
    poller = OperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.sleep, clock=fake.clock)

    with pytest.raises(CredentialError, match=r"^FakeCredential gave no token: RuntimeError: AADSTS700016"):
        poller.result()


@pytest.mark.parametrize("token", ["tok en", "tok\nX-Injected: 1", "tokén", ""])
def test_a_token_that_is_not_one_header_safe_word_is_refused_without_echoing_it(token: str) -> None:
    class Odd:
        def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            return type("T", (), {"token": token, "expires_on": 2**40})()

    client = client_with_credential(
        BASE_URL, Odd(), httpx_args={"transport": httpx.MockTransport(lambda request: polled())}
    )

    with pytest.raises(CredentialError) as caught:
        client.get_httpx_client().get("/x")
    assert token == "" or token not in str(caught.value)


def test_one_renewal_at_a_time_across_threads() -> None:
    fake = FakeTime(start=1000.0)
    asked = threading.Event()
    release = threading.Event()

    class Slow(FakeCredential):
        def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            asked.set()
            release.wait(10)
            return super().get_token(*scopes, **kwargs)

    credential = Slow(fake)
    service = ExpiringTokenService(credential, lambda request: httpx.Response(200, json={}))
    client = _client(service, credential, fake)
    http = client.get_httpx_client()
    threads = [threading.Thread(target=http.get, args=("/x",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    assert asked.wait(10)
    time.sleep(0.05)  # let the other threads reach the lock: they wait, they do not ask too
    release.set()
    for thread in threads:
        thread.join(10)

    assert credential.calls == 1
    assert service.tokens_sent == ["cred-token-1"] * 8


def test_the_async_poller_awaits_an_async_credential_and_renews_it() -> None:
    fake = FakeTime(start=1000.0)
    credential = AsyncFakeCredential(fake, lifetime=3600)
    service = ExpiringTokenService(credential, _operation(12))  # 6,000 s
    client = _client(service, credential, fake)

    async def wait() -> str:
        poller = AsyncOperationPoller.from_location(
            client, RELATIVE_LOCATION, sleep=fake.async_sleep, clock=fake.clock, **EVEN_POLLS
        )
        return str((await poller.result()).status)

    assert anyio.run(wait) == "completed"
    assert service.refused == []
    assert credential.calls == 2


def test_the_async_client_calls_a_sync_credential_in_a_worker_thread() -> None:
    fake = FakeTime(start=1000.0)
    threads: list[str] = []

    class Recording(FakeCredential):
        def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return super().get_token(*scopes, **kwargs)

    credential = Recording(fake)
    service = ExpiringTokenService(credential, _operation(0), revoked={"cred-token-1"})
    client = _client(service, credential, fake)

    async def wait() -> str:
        poller = AsyncOperationPoller.from_location(client, RELATIVE_LOCATION, sleep=fake.async_sleep, clock=fake.clock)
        return str((await poller.result()).status)

    assert anyio.run(wait) == "completed"
    assert service.tokens_sent == ["cred-token-1", "cred-token-2"]
    assert threads
    assert threading.main_thread().name not in threads


def test_an_async_credential_with_the_sync_client_is_a_clear_error() -> None:
    fake = FakeTime()
    credential = AsyncFakeCredential(fake)
    client = _client(ExpiringTokenService(credential, _operation(0)), credential, fake)

    with pytest.raises(CredentialError, match="async credential"):
        client.get_httpx_client().get("/x")


def test_the_token_is_in_no_repr_and_the_auth_is_not_pickled_or_copied() -> None:
    fake = FakeTime(start=1000.0)
    credential = FakeCredential(fake)
    auth = CredentialAuth(credential, clock=fake.clock)
    client = client_with_credential(
        BASE_URL,
        auth,
        httpx_args={"transport": httpx.MockTransport(ExpiringTokenService(credential, lambda request: polled()))},
    )
    client.get_httpx_client().get("/x")

    assert credential.calls == 1
    for shown in (repr(auth), repr(client), repr(client.get_httpx_client().auth)):
        assert "cred-token" not in shown
    for dump in (pickle.dumps, copy.copy, copy.deepcopy):
        with pytest.raises(TypeError, match="holds a token") as caught:
            dump(auth)
        assert "cred-token" not in str(caught.value)
    assert auth.redacted("echo: Bearer cred-token-1") == "echo: Bearer [token]"
