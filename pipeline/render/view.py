"""The outcome document in one language, every label and text decided: what both renderers draw.

The Word and PDF renderers draw the same view, so they agree on every number, heading,
footnote and marker.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import Location
from pipeline.model import (
    SOURCE_LANGUAGES,
    Event,
    KeyMessage,
    Localized,
    OutcomeDocument,
    Paragraph,
    Part,
    Phase,
)
from pipeline.render.language import ENGLISH, LANGUAGES, Language, fix_digit_ranges


@dataclass(frozen=True)
class ParagraphView:
    """A numbered paragraph: label, text, marker of a pending translation, footnote text."""

    number: int
    label: str
    text: str
    text_language: str
    marker: str
    note: str
    uid: str


@dataclass(frozen=True)
class SectionView:
    heading: str
    paragraphs: tuple[ParagraphView, ...]


@dataclass(frozen=True)
class ClusterView:
    """A lettered subheading (a round-table cluster); label and title are empty when grouping by objective."""

    label: str
    title: str
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class PartView:
    clusters: tuple[ClusterView, ...]
    cross_cutting: tuple[ParagraphView, ...]
    cross_cutting_label: str

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """Return the paragraphs in document order."""
        inner = tuple(
            p for cluster in self.clusters for section in cluster.sections for p in section.paragraphs
        )
        return inner + self.cross_cutting


@dataclass(frozen=True)
class TimelineRow:
    organizer: str
    title: str
    closed: str
    date: str


@dataclass(frozen=True)
class PhaseView:
    title: str
    rows: tuple[TimelineRow, ...]


@dataclass(frozen=True)
class PendingTranslation:
    """A message shown in another language because it has no text in the document's language."""

    uid: str
    location: Location
    shown_in: str


@dataclass(frozen=True)
class DocumentView:
    """Everything one language's document shows."""

    language: Language
    title: str
    subtitle: str
    organ: str
    session: str
    symbol: str
    distribution: str
    date: str
    language_name: str
    original_language: str
    draft_label: str
    chapters: dict[str, str]
    introduction: tuple[str, ...]
    events_held: int
    first_event: str
    last_event: str
    timeline: tuple[PhaseView, ...]
    body: PartView
    annex: PartView
    pending: tuple[PendingTranslation, ...]


def _in(language: Language, text: Localized) -> str:
    """Return *text* in *language*, or an empty string; digit ranges are fixed for right to left."""
    value = text.get(language.code) or ""
    return fix_digit_ranges(value) if language.rtl else value


def _message_text(message: KeyMessage, language: Language, fallback: str) -> tuple[str, str]:
    """Return the text to show and its language: the document's, else the original's, else any.

    Text shown in a language of the other direction is enclosed in direction marks, so that its
    closing punctuation stays with it (not at the far side of the line).
    """
    if message.text.get(language.code):
        return _in(language, message.text), language.code
    for code in (fallback, *SOURCE_LANGUAGES):
        text = message.text.get(code)
        if text:
            if LANGUAGES.get(code, ENGLISH).rtl != language.rtl:
                mark = "\u200f" if code == "ar" else "\u200e"
                text = f"{mark}{text}{mark}"
            return text, code
    raise AssertionError(f"message {message.uid} has no text")  # normalize refuses such messages


def document_view(outcome: OutcomeDocument, code: str) -> DocumentView:
    """Return the view of *outcome* in the language *code*."""
    language = LANGUAGES[code]
    review = outcome.review
    events = {event.id: event for event in outcome.timeline}
    pending: list[PendingTranslation] = []

    def paragraph(item: Paragraph) -> ParagraphView:
        message = item.message
        text, shown_in = _message_text(message, language, review.original_language)
        if shown_in != language.code:
            pending.append(PendingTranslation(message.uid, message.location, shown_in))
        sources = [events[event_id] for event_id in item.events]
        return ParagraphView(
            number=item.number,
            label=language.paragraph_label(item.number),
            text=text,
            text_language=shown_in,
            marker=f" {language.translation_pending}" if shown_in != language.code else "",
            note=language.list_separator.join(_attribution(event, language) for event in sources),
            uid=message.uid,
        )

    def part(part: Part, cross_cutting_letter: bool) -> PartView:
        clusters = []
        for index, cluster in enumerate(part.clusters):
            sections = tuple(
                SectionView(
                    heading=language.objective_heading.format(
                        number=section.objective.number, title=_in(language, section.objective.title)
                    ),
                    paragraphs=tuple(map(paragraph, section.paragraphs)),
                )
                for section in cluster.objectives
            )
            table = cluster.round_table
            label = language.section_label(index) if table else ""
            clusters.append(ClusterView(label, _in(language, table.title) if table else "", sections))
        cross_cutting = tuple(map(paragraph, part.cross_cutting))
        letter = language.section_label(len(clusters)) if cross_cutting_letter and cross_cutting else ""
        return PartView(tuple(clusters), cross_cutting, letter)

    body = part(outcome.body, cross_cutting_letter=False)
    annex = part(outcome.annex, cross_cutting_letter=True)
    introduction = outcome.front_matter("introduction", code)
    held = [event for event in outcome.timeline if event.phase is not Phase.FOLLOW_UP]
    return DocumentView(
        language=language,
        title=_in(language, review.title),
        subtitle=_in(language, review.subtitle),
        organ=_in(language, review.organ),
        session=_in(language, review.session),
        symbol=review.symbol,
        distribution=review.distribution,
        # UN Arabic mastheads keep the date, like the symbol, in English.
        date=f"{review.date.day} {ENGLISH.months[review.date.month - 1]} {review.date.year}",
        language_name=Language.language_name(code),
        original_language=Language.language_name(review.original_language),
        draft_label=_in(language, review.draft_label),
        chapters={
            name: language.chapter_label(index)
            for index, name in enumerate(("introduction", "process", "messages", "cross_cutting"))
        },
        introduction=tuple(
            fix_digit_ranges(text) if language.rtl else text
            for text in (introduction.paragraphs if introduction else ())
        ),
        events_held=len(held),
        first_event=language.date(held[0].date) if held else "",
        last_event=language.date(held[-1].date) if held else "",
        timeline=_timeline(outcome.timeline, language),
        body=body,
        annex=annex,
        pending=tuple(pending),
    )


def _attribution(event: Event, language: Language) -> str:
    return language.note_format.format(
        title=_in(language, event.title),
        organizer=_in(language, event.organizer),
        date=language.date(event.date),
    )


def _timeline(events: tuple[Event, ...], language: Language) -> tuple[PhaseView, ...]:
    phases = []
    for phase in Phase:
        rows = tuple(
            TimelineRow(
                organizer=_in(language, event.organizer),
                title=_in(language, event.title),
                closed=f" {language.closed_meeting}" if event.closed else "",
                date=language.date(event.date),
            )
            for event in events
            if event.phase is phase
        )
        if rows:
            phases.append(PhaseView(language.phases[phase], rows))
    return tuple(phases)


def template_data(view: DocumentView) -> dict:
    """Return *view* as the plain data both templates read (the Word context and the PDF's JSON)."""

    def paragraph(item: ParagraphView) -> dict:
        return {
            "number": item.number,
            "label": item.label,
            "text": item.text,
            "marker": item.marker,
            "note": item.note,
        }

    def part(part: PartView) -> dict:
        return {
            "clusters": [
                {
                    "label": cluster.label,
                    "title": cluster.title,
                    "sections": [
                        {"heading": section.heading, "paragraphs": list(map(paragraph, section.paragraphs))}
                        for section in cluster.sections
                    ],
                }
                for cluster in part.clusters
            ],
            "cross_cutting": list(map(paragraph, part.cross_cutting)),
            "cross_cutting_label": part.cross_cutting_label,
            "count": len(part.paragraphs),
        }

    return {
        "language": view.language.code,
        "review": {
            "title": view.title,
            "subtitle": view.subtitle,
            "organ": view.organ,
            "session": view.session,
            "symbol": view.symbol,
            "distribution": view.distribution,
            "date": view.date,
            "language": view.language_name,
            "original_language": view.original_language,
            "draft_label": view.draft_label,
        },
        "chapter": dict(view.chapters),
        "introduction": list(view.introduction),
        "process": {"events": view.events_held, "first": view.first_event, "last": view.last_event},
        "timeline": [
            {
                "title": phase.title,
                "events": [
                    {"organizer": row.organizer, "title": row.title, "closed": row.closed, "date": row.date}
                    for row in phase.rows
                ],
            }
            for phase in view.timeline
        ],
        "body": part(view.body),
        "annex": part(view.annex),
    }
