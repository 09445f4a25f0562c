"""Read the review's own data (review.yaml) and its timeline of events (events.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import schema, yamlio
from pipeline.model import (
    OUTPUT_LANGUAGES,
    SOURCE_LANGUAGES,
    Event,
    GroupBy,
    Localized,
    Phase,
    Review,
)
from pipeline.schema import Diagnostics, Fields, load_yaml
from pipeline.yamlio import YMap, YSeq, YStr

EVENT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

REVIEW_KEYS = (
    "title",
    "subtitle",
    "symbol",
    "date",
    "languages",
    "original_language",
    "draft_label",
    "word_limit",
    "deadline",
    "group_by",
    "organ",
    "session",
    "distribution",
)
REVIEW_REQUIRED = (
    "title",
    "organ",
    "symbol",
    "date",
    "languages",
    "original_language",
    "word_limit",
    "deadline",
)
EVENT_KEYS = ("id", "title", "organizer", "date", "phase", "closed", "stakeholder", "awaiting_summary")
EVENT_REQUIRED = ("id", "title", "organizer", "date", "phase")


def read_review(path: Path, diagnostics: Diagnostics) -> Review | None:
    """Return the review described in *path*, or None when it has problems."""
    content = load_yaml(path, diagnostics)
    if content is None:
        return None
    before = len(diagnostics.problems)
    fields = Fields(content, "the review", diagnostics)
    if not fields.valid:
        return None
    fields.check(REVIEW_KEYS, REVIEW_REQUIRED, "the review")
    languages = _languages(fields, diagnostics)

    def read(key, reader, *args, default=None):
        value = fields.get(key)
        return default if value is None else reader(value, *args, key, diagnostics)

    def localized(key: str, required: tuple[str, ...] = ()) -> Localized:
        value = fields.get(key)
        if value is None:
            return Localized()
        return schema.localized(value, key, diagnostics, required=required) or Localized()

    original = read("original_language", schema.text)
    if original and original not in SOURCE_LANGUAGES:
        diagnostics.problem(
            fields.get("original_language").location,
            f"unknown original_language '{original}' ({schema.expectation(original, SOURCE_LANGUAGES)})",
        )
    needed = languages or OUTPUT_LANGUAGES
    review = Review(
        title=localized("title", needed),
        subtitle=localized("subtitle"),
        symbol=read("symbol", schema.text),
        date=read("date", schema.iso_date),
        languages=languages,
        original_language=original,
        draft_label=localized("draft_label"),
        word_limit=read("word_limit", schema.integer),
        deadline=read("deadline", schema.iso_date),
        group_by=read("group_by", schema.choice, GroupBy, default=GroupBy.CLUSTER),
        organ=localized("organ", needed),
        session=localized("session"),
        distribution=read("distribution", schema.text, default="General"),
    )
    return review if len(diagnostics.problems) == before else None


def _languages(fields: Fields, diagnostics: Diagnostics) -> tuple[str, ...]:
    value = fields.get("languages")
    if value is None:
        return ()
    items = schema.sequence(value, "languages", diagnostics) or []
    languages: list[str] = []
    for item in items:
        if isinstance(item, YStr) and item in languages:
            diagnostics.problem(item.location, f"language '{item}' is listed twice")
        elif isinstance(item, YStr) and item in OUTPUT_LANGUAGES:
            languages.append(str(item))
        else:
            diagnostics.problem(
                item.location,
                f"cannot build the outcome in {schema.kind_of(item)} "
                f"(expected one of: {', '.join(OUTPUT_LANGUAGES)})",
            )
    if isinstance(value, YSeq) and not items:
        diagnostics.problem(value.location, "languages is empty (expected a list such as [ar, en])")
    return tuple(languages)


@dataclass(frozen=True)
class Timeline:
    """The events of events.yaml in the order written; `ids` also holds the ids of invalid events."""

    events: tuple[Event, ...]
    ids: frozenset[str]
    complete: bool


def read_events(
    path: Path, diagnostics: Diagnostics, languages: tuple[str, ...] = OUTPUT_LANGUAGES
) -> Timeline:
    """Return the timeline in *path*.

    Titles and organizers need text in each of *languages*. Events with problems are left out of
    `events` (the problems are recorded); `complete` is False when the file could not be read.
    """
    content = load_yaml(path, diagnostics)
    if content is None:
        return Timeline((), frozenset(), complete=False)
    fields = Fields(content, "the timeline", diagnostics)
    fields.check(("events",), ("events",), "the timeline")
    entries = fields.get("events")
    if entries is None or schema.sequence(entries, "events", diagnostics) is None:
        return Timeline((), frozenset(), complete=False)
    events: list[Event] = []
    ids: set[str] = set()
    first_seen: dict[str, int] = {}
    for entry in entries:
        if isinstance(entry, YMap) and isinstance(entry.get("id"), YStr):
            ids.add(str(entry["id"]).strip())
        event = _read_event(entry, diagnostics, languages)
        if event is None:
            continue
        if event.id in first_seen:
            diagnostics.problem(
                event.location, f"duplicate event id '{event.id}' (first at line {first_seen[event.id]})"
            )
            continue
        first_seen[event.id] = event.location.line
        events.append(event)
    return Timeline(tuple(events), frozenset(ids), complete=True)


def _read_event(entry: yamlio.YValue, diagnostics: Diagnostics, languages: tuple[str, ...]) -> Event | None:
    before = len(diagnostics.problems)
    fields = Fields(entry, "an event", diagnostics)
    if not fields.valid:
        return None
    id_value = fields.get("id")
    event_id = schema.text(id_value, "id", diagnostics, "an event") if id_value is not None else None
    if event_id and not EVENT_ID.fullmatch(event_id):
        diagnostics.problem(
            id_value.location,
            f"event id '{event_id}' is not a valid file name stem "
            "(expected lower-case letters, digits and single hyphens, e.g. gcm-talks-detention-2023)",
        )
    context = f"event '{event_id}'" if event_id else "an event"
    fields.check(EVENT_KEYS, EVENT_REQUIRED, context)

    def read(key, reader, *args, default=None):
        value = fields.get(key)
        return default if value is None else reader(value, *args, key, diagnostics, context)

    def localized(key):
        value = fields.get(key)
        if value is None:
            return None
        return schema.localized(value, key, diagnostics, context, required=languages)

    event = Event(
        id=event_id,
        title=localized("title"),
        organizer=localized("organizer"),
        date=read("date", schema.event_date),
        phase=read("phase", schema.choice, Phase),
        closed=read("closed", schema.boolean, default=False),
        stakeholder=read("stakeholder", schema.boolean, default=False),
        awaiting_summary=read("awaiting_summary", schema.boolean, default=False),
        location=id_value.location if id_value is not None else fields.location,
    )
    return event if len(diagnostics.problems) == before else None
