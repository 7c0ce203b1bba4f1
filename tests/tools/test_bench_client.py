"""`make bench`'s client figure times two calls that do the same job: both get the documented 202's location."""

from __future__ import annotations

from tools.bench import client


def test_the_generated_and_the_raw_cancel_read_the_same_operation_location() -> None:
    generated, by_hand = client.calls()

    assert generated() == by_hand() == client.LOCATION
