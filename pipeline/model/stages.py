"""The values that pass between the stages: what collect read (Sources) and what normalize
made of it (Corpus)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.gcm import Reference
from pipeline.model.review import Event, FrontMatter, Report, Review, Summary
from pipeline.yamlio import YValue


@dataclass(frozen=True)
class SummaryFile:
    """The summary of one event as written (sources/summaries/<event>.yaml), not yet checked."""

    event: str
    path: Path
    content: YValue


@dataclass(frozen=True)
class ReportFile:
    """An organiser's report of one event in one language (sources/reports/<event>.<language>.*)."""

    event: str
    language: str
    report: Report


@dataclass(frozen=True, kw_only=True)
class Sources:
    """What collect read: the review (None if review.yaml has problems) and timeline, checked; the
    front chapters; each event's summary file or reports, as written."""

    folder: Path
    review: Review | None
    timeline: tuple[Event, ...]
    front: tuple[FrontMatter, ...]
    summaries: tuple[SummaryFile, ...]
    reports: tuple[ReportFile, ...]
    unread: tuple[tuple[str, Path], ...] = ()  # (event, file) of summaries that could not be read


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """The sources normalized: every summary clean and valid, with the review, its timeline, its
    front chapters and the GCM reference they refer to. What merge arranges."""

    folder: Path
    review: Review
    timeline: tuple[Event, ...]
    front: tuple[FrontMatter, ...]
    summaries: tuple[Summary, ...]
    reference: Reference
    unread: tuple[tuple[str, Path], ...] = ()  # (event, file) of summaries left out for their problems
