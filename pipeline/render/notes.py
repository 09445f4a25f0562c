"""The footnotes that name the meetings each key message comes from, written as a UN editor writes
them: the full reference the first time the document cites a meeting (its title, organizer and
date), "Ibid." when a new section opens on the meeting of the note just before, and a short form
(its short title and date) for a later citation. A paragraph that follows another from the same
meeting in the same section, or follows an "Ibid.", calls that note again instead of a new one,
so that no two notes in a row say the same. The main body's notes are numbered, the annex's
lettered on their own, as UN annexes letter theirs. A review that attributes in brackets
(review.yaml, `attribution: brackets`) gets each paragraph's citation, in full the first time,
which the view puts in square brackets at the end of the paragraph's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipeline.languages import DocumentLanguage, Localized
from pipeline.model import Attribution, Event, OutcomeDocument, Paragraph, Part
from pipeline.plain import SKIP
from pipeline.render.conventions import written_date


@dataclass(frozen=True)
class Footnote:
    """A footnote: the Word renderer makes it a real footnote, the Typst template a #footnote.

    A `shared` footnote calls the note `id` again (its mark shown once more) instead of a new one.
    """

    text: str
    id: str = ""  # "body-3", "annex-1": the note, so that a later paragraph can call it again
    shared: bool = False
    mark: str = ""  # "3" or "a": the number or letter the note shows
    # In a redline: the call the paragraph made before (deleted), and a token that marks this
    # call's run as inserted or deleted.
    previous: Footnote | None = field(default=None, metadata=SKIP)
    tracked: str = field(default="", metadata=SKIP)

    @property
    def lettered(self) -> bool:
        """Tell whether the note is the annex's, lettered rather than numbered."""
        return self.id.startswith("annex-")


def _sections(part: Part) -> Iterator[tuple[object, Paragraph]]:
    """Yield each paragraph of *part* in document order with the section it stands in."""
    for index, cluster in enumerate(part.clusters):
        for section in cluster.objectives:
            for paragraph in section.paragraphs:
                yield (index, section.objective), paragraph
    for paragraph in part.cross_cutting:
        yield "cross-cutting", paragraph


def footnotes(
    outcome: OutcomeDocument, language: DocumentLanguage, localized: Callable[[Localized | None], str]
) -> dict[str, Footnote]:
    """Return the footnote of every paragraph of *outcome* in *language*, by message id (an
    endnote is written the same way). Attributed in brackets, each paragraph has its own
    citation, without Ibid. or a citation called again, and without the final full stop."""
    if outcome.review.attribution is Attribution.BRACKETS:
        return _brackets(outcome, language, localized)
    words = language.words
    cite = _citer(outcome, language, localized)
    notes: dict[str, Footnote] = {}
    cited: set[str] = set()
    for name, part, mark in (("body", outcome.body, str), ("annex", outcome.annex, language.note_letter)):
        before: tuple[Footnote, str, object] | None = None  # the last note, what and where
        count = 0
        for section, paragraph in _sections(part):
            # What the note cites, as the reader sees it: two meetings of the same title,
            # organizer and date are one citation.
            key = cite(paragraph.events, False)
            if (
                before is not None
                and before[1] == key
                and (before[2] == section or before[0].text == words.ibid)
            ):
                notes[paragraph.message.uid] = Footnote(before[0].text, before[0].id, True, before[0].mark)
                before = (before[0], key, section)
                continue
            if before is not None and before[1] == key:
                text = words.ibid
            else:
                text = cite(paragraph.events, True) if key in cited else key
            count += 1
            note = Footnote(text, f"{name}-{count}", False, mark(count))
            notes[paragraph.message.uid] = note
            cited.add(key)
            before = (note, key, section)
    return notes


def _citer(
    outcome: OutcomeDocument, language: DocumentLanguage, localized: Callable[[Localized | None], str]
) -> Callable[[tuple[str, ...], bool], str]:
    """Return the function that cites events: in full, or in short (title and date), full stop last."""
    words = language.words
    events = {event.id: event for event in outcome.timeline}

    def cite(event_ids: tuple[str, ...], short: bool) -> str:
        def one(event: Event) -> str:
            date = written_date(event.date, language)
            if short:
                title = localized(event.short_title) or localized(event.title)
                return words.footnote_short.format(title=title, date=date)
            return words.footnote.format(
                title=localized(event.title), organizer=localized(event.organizer), date=date
            )

        return (
            language.list_separator.join(one(events[event_id]) for event_id in event_ids) + language.full_stop
        )

    return cite


def _brackets(
    outcome: OutcomeDocument, language: DocumentLanguage, localized: Callable[[Localized | None], str]
) -> dict[str, Footnote]:
    cite = _citer(outcome, language, localized)
    stop = len(language.full_stop)
    notes: dict[str, Footnote] = {}
    cited: set[str] = set()
    for name, part in (("body", outcome.body), ("annex", outcome.annex)):
        for count, (_, paragraph) in enumerate(_sections(part), start=1):
            full = cite(paragraph.events, False)
            text = cite(paragraph.events, True) if full in cited else full
            cited.add(full)
            notes[paragraph.message.uid] = Footnote(text[:-stop] if stop else text, f"{name}-{count}")
    return notes
