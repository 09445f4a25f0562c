"""What became of each message between two drafts, as the summary of a redline reports it: where
it stood before and after, and whether its text or footnote changed; the objective headings that
came or went; the paragraphs renumbered."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.render.tracked import Change

PARTS = ("main body", "annex")


@dataclass(frozen=True)
class Position:
    """Where a message stands in one version: its part, cluster, objective and paragraph number."""

    part: str
    round_table: int | None  # None: grouped by objective, or cross-cutting
    objective: int | None  # None: among the cross-cutting messages
    number: int

    @property
    def section(self) -> tuple[str, int | None, int | None]:
        return self.part, self.round_table, self.objective


@dataclass(frozen=True)
class MessageChange:
    """What became of one message, for the summary: where it stood before and after, whether its
    text or its footnote changed, and for a deleted message the one it was merged into (same_as)."""

    uid: str
    change: Change  # INSERTED, DELETED, EDITED (its text or its footnote) or MOVED_TO (edited or not)
    before: Position | None
    after: Position | None
    edited: bool
    footnote_edited: bool
    merged_into: tuple[str, int] | None = None  # the message and its paragraph number


@dataclass(frozen=True)
class SectionChange:
    """An objective (or the cross-cutting messages) that has a heading in one version only."""

    part: str
    objective: int | None
    change: Change  # INSERTED or DELETED


@dataclass(frozen=True)
class Renumbered:
    uid: str
    part: str
    old_number: int
    new_number: int
