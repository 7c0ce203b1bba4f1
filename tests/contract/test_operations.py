"""Every operation of the description, property-based, against the mock in-process, with every check.

In full for the seed form (the default) and for the documented rules with the public description; in the other
forms, the calls whose answers the form changes (publish, go live, cancel) and the legacy status URL that some
forms name, with fewer examples: the rest of the mock does not depend on the form.
"""

from __future__ import annotations

import schemathesis
from hypothesis import settings

from .mocks import DOCUMENTED_MOCK, DOCUMENTED_SCHEMA, MOCKS, SCHEMAS

FORM_DEPENDENT = ["publishOffer", "goLiveOffer", "cancelOperation", "getLegacyOperation"]
FORM_EXAMPLES = 10


@SCHEMAS["seed"].parametrize()
def test_the_seed_form_honours_the_mocks_description(case: schemathesis.Case) -> None:
    MOCKS["seed"].reset()
    case.call_and_validate()


@DOCUMENTED_SCHEMA.parametrize()
def test_the_documented_rules_honour_the_public_description(case: schemathesis.Case) -> None:
    DOCUMENTED_MOCK.reset()
    case.call_and_validate()


@SCHEMAS["2018"].include(operation_id=FORM_DEPENDENT).parametrize()
@settings(max_examples=FORM_EXAMPLES)
def test_the_2018_form_honours_the_mocks_description(case: schemathesis.Case) -> None:
    MOCKS["2018"].reset()
    case.call_and_validate()


@SCHEMAS["2020-migrated"].include(operation_id=FORM_DEPENDENT).parametrize()
@settings(max_examples=FORM_EXAMPLES)
def test_the_2020_migrated_form_honours_the_mocks_description(case: schemathesis.Case) -> None:
    MOCKS["2020-migrated"].reset()
    case.call_and_validate()


@SCHEMAS["2020-legacy"].include(operation_id=FORM_DEPENDENT).parametrize()
@settings(max_examples=FORM_EXAMPLES)
def test_the_2020_legacy_form_honours_the_mocks_description(case: schemathesis.Case) -> None:
    MOCKS["2020-legacy"].reset()
    case.call_and_validate()
