"""Read the review's own data (review.yaml) and its timeline of events (events.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import schema
from pipeline.errors import Diagnostics
from pipeline.languages import OUTPUT_LANGUAGES, SOURCE_LANGUAGES, Localized
from pipeline.model import Attribution, Event, GroupBy, Phase, Review, event_id_problem
from pipeline.records import Field, Record, Scope, kind_of, load_yaml, mapping, sequence
from pipeline.yamlio import YMap, YSeq, YStr, YValue


def _languages(value: YValue, name: str, scope: Scope) -> tuple[str, ...] | None:
    items = sequence(value, name, scope)
    if items is None:
        return None
    languages: list[str] = []
    for item in items:
        if isinstance(item, YStr) and item in languages:
            scope.problem(item.location, f"language '{item}' is listed twice")
        elif isinstance(item, YStr) and item in OUTPUT_LANGUAGES:
            languages.append(str(item))
        else:
            scope.problem(
                item.location,
                f"cannot build the outcome in {kind_of(item)} "
                f"(expected one of: {', '.join(OUTPUT_LANGUAGES)})",
            )
    if isinstance(value, YSeq) and not items:
        scope.problem(value.location, "languages is empty (expected a list such as [ar, en])")
    return tuple(languages)


def _document_languages(scope: Scope) -> tuple[str, ...]:
    """Return the languages the review is built in, as read so far (all of them if none could be)."""
    return scope.values.get("languages") or OUTPUT_LANGUAGES


REVIEW = Record(
    "the review",
    {
        "title": Field(schema.localized(_document_languages), after="languages"),
        "subtitle": Field(schema.optional_localized, default=Localized()),
        "symbol": Field(schema.text),
        "date": Field(schema.iso_date),
        "languages": Field(_languages),
        "original_language": Field(schema.one_of(SOURCE_LANGUAGES)),
        "draft_label": Field(
            schema.optional_localized_in(_document_languages), default=Localized(), after="languages"
        ),
        "word_limit": Field(schema.integer),
        "deadline": Field(schema.iso_date),
        "group_by": Field(schema.choice(GroupBy), default=GroupBy.CLUSTER),
        "organ": Field(schema.localized(_document_languages), after="languages"),
        "session": Field(schema.optional_localized, default=Localized()),
        "distribution": Field(schema.text, default="General"),
        "duplicate_threshold": Field(schema.percentage, default=85),
        "attribution": Field(schema.choice(Attribution), default=Attribution.FOOTNOTES),
    },
    lambda values, placed: Review(**values, places=placed.keys),
)


def read_review(path: Path, diagnostics: Diagnostics) -> Review | None:
    """Return the review described in *path*, or None when it has problems (recorded)."""
    content = load_yaml(path, diagnostics)
    return None if content is None else REVIEW.read(content, Scope(diagnostics))


@dataclass(frozen=True)
class Timeline:
    """The events of events.yaml in the order written; `ids` also holds the ids of invalid events."""

    events: tuple[Event, ...]
    ids: frozenset[str]
    complete: bool


def _event_id(value: YValue, name: str, scope: Scope) -> str | None:
    event_id = schema.text(value, name, scope)
    if event_id and (problem := event_id_problem(event_id)):
        scope.problem(value.location, problem)
    return event_id


def event_record(languages: tuple[str, ...]) -> Record[Event]:
    """Return how an event is read; its title and organizer need text in each of *languages*."""
    return Record(
        "an event",
        {
            "id": Field(_event_id),
            "title": Field(schema.localized(languages)),
            "organizer": Field(schema.localized(languages)),
            "short_title": Field(schema.optional_localized_in(languages), default=Localized()),
            "date": Field(schema.event_date),
            "phase": Field(schema.choice(Phase)),
            "closed": Field(schema.boolean, default=False),
            "stakeholder": Field(schema.boolean, default=False),
            "awaiting_summary": Field(schema.boolean, default=False),
        },
        lambda values, placed: Event(**values, location=placed.location),
        named_by=("id", "event"),
    )


def read_events(
    path: Path, diagnostics: Diagnostics, languages: tuple[str, ...] = OUTPUT_LANGUAGES
) -> Timeline:
    """Return the timeline in *path*.

    Titles and organizers need text in each of *languages*. Events with problems are left out of
    `events` (the problems are recorded); `complete` is False when the file could not be read.
    """
    incomplete = Timeline((), frozenset(), complete=False)
    content = load_yaml(path, diagnostics)
    if content is None:
        return incomplete
    scope = Scope(diagnostics)
    fields = mapping(content, "the timeline", scope)
    if fields is None:
        # Say what the mapping must hold too: a list of events written without `events:` is the
        # likely mistake.
        scope.problem(content.location, "the timeline has no 'events'")
        return incomplete
    fields.check(("events",), ("events",), "the timeline", scope)
    written = fields.get("events")
    entries = None if written is None else sequence(written, "events", scope)
    if entries is None:
        return incomplete
    record = event_record(languages)
    events: list[Event] = []
    ids: set[str] = set()
    first_seen: dict[str, int] = {}
    for entry in entries:
        if isinstance(entry, YMap) and isinstance(entry.get("id"), YStr):
            ids.add(str(entry["id"]).strip())
        event = record.read(entry, scope)
        if event is None:
            continue
        if event.id in first_seen:
            scope.problem(
                event.location, f"duplicate event id '{event.id}' (first at line {first_seen[event.id]})"
            )
            continue
        first_seen[event.id] = event.location.line
        events.append(event)
    return Timeline(tuple(events), frozenset(ids), complete=True)
