"""Requests to a served mock, as the mock's tests write them: the api-version, a publisher's `Authorization`
header, the URL of an action on an offer."""

from __future__ import annotations

from support.seed import PUBLISHER, TOKENS

API_VERSION = "2017-10-31"
QUERY = {"api-version": API_VERSION}


def auth(publisher: str = PUBLISHER) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[publisher]}"}


def offer_url(base: str, offer: str, action: str, publisher: str = PUBLISHER) -> str:
    return f"{base}/api/publishers/{publisher}/offers/{offer}/{action}"
