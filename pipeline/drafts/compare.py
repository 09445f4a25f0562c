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
from difflib import SequenceMatcher

from pipeline.drafts.changes import PARTS, MessageChange, Position, Renumbered, SectionChange
from pipeline.render.tracked import Change, Mark
from pipeline.render.tracked import token as redline_token
from pipeline.render.view import ClusterView, DocumentView, Footnote, ParagraphView, PartView, SectionView


@dataclass(frozen=True)
class Redline:
    view: DocumentView
    marks: dict[str, Mark]
    changes: tuple[MessageChange, ...]
    sections: tuple[SectionChange, ...]
    renumbered: tuple[Renumbered, ...]


@dataclass(frozen=True)
class _Place:
    position: Position
    paragraph: ParagraphView


def _places(view: DocumentView) -> dict[str, _Place]:
    places: dict[str, _Place] = {}
    for name, part in zip(PARTS, (view.body, view.annex), strict=True):
        for cluster in part.clusters:
            for section in cluster.sections:
                places |= {
                    p.uid: _Place(Position(name, cluster.round_table, section.objective, p.number), p)
                    for p in section.paragraphs
                }
        places |= {p.uid: _Place(Position(name, None, None, p.number), p) for p in part.cross_cutting}
    return places


def _text(paragraph: ParagraphView) -> str:
    return paragraph.text + paragraph.marker


class _Comparison:
    def __init__(self, old: DocumentView, new: DocumentView):
        self.old, self.new = _places(old), _places(new)
        self.marks: dict[str, Mark] = {}
        self.moves: dict[str, str] = {}
        self.reordered: set[str] = set()  # messages that stay in their section but not in order

    def moved(self, uid: str) -> bool:
        """Return whether a message in both versions moved: to another section, or out of order."""
        return uid in self.reordered or self.old[uid].position.section != self.new[uid].position.section

    def token(self, mark: Mark) -> str:
        token = redline_token(len(self.marks) + 1)
        self.marks[token] = mark
        return token

    def note(self, note: Footnote, mark: Mark) -> Footnote:
        """Return *note* with a token in place of its text (its number or letter kept)."""
        return dataclasses.replace(note, text=self.token(mark))

    def move(self, uid: str) -> str:
        return self.moves.setdefault(uid, f"move{len(self.moves) + 1}")

    def present(self, paragraph: ParagraphView) -> ParagraphView:
        """Return a paragraph of the newer version, its text and footnote tokens marked."""
        before = self.old.get(paragraph.uid)
        text, note = _text(paragraph), paragraph.note
        if before is None or self.moved(paragraph.uid):  # the paragraph and its call change as a whole
            if before is None:
                change = Mark(Change.INSERTED, new=text)
            else:
                old = _text(before.paragraph)
                change = Mark(Change.MOVED_TO, old=old, new=text, move=self.move(paragraph.uid))
            called = note if note.shared else self.note(note, Mark(Change.INSERTED, new=note.text))
            return dataclasses.replace(paragraph, text=self.token(change), marker="", note=called)
        old_text, old_note = _text(before.paragraph), before.paragraph.note
        edit = Mark(Change.SAME if old_text == text else Change.EDITED, old=old_text, new=text)
        return dataclasses.replace(
            paragraph, text=self.token(edit), marker="", note=self.call(old_note, note)
        )

    def call(self, old: Footnote, new: Footnote) -> Footnote:
        """Return the footnote call of a paragraph that stays: its note's text tracked when it is
        the same kind of call with the same mark; else the old call deleted and the new inserted
        (a note called again where the paragraph had its own, a lettered note relettered)."""
        if old.shared == new.shared and (old.mark == new.mark or not (new.shared or new.lettered)):
            if new.shared:
                return new
            change = Change.SAME if old.text == new.text else Change.EDITED
            return self.note(new, Mark(change, old=old.text, new=new.text))
        return dataclasses.replace(self.slot(new, inserted=True), previous=self.slot(old, inserted=False))

    def slot(self, note: Footnote, inserted: bool) -> Footnote:
        """Return *note*'s call with its run marked as inserted or deleted (and its text with it)."""
        run = Change.RUN_INSERTED if inserted else Change.RUN_DELETED
        if note.shared:
            mark = self.token(Mark(run, new=note.mark) if inserted else Mark(run, old=note.mark))
            return dataclasses.replace(note, mark=mark)
        content = Mark(Change.INSERTED, new=note.text) if inserted else Mark(Change.DELETED, old=note.text)
        return dataclasses.replace(self.note(note, content), tracked=self.token(Mark(run)))

    def ghost(self, paragraph: ParagraphView) -> ParagraphView:
        """Return a paragraph of the older version that is no longer where it was."""
        if paragraph.uid in self.new:
            new = _text(self.new[paragraph.uid].paragraph)
            mark = Mark(Change.MOVED_FROM, old=_text(paragraph), new=new, move=self.move(paragraph.uid))
        else:
            mark = Mark(Change.DELETED, old=_text(paragraph))
        note = paragraph.note
        if not note.shared:
            note = self.note(note, Mark(Change.DELETED, old=note.text))
        return dataclasses.replace(paragraph, text=self.token(mark), marker="", note=note)

    def paragraphs(
        self, old: tuple[ParagraphView, ...], new: tuple[ParagraphView, ...]
    ) -> tuple[ParagraphView, ...]:
        """Return *new*'s paragraphs with *old*'s that left standing after their last surviving
        predecessor (at the start when none survives). Of the messages in both, the longest run
        in the same order stays; the others moved."""
        old_ids, new_ids = [p.uid for p in old], [p.uid for p in new]
        shared_old = [uid for uid in old_ids if uid in set(new_ids)]
        shared_new = [uid for uid in new_ids if uid in set(old_ids)]
        matcher = SequenceMatcher(None, shared_old, shared_new, autojunk=False)
        staying = {uid for a, _, size in matcher.get_matching_blocks() for uid in shared_old[a : a + size]}
        self.reordered |= set(shared_old) - staying
        after: dict[str | None, list[ParagraphView]] = {}
        anchor = None
        for paragraph in old:
            if paragraph.uid in staying:
                anchor = paragraph.uid
            else:
                after.setdefault(anchor, []).append(self.ghost(paragraph))
        merged = list(after.get(None, []))
        for paragraph in new:
            merged += [self.present(paragraph), *after.get(paragraph.uid, [])]
        return tuple(merged)

    def heading(self, text: str, in_old: bool, in_new: bool) -> str:
        """Return a heading, marked when it stands in one version only."""
        if in_old and in_new or not text:
            return text
        return self.token(Mark(Change.INSERTED if in_new else Change.DELETED)) + text

    def label(self, old: str | None, new: str) -> str:
        """Return a heading's letter, marked when it changed (a cluster before it came or went)."""
        if old is None or old == new:
            return new
        return self.token(Mark(Change.EDITED, old=old, new=new))

    def part(self, old: PartView, new: PartView) -> PartView:
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
                            was.paragraphs if was else (), now.paragraphs if now else ()
                        ),
                        objective=objective,
                    )
                )
            title = self.heading(shown.title, before is not None, after is not None)
            label = self.label(before.label if before else None, shown.label)
            clusters.append(ClusterView(label, title, tuple(sections), key))
        cross = self.paragraphs(old.cross_cutting, new.cross_cutting)
        label = new.cross_cutting_label or old.cross_cutting_label
        if old.cross_cutting and new.cross_cutting:
            label = self.label(old.cross_cutting_label, label)
        label = self.heading(label, bool(old.cross_cutting), bool(new.cross_cutting)) if cross else ""
        count = sum(len(section.paragraphs) for cluster in clusters for section in cluster.sections)
        return PartView(tuple(clusters), cross, label, count + len(cross))


def compare(old: DocumentView, new: DocumentView) -> Redline:
    """Return the redline of *old* becoming *new* (two views of the outcome in the same language)."""
    comparison = _Comparison(old, new)
    body = comparison.part(old.body, new.body)
    annex = comparison.part(old.annex, new.annex)
    words = new.words
    if bool(old.annex.count) != bool(new.annex.count):
        # The sentence that says no consultation was received stands in one version only.
        annex = dataclasses.replace(annex, count=0)
        said = comparison.heading(words.annex_empty, not old.annex.count, not new.annex.count)
        words = dataclasses.replace(words, annex_empty=said)
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
        words=words,
        pending=(),
    )
    return Redline(
        view,
        comparison.marks,
        tuple(_changes(comparison)),
        tuple(_sections(comparison)),
        tuple(_renumbered(comparison)),
    )


def _changes(comparison: _Comparison) -> Iterator[MessageChange]:
    old, new = comparison.old, comparison.new
    merged_into = {uid: place for place in new.values() for uid in place.paragraph.merged}
    for uid in [*new, *(uid for uid in old if uid not in new)]:
        before, after = old.get(uid), new.get(uid)
        if before is None or after is None:
            change = Change.INSERTED if before is None else Change.DELETED
            edited = footnote_edited = False
        else:
            edited = _text(before.paragraph) != _text(after.paragraph)
            footnote_edited = before.paragraph.events != after.paragraph.events  # what it cites
            moved = comparison.moved(uid)
            if not (moved or edited or footnote_edited):
                continue
            change = Change.MOVED_TO if moved else Change.EDITED
        host = merged_into.get(uid) if after is None else None
        yield MessageChange(
            uid=uid,
            change=change,
            before=before.position if before else None,
            after=after.position if after else None,
            edited=edited,
            footnote_edited=footnote_edited,
            merged_into=(host.paragraph.uid, host.position.number) if host else None,
        )


def _sections(comparison: _Comparison) -> Iterator[SectionChange]:
    def sections(places: dict[str, _Place]) -> set[tuple[str, int | None]]:
        return {(place.position.part, place.position.objective) for place in places.values()}

    old, new = sections(comparison.old), sections(comparison.new)
    for part, objective in sorted(old ^ new, key=lambda item: (item[0], item[1] is None, item[1] or 0)):
        yield SectionChange(part, objective, Change.DELETED if (part, objective) in old else Change.INSERTED)


def _renumbered(comparison: _Comparison) -> Iterator[Renumbered]:
    for uid, after in comparison.new.items():
        before = comparison.old.get(uid)
        if (
            before
            and before.position.part == after.position.part
            and before.position.number != after.position.number
        ):
            yield Renumbered(uid, after.position.part, before.position.number, after.position.number)
