"""A finding of `outcome check`: an error or a warning, where it is, and what it is about."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Location, PipelineError

_NOWHERE = Location(Path())


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One finding: its level, where it is (None: the sources as a whole), what it is about (a
    message, an event, an objective, a document) and what is wrong."""

    level: Level
    location: Location | None
    subject: str
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        about = f"{self.subject}: " if self.subject else ""
        return f"{where}{self.level.value}: {about}{self.message}"

    def __lt__(self, other: Finding) -> bool:
        return self._key() < other._key()

    def _key(self) -> tuple[bool, bool, Location, str, str]:
        """Errors first, then warnings; each by place; those about the sources as a whole last, in
        the order they were found (objective 9 before objective 20)."""
        if self.location is None:
            return (self.level is Level.WARNING, True, _NOWHERE, "", "")
        return (self.level is Level.WARNING, False, self.location, self.subject, self.message)


def tally(findings: tuple[Finding, ...]) -> str:
    """Return "2 errors, 5 warnings"."""
    errors = sum(finding.level is Level.ERROR for finding in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


class CheckFailed(PipelineError):
    """The final check found errors: nothing was built."""

    def __init__(self, findings: tuple[Finding, ...]):
        self.findings = findings
        errors = tuple(finding for finding in findings if finding.level is Level.ERROR)
        super().__init__(
            "\n".join([*map(str, errors), f"{tally(findings)}: not built (the final check failed)"])
        )
