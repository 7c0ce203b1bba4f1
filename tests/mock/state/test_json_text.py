"""`state.json_text`: the answers' JSON bytes are Starlette's, and a lone surrogate comes back as its escape."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.responses import JSONResponse

from cloud_partner_portal_mock.state import json_text

encodable_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | encodable_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(encodable_text, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(value=json_values)
def test_the_bytes_are_those_starlette_renders(value: Any) -> None:
    assert json_text.encode(value) == JSONResponse(value).body


def test_a_lone_surrogate_is_written_as_its_escape_and_reads_back_the_same() -> None:
    value = {"displayText": "Contoso \ud800", "\udc00": ["é", "\udfff"]}
    encoded = json_text.encode(value)
    assert encoded.isascii()
    assert b'"Contoso \\ud800"' in encoded
    assert json.loads(encoded) == value


def test_a_value_without_a_surrogate_keeps_its_characters_as_utf8() -> None:
    assert json_text.encode({"title": "Café ☕"}) == '{"title":"Café ☕"}'.encode()
