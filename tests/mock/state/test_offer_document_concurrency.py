"""The PUT's check-and-set under the lock the service holds: one winner per ETag, and no update lost."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from cloud_partner_portal_mock.state.offer_documents import DocumentError, OfferDocuments

NOW = datetime(2018, 3, 28, 22, 27, 13, tzinfo=UTC)
PUBLISHER, OFFER = "contoso", "contoso-offer"
IMAGES = "microsoft-azure-virtualmachines.vmImages"
THREADS = 16
WAIT_SECONDS = 60  # for the barrier: generous, on a slow shared machine


def never_published(_offer_id: str) -> str:
    return "neverPublished"


def offer_with_images(images: dict[str, Any]) -> dict[str, Any]:
    return {
        "publisherId": PUBLISHER,
        "offerTypeId": "microsoft-azure-virtualmachines",
        "id": OFFER,
        "definition": {"displayText": "Offer", "offer": {}, "plans": [{"planId": "plan", IMAGES: images}]},
    }


def seeded() -> tuple[OfferDocuments, threading.Lock, str]:
    documents = OfferDocuments()
    etag = documents.put(PUBLISHER, OFFER, offer_with_images({}), None, NOW, never_published).etag
    return documents, threading.Lock(), etag


def test_threads_putting_with_the_same_etag_get_exactly_one_200_and_the_rest_412() -> None:
    documents, lock, etag = seeded()
    start = threading.Barrier(THREADS, timeout=WAIT_SECONDS)

    def put(n: int) -> int:
        start.wait()
        with lock:
            try:
                sent = offer_with_images({f"1.0.{n}": {"osVhdUrl": f"https://x/{n}.vhd"}})
                return documents.put(PUBLISHER, OFFER, sent, etag, NOW, never_published).status_code
            except DocumentError as refused:
                return refused.status

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = Counter(pool.map(put, range(THREADS)))
    assert outcomes == Counter({200: 1, 412: THREADS - 1})
    draft = documents.read(PUBLISHER, OFFER, never_published)
    assert len(draft["definition"]["plans"][0][IMAGES]) == 1


def test_threads_that_reread_after_a_412_lose_no_update_and_each_etag_wins_once() -> None:
    documents, lock, _ = seeded()
    start = threading.Barrier(THREADS, timeout=WAIT_SECONDS)
    winning_etags: list[str] = []
    refusals: list[int] = []

    def add_image(n: int) -> int:
        """Read, add this thread's disk version, write back with the ETag read; again after a 412. Each 412 means
        another thread's write won, so there are at most THREADS attempts."""
        start.wait()
        for attempt in range(1, THREADS + 1):
            with lock:
                current = documents.read(PUBLISHER, OFFER, never_published)
            current["definition"]["plans"][0][IMAGES][f"1.0.{n}"] = {"osVhdUrl": f"https://x/{n}.vhd"}
            with lock:
                try:
                    documents.put(PUBLISHER, OFFER, current, current["eTag"], NOW, never_published)
                except DocumentError as refused:
                    refusals.append(refused.status)
                    continue
                winning_etags.append(current["eTag"])
                return attempt
        raise AssertionError(f"thread {n} lost {THREADS} times")

    with ThreadPoolExecutor(THREADS) as pool:
        attempts = list(pool.map(add_image, range(THREADS)))
    images = documents.read(PUBLISHER, OFFER, never_published)["definition"]["plans"][0][IMAGES]
    assert sorted(images) == sorted(f"1.0.{n}" for n in range(THREADS))
    assert len(winning_etags) == len(set(winning_etags)) == THREADS
    assert all(1 <= a <= THREADS for a in attempts)
    assert set(refusals) <= {412}
    assert len(refusals) == sum(attempts) - THREADS
