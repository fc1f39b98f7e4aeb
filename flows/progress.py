"""Progress of a run for whoever started it: bars per stage on a terminal, plain lines otherwise.

The flows report stages here; `marsad run` installs a reporter. Nothing is installed under
a worker or `marsad serve`, where the Prefect logs and artifacts are the progress.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Reporter:
    """Does nothing: the default."""

    def start(self, stage: str, total: int | None = None) -> None: ...

    def advance(self, stage: str, steps: int = 1) -> None: ...

    def finish(self, stage: str, note: str = "") -> None: ...

    def close(self) -> None: ...


class LineReporter(Reporter):
    """One plain line per finished stage (logs, CI, pipes)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.started: dict[str, float] = {}

    def start(self, stage, total=None):
        self.started[stage] = time.perf_counter()

    def finish(self, stage, note=""):
        seconds = time.perf_counter() - self.started.get(stage, time.perf_counter())
        print(
            f"marsad: {stage} done in {seconds:.2f} s{': ' + note if note else ''}",
            file=self.stream,
            flush=True,
        )


class BarReporter(Reporter):
    """A rich progress bar per stage (a terminal)."""

    def __init__(self, console=None):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[note]}"),
            console=console,
            transient=False,
        )
        self.tasks: dict[str, int] = {}
        self.progress.start()

    def start(self, stage, total=None):
        self.tasks[stage] = self.progress.add_task(stage, total=total or 1, note="")

    def advance(self, stage, steps=1):
        if stage in self.tasks:
            self.progress.advance(self.tasks[stage], steps)

    def finish(self, stage, note=""):
        if stage in self.tasks:
            total = next(t.total for t in self.progress.tasks if t.id == self.tasks[stage])
            self.progress.update(self.tasks[stage], completed=total, note=note)

    def close(self):
        self.progress.stop()


_current: Reporter = Reporter()


def current() -> Reporter:
    return _current


@contextmanager
def reporting(reporter: Reporter):
    """Install `reporter` for the flows run inside the block."""
    global _current
    previous, _current = _current, reporter
    try:
        yield reporter
    finally:
        reporter.close()
        _current = previous
