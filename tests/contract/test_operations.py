"""Every operation of the description, property-based, against the mock in-process, with every check."""

from __future__ import annotations

import schemathesis

from .conftest import MOCK, SCHEMA


@SCHEMA.parametrize()
def test_operation_honours_the_description(case: schemathesis.Case) -> None:
    MOCK.reset()
    case.call_and_validate()
