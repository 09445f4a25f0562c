"""What a long build tells whoever runs it, as it goes: the stage it is in, and the event or the
output it is working on.

The library prints nothing: a caller that wants to show progress passes an object with these two
methods (the `outcome` command passes one that draws on standard error, pipeline.cliprogress);
the default, SILENT, does nothing, so that tests and other callers see no output.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Told when a stage of the build begins, and when work on one event or output begins."""

    def stage(self, name: str) -> None:
        """A stage begins (and the one before it, if any, has ended)."""

    def step(self, what: str) -> None:
        """Within the current stage, work on *what* (an event's id, an output's name) begins."""


class Silent:
    """Progress that shows nothing."""

    def stage(self, name: str) -> None:
        pass

    def step(self, what: str) -> None:
        pass


SILENT: Progress = Silent()
