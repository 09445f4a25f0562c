"""Count the words of one language's document as UN word limits count them.

The UN Editorial Manual limits a document's length in words "including any footnotes, headings or
hidden text". Words are counted as Word counts them: runs of characters between spaces that hold
a letter or a digit (a paragraph label "12." is a word, its "-" in Arabic is not). Everything the
document prints is counted, from the title down, except the masthead (organ, symbol,
distribution, dates, session, draft label), which is the same on every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.render.view import DocumentView, ParagraphView, PartView
from pipeline.text import BIDI_CONTROLS

_WORD = re.compile(r"\S+")
_COUNTS = re.compile(r"\w")


@dataclass(frozen=True)
class WordCount:
    """The words of one language's document, by where they stand, against the review's limit."""

    language: str
    headings: int
    body: int
    footnotes: int
    annex: int
    total: int
    limit: int

    @property
    def over(self) -> int:
        """Return by how many words the document is over its limit (0 when within it)."""
        return max(0, self.total - self.limit)


def words(*texts: str) -> int:
    """Return the number of words in *texts*."""
    count = 0
    for text in texts:
        cleaned = "".join(char for char in text if char not in BIDI_CONTROLS)
        count += sum(1 for token in _WORD.findall(cleaned) if _COUNTS.search(token))
    return count


def _paragraphs(paragraphs: tuple[ParagraphView, ...]) -> int:
    return words(*(f"{p.label} {p.text}{p.marker}" for p in paragraphs))


def _headings(part: PartView, cross_cutting: str) -> list[str]:
    """Return the headings of a part: clusters, objectives, and *cross_cutting* when it has such messages."""
    headings = [f"{cluster.label} {cluster.title}" for cluster in part.clusters if cluster.title]
    headings += [section.heading for cluster in part.clusters for section in cluster.sections]
    return [*headings, cross_cutting] if part.cross_cutting else headings


def count_words(view: DocumentView, limit: int) -> WordCount:
    """Return the word count of *view*, the document in one language, against *limit*."""
    said, chapter = view.words, view.chapter
    headings = [view.review.title, view.review.subtitle]
    headings += [f"{chapter.introduction} {said.introduction}", f"{chapter.process} {said.process}"]
    headings += [said.timeline, f"{chapter.messages} {said.messages}"]
    # The main body's cross-cutting messages have a chapter of their own, the annex's a subheading.
    headings += _headings(view.body, f"{chapter.cross_cutting} {said.cross_cutting}")
    headings += [said.annex, said.annex_title]
    headings += _headings(view.annex, f"{view.annex.cross_cutting_label} {said.cross_cutting}")
    table = [said.organizer, said.event, said.date]
    for phase in view.timeline:
        table.append(phase.title)
        table += [f"{row.organizer} {row.title}{row.closed} {row.date}" for row in phase.events]
    chapters = (*(item.text for item in view.introduction), view.process.text)
    body = words(*chapters, *table) + _paragraphs(view.body.paragraphs)
    annex = _paragraphs(view.annex.paragraphs) + (0 if view.annex.count else words(said.annex_empty))
    # Each note once: a paragraph that calls a note again adds no words.
    notes = words(
        *(p.note.text for p in (*view.body.paragraphs, *view.annex.paragraphs) if not p.note.shared)
    )
    heading_words = words(*headings)
    return WordCount(
        language=view.language,
        headings=heading_words,
        body=body,
        footnotes=notes,
        annex=annex,
        total=heading_words + body + notes + annex,
        limit=limit,
    )
