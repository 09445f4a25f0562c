"""The exceptions the pipeline raises for problems a user can fix, and where they are."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column count from 1 (0 when unknown)."""

    path: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        text = display_path(self.path)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


def display_path(path: Path) -> str:
    """Return *path* relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.fspath(path)


_NOWHERE = Location(Path())


class PipelineError(Exception):
    """Base class of every error a user of the pipeline can act on."""


@dataclass(frozen=True)
class Problem:
    """One problem (or notice) in the sources: located in a file, or about them as a whole (None).

    Problems sort by place; those about the sources as a whole come last.
    """

    location: Location | None
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def note(self) -> str:
        """Return the problem as a notice: "file:line:column: note: message"."""
        return f"{self.location}: note: {self.message}" if self.location else f"note: {self.message}"

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def _key(self) -> tuple[bool, Location, str]:
        return (self.location is None, self.location or _NOWHERE, self.message)


@dataclass
class Diagnostics:
    """The problems (errors) and notices (reported, not fatal) found while reading sources."""

    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    def problem(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def notice(self, location: Location, message: str) -> None:
        self.notices.append(Problem(location, message))


class SourceError(PipelineError):
    """One or more problems in the sources, reported together, sorted by place."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(set(problems)))
        files = {problem.location.path for problem in self.problems if problem.location}
        count = len(self.problems)
        summary = (
            f"{count} problem{'s' if count != 1 else ''} in {len(files)} file{'s' if len(files) != 1 else ''}"
        )
        super().__init__("\n".join([*map(str, self.problems), summary]))


class TemplateError(PipelineError):
    """A Word or PDF template is missing, malformed or uses unknown variables."""


class RenderError(PipelineError):
    """An output document could not be produced."""
