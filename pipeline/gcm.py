"""The Global Compact's objectives, guiding principles and IMRF round tables, as typed values.

One `Reference` is loaded from pipeline/reference/gcm.yaml per run (`pipeline.reference`) and
passed to whatever needs it: the readers (which objectives and principles exist), the objective
detector of ingest, merge (clusters and titles).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.errors import Location
from pipeline.languages import Localized


@dataclass(frozen=True)
class Objective:
    """A GCM objective; `ar_official` is False while the Arabic title is a working translation."""

    number: int
    title: Localized
    short_title: Localized
    round_table: int
    ar_official: bool
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Principle:
    """A GCM guiding principle, lettered a to j."""

    letter: str
    title: Localized
    ar_official: bool
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RoundTable:
    """An IMRF round table and the cluster of objectives it reviews; `ar_official` as for objectives."""

    number: int
    title: Localized
    objectives: tuple[int, ...]
    ar_official: bool = False
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Reference:
    """The GCM's objectives, guiding principles and IMRF round tables."""

    objectives: tuple[Objective, ...]
    principles: tuple[Principle, ...]
    round_tables: tuple[RoundTable, ...]

    def objective(self, number: int) -> Objective:
        """Return objective *number* (1-based)."""
        return self.objectives[number - 1]

    @property
    def objective_numbers(self) -> range:
        """Return the numbers of the objectives, 1 to 23."""
        return range(1, len(self.objectives) + 1)

    @property
    def principle_letters(self) -> tuple[str, ...]:
        """Return the letters of the guiding principles, a to j."""
        return tuple(principle.letter for principle in self.principles)
