"""Collect: read the review and its timeline, and find the summary of every event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import registry
from pipeline.errors import Location, PipelineError, Problem, display_path
from pipeline.front import read_front
from pipeline.model import OUTPUT_LANGUAGES, Event, FrontMatter, Phase, Review
from pipeline.schema import Diagnostics, closest

REVIEW_FILE = "review.yaml"
EVENTS_FILE = "events.yaml"
SUMMARIES_DIR = "summaries"
REPORTS_DIR = "reports"
_REPORT_NAME = re.compile(r"(?P<event>.+)\.(?P<language>ar|en|fr)\.(?:docx|md)")


@dataclass(frozen=True)
class SummarySource:
    """A file that holds the summary of one event."""

    event: str
    path: Path


@dataclass(frozen=True)
class ReportSource:
    """An organiser's report of one event in one language, dropped into sources/reports/."""

    event: str
    language: str
    path: Path


@dataclass(frozen=True)
class Corpus:
    """What collect found: the review, its events, the summary of each event, and the problems."""

    sources: Path
    review: Review | None
    front: tuple[FrontMatter, ...]
    events: tuple[Event, ...]
    summaries: tuple[SummarySource, ...]
    reports: tuple[ReportSource, ...]
    without_summary: tuple[Event, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Problem, ...]


def collect(sources: Path) -> Corpus:
    """Read review.yaml, events.yaml and the front chapters under *sources*; find each event's summary.

    Problems are gathered, not raised, so that normalize can add its own before the build stops.
    Raise PipelineError only when *sources* is not a directory.
    """
    if not sources.is_dir():
        raise PipelineError(f"{sources}: not a directory (expected the sources folder, e.g. sources/)")
    diagnostics = Diagnostics()
    review = _read_required(sources / REVIEW_FILE, registry.read_review, diagnostics)
    languages = review.languages if review else OUTPUT_LANGUAGES
    timeline = _read_required(
        sources / EVENTS_FILE, registry.read_events, diagnostics, languages
    ) or registry.Timeline((), frozenset(), complete=False)
    front = read_front(sources, languages, diagnostics)
    summaries = _find_summaries(sources / SUMMARIES_DIR, timeline, diagnostics)
    reports = _find_reports(sources / REPORTS_DIR, timeline, diagnostics)
    summarized = {summary.event: summary for summary in summaries}
    for report in reports:
        if report.event in summarized:
            diagnostics.notice(
                Location(report.path),
                f"not used: {display_path(summarized[report.event].path)} takes precedence over the reports",
            )
    reports = tuple(report for report in reports if report.event not in summarized)
    with_summary = set(summarized) | {report.event for report in reports}
    without_summary = tuple(event for event in timeline.events if event.id not in with_summary)
    for event in without_summary:
        _check_missing_summary(event, sources, diagnostics)
    for event in timeline.events:
        if event.awaiting_summary and event.id in with_summary:
            diagnostics.notice(
                event.location, f"event '{event.id}' has a summary now; remove 'awaiting_summary: true'"
            )
    return Corpus(
        sources=sources,
        review=review,
        front=front,
        events=timeline.events,
        summaries=summaries,
        reports=reports,
        without_summary=without_summary,
        problems=tuple(diagnostics.problems),
        notices=tuple(diagnostics.notices),
    )


def _read_required(path: Path, reader, diagnostics: Diagnostics, *args):
    if not path.is_file():
        diagnostics.problem(Location(path), f"missing file (every sources folder has a {path.name})")
        return None
    return reader(path, diagnostics, *args)


def _find_summaries(
    folder: Path, timeline: registry.Timeline, diagnostics: Diagnostics
) -> tuple[SummarySource, ...]:
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # editors' and systems' hidden files (.DS_Store, .~lock.*)
        if path.suffix != ".yaml" or not path.is_file():
            diagnostics.problem(
                Location(path), "unexpected file in summaries/ (expected <event-id>.yaml, one per event)"
            )
            continue
        event = path.stem
        if _unknown_event(event, "summary", path, timeline, diagnostics):
            continue
        found.append(SummarySource(event, path))
    return tuple(found)


def _find_reports(
    folder: Path, timeline: registry.Timeline, diagnostics: Diagnostics
) -> tuple[ReportSource, ...]:
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.name.startswith("~$"):
            diagnostics.notice(Location(path), "ignored: a Word lock file (the report is open in Word)")
            continue
        match = _REPORT_NAME.fullmatch(path.name)
        if not match or not path.is_file():
            diagnostics.problem(
                Location(path),
                "unexpected file in reports/ (expected <event-id>.<ar|en|fr>.docx or .md, "
                "e.g. gcm-talks-detention-2023.en.docx)",
            )
            continue
        event = match.group("event")
        if _unknown_event(event, "report", path, timeline, diagnostics):
            continue
        found.append(ReportSource(event, match.group("language"), path))
    return tuple(found)


def _unknown_event(
    event: str, what: str, path: Path, timeline: registry.Timeline, diagnostics: Diagnostics
) -> bool:
    """Report a *what* (summary, report) whose event is not in the timeline; tell whether it was."""
    if not timeline.complete or event in timeline.ids:
        return False
    suggestion = closest(event, sorted(timeline.ids))
    diagnostics.problem(
        Location(path),
        f"{what} for an event not in {EVENTS_FILE}: '{event}'"
        + (f" (did you mean '{suggestion}'?)" if suggestion else ""),
    )
    return True


def _check_missing_summary(event: Event, sources: Path, diagnostics: Diagnostics) -> None:
    expected = sources / SUMMARIES_DIR / f"{event.id}.yaml"
    report = sources / REPORTS_DIR / f"{event.id}.<lang>.docx"
    if event.phase is Phase.FOLLOW_UP:
        diagnostics.notice(event.location, f"no summary yet for follow-up event '{event.id}'")
    elif event.awaiting_summary:
        diagnostics.notice(event.location, f"event '{event.id}' is awaiting its summary")
    else:
        diagnostics.problem(
            event.location,
            f"no summary for event '{event.id}' (expected {display_path(expected)} or "
            f"{display_path(report)}; or set 'awaiting_summary: true' while its report is awaited)",
        )
