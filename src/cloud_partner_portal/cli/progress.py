"""`--wait`'s display on stderr: a live bar on a terminal, one line per change elsewhere, nothing with `--json`."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn

from ..lro import ProgressEvent
from .terminal import inert

__all__ = ["ProgressView"]


def _describe(event: ProgressEvent) -> str:
    """The event in one line, inert (its status and step name are the server's)."""
    if event.step is None:
        return inert(str(event.status))
    return inert(f"{event.status}: {event.step} ({event.percentage if event.percentage is not None else '?'}%)")


class ProgressView:
    """Shows each `ProgressEvent` of a wait: `update` is the poller's `progress` callback."""

    def __init__(self, console: Console, *, enabled: bool) -> None:
        self._console = console
        self._enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressView:
        if self._enabled and self._console.is_terminal:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=self._console,
            )
            self._task = self._progress.add_task("waiting for the first answer", total=100)
            self._progress.start()
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def update(self, event: ProgressEvent) -> None:
        if not self._enabled:
            return
        if self._progress is not None and self._task is not None:
            # The bar's description is Rich markup: a step name such as `[/x]` would not parse.
            self._progress.update(self._task, description=escape(_describe(event)), completed=event.percentage or 0)
        else:
            self._console.print(_describe(event), soft_wrap=True, markup=False)
