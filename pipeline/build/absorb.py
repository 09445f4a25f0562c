"""`outcome absorb FILE.docx`: the edits made in a built outcome document, back into the sources.

Every paragraph carries an anchor (pipeline.render.anchors): what it comes from, and the hash of
its text as built. A message's paragraph whose text changed (typed, or as tracked changes, pending
ones taken as accepted and listed with their author) gives that language's new text of the message,
written in place in its summary; a paragraph of a hand-written chapter, into its Markdown file.
A text that changed in the sources too since the document was built is a conflict: reported,
nothing written for it. Headings, numbers, notes and the pipeline's own paragraphs are not
absorbable: their edits are reported. Paragraphs deleted, moved, split, joined, or added without an
anchor are reported, never invented into messages; `--apply-deletions` removes deleted messages.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.build import validate
from pipeline.build.absorb_notes import note_findings
from pipeline.build.absorb_order import Seen, Unanchored, place
from pipeline.build.absorb_read import EditedDocument, Paragraph, clean, read_document, split_label
from pipeline.build.absorb_report import Absorbed, change, excerpt, quoted, written_from
from pipeline.build.absorb_write import Edit, Writing
from pipeline.errors import PipelineError, display_path
from pipeline.merge import merge
from pipeline.model import Corpus
from pipeline.render.anchors import FIXED, FRONT, MESSAGE, Anchor, digest, message_key
from pipeline.render.view import ParagraphView, document_view


class _Absorbing:
    def __init__(self, edited: EditedDocument, corpus: Corpus, sources: Path):
        self.edited, self.corpus, self.sources = edited, corpus, sources
        self.language = edited.language
        self.view = document_view(merge(corpus), self.language)
        self.printed = [*self.view.body.paragraphs, *self.view.annex.paragraphs]
        self.now = {message_key(p.uid): p for p in self.printed}
        self.annex = {p.uid for p in self.view.annex.paragraphs}
        self.messages = {m.uid: (s, m) for s in corpus.summaries for m in s.messages}
        self.uids = {message_key(uid): uid for uid in self.messages}
        self.result = Absorbed(self.language)
        self.writing = Writing(sources, self.language)
        self.seen: list[Seen] = []
        self.seen_places: dict[str, set[int]] = {FRONT: set(), FIXED: set()}
        self.counts: dict[str, int] = {}
        self.orders: set[str] = set()  # the message order the document was built with
        self.unanchored: list[Unanchored] = []
        self.found: dict[int, ParagraphView] = {}  # messages found by their text, their anchor lost
        self.emptied: list[Anchor] = []  # message paragraphs emptied (a pending tracked deletion)
        self.rewritten: set[str] = set()  # of those, the ones whose paragraph holds other text now

    def shown_as(self, paragraph: Paragraph) -> ParagraphView | None:
        """Return the message paragraph the sources give now for *paragraph*, if it is one."""
        anchor = paragraph.anchor
        if anchor and anchor.kind == MESSAGE:
            return self.now.get(anchor.key)
        return self.found.get(paragraph.number)

    def where(self, paragraph: Paragraph) -> str:
        """Name *paragraph* so that the editor finds it: its message and number, or its words."""
        anchor, label = paragraph.anchor, split_label(paragraph.text)[0]
        uid = self.found[paragraph.number].uid if paragraph.number in self.found else None
        if anchor and anchor.kind == MESSAGE:
            uid = self.uids.get(anchor.key, "a message no longer in the sources")
        if uid:
            part = " of the annex" if uid in self.annex else ""
            return f"{uid} (paragraph {label.rstrip('.- ')}{part})" if label else uid
        if anchor and anchor.kind == FRONT:
            return f"paragraph {anchor.place} of the {anchor.key}"
        return excerpt(clean(paragraph.text), 40) if clean(paragraph.text) else "an empty paragraph"

    def run(self) -> None:
        previous, heading, covered, last = "the start", "", 0, 0
        for paragraph in self.edited.paragraphs:
            self.result.comments.extend((self.where(paragraph), c) for c in paragraph.comments)
            self.emptied += [a for a in paragraph.emptied if a.kind == MESSAGE]
            if paragraph.emptied and not paragraph.anchors and clean(paragraph.text):
                self.rewritten |= {a.key for a in paragraph.emptied}  # its text typed over, whole
            for each in paragraph.anchors:
                self.counts[each.kind] = max(self.counts.get(each.kind, 0), each.count)
                self.orders.update({each.order} - {""})
            anchor = paragraph.anchor
            if paragraph.number <= covered:  # part of a paragraph Word split or joined: reported
                self.mark_seen(paragraph, previous, heading)
            elif anchor is None:
                if clean(paragraph.text):
                    self.unanchored.append(Unanchored(paragraph, previous, heading, last))
            else:
                covered = self.anchored(paragraph, anchor, previous, heading)
                previous = self.where(paragraph)
                last = anchor.place if anchor.kind == MESSAGE else last
            if paragraph.heading and clean(paragraph.text):
                heading = clean(paragraph.text)
        self.order()
        changed, added, comments = note_findings(
            self.edited, self.shown_as, self.where, self.view.attribution
        )
        self.result.not_absorbable += changed
        self.result.added += added
        self.result.comments += comments
        self.gone()

    def mark_seen(self, paragraph: Paragraph, previous: str, heading: str, whole: bool = False) -> None:
        """Count every anchor of *paragraph* as found (none of them deleted), taking nothing from it."""
        for anchor in paragraph.anchors:
            if anchor.kind == MESSAGE:
                self.seen.append(Seen(paragraph, anchor, previous, heading, whole))
            else:
                self.seen_places[anchor.kind].add(anchor.place)

    def anchored(self, paragraph: Paragraph, anchor: Anchor, previous: str, heading: str) -> int:
        """Take or report *paragraph*; return the last paragraph it covers (Word may split one, or
        join it with the next)."""
        joined = len(paragraph.anchors) > 1 or paragraph.joins_next
        if joined or paragraph.reaches > paragraph.number:
            end = paragraph.number + 1 if paragraph.joins_next else paragraph.reaches
            parts = self.edited.paragraphs[paragraph.number - 1 : end]
            self.mark_seen(paragraph, previous, heading)
            names = [self.where(paragraph)] if len(paragraph.anchors) == 1 else []
            names += [self.name(a) for a in paragraph.anchors[len(names) :]]
            if paragraph.joins_next and end <= len(self.edited.paragraphs):
                names.append(self.where(self.edited.paragraphs[end - 1]))
            how = "joined into one paragraph" if joined else f"split into {len(parts)} paragraphs"
            texts = " / ".join(quoted(part.body) for part in parts if part.body)
            self.result.not_absorbable.append(
                f"{' and '.join(names)}: {how} in the document; not absorbed (change each in its "
                f"source): {texts}"
            )
            return max(end, paragraph.number)
        if anchor.kind == MESSAGE:
            if not paragraph.body:  # emptied: deleted, typed or as a pending tracked deletion
                self.emptied.append(anchor)
                return paragraph.number
            if any(item.anchor.key == anchor.key for item in self.seen):
                self.result.not_absorbable.append(f"{self.where(paragraph)}: it stands twice in the document")
                return paragraph.number
            self.seen.append(Seen(paragraph, anchor, previous, heading))
            self.message(paragraph, anchor)
        elif anchor.kind == FRONT:
            self.front(paragraph, anchor)
        elif anchor.kind == FIXED:
            self.fixed(paragraph, anchor)
        return paragraph.number

    def name(self, anchor: Anchor) -> str:
        """Name what *anchor* stands for."""
        if anchor.kind == MESSAGE:
            return self.uids.get(anchor.key, "a message no longer in the sources")
        if anchor.kind == FRONT:
            return f"paragraph {anchor.place} of the {anchor.key}"
        return "a heading or paragraph written by the pipeline"

    def message(self, paragraph: Paragraph, anchor: Anchor) -> None:
        uid, now = self.uids.get(anchor.key), self.now.get(anchor.key)
        text = paragraph.body
        if digest(text) == anchor.digest:
            return
        where = self.where(paragraph)
        if uid is None or now is None:
            gone = "no longer in the sources" if uid is None else "no longer printed (merged by same_as?)"
            self.result.conflicts.append(
                f"{where}: edited in the document, but {gone}; its text there: {quoted(text)}"
            )
            return
        written = clean(now.written)
        if text == written:
            return  # the same change made in the sources
        summary, message = self.messages[uid]
        if digest(written) != anchor.digest:
            what = f"its '{self.language}' text changed in the sources"
            if now.marker:  # its source changed: the translation in the document is stale now
                what = f"its '{summary.language}' source text changed, so this translation is stale"
            self.result.conflicts.append(
                f"{where}: edited in the document, and {what} since the document was built "
                f"({display_path(message.location.path)}:{message.location.line}); the document says "
                f"{quoted(text)}, the sources {quoted(written)}"
            )
            return
        source = message.text.get(self.language) or ""
        refusal = self.refusal(paragraph, now, text)
        if refusal:
            self.result.not_absorbable.append(f"{where}: {refusal}; its text in the document: {quoted(text)}")
            return
        new = clean(text.removesuffix(clean(now.citation))) if now.citation else text
        if new == source:
            return
        if paragraph.pending:
            self.result.pending.append(f"{uid} (by {', '.join(paragraph.pending)})")
        self.writing.edits.setdefault(message.location.path, []).append(Edit(summary, message, new))
        self.result.written.append(f"{uid}: {change(source, new)}")
        others = [code for code in message.text if code != self.language and message.text.get(code)]
        if summary.language == self.language and others:
            self.result.reminders.append(f"{uid}: its {', '.join(others)} translation is stale now")
        elif summary.language != self.language:
            self.result.reminders.append(f"{uid}: its '{summary.language}' text, which this translates")

    def refusal(self, paragraph: Paragraph, now: ParagraphView, text: str) -> str:
        """Say why the edited *text* of *paragraph* cannot be taken, or nothing."""
        message = self.messages[now.uid][1]
        if "\t" in paragraph.text and not split_label(paragraph.text)[0]:
            number = quoted(paragraph.text.split("\t")[0].strip())
            return f"{number} stands for its number {quoted(now.label)}: numbers follow the messages' order"
        if "\ufffd" in text:
            return "it holds a symbol from a symbol font (shown as �): type the character itself"
        if now.marker:
            return "the document shows another language's text awaiting translation (`outcome translations`)"
        if now.citation and not text.endswith(clean(now.citation)):
            return f"its citation {quoted(clean(now.citation))} was changed: citations come from events.yaml"
        if paragraph.crossed:
            return "words struck through or hidden in it: delete them or clear that formatting in Word first"
        if message.location.path.suffix != ".yaml":
            path = message.location.path
            own = path.with_name(f"{message.event}.{self.language}{path.suffix}")
            return f"it comes from the report {display_path(own if own.is_file() else path)}; edit the report"
        return ""

    def front(self, paragraph: Paragraph, anchor: Anchor) -> None:
        self.seen_places[FRONT].add(anchor.place)
        text, name = paragraph.body, f"paragraph {anchor.place} of the {anchor.key}"
        if digest(text) == anchor.digest:
            return
        chapter = self.view.introduction if anchor.key == "introduction" else ()
        now = clean(chapter[anchor.place - 1].text) if anchor.place <= len(chapter) else None
        if text == now:
            return
        if now is None or digest(now) != anchor.digest:
            self.result.conflicts.append(
                f"{name}: edited in the document, and changed in the sources since it was built; the "
                f"document says {quoted(text)}"
            )
            return
        refusal = self.writing.take_front(anchor.key, anchor.place, text)
        if refusal:
            self.result.not_absorbable.append(f"{name}: {refusal}; its text in the document: {quoted(text)}")
            return
        self.result.written.append(f"{name}: {change(now, text)}")
        if paragraph.pending:
            self.result.pending.append(f"{name} (by {', '.join(paragraph.pending)})")
        for other in self.corpus.review.languages:
            if other != self.language:
                self.result.reminders.append(f"{name} in '{other}' ({anchor.key}.{other}.md) to match")

    def fixed(self, paragraph: Paragraph, anchor: Anchor) -> None:
        self.seen_places[FIXED].add(anchor.place)
        if digest(clean(paragraph.text)) != anchor.digest:
            source = written_from(paragraph.style)
            self.result.not_absorbable.append(
                f"{excerpt(clean(paragraph.text))}: written by the pipeline from {source}; change it there"
            )

    def order(self) -> None:
        """Report moved, deleted and added paragraphs, and changed numbers."""
        built = (self.counts.get(MESSAGE, 0), self.orders)
        emptied = [(a, a.key not in self.rewritten) for a in self.emptied]
        placed = place(self.printed, self.seen, emptied, self.unanchored, built, self.uids, self.where)
        self.found = placed.found
        self.result.added += placed.added
        self.result.moved += placed.moved
        self.result.deleted += placed.deleted
        self.result.reminders += placed.reminders
        if placed.numbers:
            shown = "; ".join(placed.numbers[:3]) + "; …" * (len(placed.numbers) > 3)
            self.result.not_absorbable.append(
                f"paragraph numbers changed ({shown}): numbers follow the order of the messages"
            )

    def gone(self) -> None:
        """Report the pipeline's paragraphs and the introduction's paragraphs deleted."""
        gone = sorted(set(range(1, self.counts.get(FIXED, 0) + 1)) - self.seen_places[FIXED])
        if gone:
            self.result.not_absorbable.append(
                f"{len(gone)} paragraph{'s' * (len(gone) > 1)} written by the pipeline deleted in the "
                "document (headings, timeline…): the next build writes them again"
            )
        gone = sorted(set(range(1, self.counts.get(FRONT, 0) + 1)) - self.seen_places[FRONT])
        if gone:
            self.result.not_absorbable.append(
                f"paragraph(s) {', '.join(map(str, gone))} of the introduction deleted in the document: "
                "delete them in every language's front/introduction.*.md by hand"
            )


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
    result = absorbing.result
    deletions = [uid for uid, _, certain in result.deleted if certain] if apply_deletions else []
    absorbing.writing.write(result, deletions, absorbing.messages, dry_run)
    if result.comments:
        result.comments_file = absorbing.writing.comments(build, document, result.comments, dry_run)
    return result
