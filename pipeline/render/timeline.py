"""The timeline table of chapter II in one language: the events by phase, as the view shows them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.languages import DocumentLanguage, Localized
from pipeline.model import Event, Phase
from pipeline.render.conventions import written_date


@dataclass(frozen=True)
class TimelineRow:
    organizer: str
    title: str
    closed: str
    date: str


@dataclass(frozen=True)
class PhaseView:
    title: str
    events: tuple[TimelineRow, ...]


def timeline_view(
    events: tuple[Event, ...],
    language: DocumentLanguage,
    written: Callable[[DocumentLanguage, Localized | None], str],
) -> tuple[PhaseView, ...]:
    """Return *events* by phase, in *language*; *written* gives a text as the document writes it."""
    words = language.words
    titles = {
        Phase.PREPARATORY: words.preparatory,
        Phase.REGIONAL_REVIEW: words.regional_review,
        Phase.FOLLOW_UP: words.follow_up,
    }
    phases = []
    for phase in Phase:
        rows = tuple(
            TimelineRow(
                organizer=written(language, event.organizer),
                title=written(language, event.title),
                closed=f" {words.closed_meeting}" if event.closed else "",
                date=written_date(event.date, language),
            )
            for event in events
            if event.phase is phase
        )
        if rows:
            phases.append(PhaseView(titles[phase], rows))
    return tuple(phases)
