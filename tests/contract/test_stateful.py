"""Scenarios that follow the description's links: publish → get operation, list → get / cancel → poll."""

from __future__ import annotations

from hypothesis import settings

from .conftest import MOCK, SCHEMA


class PublishingWorkflow(SCHEMA.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        # A fresh seed per scenario: state that leaks between scenarios makes Hypothesis flaky.
        MOCK.reset()


TestPublishingWorkflow = PublishingWorkflow.TestCase
TestPublishingWorkflow.settings = settings(max_examples=30, stateful_step_count=8, deadline=None, derandomize=True)
