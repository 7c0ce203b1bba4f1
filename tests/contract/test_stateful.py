"""Scenarios that follow the description's links: publish → get operation, list → get / cancel → poll; against
the mock in the seed form, and under the documented rules with the public description."""

from __future__ import annotations

from hypothesis import settings

from .mocks import DOCUMENTED_MOCK, DOCUMENTED_SCHEMA, MOCKS, SCHEMAS

SCENARIOS = settings(max_examples=30, stateful_step_count=8, deadline=None, derandomize=True)


class PublishingWorkflow(SCHEMAS["seed"].as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        # A fresh seed per scenario: state that leaks between scenarios makes Hypothesis flaky.
        MOCKS["seed"].reset()


class DocumentedPublishingWorkflow(DOCUMENTED_SCHEMA.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        DOCUMENTED_MOCK.reset()


TestPublishingWorkflow = PublishingWorkflow.TestCase
TestPublishingWorkflow.settings = SCENARIOS
TestDocumentedPublishingWorkflow = DocumentedPublishingWorkflow.TestCase
TestDocumentedPublishingWorkflow.settings = SCENARIOS
