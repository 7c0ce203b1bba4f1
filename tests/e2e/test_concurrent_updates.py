"""Writers racing on one offer over HTTP, each with the ETag it read: one wins per ETag, the others get 412, and
the draft ends with exactly the winners' changes (no update lost, none applied over another)."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from cloud_partner_portal_mock import MockConfig
from cloud_partner_portal_mock.testing import MockServer
from support.seed import CONTOSO_TOKEN, PUBLISHER

OFFER = "contoso-draftoffer"
PLAN_IMAGES = "microsoft-azure-virtualmachines.vmImages"
WRITERS = 8
ROUNDS = 5
WAIT = 30.0
"""Seconds a writer waits at the barrier or for an answer: generous, for a slow shared machine."""


def _image_versions(document: dict[str, Any]) -> set[str]:
    return set(document["definition"]["plans"][0][PLAN_IMAGES])


def race(server: MockServer) -> tuple[list[tuple[str, str, int]], set[str], set[str]]:
    """ROUNDS rounds of WRITERS writers: what each PUT sent and got (ETag, its disk version, status), the disk
    versions before, and after."""
    url = f"{server.url}/api/publishers/{PUBLISHER}/offers/{OFFER}"
    params = {"api-version": "2017-10-31"}
    headers = {"Authorization": f"Bearer {CONTOSO_TOKEN}"}
    seeded = _image_versions(httpx.get(url, params=params, headers=headers, timeout=WAIT).json())
    read_all = threading.Barrier(WRITERS, timeout=WAIT)
    write_all = threading.Barrier(WRITERS, timeout=WAIT)

    def writer(number: int) -> list[tuple[str, str, int]]:
        """Each round: read, wait for every writer to have read, write its own disk version under the ETag read."""
        sent: list[tuple[str, str, int]] = []
        with httpx.Client(headers=headers, params=params, timeout=WAIT) as client:
            for round_number in range(ROUNDS):
                read = client.get(url)
                etag = read.headers["ETag"]
                document = read.json()
                version = f"9.{round_number}.{number}"
                document["definition"]["plans"][0][PLAN_IMAGES][version] = {
                    "osVhdUrl": f"https://contosostorage.blob.core.windows.net/vhds/{version}.vhd",
                    "lunVhdDetails": [],
                }
                read_all.wait()
                answer = client.put(url, json=document, headers={"If-Match": etag})
                sent.append((etag, version, answer.status_code))
                write_all.wait()
        return sent

    with ThreadPoolExecutor(WRITERS) as pool:
        results = [entry for sent in pool.map(writer, range(WRITERS)) for entry in sent]
    final = httpx.get(url, params=params, headers=headers, timeout=WAIT).json()
    return results, seeded, _image_versions(final)


def test_writers_with_the_same_etag_get_one_200_and_412s_and_no_update_is_lost(cpp_mock_server: MockServer) -> None:
    results, seeded, final = race(cpp_mock_server)

    by_etag = Counter(etag for etag, _, _ in results)
    wins = Counter(etag for etag, _, status in results if status == 200)
    assert {status for _, _, status in results} <= {200, 412}
    assert len(by_etag) == ROUNDS  # every writer of a round read the same ETag
    assert all(count == WRITERS for count in by_etag.values())
    assert wins == Counter(dict.fromkeys(by_etag, 1))  # exactly one 200 per ETag
    winners = {version for _, version, status in results if status == 200}
    assert final == seeded | winners


@pytest.mark.parametrize("cpp_mock_config", [MockConfig(faults=frozenset({"ignore-etag"}))], ids=["ignore-etag"])
def test_a_mock_that_ignores_if_match_loses_updates_in_the_same_race(cpp_mock_server: MockServer) -> None:
    results, _, final = race(cpp_mock_server)

    accepted = {version for _, version, status in results if status == 200}
    assert len(accepted) == WRITERS * ROUNDS
    assert not accepted <= final  # every writer was told 200, and most of their changes are gone
