"""The mock's one validation engine says exactly what openapi-core and jsonschema say: speed without weaker checks.

`validation/compiled.py` runs jsonschema's Draft 2020-12 validators built once (instead of openapi-core building
them per request), and `predicates.py` answers "valid" without jsonschema for the common case. Here both are held
to their reference on generated requests and values, positive and negative: same accept or reject, same documented
status and error code, same values handed to the handlers. openapi-core, the oracle, runs only here
(`support.openapi_core_oracle`).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloud_partner_portal_mock.state.errors import ApiError
from cloud_partner_portal_mock.validation import request_checks, spec
from cloud_partner_portal_mock.validation.compiled import compiled_operation
from support import openapi_core_oracle

FAST = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$"
EMAILS_PATTERN = spec.spec()["components"]["schemas"]["NotificationEmails"]["pattern"]
STATUSES = ["notStarted", "running", "completed", "failed", "canceled"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
segments = (
    st.from_regex(PATTERN, fullmatch=True).filter(lambda s: 0 < len(s) <= 70)
    | st.text(alphabet="ab-._ \t\n%\x00é", min_size=1, max_size=12)
    | st.sampled_from(["contoso", "contoso-virtualmachineoffer", "-x", ".", "..", "a" * 50, "a" * 51, "x\n"])
).filter(lambda s: "/" not in s)
emails = (
    st.from_regex(EMAILS_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 1100)
    | st.text(alphabet="ab@.,- \n", max_size=30)
    | st.sampled_from(["jondoe@contoso.com", "a@b.c, d@e.f", "bob@", "", "a@b.c,", "x" * 1025])
)
bodies = st.one_of(
    st.none(),
    st.builds(lambda e: {"metadata": {"notification-emails": e}}, emails),
    st.builds(lambda e, v: {"metadata": {"notification-emails": e}, "extra": v}, emails, json_values),
    st.builds(lambda v: {"metadata": v}, json_values),
    json_values,
)
queries = st.tuples(
    st.none() | st.sampled_from(["2017-10-31", "", "2016-01-01", "2017-10-31\n", " 2017-10-31", "2017-10-31 "]),
    st.none() | st.sampled_from([*STATUSES, "", "Running", "bogus", "running\n"]),
    st.booleans(),
)


def _outcome(
    facts: spec.OperationFacts,
    values: dict[str, str],
    query: list[tuple[str, str]],
    body: Any,
    schema_checks: request_checks.SchemaChecks = request_checks.compiled_checks,
) -> tuple[Any, ...]:
    try:
        checked = request_checks.validate(
            facts,
            path_params=values,
            query=query,
            body_value=body,
            has_body=body is not None,
            schema_checks=schema_checks,
        )
    except ApiError as error:
        return ("error", error.status, error.code)
    return ("ok", dict(checked.path), dict(checked.query), checked.emails)


def _params(facts: spec.OperationFacts, draw: Any) -> dict[str, str]:
    names = [name[1:-1] for name in facts.path.split("/") if name.startswith("{")]
    return {name: draw(segments) for name in names}


@pytest.mark.parametrize("facts", spec.operations(), ids=lambda facts: facts.operation_id)
@FAST
@given(data=st.data(), query_parts=queries, body=bodies)
def test_compiled_checks_answer_as_openapi_core_does(
    facts: spec.OperationFacts, data: st.DataObject, query_parts: tuple[Any, ...], body: Any
) -> None:
    values = _params(facts, data.draw)
    api_version, status, extra = query_parts
    pairs = [("api-version", api_version)] if api_version is not None else []
    if status is not None and "status" in facts.query_parameters:
        pairs.append(("status", status))
    if extra:
        pairs.append(("verbose", "1"))
    body = body if facts.has_body else None

    fast = _outcome(facts, values, pairs, body)
    reference = _outcome(facts, values, pairs, body, openapi_core_oracle.schema_checks)

    if reference[0] == "error" and reference[2] == "InvalidRequest":
        # openapi-core's catch-all: it could not match the path to its template (e.g. an offerId of "."), where
        # the compiled checks name the parameter. Same status, a more precise code.
        assert fast[:2] == reference[:2], (values, pairs, body)
    else:
        assert fast == reference, (values, pairs, body)


def _checks() -> list[tuple[str, Any]]:
    """Each distinct compiled schema once (operations share parameters), named after where it is first used."""
    found: dict[str, tuple[str, Any]] = {}
    for facts in spec.operations():
        compiled = compiled_operation(facts)
        named = [(f"{facts.operation_id}.{p.location}.{p.name}", p.check) for p in compiled.parameters]
        if compiled.body is not None:
            named.append((f"{facts.operation_id}.body", compiled.body))
        for where, check in named:
            found.setdefault(json.dumps(check.validator.schema, sort_keys=True), (where, check))
    return list(found.values())


CHECKS = _checks()


def test_every_schema_of_the_spec_gets_a_quick_predicate() -> None:
    assert all(check.accepts is not None for _, check in CHECKS)


@pytest.mark.parametrize(("where", "check"), CHECKS, ids=[where for where, _ in CHECKS])
@FAST
@given(value=st.one_of(json_values, segments, emails, bodies, st.sampled_from([*STATUSES, "2017-10-31"])))
def test_a_predicate_accepts_exactly_what_jsonschema_accepts(where: str, check: Any, value: Any) -> None:
    assert check.accepts(value) == check.validator.is_valid(value), (where, value)
    assert (not check.errors(value)) == check.validator.is_valid(value)
