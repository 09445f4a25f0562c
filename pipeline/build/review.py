"""The commands that look at the sources and tell where the review stands, without building:
status (and build/status.html), check, where."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pipeline import checks
from pipeline.build import read_sources, validate
from pipeline.errors import Diagnostics, Problem
from pipeline.merge import merge


@dataclass(frozen=True)
class StatusResult:
    """The status figures, the page written, and what the editor should know about the sources."""

    status: checks.Status
    page: Path
    notices: tuple[Problem, ...]


def status(
    sources: Path, build_dir: Path, templates: Path, today: datetime.date | None = None
) -> StatusResult:
    """Return where the review stands on *today*, and write it to build/status.html; the problems
    that stop a build (an event without its summary…) are among its findings."""
    assessment, diagnostics = _assess(sources)
    figures = checks.status_of(assessment, today or datetime.date.today(), _errors(diagnostics))
    page = checks.write_status_page(figures, templates, build_dir)
    return StatusResult(figures, page, tuple(sorted(diagnostics.notices)))


@dataclass(frozen=True)
class Checked:
    """The findings of `outcome check`, and the notes of reading the sources."""

    findings: tuple[checks.Finding, ...]
    notices: tuple[Problem, ...]

    @property
    def failed(self) -> bool:
        return any(finding.level is checks.Level.ERROR for finding in self.findings)

    def describe(self) -> str:
        return checks.tally(self.findings)


def check(sources: Path, final: bool = False) -> Checked:
    """Return every finding about the sources, the problems that stop a build among them (as
    errors); with *final*, as the final version needs them."""
    assessment, diagnostics = _assess(sources)
    found = checks.findings(assessment, final, _errors(diagnostics))
    return Checked(found, tuple(sorted(diagnostics.notices)))


def _assess(sources: Path) -> tuple[checks.Assessment, Diagnostics]:
    """Return the assessment of every summary that could be read, and the problems of the others."""
    corpus, diagnostics = read_sources(sources)
    return checks.assess(corpus, merge(corpus)), diagnostics


def _errors(diagnostics: Diagnostics) -> tuple[checks.Finding, ...]:
    """Return the problems of the sources as findings (errors): they stop a build."""
    return tuple(checks.Finding(checks.Level.ERROR, p.location, "", p.message) for p in diagnostics.problems)


def where(sources: Path, number: int, annex: bool = False) -> checks.ParagraphSource | checks.ChapterSource:
    """Return where paragraph *number* of the main body (or the annex) comes from."""
    corpus = validate(sources).corpus
    return checks.where(corpus, merge(corpus), number, annex)
