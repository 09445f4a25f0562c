"""What the editors and organisers write, as typed records: the review, its events, their
messages and summaries, and organisers' reports as read."""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import Location
from pipeline.languages import Localized
from pipeline.plain import KEY, OMIT_DEFAULT, SKIP


class Precision(enum.Enum):
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class EventDate:
    """When an event took place: a month, a day, or a range of either, as the timeline gives it."""

    start: datetime.date
    end: datetime.date
    precision: Precision

    @classmethod
    def month(cls, year: int, month: int) -> EventDate:
        last = calendar.monthrange(year, month)[1]
        return cls(datetime.date(year, month, 1), datetime.date(year, month, last), Precision.MONTH)

    def __str__(self) -> str:
        """Return the ISO 8601 form the sources use: 2024-07, 2024-07-02, 2024-07-03/2024-07-04."""
        if self.precision is Precision.DAY:
            ends = [self.start.isoformat(), self.end.isoformat()]
        else:
            ends = [self.start.isoformat()[:7], self.end.isoformat()[:7]]
        return ends[0] if ends[0] == ends[1] else "/".join(ends)


class Phase(enum.Enum):
    PREPARATORY = "preparatory"
    REGIONAL_REVIEW = "regional-review"
    FOLLOW_UP = "follow-up"


class Kind(enum.Enum):
    KEY_MESSAGE = "key-message"
    RECOMMENDATION = "recommendation"
    GOOD_PRACTICE = "good-practice"
    CHALLENGE = "challenge"


class GroupBy(enum.Enum):
    CLUSTER = "cluster"
    OBJECTIVE = "objective"


class Attribution(enum.Enum):
    """How each paragraph names the meetings it comes from: a footnote (the UN's usual form), an
    endnote (the notes gathered at the end), or the citation in brackets after the paragraph's
    text (no notes: the fastest PDF for a very large document, docs/benchmarks.md)."""

    FOOTNOTES = "footnotes"
    ENDNOTES = "endnotes"
    BRACKETS = "brackets"


class PdfEngine(enum.Enum):
    """How the PDFs are made: drawn by Typst, converted from the Word files by LibreOffice, or not at all."""

    TYPST = "typst"
    LIBREOFFICE = "libreoffice"
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class Review:
    """The outcome document's own data, from sources/review.yaml."""

    title: Localized
    subtitle: Localized
    symbol: str
    date: datetime.date
    languages: tuple[str, ...]
    original_language: str
    draft_label: Localized
    word_limit: int
    deadline: datetime.date
    group_by: GroupBy
    organ: Localized
    session: Localized
    distribution: str
    duplicate_threshold: int = field(default=85, metadata=SKIP)  # 0–100, for outcome check
    attribution: Attribution = field(default=Attribution.FOOTNOTES, metadata=OMIT_DEFAULT)
    places: Mapping[str, Location] = field(default_factory=dict, compare=False, metadata=SKIP)


@dataclass(frozen=True, kw_only=True)
class FrontMatter:
    """A hand-written chapter in one language (sources/front/<name>.<language>.md), as paragraphs."""

    name: str
    language: str
    paragraphs: tuple[str, ...]
    illustrative: bool = field(default=False, metadata=OMIT_DEFAULT)
    location: Location = field(compare=False, metadata=SKIP)


@dataclass(frozen=True, kw_only=True)
class Event:
    """One row of the review's timeline, from sources/events.yaml."""

    id: str
    date: EventDate
    phase: Phase
    closed: bool
    stakeholder: bool
    organizer: Localized
    title: Localized
    short_title: Localized = field(default=Localized(), metadata=OMIT_DEFAULT)  # for later footnotes
    awaiting_summary: bool = field(metadata=SKIP)
    location: Location = field(compare=False, metadata=SKIP)


EVENT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def event_id_problem(event_id: str) -> str | None:
    """Return what is wrong with *event_id* as the id of an event (and the stem of its files), or None."""
    if EVENT_ID.fullmatch(event_id):
        return None
    return (
        f"event id '{event_id}' is not a valid file name stem "
        "(expected lower-case letters, digits and single hyphens, e.g. gcm-talks-detention-2023)"
    )


@dataclass(frozen=True)
class Translation:
    """A message's text in *language* was translated from its *source* text when that text's
    short hash was *digest* (pipeline.translations)."""

    language: str
    source: str
    digest: str


@dataclass(frozen=True, kw_only=True)
class KeyMessage:
    """One message of an event's summary, its text cleaned; `uid` is `<event>#<id>`."""

    uid: str = field(metadata={KEY: "id"})
    kind: Kind
    objectives: tuple[int, ...]
    principles: tuple[str, ...]
    text: Localized
    same_as: str | None = field(default=None, metadata=OMIT_DEFAULT)  # the uid it repeats
    distinct_from: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)  # uids it is not a duplicate of
    translated_from: tuple[Translation, ...] = field(default=(), metadata=OMIT_DEFAULT)
    note: str | None = field(default=None, metadata=OMIT_DEFAULT)  # the organiser's, never printed
    location: Location = field(compare=False, metadata={KEY: "source"})
    event: str = field(metadata=SKIP)
    id: str = field(metadata=SKIP)

    @property
    def primary_objective(self) -> int | None:
        """Return the first objective listed, or None for a cross-cutting message."""
        return self.objectives[0] if self.objectives else None


@dataclass(frozen=True, kw_only=True)
class Summary:
    """The normalized summary of one event; `source` is the file it was read from."""

    event: str
    language: str
    illustrative: bool
    source: Path = field(compare=False)
    messages: tuple[KeyMessage, ...]
    samples: tuple[Location, ...] = field(default=(), compare=False, metadata=SKIP)  # marked illustrative


@dataclass(frozen=True)
class Block:
    """One block of a report: kind is "title", "heading", "paragraph", "item", "table" or
    "comment" (an HTML comment in Markdown: a note for editors, never a message)."""

    kind: str
    text: str
    level: int = 0
    bold: bool = False
    notes: tuple[str, ...] = ()
    numbered: bool = False  # a paragraph that begins with typed numbering ("1.", "(a)", "•")
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells' texts, row by row


@dataclass(frozen=True)
class Report:
    """An organiser's report as read: its blocks, whether it is sample content, what pandoc lost."""

    path: Path
    blocks: tuple[Block, ...]
    illustrative: bool = False
    unread: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # how what was read differs from what Word shows (tracked changes…)
