"""Collect: read the review and its timeline, and find the summary of every event."""

from __future__ import annotations

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


@dataclass(frozen=True)
class SummarySource:
    """A file that holds the summary of one event."""

    event: str
    path: Path


@dataclass(frozen=True)
class Corpus:
    """What collect found: the review, its events, the summary of each event, and the problems."""

    sources: Path
    review: Review | None
    front: tuple[FrontMatter, ...]
    events: tuple[Event, ...]
    summaries: tuple[SummarySource, ...]
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
    with_summary = {summary.event for summary in summaries}
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
    known = sorted(timeline.ids)
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # editors' and systems' hidden files (.DS_Store, .~lock.*)
        if path.suffix != ".yaml" or not path.is_file():
            diagnostics.problem(
                Location(path), "unexpected file in summaries/ (expected <event-id>.yaml, one per event)"
            )
            continue
        event = path.stem
        if timeline.complete and event not in timeline.ids:
            suggestion = closest(event, known)
            diagnostics.problem(
                Location(path),
                f"summary for an event not in {EVENTS_FILE}: '{event}'"
                + (f" (did you mean '{suggestion}'?)" if suggestion else ""),
            )
            continue
        found.append(SummarySource(event, path))
    return tuple(found)


def _check_missing_summary(event: Event, sources: Path, diagnostics: Diagnostics) -> None:
    expected = sources / SUMMARIES_DIR / f"{event.id}.yaml"
    if event.phase is Phase.FOLLOW_UP:
        diagnostics.notice(event.location, f"no summary yet for follow-up event '{event.id}'")
    elif event.awaiting_summary:
        diagnostics.notice(event.location, f"event '{event.id}' is awaiting its summary")
    else:
        diagnostics.problem(
            event.location,
            f"no summary for event '{event.id}' (expected {display_path(expected)}; "
            "or set 'awaiting_summary: true' while its report is awaited)",
        )
