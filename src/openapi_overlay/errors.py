"""Exceptions raised while loading, validating or applying overlays."""

from __future__ import annotations

__all__ = [
    "DocumentLoadError",
    "DocumentWriteError",
    "OverlayError",
    "OverlayValidationError",
    "action_label",
]


def action_label(
    *,
    source: str | None = None,
    action: int | None = None,
    target: str | None = None,
) -> str:
    """Return the prefix that names an overlay action in messages.

    ``action`` is 1-based. Examples: ``overlay``, ``overlay a.yaml``,
    ``overlay action 3 (target `$.servers[5]`)``,
    ``overlay a.yaml action 3 (target `$.servers[5]`)``.
    """
    label = "overlay"
    if source:
        label += f" {source}"
    if action is not None:
        label += f" action {action}"
        if target is not None:
            label += f" (target `{target}`)"
    return label


class OverlayError(Exception):
    """An overlay could not be loaded, validated or applied.

    The message names the overlay file (when known), the 1-based action number and its
    target, then the problem, for example
    ``overlay action 3 (target `$.servers[5]`): selects nothing``.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str | None = None,
        action: int | None = None,
        target: str | None = None,
    ) -> None:
        self.problem = problem
        self.source = source
        self.action = action
        self.target = target
        super().__init__(self._compose())

    def _compose(self) -> str:
        label = action_label(source=self.source, action=self.action, target=self.target)
        return f"{label}: {self.problem}"


class OverlayValidationError(OverlayError):
    """The overlay document is not a valid Overlay 1.0/1.1 document.

    ``errors`` holds one line per problem, each naming where it is (for example
    ``overlay actions[2] (action 3): 'target' is a required property``); the exception
    message is those lines joined by newlines.
    """

    def __init__(self, errors: list[str], *, source: str | None = None) -> None:
        self.errors = list(errors)
        self.source = source
        self.problem = "\n".join(self.errors)
        self.action = None
        self.target = None
        Exception.__init__(self, self.problem)

    def _compose(self) -> str:
        return self.problem


class _DocumentError(OverlayError):
    """A problem with a whole file: the message is the file's name, then the problem."""

    def __init__(self, problem: str, *, path: str) -> None:
        self.path = path
        self.problem = problem
        self.source = None
        self.action = None
        self.target = None
        Exception.__init__(self, f"{path}: {problem}")

    def _compose(self) -> str:
        return f"{self.path}: {self.problem}"


class DocumentLoadError(_DocumentError):
    """A spec or overlay file could not be read or parsed, or goes past a bound of ``limits``."""


class DocumentWriteError(_DocumentError):
    """The result cannot be written in the format asked for (e.g. a NaN as JSON)."""
