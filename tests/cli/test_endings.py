"""The last line of a wait says what happened in a person's words; `--json` keeps the raw fields."""

from __future__ import annotations

import pytest

from cloud_partner_portal.cli.render import ending


@pytest.mark.parametrize(
    ("label", "status", "starts"),
    [
        ("cancel", "completed", "cancelled: operation op-1, the cancel operation, completed, so the"),
        ("publish", "completed", "published: operation op-1 completed; the offer is in preview"),
        ("go live", "completed", "live: operation op-1 completed; the offer is in production"),
        ("publish", "failed", "publish failed: operation op-1 ended failed"),
        ("go live", "canceled", "go live was cancelled: operation op-1 reads canceled"),
        ("wait", "completed", "wait: operation op-1 ended completed"),
    ],
)
def test_each_end_of_a_wait_reads_as_a_sentence(label: str, status: str, starts: str) -> None:
    assert ending(label, status, "op-1").startswith(starts)


def test_an_operation_without_an_id_is_named_the_operation() -> None:
    assert ending("publish", "completed", None).startswith("published: the operation completed")
