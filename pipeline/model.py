"""The typed data that flows from stage to stage: the review, its events, their messages, the outcome."""

from __future__ import annotations

import calendar
import datetime
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.errors import Location

# Languages a summary may be written in, and languages the outcome document is built in.
SOURCE_LANGUAGES = ("ar", "en", "fr")
OUTPUT_LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Localized:
    """One text in several languages; a language without text is None."""

    ar: str | None = None
    en: str | None = None
    fr: str | None = None

    def get(self, language: str) -> str | None:
        """Return the text in *language*, or None."""
        return getattr(self, language)

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages that have text, in the order of SOURCE_LANGUAGES."""
        return tuple(language for language in SOURCE_LANGUAGES if self.get(language))


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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class FrontMatter:
    """A hand-written chapter in one language (sources/front/<name>.<language>.md), as paragraphs."""

    name: str
    language: str
    paragraphs: tuple[str, ...]
    location: Location = field(compare=False)


@dataclass(frozen=True)
class Event:
    """One row of the review's timeline, from sources/events.yaml."""

    id: str
    title: Localized
    organizer: Localized
    date: EventDate
    phase: Phase
    closed: bool
    stakeholder: bool
    awaiting_summary: bool
    location: Location = field(compare=False)


@dataclass(frozen=True)
class KeyMessage:
    """One message of an event's summary, its text cleaned."""

    uid: str
    event: str
    id: str
    text: Localized
    objectives: tuple[int, ...]
    principles: tuple[str, ...]
    kind: Kind
    location: Location = field(compare=False)

    @property
    def primary_objective(self) -> int | None:
        """Return the first objective listed, or None for a cross-cutting message."""
        return self.objectives[0] if self.objectives else None


@dataclass(frozen=True)
class Summary:
    """The normalized summary of one event."""

    event: str
    language: str
    illustrative: bool
    messages: tuple[KeyMessage, ...]
    location: Location = field(compare=False)


@dataclass(frozen=True)
class Objective:
    """A GCM objective; `ar_official` is False while the Arabic title is a working translation."""

    number: int
    title: Localized
    short_title: Localized
    round_table: int
    ar_official: bool


@dataclass(frozen=True)
class Principle:
    """A GCM guiding principle, lettered a to j."""

    letter: str
    title: Localized
    ar_official: bool


@dataclass(frozen=True)
class RoundTable:
    """An IMRF round table and the cluster of objectives it reviews."""

    number: int
    title: Localized
    objectives: tuple[int, ...]


@dataclass(frozen=True)
class Reference:
    """The GCM's objectives, guiding principles and IMRF round tables."""

    objectives: tuple[Objective, ...]
    principles: tuple[Principle, ...]
    round_tables: tuple[RoundTable, ...]

    def objective(self, number: int) -> Objective:
        return self.objectives[number - 1]

    def round_table(self, number: int) -> RoundTable:
        return self.round_tables[number - 1]


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph of the outcome: one message and the events it came from."""

    number: int
    message: KeyMessage
    events: tuple[str, ...]


@dataclass(frozen=True)
class ObjectiveSection:
    objective: Objective
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ClusterSection:
    """The messages of one round-table cluster; `round_table` is None when grouping by objective alone."""

    round_table: RoundTable | None
    objectives: tuple[ObjectiveSection, ...]


@dataclass(frozen=True)
class Part:
    """The main body or the annex: clusters of objectives, then cross-cutting messages."""

    clusters: tuple[ClusterSection, ...]
    cross_cutting: tuple[Paragraph, ...]

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield the paragraphs in document order."""
        for cluster in self.clusters:
            for section in cluster.objectives:
                yield from section.paragraphs
        yield from self.cross_cutting


@dataclass(frozen=True)
class OutcomeDocument:
    """The merged outcome: the review, its timeline, the main body and the stakeholder annex."""

    review: Review
    front: tuple[FrontMatter, ...]
    timeline: tuple[Event, ...]
    body: Part
    annex: Part
    without_summary: tuple[Event, ...]

    def front_matter(self, name: str, language: str) -> FrontMatter | None:
        """Return the hand-written chapter *name* in *language*, if there is one."""
        for front in self.front:
            if front.name == name and front.language == language:
                return front
        return None
