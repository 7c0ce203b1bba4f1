"""`make bench`'s PUT-with-ETag load (`tools.bench.load.write_back_script`) does what its row says: each
connection reads its own offer and writes it back under the ETag it read, so a server that checks ETags stores
every write. Run with wrk against the served mock for a second; wrk is skipped where it is missing unless
`CPP_REQUIRE_WRK=1` (as CI sets it, installing wrk), which turns the skip into a failure."""

from __future__ import annotations

import json
import os
import shutil

import httpx
import pytest

from support.served_mock import served_mock
from tools.bench import http, load

CONNECTIONS = 3


@pytest.fixture(scope="module")
def wrk() -> None:
    if shutil.which(load.WRK) is None:
        if os.environ.get("CPP_REQUIRE_WRK") == "1":
            pytest.fail("wrk is not installed, and CPP_REQUIRE_WRK=1 requires this test to run")
        pytest.skip("wrk is not installed")


def test_the_create_body_is_the_seeded_draft_offer_under_the_mark(wrk: None) -> None:
    body = json.loads(http.create_body())
    assert body["id"] == load.OFFER_ID_MARK
    assert body["publisherId"] == "contoso"
    assert body["definition"]["plans"]
    assert not {"status", "version", "changedTime", "eTag"} & set(body)


def test_each_connection_reads_and_writes_back_its_own_offer_and_every_write_is_stored(wrk: None) -> None:
    (read,) = next(s for s in http.SCENARIOS if s.write_back).requests
    lua = load.write_back_script(read.path, read.headers, http.create_body(), "test-write-back")
    with served_mock() as mock:
        result = load.run(mock.url, lua, seconds=1, connections=CONNECTIONS, threads=CONNECTIONS)
        listed = httpx.get(f"{mock.url}/api/publishers/contoso/offers?api-version=2017-10-31", headers=http.AUTH)
    offers = listed.json()

    statuses = dict(result.statuses)
    assert set(statuses) <= {200, 201, 404}, statuses  # no 412: nobody else wrote an offer between read and write
    assert statuses.get(404, 0) <= 1  # wrk's check of the script reads the first thread's offer before it exists
    assert 1 <= statuses.get(201, 0) <= CONNECTIONS
    assert result.puts is not None
    reads = result.requests - result.puts
    assert result.puts > 20
    # A read, then its write, in turn. Apart from that: each connection's creating PUT, the request in flight when
    # wrk stops (counted as sent, not as answered), and the one wrk's check of the script takes and drops.
    assert abs(reads - result.puts) <= 2 * CONNECTIONS + 1
    assert {f"bench-{n}" for n in range(1, CONNECTIONS + 1)} <= {offer["id"] for offer in offers}


def test_a_mark_missing_from_the_path_or_body_is_refused() -> None:
    with pytest.raises(ValueError, match=load.OFFER_ID_MARK):
        load.write_back_script("/api/publishers/contoso/offers/x", {}, http.create_body(), "unused")
    with pytest.raises(ValueError, match=load.OFFER_ID_MARK):
        load.write_back_script(http.OWN_OFFER, {}, "{}", "unused")
