"""The quick predicates (`validation/predicates.py`) answer as jsonschema does, shape by shape and on offer bodies.

The equivalence test checks every schema of the description on generated values; the offer body's schema is
large and deep, so values drawn at random rarely get past its first keys. Here the seeded offers are taken apart
instead: one value somewhere inside is replaced by another JSON value, and the predicate must accept exactly when
jsonschema does. Each fused shape (a string, an object, an array, a single type) is also checked on its own.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from cloud_partner_portal_mock.state.offer_documents import OfferDocuments
from cloud_partner_portal_mock.state.offer_seed import seed_documents
from cloud_partner_portal_mock.validation import spec
from cloud_partner_portal_mock.validation.compiled import compiled_operation
from cloud_partner_portal_mock.validation.predicates import compile_predicate
from support.seed import SEEDED_OFFERS

FAST = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _seeded_offers() -> list[dict[str, Any]]:
    documents = OfferDocuments()
    seed_documents(documents, datetime(2018, 3, 28, tzinfo=UTC))
    return [
        documents.read(publisher_id, offer_id, lambda _offer_id: "neverPublished")
        for publisher_id in SEEDED_OFFERS
        for offer_id in documents.offer_ids(publisher_id)
    ]


OFFERS = _seeded_offers()
PUT_BODY = compiled_operation(next(f for f in spec.operations() if f.operation_id == "putOffer")).body


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside `value`, itself included."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_places(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_places(item, (*path, index)))
    return found


@st.composite
def altered_offers(draw: st.DrawFn) -> dict[str, Any]:
    """A seeded offer with one value inside it replaced by an arbitrary JSON value."""
    offer = copy.deepcopy(draw(st.sampled_from(OFFERS)))
    path = draw(st.sampled_from(_places(offer)[1:]))
    container = offer
    for step in path[:-1]:
        container = container[step]
    container[path[-1]] = draw(json_values)
    return offer


def test_the_put_body_has_a_quick_predicate_and_it_accepts_every_seeded_offer() -> None:
    assert PUT_BODY is not None
    assert PUT_BODY.accepts is not None
    assert len(OFFERS) == sum(map(len, SEEDED_OFFERS.values()))
    for offer in OFFERS:
        assert PUT_BODY.accepts(offer), offer["id"]


@FAST
@given(offer=altered_offers())
def test_on_an_altered_offer_the_predicate_answers_as_jsonschema_does(offer: dict[str, Any]) -> None:
    assert PUT_BODY is not None
    assert PUT_BODY.accepts is not None
    assert PUT_BODY.accepts(offer) == PUT_BODY.validator.is_valid(offer)


def test_altered_offers_include_ones_jsonschema_refuses() -> None:
    """The property above is not only ever comparing two yeses."""
    refused = {"id": "x", "definition": {"plans": [{"planId": 5}]}}
    assert PUT_BODY is not None
    assert PUT_BODY.accepts is not None
    assert not PUT_BODY.validator.is_valid(refused)
    assert not PUT_BODY.accepts(refused)


SHAPES = [
    {"type": "integer"},
    {"type": "number"},
    {"type": "boolean"},
    {"type": ["string", "null"]},
    {"type": "array"},
    {"type": "array", "items": {"type": "string"}},
    {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "integer"}}}},
    {"type": "array", "items": True},
    {"items": {"type": "integer"}},
    {"type": "string", "minLength": 1, "maxLength": 3},
    {"type": "string", "enum": ["a", "b"]},
    {"type": "object", "additionalProperties": {"type": "boolean"}},
    {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
    {"anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "null"}}]},
    {"allOf": [{"type": "object"}, {"required": ["x"]}]},
]


@pytest.mark.parametrize("schema", SHAPES, ids=[str(schema) for schema in SHAPES])
@FAST
@given(value=json_values)
def test_each_fused_shape_answers_as_jsonschema_does(schema: dict[str, Any], value: Any) -> None:
    predicate = compile_predicate(schema)
    assert predicate is not None
    assert predicate(value) == Draft202012Validator(schema).is_valid(value), (schema, value)
