"""The generated `AuthenticatedClient` never shows its token: not in repr(), not once it has built its httpx clients,
not in a pickle or a copy (it refuses both). `templates/client/client.py.jinja` makes it so."""

from __future__ import annotations

import asyncio
import copy
import pickle
from collections.abc import Callable

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

TOKEN = "tok-Zq8-never-shown"


def _client() -> AuthenticatedClient:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, json={"seen": request.headers["Authorization"]})
    )
    return AuthenticatedClient(base_url="https://example.test", token=TOKEN, httpx_args={"transport": transport})


def test_repr_shows_no_token_before_or_after_the_httpx_clients_are_built() -> None:
    client = _client()
    assert TOKEN not in repr(client)
    answer = client.get_httpx_client().get("/x")
    asyncio.run(client.get_async_httpx_client().aclose())
    assert answer.json() == {"seen": f"Bearer {TOKEN}"}  # the header is sent ...
    assert TOKEN not in repr(client)  # ... but kept out of the client's own fields
    assert "token=" not in repr(client)


def test_headers_added_later_keep_the_token_out_of_repr() -> None:
    client = _client().with_headers({"X-Trace": "1"})
    client.get_httpx_client()
    assert TOKEN not in repr(client.with_timeout(httpx.Timeout(5.0)))


@pytest.mark.parametrize("dump", [pickle.dumps, copy.copy, copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_the_client_refuses_to_be_pickled_or_copied_without_naming_its_token(
    dump: Callable[[object], object],
) -> None:
    with pytest.raises(TypeError, match="holds a token and is not pickled") as caught:
        dump(_client())
    assert TOKEN not in str(caught.value)
