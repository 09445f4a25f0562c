"""Anchors: every paragraph of the Word file says, invisibly, where it comes from and what it said
when it was built, so that edits made in Word can be traced back to the sources (issue 17).

An anchor is a hidden bookmark (its name begins with "_", which Word keeps out of its Bookmark
list) around the paragraph's content; Word and LibreOffice keep it when the paragraph is edited,
moved, or its tracked changes accepted. Its name holds what `outcome absorb` needs, with the short
hash of the paragraph's text as built, so that a document read back weeks later still tells an
edit made in it from a change made in the sources since:

- `_msg_<message>_<k>_<n>_<hash>`: the k-th of the n message paragraphs, the message named by
  12 hex digits of its id's SHA-256, the hash that of its text (label and note marks apart);
- `_front_<chapter>_<p>_<n>_<hash>`: paragraph p of the n of a hand-written chapter (sources/front/);
- `_fix_<k>_<n>_<hash>`: the k-th of the n other paragraphs with text: headings, the masthead,
  chapter II's paragraph, the timeline's cells, written by the pipeline (not absorbable).

Notes carry no anchor (LibreOffice drops bookmarks in notes): a note is known by the paragraph
that calls it.

Nothing visible changes. Word allows 40 characters in a name; these take at most 38.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.render.wordml import FOOTNOTE_REFERENCE_STYLE, parent_of, qn
from pipeline.text import clean_text

MESSAGE, FRONT, FIXED = "msg", "front", "fix"
PREFIX = f"_{MESSAGE}_"
_NAME = re.compile(r"_(msg|front|fix)_(?:([0-9a-f]{12}|[a-z]+)_)?(\d+)_(\d+)_([0-9a-f]{8})")
_KEYS = {MESSAGE: "[0-9a-f]{12}", FRONT: "[a-z]+"}  # what stands between the kind and the place
_GONE = (qn("w:del"), qn("w:moveFrom"))
# The styles of a note's mark: the pipeline's (Word's own names), and those LibreOffice gives them
# when it saves the file again.
MARK_STYLES = frozenset(
    (FOOTNOTE_REFERENCE_STYLE, "FootnoteAnchor", "FootnoteCharacters")
    + ("EndnoteReference", "EndnoteAnchor", "EndnoteCharacters")
)
_CALLS = (qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:footnoteRef"), qn("w:endnoteRef"))


@dataclass(frozen=True)
class Anchor:
    """What an anchor's name says: its kind, its message (or chapter), the hash of its text as built,
    its place k and how many of its kind there were, n (for a chapter: its paragraph and paragraphs)."""

    kind: str
    key: str
    digest: str
    place: int
    count: int


def parse(name: str) -> Anchor | None:
    """Return what the bookmark *name* says, or None when it is not one of the pipeline's anchors."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    kind, key, place, count, digest = match.groups()
    if not re.fullmatch(_KEYS.get(kind, ""), key or ""):
        return None
    return Anchor(kind, key or "", digest, int(place), int(count))


def message_key(uid: str) -> str:
    """Return the 12 hex digits that stand for the message *uid* in its anchor."""
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]


def digest(text: str) -> str:
    """Return the short hash of *text* as cleaned (invisible marks, such as those that keep digit
    ranges in order in Arabic, and spacing apart)."""
    return hashlib.sha256(clean_text(text)[0].encode("utf-8")).hexdigest()[:8]


def paragraph_text(paragraph: etree._Element) -> str:
    """Return the paragraph's text with every tracked change accepted, without note marks."""
    parts = []
    mark = None  # the letter of the note just called, which LibreOffice may write a second time
    for run in paragraph.iter(qn("w:r")):
        if any(ancestor.tag in _GONE for ancestor in run.iterancestors()):
            continue
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if style is not None and style.get(qn("w:val")) in MARK_STYLES or any(c.tag in _CALLS for c in run):
            mark = text or None  # a note's mark (a letter follows a call in its run), not the text
            continue
        if text == mark:
            mark = None
            continue
        mark = None
        for child in run:
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag == qn("w:tab"):
                parts.append("\t")
    return "".join(parts)


def anchor_names(element: etree._Element) -> list[str]:
    """Return the names of the bookmarks that start in *element*."""
    return [mark.get(qn("w:name"), "") for mark in element.iter(qn("w:bookmarkStart"))]


class Anchoring:
    """Puts anchors into the parts of one document, each bookmark with an id of its own."""

    def __init__(self, parts: Iterable[etree._Element]):
        numbers = [int(m.get(qn("w:id"), "0")) for p in parts for m in p.iter(qn("w:bookmarkStart"))]
        self.next_id = max([0, *numbers]) + 1

    def mark(self, paragraph: etree._Element, name: str) -> None:
        """Put a bookmark named *name* around the content of *paragraph*."""
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(qn("w:id"), str(self.next_id))
        start.set(qn("w:name"), name)
        end = etree.Element(qn("w:bookmarkEnd"))
        end.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        properties = paragraph.find(qn("w:pPr"))
        paragraph.insert(0 if properties is None else paragraph.index(properties) + 1, start)
        paragraph.append(end)

    def messages(
        self, body: etree._Element, tokens: Sequence[str], uids: Sequence[str], texts: Sequence[str | None]
    ) -> None:
        """Anchor the paragraph that holds *tokens*[i] (its footnote token, before the footnotes are
        made) to the message *uids*[i] whose text as written is *texts*[i] (None: no anchor, as for
        a paragraph a redline shows deleted)."""
        wanted = set(tokens)
        found = {text.text: text for text in body.iter(qn("w:t")) if text.text in wanted}
        kept = [(token, uid, text) for token, uid, text in zip(tokens, uids, texts, strict=True)]
        kept = [(token, uid, text) for token, uid, text in kept if text is not None and token in found]
        for place, (token, uid, text) in enumerate(kept, start=1):
            paragraph = parent_of(found[token])
            while paragraph.tag != qn("w:p"):
                paragraph = parent_of(paragraph)
            self.mark(paragraph, f"_{MESSAGE}_{message_key(uid)}_{place}_{len(kept)}_{digest(text or '')}")

    def others(self, body: etree._Element, front: Sequence[tuple[str, int, str, str]]) -> None:
        """Anchor the hand-written chapters' paragraphs (*front*: chapter, number, label, text), found
        by their text, then every other paragraph with text."""
        counts = {chapter: number for chapter, number, _, _ in front}  # the last paragraph's number
        expected = {f"{label}\t{text}": (chapter, number, text) for chapter, number, label, text in front}
        fixed = []
        for paragraph in body.iter(qn("w:p")):
            if any(parse(name) for name in anchor_names(paragraph)):
                continue
            text = paragraph_text(paragraph)
            if text in expected:
                chapter, number, written = expected.pop(text)
                self.mark(paragraph, f"_{FRONT}_{chapter}_{number}_{counts[chapter]}_{digest(written)}")
            elif clean_text(text)[0]:
                fixed.append((paragraph, text))
        for place, (paragraph, text) in enumerate(fixed, start=1):
            self.mark(paragraph, f"_{FIXED}_{place}_{len(fixed)}_{digest(text)}")


def note_paragraphs(notes: etree._Element) -> list[etree._Element]:
    """Return the first paragraph of each footnote or endnote of *notes* (separators apart)."""
    found = []
    for note in notes:
        if note.tag in (qn("w:footnote"), qn("w:endnote")) and note.get(qn("w:type"), "normal") == "normal":
            paragraph = note.find(qn("w:p"))
            if paragraph is not None:
                found.append(paragraph)
    return found
