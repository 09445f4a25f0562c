"""Check that the documents in each language say the same: the same paragraphs, numbered alike,
under the same objectives, with footnotes naming the same events."""

from __future__ import annotations

from typing import NamedTuple

from pipeline.checks.findings import Finding, Level
from pipeline.render.view import DocumentView, PartView


class Place(NamedTuple):
    """What must agree between languages about one paragraph."""

    section: str
    number: int
    uid: str
    events: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.uid} under {self.section}, footnote naming {', '.join(self.events)}"


def _places(part: PartView) -> list[Place]:
    places = []
    for index, cluster in enumerate(part.clusters):
        for section in cluster.sections:
            where = f"cluster {index + 1}, objective {section.objective}"
            places += [Place(where, p.number, p.uid, p.events) for p in section.paragraphs]
    apart = "the cross-cutting messages"
    return places + [Place(apart, p.number, p.uid, p.events) for p in part.cross_cutting]


def parity(views: tuple[DocumentView, ...]) -> tuple[Finding, ...]:
    """Return an error for each paragraph where a document differs from the first one."""
    if not views:
        return ()
    first, *others = views
    found = []
    for other in others:
        parts = (("main body", first.body, other.body), ("annex", first.annex, other.annex))
        for name, mine, theirs in parts:
            left, right = _places(mine), _places(theirs)
            if len(left) != len(right):
                found.append(
                    Finding(
                        Level.ERROR,
                        None,
                        f"the {name}",
                        f"has {len(left)} paragraphs in '{first.language}' "
                        f"but {len(right)} in '{other.language}'",
                    )
                )
            found += [
                Finding(
                    Level.ERROR,
                    None,
                    f"paragraph {a.number} of the {name}",
                    f"is {a} in '{first.language}' but {b} in '{other.language}'",
                )
                for a, b in zip(left, right, strict=False)
                if a != b
            ]
    return tuple(found)
