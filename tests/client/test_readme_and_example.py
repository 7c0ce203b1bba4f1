"""The README's Python example and `examples/typed_usage.py` run as written against the documented answers."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from typing import Any

import cloud_partner_portal_client
import pytest
from cloud_partner_portal_client import AuthenticatedClient

from support.documented import (
    ACCEPTED_RELATIVE_2020,
    CANCELLED_AT_ONCE,
    DOCUMENTED_JSON_ERROR,
    DocumentedAnswer,
    DocumentedService,
    operation,
)

ROOT = Path(__file__).resolve().parents[2]


def readme_python_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### 1. The client in Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's Python section has no python block"
    return match.group(1)


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Point every `AuthenticatedClient` the code under test makes at a `DocumentedService` giving `start`."""

    def install(start: DocumentedAnswer, *operations: DocumentedAnswer) -> DocumentedService:
        service = DocumentedService(start, operations)

        def client(*, base_url: str, token: str, **_: Any) -> AuthenticatedClient:
            return AuthenticatedClient(base_url=base_url, token=token, httpx_args={"transport": service.transport()})

        monkeypatch.setattr(cloud_partner_portal_client, "AuthenticatedClient", client)
        return service

    return install


@pytest.mark.parametrize(
    ("start", "printed"),
    [(ACCEPTED_RELATIVE_2020.answer, "completed\n"), (CANCELLED_AT_ONCE, "canceled\n")],
    ids=["202", "200"],
)
def test_the_readme_python_example_prints_the_outcome(
    serve: Any, capsys: pytest.CaptureFixture[str], start: DocumentedAnswer, printed: str
) -> None:
    serve(start, operation("completed"))

    exec(readme_python_example(), {})  # noqa: S102 - the README's own code, run as a reader would

    assert capsys.readouterr().out == printed


def test_the_readme_python_example_ends_with_the_error_line(serve: Any) -> None:
    serve(DOCUMENTED_JSON_ERROR.answer)

    with pytest.raises(SystemExit, match=r"^cancelOperation answered HTTP 400 InvalidAPIVersion: Invalid api"):
        exec(readme_python_example(), {})  # noqa: S102


@pytest.mark.parametrize(
    ("start", "printed"),
    [
        (
            ACCEPTED_RELATIVE_2020.answer,
            "http://127.0.0.1:8080/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/"
            "56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31: completed\n",
        ),
        (CANCELLED_AT_ONCE, "cancelled at once: canceled\n"),
    ],
    ids=["202", "200"],
)
def test_the_typed_usage_example_prints_the_outcome(
    serve: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    start: DocumentedAnswer,
    printed: str,
) -> None:
    monkeypatch.delenv("CPP_BASE_URL", raising=False)
    serve(start, operation("completed"))

    runpy.run_path(str(ROOT / "examples" / "typed_usage.py"), run_name="__main__")

    assert capsys.readouterr().out == printed
