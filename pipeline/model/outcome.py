"""The outcome merge makes (build/merged.yaml): the main body and the annex, clusters of
objectives, numbered paragraphs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.languages import Localized
from pipeline.model.review import Event, FrontMatter, KeyMessage, Review
from pipeline.plain import FLATTEN, OMIT_DEFAULT


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """A numbered paragraph of the outcome: one message and the events it came from; `merged`
    holds the messages of other events marked `same_as` it, which it stands for."""

    number: int
    events: tuple[str, ...]
    message: KeyMessage = field(metadata=FLATTEN)
    merged: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)


@dataclass(frozen=True, kw_only=True)
class ObjectiveSection:
    """The paragraphs whose primary objective is *objective*, under its title."""

    objective: int
    title: Localized
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, kw_only=True)
class ClusterSection:
    """The messages of one round-table cluster; `round_table` and `title` are None when grouping
    by objective alone."""

    round_table: int | None
    title: Localized | None
    objectives: tuple[ObjectiveSection, ...]


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class OutcomeDocument:
    """The merged outcome: the review, its timeline, the main body and the stakeholder annex;
    `without_summary` holds the ids of the events whose summary has not arrived."""

    review: Review
    front: tuple[FrontMatter, ...]
    timeline: tuple[Event, ...]
    without_summary: tuple[str, ...]
    body: Part
    annex: Part

    def front_matter(self, name: str, language: str) -> FrontMatter | None:
        """Return the hand-written chapter *name* in *language*, if there is one."""
        for front in self.front:
            if front.name == name and front.language == language:
                return front
        return None


def paragraphs_before_messages(front: tuple[FrontMatter, ...]) -> int:
    """Return how many numbered paragraphs come before the key messages: the introduction's (as
    many in every language, which collect checks) and chapter II's one."""
    introduction = next((chapter for chapter in front if chapter.name == "introduction"), None)
    return (len(introduction.paragraphs) if introduction else 0) + 1
