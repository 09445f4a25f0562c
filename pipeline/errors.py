"""The exceptions the pipeline raises for problems a user can fix, and where they are."""

from __future__ import annotations

import errno
import functools
import os
import stat
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
    """Return *path* relative to the working directory when it lies below it; never raise (a
    symbolic link loop cannot be resolved, and is itself what the message is about)."""
    try:
        return _displayed(Path(path), os.getcwd())
    except OSError:  # the working directory is gone
        return os.fspath(path)


@functools.lru_cache(maxsize=65536)  # every message of a large review names its file: resolve it once
def _displayed(path: Path, working: str) -> str:
    try:
        # The folder is resolved, not the file: a file that is a symbolic link keeps its own name.
        return str((path.parent.resolve() / path.name).relative_to(Path(working).resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return os.fspath(path)


EXCERPT = 60  # characters of the file quoted in a message


def excerpt(written: str, size: int = EXCERPT) -> str:
    """Return *written* as a message quotes it: at most *size* characters, "…" where it is cut (a
    file that is not a source, such as /etc/passwd read as YAML, is never printed whole)."""
    return written if len(written) <= size else written[: size - 1] + "…"


_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(path: Path) -> str | None:
    """Return why *path* cannot be read as a source file, or None if it is a regular file or
    does not exist. Looked at with stat, never by opening: a named pipe or /dev/zero would block
    or never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that points to itself (a loop); replace it with the file"
        if error.errno == errno.ENOENT:
            return "a symbolic link to a file that does not exist" if os.path.islink(path) else None
        return f"cannot read the file: {error.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "something else")
    return f"not a regular file but {kind} (expected the file itself)"


_NOWHERE = Location(Path())


class Terminated(KeyboardInterrupt):
    """SIGTERM, stopping a command (or a process drawing a language) as Ctrl-C does (exit
    status 143 instead of 130), so that what it was writing is cleaned up."""


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
