"""How `outcome build` and `outcome freeze` show their progress on standard error: a line that
rich keeps up to date on a terminal, plain lines otherwise (a log, a pipe, a test).

Nothing is shown before the build has run PROGRESS_AFTER seconds: a short build prints what it
always printed. Then what was held back is shown at once, and the rest as it comes. With
--verbose everything is shown from the start, with the time each stage took.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import click
from rich.console import Console
from rich.status import Status

# Seconds of build before progress is shown ("about a second"); OUTCOME_PROGRESS_AFTER sets it
# (the tests set it high, so that what they read does not depend on the machine's speed).
PROGRESS_AFTER = float(os.environ.get("OUTCOME_PROGRESS_AFTER", "1.0"))


class Reporter:
    """Progress (pipeline.progress) drawn on standard error; close() it when the build ends."""

    def __init__(
        self,
        verbose: bool,
        clock: Callable[[], float] = time.monotonic,
        console: Console | None = None,
    ) -> None:
        self.verbose = verbose
        self.clock = clock
        self.started = clock()
        self.console = console or Console(stderr=True, highlight=False)
        self.terminal = self.console.is_terminal
        self.held: list[str] = []  # plain lines not shown yet (the build is still short)
        self.current: tuple[str, float] | None = None
        self.status: Status | None = None

    def stage(self, name: str) -> None:
        self._end_stage()
        now = self.clock()
        self.current = (name, now)
        self._show(name, name, now)

    def step(self, what: str) -> None:
        stage = self.current[0] if self.current else ""
        self._show(f"  {what}", f"{stage}: {what}", self.clock())

    def close(self) -> None:
        """Say how long the last stage took (--verbose), and take the terminal's line away."""
        self._end_stage()
        if self.status is not None:
            self.status.stop()
            self.status = None

    def _end_stage(self) -> None:
        if self.current is not None and self.verbose:
            name, began = self.current
            self._print(f"  {self.clock() - began:.2f} s for {name}")
        self.current = None

    def _show(self, line: str, live: str, now: float) -> None:
        """Show *line* as a plain line, or *live* as the terminal's line, once the build is long."""
        due = self.verbose or now - self.started >= PROGRESS_AFTER
        if self.terminal:
            if self.status is None and due:
                self.status = self.console.status(live)
                self.status.start()
            elif self.status is not None:
                self.status.update(live)
        elif due:
            for held in self.held:
                click.echo(held, err=True)
            self.held.clear()
            click.echo(line, err=True)
        else:
            self.held.append(line)

    def _print(self, line: str) -> None:
        if self.terminal:
            self.console.print(line)
        else:
            click.echo(line, err=True)
