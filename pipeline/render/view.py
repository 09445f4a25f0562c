"""The outcome document in one language, every label and text decided: what both renderers draw.

The Word and PDF renderers draw the same view, so they agree on every number, heading,
footnote and marker. Its plain form (pipeline.plain) is the data both templates read: the Word
template's context and the Typst template's JSON; fields only Python reads are skipped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from pipeline.errors import Location
from pipeline.languages import (
    DOCUMENT_LANGUAGES,
    LANGUAGES,
    SOURCE_LANGUAGES,
    DocumentLanguage,
    Localized,
    Words,
)
from pipeline.model import (
    Attribution,
    EventDate,
    KeyMessage,
    OutcomeDocument,
    Paragraph,
    Part,
    Phase,
    Precision,
    paragraphs_before_messages,
)
from pipeline.plain import SKIP
from pipeline.render.conventions import fix_digit_ranges, written_date
from pipeline.render.notes import Footnote as Footnote  # re-exported: the view's footnotes
from pipeline.render.notes import footnotes
from pipeline.render.timeline import PhaseView, timeline_view
from pipeline.render.typesetting import TYPESETTING, Typesetting
from pipeline.translations import stale_languages


@dataclass(frozen=True)
class ParagraphView:
    """A numbered paragraph: label, text, marker of a pending translation, footnote."""

    number: int
    label: str
    text: str
    marker: str
    note: Footnote
    uid: str = field(metadata=SKIP)
    events: tuple[str, ...] = field(default=(), metadata=SKIP)  # the events its footnote names
    merged: tuple[str, ...] = field(default=(), metadata=SKIP)  # the messages merged into it
    citation: str = field(default="", metadata=SKIP)  # " [Meeting, date]" ending its text, in brackets

    @property
    def written(self) -> str:
        """What follows its label: its text (and citation) and marker; its anchor hashes it."""
        return self.text + self.marker


@dataclass(frozen=True)
class SectionView:
    heading: str
    paragraphs: tuple[ParagraphView, ...]
    objective: int = field(default=0, metadata=SKIP)


@dataclass(frozen=True)
class ClusterView:
    """A lettered subheading (a round-table cluster); label and title are empty when grouping by objective."""

    label: str
    title: str
    sections: tuple[SectionView, ...]
    round_table: int | None = field(default=None, metadata=SKIP)


@dataclass(frozen=True)
class PartView:
    clusters: tuple[ClusterView, ...]
    cross_cutting: tuple[ParagraphView, ...]
    cross_cutting_label: str
    count: int  # paragraphs in the part

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """Return the paragraphs in document order."""
        inner = tuple(
            p for cluster in self.clusters for section in cluster.sections for p in section.paragraphs
        )
        return inner + self.cross_cutting


@dataclass(frozen=True)
class Masthead:
    """The masthead and title page: what `review.yaml` says, in the document's language."""

    title: str
    subtitle: str
    organ: str
    session: str
    symbol: str
    distribution: str
    date: str
    language: str
    original_language: str
    draft_label: str
    draft: str  # the running head of a draft, "DRAFT – Rev.1 – 16 September 2024"; empty when final


@dataclass(frozen=True)
class Chapters:
    """The labels of the chapters: "I." or "أولا -"."""

    introduction: str
    process: str
    messages: str
    cross_cutting: str


@dataclass(frozen=True)
class NumberedText:
    """A numbered paragraph of chapter I: its label ("1." or "1 -") and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Process:
    """Chapter II's figures, and its numbered paragraph with them filled in."""

    events: int
    first: str
    last: str
    label: str
    text: str


@dataclass(frozen=True)
class PendingTranslation:
    """A message shown in another language because it has no text in the document's language."""

    uid: str
    location: Location
    shown_in: str
    stale: bool = False  # it has a translation, made from an earlier text


@dataclass(frozen=True)
class DocumentView:
    """Everything one language's document shows."""

    language: str
    rtl: bool
    words: Words
    note_letters: tuple[str, ...]  # the marks of the annex's footnotes
    style: Typesetting
    review: Masthead
    chapter: Chapters
    introduction: tuple[NumberedText, ...]
    process: Process
    timeline: tuple[PhaseView, ...]
    body: PartView
    annex: PartView
    pending: tuple[PendingTranslation, ...] = field(metadata=SKIP)
    attribution: str = "footnotes"  # or "endnotes", or "brackets" (review.yaml: see notes.py)


def _in(language: DocumentLanguage, text: Localized | None) -> str:
    """Return *text* in *language*, or an empty string; digit ranges are fixed for right to left."""
    value = (text or Localized()).get(language.code) or ""
    return fix_digit_ranges(value) if language.rtl else value


def _message_text(message: KeyMessage, language: DocumentLanguage, fallback: str) -> tuple[str, str]:
    """Return the text to show and its language: the document's, else the original's, else any.

    Text shown in a language of the other direction is enclosed in direction marks, so that its
    closing punctuation stays with it (not at the far side of the line).
    """
    if message.text.get(language.code) and language.code not in stale_languages(message):
        return _in(language, message.text), language.code
    # Another language's text first: the document's own, when it is stale, only when there is none.
    for code in sorted((fallback, *SOURCE_LANGUAGES), key=lambda code: code == language.code):
        text = message.text.get(code)
        if text:
            if LANGUAGES[code].rtl != language.rtl:
                mark = "\u200f" if LANGUAGES[code].rtl else "\u200e"
                text = f"{mark}{text}{mark}"
            return text, code
    raise AssertionError(f"message {message.uid} has no text")  # normalize refuses such messages


def document_view(outcome: OutcomeDocument, code: str) -> DocumentView:
    """Return the view of *outcome* in the language *code*."""
    language = DOCUMENT_LANGUAGES[code]
    words = language.words
    review = outcome.review
    pending: list[PendingTranslation] = []
    notes = footnotes(outcome, language, lambda text: _in(language, text))
    bracketed = review.attribution is Attribution.BRACKETS

    def paragraph(item: Paragraph) -> ParagraphView:
        message = item.message
        text, shown_in = _message_text(message, language, review.original_language)
        if shown_in != language.code:
            outdated = bool(message.text.get(language.code))
            pending.append(PendingTranslation(message.uid, message.location, shown_in, outdated))
        note = notes[message.uid]
        citation = f" [{note.text}]" if bracketed else ""  # the end of the text, for every renderer
        if bracketed:
            text, note = text + citation, Footnote("", note.id)
        return ParagraphView(
            number=item.number,
            label=language.paragraph_label(item.number),
            text=text,
            marker=f" {words.translation_pending}" if shown_in != language.code else "",
            note=note,
            uid=message.uid,
            events=item.events,
            merged=item.merged,
            citation=citation,
        )

    def part(part: Part, cross_cutting_letter: bool) -> PartView:
        clusters = []
        for index, cluster in enumerate(part.clusters):
            sections = tuple(
                SectionView(
                    heading=words.objective_heading.format(
                        number=section.objective, title=_in(language, section.title)
                    ),
                    paragraphs=tuple(map(paragraph, section.paragraphs)),
                    objective=section.objective,
                )
                for section in cluster.objectives
            )
            label = language.section_label(index) if cluster.round_table is not None else ""
            clusters.append(ClusterView(label, _in(language, cluster.title), sections, cluster.round_table))
        cross_cutting = tuple(map(paragraph, part.cross_cutting))
        letter = language.section_label(len(clusters)) if cross_cutting_letter and cross_cutting else ""
        return PartView(tuple(clusters), cross_cutting, letter, sum(1 for _ in part.paragraphs()))

    attribution = list(Attribution).index(review.attribution)
    body = part(outcome.body, cross_cutting_letter=False)
    annex = part(outcome.annex, cross_cutting_letter=True)
    introduction = outcome.front_matter("introduction", code)
    held = [event for event in outcome.timeline if event.phase is not Phase.FOLLOW_UP]
    first = written_date(held[0].date, language) if held else ""
    last = written_date(held[-1].date, language) if held else ""
    dates = DOCUMENT_LANGUAGES[language.masthead_dates]
    return DocumentView(
        language=code,
        rtl=language.rtl,
        words=words,
        note_letters=language.note_letters,
        style=TYPESETTING[code],
        review=Masthead(
            title=_in(language, review.title),
            subtitle=_in(language, review.subtitle),
            organ=_in(language, review.organ),
            session=_in(language, review.session),
            symbol=review.symbol,
            distribution=review.distribution,
            date=f"{review.date.day} {dates.months[review.date.month - 1]} {review.date.year}",
            language=language.name,
            original_language=LANGUAGES[review.original_language].name,
            draft_label=_in(language, review.draft_label),
            draft=_draft(language, review.draft_label, review.date),
        ),
        chapter=Chapters(*(language.chapter_label(index) for index in range(4))),
        introduction=tuple(
            NumberedText(language.paragraph_label(number), fix_digit_ranges(text) if language.rtl else text)
            for number, text in enumerate(introduction.paragraphs if introduction else (), start=1)
        ),
        process=Process(
            events=len(held),
            first=first,
            last=last,
            label=language.paragraph_label(paragraphs_before_messages(outcome.front)),
            text=words.process_text.format(
                events=len(held), first=first, last=last, attribution=words.attributions[attribution]
            ),
        ),
        timeline=timeline_view(outcome.timeline, language, _in),
        body=body,
        annex=annex,
        pending=tuple(pending),
        attribution=review.attribution.value,
    )


def _draft(language: DocumentLanguage, label: Localized, date: datetime.date) -> str:
    """Return the running head of a draft in *language*; nothing for the final version (no label)."""
    if not label:
        return ""
    written = written_date(EventDate(date, date, Precision.DAY), language)
    return language.words.draft.format(label=_in(language, label), date=written)
