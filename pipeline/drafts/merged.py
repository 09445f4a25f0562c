"""Read a merged outcome back (build/merged.yaml, or a frozen draft's), into the OutcomeDocument
it was written from: the record tables of the sources where they apply (the review, the
timeline's events), tables of their own for the rest. A hand-edited draft file is refused with
its problems located, as a source is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline import schema
from pipeline.errors import Diagnostics, Location, SourceError
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import (
    ClusterSection,
    Event,
    FrontMatter,
    KeyMessage,
    Kind,
    ObjectiveSection,
    OutcomeDocument,
    Paragraph,
    Part,
    Review,
    Translation,
)
from pipeline.records import Field, Placed, Record, Scope, load_yaml
from pipeline.registry import REVIEW, event_record
from pipeline.yamlio import YMap, YSeq, YStr, YValue

_UID = re.compile(r"[a-z0-9-]+#[A-Za-z0-9][A-Za-z0-9._-]*")
_SOURCE = re.compile(r"(?P<path>.+):(?P<line>\d+)")
_UID_COMPLAINT = "{name}{where} is '{0}', which is not a message id (<event-id>#<id>)"


def _source(value: YValue, name: str, scope: Scope) -> Location | None:
    written = schema.text(value, name, scope)
    match = _SOURCE.fullmatch(written or "")
    if written and not match:
        scope.problem(value.location, f"{name}{scope.where} is '{written}' (expected <file>:<line>)")
        return None
    return Location(Path(match["path"]), int(match["line"])) if match else None


def _message(values: dict[str, Any], placed: Placed) -> Paragraph:
    uid = values["id"]
    message = KeyMessage(
        uid=uid,
        kind=values["kind"],
        objectives=values["objectives"],
        principles=values["principles"],
        text=values["text"],
        same_as=values["same_as"],
        distinct_from=values["distinct_from"],
        translated_from=values["translated_from"],
        note=values["note"],
        location=values["source"],
        event=uid.split("#")[0],
        id=uid.split("#", 1)[1],
    )
    return Paragraph(
        number=values["number"], events=values["events"], message=message, merged=values["merged"]
    )


def _named_events(value: YValue, name: str, scope: Scope) -> tuple[str, ...] | None:
    """Read the events a paragraph's footnote names: each one of the timeline's."""
    events = schema.sequence_of(schema.text)(value, name, scope)
    outer: Scope | None = scope
    while outer is not None and "timeline" not in outer.values:
        outer = outer.parent
    timeline = outer.values["timeline"] if outer is not None else None
    if events is None or timeline is None or not isinstance(value, YSeq):
        return events
    known = {event.id for event in timeline}
    for item in value:
        if isinstance(item, YStr) and item not in known:
            scope.problem(
                item.location, f"{name}{scope.where} names '{item}', which is not an event of the timeline"
            )
    return events


TRANSLATION = Record(
    "a translation record",
    {
        "language": Field(schema.one_of(SOURCE_LANGUAGES)),
        "source": Field(schema.one_of(SOURCE_LANGUAGES)),
        "digest": Field(schema.text),
    },
    lambda values, placed: Translation(**values),
)

PARAGRAPH = Record(
    "a paragraph",
    {
        "number": Field(schema.integer),
        "events": Field(_named_events),
        "id": Field(schema.identifier(_UID, _UID_COMPLAINT)),
        "kind": Field(schema.choice(Kind)),
        "objectives": Field(schema.sequence_of(schema.integer)),
        "principles": Field(schema.sequence_of(schema.text)),
        "text": Field(schema.localized()),
        "same_as": Field(schema.identifier(_UID, _UID_COMPLAINT), default=None),
        "distinct_from": Field(schema.sequence_of(schema.identifier(_UID, _UID_COMPLAINT)), default=()),
        "translated_from": Field(schema.sequence_of(TRANSLATION.read_as_value), default=()),
        "note": Field(schema.text, default=None),
        "source": Field(_source),
        "merged": Field(schema.sequence_of(schema.identifier(_UID, _UID_COMPLAINT)), default=()),
    },
    _message,
    named_by=("id", "paragraph"),
)

SECTION = Record(
    "an objective",
    {
        "objective": Field(schema.integer),
        "title": Field(schema.localized()),
        "paragraphs": Field(schema.sequence_of(PARAGRAPH.read_as_value)),
    },
    lambda values, placed: ObjectiveSection(**values),
)

CLUSTER = Record(
    "a cluster",
    {
        "round_table": Field(schema.integer, default=None),
        "title": Field(schema.localized(), default=None),
        "objectives": Field(schema.sequence_of(SECTION.read_as_value)),
    },
    lambda values, placed: ClusterSection(**values),
)

PART = Record(
    "a part",
    {
        "clusters": Field(schema.sequence_of(CLUSTER.read_as_value)),
        "cross_cutting": Field(schema.sequence_of(PARAGRAPH.read_as_value)),
    },
    lambda values, placed: Part(**values),
)

FRONT = Record(
    "a front chapter",
    {
        "name": Field(schema.text),
        "language": Field(schema.one_of(SOURCE_LANGUAGES)),
        "paragraphs": Field(schema.sequence_of(schema.text)),
        "illustrative": Field(schema.boolean, default=False),
    },
    lambda values, placed: FrontMatter(**values, location=placed.location),
)


def _events(value: YValue, name: str, scope: Scope) -> tuple[Event, ...] | None:
    review: Review | None = scope.values.get("review")
    record = event_record(review.languages if review else ())
    return schema.sequence_of(record.read_as_value)(value, name, scope)


def _outcome(path: Path) -> Record[OutcomeDocument]:
    return Record(
        f"the merged outcome {path.name}",
        {
            "review": Field(REVIEW.read_as_value),
            "front": Field(schema.sequence_of(FRONT.read_as_value)),
            "timeline": Field(_events, after="review"),
            "without_summary": Field(schema.sequence_of(schema.text)),
            "body": Field(PART.read_as_value, after="timeline"),
            "annex": Field(PART.read_as_value, after="timeline"),
        },
        lambda values, placed: OutcomeDocument(**values),
    )


def _paragraph_ids(value: YValue) -> Iterator[YStr]:
    """Yield the id of every paragraph written in *value* (a mapping with an id and a number)."""
    if isinstance(value, YMap):
        uid = value.get("id")
        if isinstance(uid, YStr) and "number" in value:
            yield uid
        for item in value.values():
            yield from _paragraph_ids(item)
    elif isinstance(value, YSeq):
        for item in value:
            yield from _paragraph_ids(item)


def read_outcome(path: Path) -> OutcomeDocument:
    """Return the outcome written in *path* (a merged.yaml); raise SourceError listing its problems."""
    diagnostics = Diagnostics()
    content = load_yaml(path, diagnostics)
    outcome = None if content is None else _outcome(path).read(content, Scope(diagnostics))
    first_seen: dict[str, int] = {}
    for uid in _paragraph_ids(content) if content is not None and outcome is not None else ():
        if uid in first_seen:
            diagnostics.problem(
                uid.location, f"duplicate paragraph id '{uid}' (first at line {first_seen[uid]})"
            )
        first_seen.setdefault(uid, uid.location.line)
    if outcome is None or diagnostics.problems:
        raise SourceError(diagnostics.problems)
    return outcome
