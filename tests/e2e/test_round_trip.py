"""A GET → PUT of every seeded offer through the client helper (`read_offer`, `write_offer` with the ETag read)
leaves its definition byte for byte as it was, keys the description does not name included."""

from __future__ import annotations

import json

import httpx
import pytest
from cloud_partner_portal_client import AuthenticatedClient

from cloud_partner_portal.offers import read_offer, write_offer
from cloud_partner_portal_mock.testing import MockServer
from support.seed import CONTOSO_TOKEN, SEEDED_OFFERS, TOKENS

SEEDED = [(p, TOKENS[p], offer) for p, offers in SEEDED_OFFERS.items() for offer in offers]
UNNAMED_KEYS = ("microsoft-azure-marketplace.futureKey", "microsoft-azure-virtualmachines.futurePlanKey")


def definition_bytes(server: MockServer, publisher: str, token: str, offer: str) -> bytes:
    """The `definition` member of the stored draft, as the mock's answer writes it."""
    answer = httpx.get(
        f"{server.url}/api/publishers/{publisher}/offers/{offer}",
        params={"api-version": "2017-10-31"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    text = answer.text
    start = text.index('"definition":') + len('"definition":')
    _, end = json.JSONDecoder().raw_decode(text, start)
    return text[start:end].encode()


@pytest.mark.parametrize(("publisher", "token", "offer"), SEEDED, ids=[offer for _, _, offer in SEEDED])
def test_a_read_written_back_with_its_etag_leaves_the_definition_byte_for_byte(
    cpp_mock_server: MockServer, publisher: str, token: str, offer: str
) -> None:
    client = AuthenticatedClient(base_url=cpp_mock_server.url, token=token)
    before = definition_bytes(cpp_mock_server, publisher, token, offer)
    read = read_offer(client, publisher, offer)

    stored = write_offer(client, publisher, offer, read.data, if_match=read.etag)

    assert stored.status_code == 200
    assert stored.etag != read.etag
    assert stored.data["definition"] == read.data["definition"]
    assert definition_bytes(cpp_mock_server, publisher, token, offer) == before


def test_the_keys_no_page_names_are_among_those_kept(cpp_mock_server: MockServer) -> None:
    client = AuthenticatedClient(base_url=cpp_mock_server.url, token=CONTOSO_TOKEN)
    read = read_offer(client, "contoso", "contoso-virtualmachineoffer")

    stored = write_offer(client, "contoso", "contoso-virtualmachineoffer", read.data, if_match=read.etag)

    definition = stored.data["definition"]
    assert definition["offer"][UNNAMED_KEYS[0]] == {"note": "a key a later schema adds", "values": [1.5, None]}
    assert definition["plans"][0][UNNAMED_KEYS[1]] == {"enabled": True, "tiers": [1, 2]}
