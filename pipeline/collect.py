"""Collect: read every source under a sources folder: the review and its timeline, the front
chapters, and for each event its YAML summary or its organisers' reports (through pandoc).

What is read is checked only as far as finding things needs: the review and the timeline into
their records (the rest needs them), file names against the timeline. Each summary and report is
passed on as written, for normalize.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pipeline import registry, yamlio
from pipeline.errors import Diagnostics, Location, PipelineError, SourceError, display_path, not_a_file
from pipeline.front import read_front
from pipeline.ingest.reader import read_report
from pipeline.languages import OUTPUT_LANGUAGES, SOURCE_LANGUAGES
from pipeline.model import Event, Phase, ReportFile, Sources, SummaryFile
from pipeline.readcache import ReadCache
from pipeline.records import closest, load_yaml

T = TypeVar("T")

REVIEW_FILE = "review.yaml"
EVENTS_FILE = "events.yaml"
SUMMARIES_DIR = "summaries"
REPORTS_DIR = "reports"
_LANGUAGE_CODES = "|".join(SOURCE_LANGUAGES)
_REPORT_NAME = re.compile(rf"(?P<event>.+)\.(?P<language>{_LANGUAGE_CODES})\.(?:docx|md)")


def collect(folder: Path, diagnostics: Diagnostics, cache: ReadCache | None = None) -> Sources:
    """Read review.yaml, events.yaml, the front chapters and each event's summary under *folder*;
    the summaries and reports through *cache* when given (pipeline.readcache).

    Problems are recorded in *diagnostics*, not raised, so that normalize can add its own before
    the build stops. Raise PipelineError only when *folder* is not a directory.
    """
    cache = cache or ReadCache(None, "")
    if not folder.is_dir():
        raise PipelineError(f"{folder}: not a directory (expected the sources folder, e.g. sources/)")
    review = _read_required(folder / REVIEW_FILE, registry.read_review, diagnostics)
    languages = review.languages if review else OUTPUT_LANGUAGES
    timeline = _read_required(
        folder / EVENTS_FILE, lambda path, found: registry.read_events(path, found, languages), diagnostics
    ) or registry.Timeline((), frozenset(), complete=False)
    front = read_front(folder, languages, diagnostics)
    summaries = _find_summaries(folder / SUMMARIES_DIR, timeline, diagnostics)
    reports = _find_reports(folder / REPORTS_DIR, timeline, diagnostics)
    summarized = dict(summaries)
    for event, _, path in reports:
        if event in summarized:
            diagnostics.notice(
                Location(path),
                f"not used: {display_path(summarized[event])} takes precedence over the reports",
            )
    reports = [report for report in reports if report[0] not in summarized]
    with_summary = set(summarized) | {event for event, _, _ in reports}
    for listed in timeline.events:
        if listed.id not in with_summary:
            _check_missing_summary(listed, folder, diagnostics)
        elif listed.awaiting_summary:
            diagnostics.notice(
                listed.location, f"event '{listed.id}' has a summary now; remove 'awaiting_summary: true'"
            )
    unread: list[tuple[str, Path]] = []
    summary_files = []
    for event, path in summaries:
        content = load_yaml(
            path, diagnostics, lambda path: cache.read("summary", path, lambda: yamlio.load(path))
        )
        if content is None:
            unread.append((event, path))
        else:
            summary_files.append(SummaryFile(event, path, content))
    return Sources(
        folder=folder,
        review=review,
        timeline=timeline.events,
        front=front,
        summaries=tuple(summary_files),
        reports=tuple(_read_reports(reports, diagnostics, unread, cache)),
        unread=tuple(unread),
    )


def _read_reports(
    found: list[tuple[str, str, Path]],
    diagnostics: Diagnostics,
    unread: list[tuple[str, Path]],
    cache: ReadCache,
) -> list[ReportFile]:
    """Return the reports that could be read; add the others to *unread*."""
    read = []
    for event, language, path in found:
        if refused := not_a_file(path):  # never opened: a named pipe or /dev/zero would not end
            diagnostics.problem(Location(path), refused)
            unread.append((event, path))
            continue
        try:
            report = cache.read("report", path, lambda: read_report(path))  # noqa: B023 - called at once
            read.append(ReportFile(event, language, report))
        except SourceError as error:
            diagnostics.problems.extend(error.problems)
            unread.append((event, path))
    return read


def _read_required(
    path: Path, reader: Callable[[Path, Diagnostics], T], diagnostics: Diagnostics
) -> T | None:
    refused = not_a_file(path)
    if refused or not path.is_file():
        diagnostics.problem(
            Location(path), refused or f"missing file (every sources folder has a {path.name})"
        )
        return None
    return reader(path, diagnostics)


def _find_summaries(
    folder: Path, timeline: registry.Timeline, diagnostics: Diagnostics
) -> list[tuple[str, Path]]:
    """Return the event and path of each summary file, reporting files that cannot be one."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # editors' and systems' hidden files (.DS_Store, .~lock.*)
        event, refused = path.stem, not_a_file(path)
        # A known event's summary that is not a regular file (a link loop, a pipe) is passed on:
        # reading it reports why, without a second problem about the event's missing summary.
        if refused and path.suffix == ".yaml" and event not in timeline.ids:
            diagnostics.problem(Location(path), refused)
            continue
        if path.suffix != ".yaml" or not (path.is_file() or refused):
            diagnostics.problem(
                Location(path), "unexpected file in summaries/ (expected <event-id>.yaml, one per event)"
            )
            continue
        if _unknown_event(event, "summary", path, timeline, diagnostics):
            continue
        found.append((event, path))
    return found


def _find_reports(
    folder: Path, timeline: registry.Timeline, diagnostics: Diagnostics
) -> list[tuple[str, str, Path]]:
    """Return the event, language and path of each report, reporting files that cannot be one."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.name.startswith("~$"):
            diagnostics.notice(Location(path), "ignored: a Word lock file (the report is open in Word)")
            continue
        match = _REPORT_NAME.fullmatch(path.name)
        refused = not_a_file(path)  # reported when read, as a summary's is
        if match and refused and match.group("event") not in timeline.ids:
            diagnostics.problem(Location(path), refused)
            continue
        if not match or not (path.is_file() or refused):
            diagnostics.problem(
                Location(path),
                f"unexpected file in reports/ (expected <event-id>.<{_LANGUAGE_CODES}>.docx or .md, "
                "e.g. gcm-talks-detention-2023.en.docx)",
            )
            continue
        event = match.group("event")
        if _unknown_event(event, "report", path, timeline, diagnostics):
            continue
        found.append((event, match.group("language"), path))
    return found


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
