"""The figures of `outcome status`: where the review stands before a deadline.

Which events have a summary, how many messages name each GCM objective (and which none does),
how much is translated, how long each document is against the word limit, how many days are
left, which messages may repeat each other, and the findings of the checks. The same figures
feed the terminal, `--json` and build/status.html.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks.assessment import Assessment
from pipeline.checks.duplicates import Duplicate
from pipeline.checks.findings import Finding
from pipeline.checks.rules import findings
from pipeline.checks.words import WordCount
from pipeline.errors import Location
from pipeline.languages import Localized
from pipeline.model import KeyMessage, Phase
from pipeline.translations import stale_languages


@dataclass(frozen=True)
class MessageRef:
    """A message as the status shows it: its id, where it is written, its objectives and texts."""

    uid: str
    source: Location
    objectives: tuple[int, ...]
    text: Localized


@dataclass(frozen=True)
class EventFigures:
    id: str
    title: str
    date: str
    phase: Phase
    stakeholder: bool
    summary: Path | None  # the summary file or first report; None: no summary yet
    readable: bool  # False: its summary has problems (see the findings), its messages are not counted
    language: str | None
    messages: int
    awaiting_summary: bool


@dataclass(frozen=True)
class ObjectiveFigures:
    number: int
    title: str
    messages: int  # messages that name the objective, first or not
    primary: int  # messages under it in the document (it is named first)
    events: int  # events with a message that names it


@dataclass(frozen=True)
class Cell:
    """The messages of one event that name one objective (None: the cross-cutting messages)."""

    event: str
    objective: int | None
    messages: tuple[MessageRef, ...]


@dataclass(frozen=True)
class EventTranslation:
    event: str
    messages: int
    missing: int


@dataclass(frozen=True)
class Translation:
    """How much of the document is in *language*: messages printed, those with its text (a stale
    translation left out), those without, and those whose translation is stale."""

    language: str
    messages: int
    translated: int
    by_event: tuple[EventTranslation, ...]
    missing: tuple[MessageRef, ...]
    stale: tuple[MessageRef, ...] = ()


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    today: datetime.date
    days: int  # negative once the deadline has passed


@dataclass(frozen=True)
class Status:
    title: str
    symbol: str
    deadline: Deadline
    events: tuple[EventFigures, ...]
    objectives: tuple[ObjectiveFigures, ...]
    cells: tuple[Cell, ...]
    translations: tuple[Translation, ...]
    words: tuple[WordCount, ...]
    duplicates: tuple[Duplicate, ...]
    findings: tuple[Finding, ...]
    notes: tuple[tuple[MessageRef, str], ...] = ()  # the organisers' notes to messages, never printed


def _ref(message: KeyMessage) -> MessageRef:
    return MessageRef(message.uid, message.location, message.objectives, message.text)


def _english_or_first(text: Localized) -> str:
    return text.get("en") or next(iter(text.values()), "")


def status_of(assessment: Assessment, today: datetime.date, problems: tuple[Finding, ...] = ()) -> Status:
    """Return the status figures of *assessment* on the day *today*, with the *problems* found
    reading the sources among its findings."""
    corpus = assessment.corpus
    summaries = {summary.event: summary for summary in corpus.summaries}
    unread = dict(corpus.unread)
    timeline = assessment.outcome.timeline
    events = tuple(
        EventFigures(
            id=event.id,
            title=_english_or_first(event.title),
            date=str(event.date),
            phase=event.phase,
            stakeholder=event.stakeholder,
            summary=summaries[event.id].source if event.id in summaries else unread.get(event.id),
            readable=event.id not in unread,
            language=summaries[event.id].language if event.id in summaries else None,
            messages=len(summaries[event.id].messages) if event.id in summaries else 0,
            awaiting_summary=event.awaiting_summary,
        )
        for event in timeline
    )
    messages = assessment.messages
    objectives = tuple(
        ObjectiveFigures(
            number=objective.number,
            title=_english_or_first(objective.short_title),
            messages=sum(objective.number in message.objectives for message in messages),
            primary=sum(
                objective.number == message.primary_objective
                for message in messages
                if message.same_as is None
            ),
            events=len({message.event for message in messages if objective.number in message.objectives}),
        )
        for objective in corpus.reference.objectives
    )
    cells = []
    for event in timeline:
        for number in (*corpus.reference.objective_numbers, None):
            named = tuple(
                _ref(message)
                for message in (summaries[event.id].messages if event.id in summaries else ())
                if (number in message.objectives if number else not message.objectives)
            )
            if named:
                cells.append(Cell(event.id, number, named))
    return Status(
        title=_english_or_first(corpus.review.title),
        symbol=corpus.review.symbol,
        deadline=Deadline(corpus.review.deadline, today, (corpus.review.deadline - today).days),
        events=events,
        objectives=objectives,
        cells=tuple(cells),
        translations=tuple(_translation(assessment, code) for code in corpus.review.languages),
        words=assessment.words,
        duplicates=assessment.duplicates,
        findings=findings(assessment, problems=problems),
        notes=tuple((_ref(message), message.note) for message in assessment.messages if message.note),
    )


def _translation(assessment: Assessment, code: str) -> Translation:
    printed = [message for message in assessment.messages if message.same_as is None]
    missing = [message for message in printed if not message.text.get(code)]
    stale = [message for message in printed if code in stale_languages(message)]
    absent = {message.uid for message in missing}
    by_event = tuple(
        EventTranslation(
            summary.event,
            sum(message.same_as is None for message in summary.messages),
            sum(message.uid in absent for message in summary.messages),
        )
        for summary in assessment.corpus.summaries
    )
    translated = len(printed) - len(missing) - len(stale)
    return Translation(
        code, len(printed), translated, by_event, tuple(map(_ref, missing)), tuple(map(_ref, stale))
    )
