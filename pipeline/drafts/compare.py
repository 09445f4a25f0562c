"""Compare two versions of the outcome in one language, message by message (by id, never by
position): what was inserted, deleted, edited or moved to another objective, and which paragraphs
were only renumbered.

The result is the redline's view: the newer document with the older one's deleted and moved
paragraphs (and their headings) standing where they were, a token in place of every message's
text, footnote and changed heading, and the mark that says what became of each (render/tracked.py
writes them as Word tracked changes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.render.tracked import Change, Mark
from pipeline.render.tracked import token as redline_token
from pipeline.render.view import ClusterView, DocumentView, Footnote, ParagraphView, PartView, SectionView

PARTS = ("main body", "annex")


@dataclass(frozen=True)
class MessageChange:
    """What became of one message, for the summary: its numbers and objectives before and after."""

    uid: str
    change: Change  # INSERTED, DELETED, EDITED or MOVED_TO (a move, edited or not)
    part: str
    old_number: int | None
    new_number: int | None
    old_objective: int | None
    new_objective: int | None
    edited: bool


@dataclass(frozen=True)
class Renumbered:
    uid: str
    part: str
    old_number: int
    new_number: int


@dataclass(frozen=True)
class Redline:
    view: DocumentView
    marks: dict[str, Mark]
    changes: tuple[MessageChange, ...]
    renumbered: tuple[Renumbered, ...]


@dataclass(frozen=True)
class _Place:
    part: str
    objective: int | None  # None: among the cross-cutting messages
    paragraph: ParagraphView


def _places(view: DocumentView) -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    for name, part in zip(PARTS, (view.body, view.annex), strict=True):
        for cluster in part.clusters:
            for section in cluster.sections:
                places |= {p.uid: _Place(name, section.objective, p) for p in section.paragraphs}
        places |= {p.uid: _Place(name, None, p) for p in part.cross_cutting}
    return places


def _text(paragraph: ParagraphView) -> str:
    return paragraph.text + paragraph.marker


class _Comparison:
    def __init__(self, old: DocumentView, new: DocumentView):
        self.old, self.new = _places(old), _places(new)
        self.marks: dict[str, Mark] = {}
        self.moves: dict[str, str] = {}

    def token(self, mark: Mark) -> str:
        token = redline_token(len(self.marks) + 1)
        self.marks[token] = mark
        return token

    def move(self, uid: str) -> str:
        return self.moves.setdefault(uid, f"move{len(self.moves) + 1}")

    def present(self, paragraph: ParagraphView, part: str, objective: int | None) -> ParagraphView:
        """Return a paragraph of the newer version, its text and footnote tokens marked."""
        before = self.old.get(paragraph.uid)
        text, note = _text(paragraph), paragraph.note.text
        if before is None:
            marks = Mark(Change.INSERTED, new=text), Mark(Change.INSERTED, new=note)
        elif (before.part, before.objective) != (part, objective):
            moved = Mark(
                Change.MOVED_TO, old=_text(before.paragraph), new=text, move=self.move(paragraph.uid)
            )
            marks = moved, Mark(Change.INSERTED, new=note)
        else:
            old_text, old_note = _text(before.paragraph), before.paragraph.note.text
            marks = (
                Mark(Change.SAME if old_text == text else Change.EDITED, old=old_text, new=text),
                Mark(Change.SAME if old_note == note else Change.EDITED, old=old_note, new=note),
            )
        return dataclasses.replace(
            paragraph, text=self.token(marks[0]), marker="", note=Footnote(self.token(marks[1]))
        )

    def ghost(self, paragraph: ParagraphView) -> ParagraphView:
        """Return a paragraph of the older version that is no longer where it was."""
        if paragraph.uid in self.new:
            mark = Mark(Change.MOVED_FROM, old=_text(paragraph), move=self.move(paragraph.uid))
        else:
            mark = Mark(Change.DELETED, old=_text(paragraph))
        note = Mark(Change.DELETED, old=paragraph.note.text)
        return dataclasses.replace(
            paragraph, text=self.token(mark), marker="", note=Footnote(self.token(note))
        )

    def paragraphs(
        self, old: tuple[ParagraphView, ...], new: tuple[ParagraphView, ...], part: str, objective: int | None
    ) -> tuple[ParagraphView, ...]:
        """Return *new*'s paragraphs with *old*'s that left standing after their last surviving
        predecessor (at the start when none survives)."""
        staying = {paragraph.uid for paragraph in new}
        after: dict[str | None, list[ParagraphView]] = {}
        anchor = None
        for paragraph in old:
            if paragraph.uid in staying:
                anchor = paragraph.uid
            else:
                after.setdefault(anchor, []).append(self.ghost(paragraph))
        merged = list(after.get(None, []))
        for paragraph in new:
            merged += [self.present(paragraph, part, objective), *after.get(paragraph.uid, [])]
        return tuple(merged)

    def heading(self, text: str, in_old: bool, in_new: bool) -> str:
        """Return a heading, marked when it stands in one version only."""
        if in_old and in_new or not text:
            return text
        return self.token(Mark(Change.INSERTED if in_new else Change.DELETED)) + text

    def part(self, old: PartView, new: PartView, name: str) -> PartView:
        clusters = []
        old_clusters = {cluster.round_table: cluster for cluster in old.clusters}
        new_clusters = {cluster.round_table: cluster for cluster in new.clusters}
        for key in sorted(old_clusters.keys() | new_clusters.keys(), key=lambda table: table or 0):
            before, after = old_clusters.get(key), new_clusters.get(key)
            shown = after or before
            assert shown is not None
            old_sections = {section.objective: section for section in (before.sections if before else ())}
            new_sections = {section.objective: section for section in (after.sections if after else ())}
            sections = []
            for objective in sorted(old_sections.keys() | new_sections.keys()):
                was, now = old_sections.get(objective), new_sections.get(objective)
                heading = (now or was or SectionView("", ())).heading
                sections.append(
                    SectionView(
                        heading=self.heading(heading, was is not None, now is not None),
                        paragraphs=self.paragraphs(
                            was.paragraphs if was else (), now.paragraphs if now else (), name, objective
                        ),
                        objective=objective,
                    )
                )
            title = self.heading(shown.title, before is not None, after is not None)
            clusters.append(ClusterView(shown.label, title, tuple(sections), key))
        cross = self.paragraphs(old.cross_cutting, new.cross_cutting, name, None)
        label = new.cross_cutting_label or old.cross_cutting_label
        label = self.heading(label, bool(old.cross_cutting), bool(new.cross_cutting)) if cross else ""
        count = sum(len(section.paragraphs) for cluster in clusters for section in cluster.sections)
        return PartView(tuple(clusters), cross, label, count + len(cross))


def compare(old: DocumentView, new: DocumentView) -> Redline:
    """Return the redline of *old* becoming *new* (two views of the outcome in the same language)."""
    comparison = _Comparison(old, new)
    body = comparison.part(old.body, new.body, PARTS[0])
    annex = comparison.part(old.annex, new.annex, PARTS[1])
    cross_cutting = new.chapter.cross_cutting
    if body.cross_cutting and bool(old.body.cross_cutting) != bool(new.body.cross_cutting):
        chapter = old.chapter.cross_cutting if old.body.cross_cutting else cross_cutting
        cross_cutting = comparison.heading(
            chapter, bool(old.body.cross_cutting), bool(new.body.cross_cutting)
        )
    view = dataclasses.replace(
        new,
        body=body,
        annex=annex,
        chapter=dataclasses.replace(new.chapter, cross_cutting=cross_cutting),
        pending=(),
    )
    return Redline(view, comparison.marks, tuple(_changes(comparison)), tuple(_renumbered(comparison)))


def _changes(comparison: _Comparison) -> Iterator[MessageChange]:
    old, new = comparison.old, comparison.new
    for uid in [*new, *(uid for uid in old if uid not in new)]:
        before, after = old.get(uid), new.get(uid)
        edited = bool(before and after and _text(before.paragraph) != _text(after.paragraph))
        if (
            before
            and after
            and (before.part, before.objective) == (after.part, after.objective)
            and not edited
        ):
            continue
        if before is None or after is None:
            change = Change.INSERTED if before is None else Change.DELETED
        else:
            change = (
                Change.EDITED
                if (before.part, before.objective) == (after.part, after.objective)
                else Change.MOVED_TO
            )
        shown = after or before
        assert shown is not None
        yield MessageChange(
            uid=uid,
            change=change,
            part=shown.part,
            old_number=before.paragraph.number if before else None,
            new_number=after.paragraph.number if after else None,
            old_objective=before.objective if before else None,
            new_objective=after.objective if after else None,
            edited=edited,
        )


def _renumbered(comparison: _Comparison) -> Iterator[Renumbered]:
    for uid, after in comparison.new.items():
        before = comparison.old.get(uid)
        if before and before.part == after.part and before.paragraph.number != after.paragraph.number:
            yield Renumbered(uid, after.part, before.paragraph.number, after.paragraph.number)
