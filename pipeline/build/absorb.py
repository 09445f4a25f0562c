"""`outcome absorb FILE.docx`: the edits made in a built outcome document, back into the sources.

Every paragraph carries an anchor (pipeline.render.anchors): what it comes from, and the hash of
its text as built. A message's paragraph whose text changed (typed, or as tracked changes, pending
ones taken as accepted and listed with their author) gives that language's new text of the message,
written in place in its summary; a paragraph of a hand-written chapter, into its Markdown file.
A text that changed in the sources too since the document was built is a conflict: reported,
nothing written for it. Headings, numbers, notes and the pipeline's own paragraphs are not
absorbable: their edits are reported. Paragraphs deleted, moved, or added without an anchor are
reported, never invented into messages; `--apply-deletions` removes deleted messages.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from pipeline.build import validate
from pipeline.build.absorb_notes import clean, note_findings, split_label
from pipeline.build.absorb_read import EditedDocument, Paragraph, read_document
from pipeline.build.absorb_report import Absorbed, change, excerpt, quoted, write_comments
from pipeline.build.absorb_write import Edit, delete_messages, front_refusal, write_front, write_summary
from pipeline.errors import PipelineError, display_path
from pipeline.front import FRONT_DIR
from pipeline.merge import merge
from pipeline.model import Corpus, KeyMessage
from pipeline.render.anchors import FIXED, FRONT, MESSAGE, Anchor, digest, message_key
from pipeline.render.view import ParagraphView, document_view
from pipeline.translations.yamledit import restored_on_error

_WHERE = {  # where a paragraph the pipeline writes comes from, by its style
    "UN": "review.yaml (the masthead)",
    "Table": "events.yaml (the timeline)",
    "NumberedParagraph": "events.yaml and the fixed words of pipeline/languages.py (chapter II)",
}


class _Absorbing:
    def __init__(self, edited: EditedDocument, corpus: Corpus, sources: Path):
        self.edited, self.corpus, self.sources = edited, corpus, sources
        self.language = edited.language
        self.view = document_view(merge(corpus), self.language)
        self.printed = [*self.view.body.paragraphs, *self.view.annex.paragraphs]
        self.now = {message_key(p.uid): p for p in self.printed}
        self.messages = {m.uid: (s, m) for s in corpus.summaries for m in s.messages}
        self.uids = {message_key(uid): uid for uid in self.messages}
        self.result = Absorbed(self.language)
        self.edits: dict[Path, list[Edit]] = {}
        self.front_edits: dict[Path, dict[int, str]] = {}
        self.seen: list[tuple[Paragraph, Anchor, str, str]] = []  # paragraph, anchor, after, heading
        self.seen_places: dict[str, set[int]] = {FRONT: set(), FIXED: set()}
        self.counts: dict[str, int] = {}
        self.unanchored: list[tuple[Paragraph, str, str]] = []
        self.consistent = False  # the sources print the messages the document was built with
        self.found: dict[int, ParagraphView] = {}  # messages found by their text, their anchor lost

    def shown_as(self, paragraph: Paragraph) -> ParagraphView | None:
        """Return the message paragraph the sources give now for *paragraph*, if it is one."""
        anchor = paragraph.anchor
        if anchor and anchor.kind == MESSAGE:
            return self.now.get(anchor.key)
        return self.found.get(paragraph.number)

    def where(self, paragraph: Paragraph) -> str:
        if paragraph.number in self.found:
            return self.found[paragraph.number].uid
        anchor = paragraph.anchor
        if anchor and anchor.kind == MESSAGE:
            return self.uids.get(
                anchor.key, f"paragraph {paragraph.number} (a message no longer in the sources)"
            )
        if anchor and anchor.kind == FRONT:
            return f"paragraph {anchor.place} of the {anchor.key}"
        return f"paragraph {paragraph.number} ({excerpt(clean(paragraph.text), 40)})"

    def run(self) -> None:
        previous, heading = "the start", ""
        for paragraph in self.edited.paragraphs:
            where = self.where(paragraph)
            self.result.comments.extend((where, comment) for comment in paragraph.comments)
            anchor = paragraph.anchor
            if anchor is None:
                if clean(paragraph.text):
                    self.unanchored.append((paragraph, previous, heading))
                continue
            self.counts[anchor.kind] = max(self.counts.get(anchor.kind, 0), anchor.count)
            if anchor.kind == MESSAGE:
                if clean(split_label(paragraph.text)[1]):  # an empty one is deleted (tracked)
                    self.seen.append((paragraph, anchor, previous, heading))
                    self.message(paragraph, anchor)
            elif anchor.kind == FRONT:
                self.front(paragraph, anchor)
            elif anchor.kind == FIXED:
                self.fixed(paragraph, anchor)
            if paragraph.heading and clean(paragraph.text):
                heading = clean(paragraph.text)
            previous = where
        self.order()
        self.notes()

    def message(self, paragraph: Paragraph, anchor: Anchor) -> None:
        uid = self.uids.get(anchor.key)
        text = clean(split_label(paragraph.text)[1])
        if digest(text) == anchor.digest:
            return
        now = self.now.get(anchor.key)
        if uid is None or now is None:
            gone = "no longer in the sources" if uid is None else "no longer printed (merged by same_as?)"
            self.result.conflicts.append(f"{self.where(paragraph)}: edited in the document, but {gone}")
            return
        written = clean(_written(now))
        if text == written:
            return  # the same change made in the sources
        if digest(written) != anchor.digest:
            self.result.conflicts.append(
                f"{uid}: its '{self.language}' text changed in the sources since the document was built"
            )
            return
        summary, message = self.messages[uid]
        source = message.text.get(self.language) or ""
        suffix = written[len(source) :] if written.startswith(source) else written
        refusal = self.refusal(message, now, text, suffix)
        if refusal:
            self.result.not_absorbable.append(f"{uid}: {refusal}; its text in the document: {quoted(text)}")
            return
        new = clean(text[: len(text) - len(suffix)])
        if new == source:
            return
        if paragraph.pending:
            self.result.pending.append(f"{uid} (by {', '.join(paragraph.pending)})")
        self.edits.setdefault(message.location.path, []).append((summary, message, new))
        self.result.written.append(f"{uid}: {change(source, new)}")

    def refusal(self, message: KeyMessage, now: ParagraphView, text: str, suffix: str) -> str:
        """Say why the edited *text* of *message* cannot be taken, or nothing."""
        if now.marker:
            return "the document shows another language's text awaiting translation (`outcome translations`)"
        if suffix and not text.endswith(suffix):
            return f"its citation {quoted(suffix.strip())} was changed: citations come from events.yaml"
        if message.location.path.suffix != ".yaml":
            return f"it comes from the report {display_path(message.location.path)}; edit the report"
        return ""

    def front(self, paragraph: Paragraph, anchor: Anchor) -> None:
        self.seen_places[FRONT].add(anchor.place)
        text = clean(split_label(paragraph.text)[1])
        name = f"paragraph {anchor.place} of the {anchor.key}"
        if digest(text) == anchor.digest:
            return
        chapter = self.view.introduction if anchor.key == "introduction" else ()
        now = clean(chapter[anchor.place - 1].text) if anchor.place <= len(chapter) else None
        if text == now:
            return
        if now is None or digest(now) != anchor.digest:
            self.result.conflicts.append(f"{name}: changed in the sources since the document was built")
            return
        path = self.sources / FRONT_DIR / f"{anchor.key}.{self.language}.md"
        refusal = "it is empty" if not text else front_refusal(path, anchor.place)
        if refusal:
            self.result.not_absorbable.append(f"{name}: {refusal}; its text in the document: {quoted(text)}")
            return
        self.front_edits.setdefault(path, {})[anchor.place] = text
        self.result.written.append(f"{name}: {change(now, text)}")
        for other in self.corpus.review.languages:
            if other != self.language and (path.parent / f"{anchor.key}.{other}.md").is_file():
                self.result.reminders.append(f"{name} in '{other}' ({anchor.key}.{other}.md) to match")

    def fixed(self, paragraph: Paragraph, anchor: Anchor) -> None:
        self.seen_places[FIXED].add(anchor.place)
        if digest(paragraph.text) != anchor.digest:
            source = next((s for p, s in _WHERE.items() if paragraph.style.startswith(p)), "")
            source = source or "the GCM reference data and review.yaml (headings)"
            self.result.not_absorbable.append(
                f"paragraph {paragraph.number}, now {excerpt(clean(paragraph.text))}: written by the "
                f"pipeline from {source}; change it there"
            )

    def notes(self) -> None:
        """Report the notes changed, deleted or added, and the fixed paragraphs deleted."""
        changed, added = note_findings(self.edited, self.shown_as, self.where, self.view.attribution)
        self.result.not_absorbable.extend(changed)
        self.result.added.extend(added)
        name = "paragraph written by the pipeline"
        gone = sorted(set(range(1, self.counts.get(FIXED, 0) + 1)) - self.seen_places[FIXED])
        if gone:
            self.result.not_absorbable.append(
                f"{len(gone)} {name}{'s' * (len(gone) > 1)} deleted in the document (number "
                f"{', '.join(map(str, gone))} of {self.counts[FIXED]}): the next build writes "
                f"{'them' if len(gone) > 1 else 'it'} again"
            )
        gone = sorted(set(range(1, self.counts.get(FRONT, 0) + 1)) - self.seen_places[FRONT])
        if gone:
            self.result.not_absorbable.append(
                f"paragraph(s) {', '.join(map(str, gone))} of the introduction deleted in the document: "
                f"delete them in every language's {FRONT_DIR}/introduction.*.md by hand"
            )

    def order(self) -> None:
        """Report moved messages, deleted ones, and paragraphs added without an anchor."""
        count = self.counts.get(MESSAGE, len(self.printed))
        order = [p.uid for p in self.printed]
        self.consistent = len(order) == count and all(
            message_key(order[a.place - 1]) == a.key for _, a, _, _ in self.seen
        )
        missing = set(range(1, count + 1)) - {a.place for _, a, _, _ in self.seen}
        for paragraph, after, heading in self.unanchored:
            text = clean(split_label(paragraph.text)[1])
            found = next(
                (
                    k
                    for k in sorted(missing)
                    if self.consistent and text == clean(_written(self.printed[k - 1]))
                ),
                None,
            )
            if found is not None:  # its anchor lost, its text the same
                missing.discard(found)
                self.found[paragraph.number] = self.printed[found - 1]
                self.result.reminders.append(
                    f"{order[found - 1]} found by its text at paragraph {paragraph.number}"
                )
            else:
                under = f" under {excerpt(heading)}" if heading else ""
                self.result.added.append(
                    f"paragraph {paragraph.number}{under}, after {after}: {excerpt(text)}"
                )
        places = [a.place for _, a, _, _ in self.seen]
        matcher = SequenceMatcher(None, sorted(places), places, autojunk=False)
        staying = {places[b + i] for _, b, size in matcher.get_matching_blocks() for i in range(size)}
        for paragraph, anchor, after, heading in self.seen:
            if anchor.place not in staying:
                self.result.moved.append(
                    f"{self.where(paragraph)}, now after {after} under {excerpt(heading)}"
                )
        if self.consistent:
            self.result.deleted = [order[k - 1] for k in sorted(missing)]
        else:
            self.result.deleted = [
                f"message paragraph {k} of {count} (the sources changed since the document was built: "
                "find it in the document as built)"
                for k in sorted(missing)
            ]
        numbers = [
            f"{a.place}: {quoted(split_label(p.text)[0])}, built as {quoted(self.printed[a.place - 1].label)}"
            for p, a, _, _ in self.seen
            if self.consistent and split_label(p.text)[0] not in ("", self.printed[a.place - 1].label)
        ]
        if numbers:
            self.result.not_absorbable.append(
                f"paragraph numbers changed ({'; '.join(numbers[:3])}{'; …' * (len(numbers) > 3)}): numbers "
                "follow the order of the messages"
            )

    def write(self, build: Path, dry_run: bool, apply_deletions: bool) -> None:
        removed: list[KeyMessage] = []
        if apply_deletions and self.consistent:
            removed = [self.messages[uid][1] for uid in self.result.deleted]
            removed = [message for message in removed if message.location.path.suffix == ".yaml"]
        self.result.deletions_applied = bool(removed) and not dry_run
        if dry_run:
            return
        paths = {*self.edits, *self.front_edits, *(m.location.path for m in removed)}
        with restored_on_error(paths):
            for path, changes in self.edits.items():
                write_summary(path, changes, self.language)
            for path, paragraphs in self.front_edits.items():
                write_front(path, paragraphs)
            for path in dict.fromkeys(m.location.path for m in removed):
                delete_messages(path, [m for m in removed if m.location.path == path])
            if removed:
                validate(self.sources)  # another message may name a removed one (same_as): put all back
        if self.result.comments:
            write_comments(build / f"comments.{self.language}.md", self.edited.path, self.result.comments)


def _written(paragraph: ParagraphView) -> str:
    return paragraph.text + paragraph.marker


def absorb(
    document: Path, sources: Path, build: Path, dry_run: bool = False, apply_deletions: bool = False
) -> Absorbed:
    """Write the edits of *document* into the sources (see the module's text); with
    *apply_deletions*, remove from them the messages whose paragraphs were deleted."""
    edited = read_document(document)
    if not any(paragraph.anchor for paragraph in edited.paragraphs):
        raise PipelineError(
            f"{display_path(document)}: no paragraph says where it comes from (an outcome document "
            "built before `outcome absorb` existed, or not one built by `outcome build`)"
        )
    absorbing = _Absorbing(edited, validate(sources).corpus, sources)
    absorbing.run()
    absorbing.write(build, dry_run, apply_deletions)
    return absorbing.result
