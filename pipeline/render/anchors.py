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
- `_fix_<k>_<n>_<hash>_<order>`: the k-th of the n other paragraphs with text: headings, the
  masthead, chapter II's paragraph, the timeline's cells, written by the pipeline (not absorbable);
  `order` is the hash of the message paragraphs' keys and texts' hashes in order, so that a
  message paragraph deleted in Word (its anchor gone with it) can be named for certain when the
  sources still print the same messages, unchanged.

Notes carry no anchor (LibreOffice drops bookmarks in notes): a note is known by the paragraph
that calls it.

Nothing visible changes. Word allows 40 characters in a name; these take at most 38 (with fewer
than 100,000 paragraphs).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.render.wordml import FOOTNOTE_REFERENCE_STYLE, parent_of, qn
from pipeline.text import BIDI_CONTROLS, clean_text

MESSAGE, FRONT, FIXED = "msg", "front", "fix"
_NAME = re.compile(
    r"_(msg|front|fix)_(?:([0-9a-f]{12}|[a-z]+)_)?(\d+)_(\d+)_([0-9a-f]{8})(?:_([0-9a-f]{8}))?"
)
_KEYS = {MESSAGE: "[0-9a-f]{12}", FRONT: "[a-z]+"}  # what stands between the kind and the place
GONE = (qn("w:del"), qn("w:moveFrom"))  # what accepting every change removes
_TEXT_BOX = qn("w:txbxContent")
_DIRECTION = dict.fromkeys(map(ord, BIDI_CONTROLS))
_SPACING = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # as clean_text collapses it
# The styles of a note's mark: the pipeline's (Word's own names), and those LibreOffice gives them
# when it saves the file again.
MARK_STYLES = frozenset(
    (FOOTNOTE_REFERENCE_STYLE, "FootnoteAnchor", "FootnoteCharacters")
    + ("EndnoteReference", "EndnoteAnchor", "EndnoteCharacters")
)
_CALLS = (qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:footnoteRef"), qn("w:endnoteRef"))
_SPECIAL = {
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): " ",
    qn("w:cr"): " ",
    qn("w:noBreakHyphen"): "\u2011",
}
_SPECIAL[qn("w:softHyphen")] = "\u00ad"


@dataclass(frozen=True)
class Anchor:
    """What an anchor's name says: its kind, its message (or chapter), the hash of its text as built,
    its place k and how many of its kind there were, n (for a chapter: its paragraph and paragraphs)."""

    kind: str
    key: str
    digest: str
    place: int
    count: int
    order: str = ""  # of a paragraph the pipeline writes: the hash of the messages' keys, in order


def parse(name: str) -> Anchor | None:
    """Return what the bookmark *name* says, or None when it is not one of the pipeline's anchors."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    kind, key, place, count, digest, order = match.groups()
    if not re.fullmatch(_KEYS.get(kind, ""), key or "") or (order is not None) != (kind == FIXED):
        return None
    return Anchor(kind, key or "", digest, int(place), int(count), order or "")


def message_key(uid: str) -> str:
    """Return the 12 hex digits that stand for the message *uid* in its anchor."""
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]


def digest(text: str) -> str:
    """Return the short hash of *text*, direction marks (such as those that keep digit ranges in
    order in Arabic) and spacing apart: the text as pipeline.text.clean_text cleans what the
    pipeline writes, at a fraction of its cost (absorb hashes texts it has cleaned itself)."""
    canonical = unicodedata.normalize("NFC", _SPACING.sub(" ", text.translate(_DIRECTION)).strip())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def paragraph_text(paragraph: etree._Element) -> str:
    """Return the paragraph's text with every tracked change accepted, without note marks: what
    Word shows once every change is accepted (a line break as a space, a non-breaking hyphen as
    U+2011, a symbol from a symbol font as U+FFFD), text boxes apart."""
    parts = []
    mark = None  # the mark of the note just called, which LibreOffice may write a second time
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag in GONE or a.tag == _TEXT_BOX for a in _ancestors(run, paragraph)):
            continue
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if _is_mark(run, text):
            mark = text or None  # a mark written again, or a note's call
            continue
        if text and text == mark:
            mark = None
            continue
        mark, custom = None, False
        for child in run:
            if child.tag in _CALLS:  # the call itself; a custom mark (a letter) follows it
                custom = child.get(qn("w:customMarkFollows")) in ("1", "true", "on")
                mark = ""
            elif child.tag == qn("w:t") and custom:
                custom, mark = False, child.text or None
            elif child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag == qn("w:sym"):
                parts.append(_symbol(child))
            else:
                parts.append(_SPECIAL.get(str(child.tag), ""))
    return "".join(parts)


def _ancestors(element: etree._Element, stop: etree._Element) -> Iterable[etree._Element]:
    """Yield the ancestors of *element* up to *stop* (not included)."""
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return
        yield ancestor


def _symbol(symbol: etree._Element) -> str:
    """Return the character a w:sym inserts: U+FFFD for a symbol font's own code (U+F000–U+F0FF,
    which no text font shows) or when it does not say."""
    try:
        code = int(symbol.get(qn("w:char"), "FFFD"), 16)
    except ValueError:
        return "\ufffd"
    return "\ufffd" if 0xF000 <= code <= 0xF0FF else chr(code)


def _is_mark(run: etree._Element, text: str) -> bool:
    """Tell whether *run* is a note's mark written again in a mark's style (a number, or a letter
    or two), not words typed after a mark, which Word gives the same style."""
    style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    if any(child.tag in _CALLS for child in run) or style is None:
        return False
    baseline = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
    lowered = baseline is not None and baseline.get(qn("w:val")) == "baseline"
    letters = len(text) <= 2 and all(char.isalpha() or char == "\u0640" for char in text)  # ـ: tatweel
    return (
        style.get(qn("w:val")) in MARK_STYLES and not lowered and bool(text) and (text.isdigit() or letters)
    )


def anchor_names(element: etree._Element) -> list[str]:
    """Return the names of the bookmarks that start in *element*."""
    return [mark.get(qn("w:name"), "") for mark in element.iter(qn("w:bookmarkStart"))]


class Anchoring:
    """Puts anchors into the parts of one document, each bookmark with an id of its own."""

    def __init__(self, parts: Iterable[etree._Element]):
        numbers = [int(m.get(qn("w:id"), "0")) for p in parts for m in p.iter(qn("w:bookmarkStart"))]
        self.next_id = max([0, *numbers]) + 1
        self.order = order_digest(())

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
        keys = [(message_key(uid), digest(text or "")) for _, uid, text in kept]
        self.order = order_digest(key + hashed for key, hashed in keys)
        for place, ((token, _, _), (key, hashed)) in enumerate(zip(kept, keys, strict=True), start=1):
            paragraph = parent_of(found[token])
            while paragraph.tag != qn("w:p"):
                paragraph = parent_of(paragraph)
            self.mark(paragraph, f"_{MESSAGE}_{key}_{place}_{len(kept)}_{hashed}")

    def others(self, body: etree._Element, front: Sequence[tuple[str, int, str, str]]) -> None:
        """Anchor the hand-written chapters' paragraphs (*front*: chapter, number, label, text), found
        by their text, then every other paragraph with text."""
        counts = {chapter: number for chapter, number, _, _ in front}  # the last paragraph's number
        expected: dict[str, list[tuple[str, int, str]]] = {}
        for chapter, number, label, text in front:
            expected.setdefault(f"{label}\t{text}", []).append((chapter, number, text))
        fixed = []
        for paragraph in body.iter(qn("w:p")):
            if any(parse(name) for name in anchor_names(paragraph)):
                continue
            text = paragraph_text(paragraph)
            if expected.get(text):
                chapter, number, written = expected[text].pop(0)
                self.mark(paragraph, f"_{FRONT}_{chapter}_{number}_{counts[chapter]}_{digest(written)}")
            elif clean_text(text)[0]:
                fixed.append((paragraph, text))
        for place, (paragraph, text) in enumerate(fixed, start=1):
            self.mark(paragraph, f"_{FIXED}_{place}_{len(fixed)}_{digest(text)}_{self.order}")


def order_digest(keys: Iterable[str]) -> str:
    """Return the hash of the message paragraphs' keys and texts' hashes, in their order."""
    return hashlib.sha256(" ".join(keys).encode("ascii")).hexdigest()[:8]


def note_paragraphs(notes: etree._Element) -> list[etree._Element]:
    """Return the first paragraph of each footnote or endnote of *notes* (separators apart)."""
    found = []
    for note in notes:
        if note.tag in (qn("w:footnote"), qn("w:endnote")) and note.get(qn("w:type"), "normal") == "normal":
            paragraph = note.find(qn("w:p"))
            if paragraph is not None:
                found.append(paragraph)
    return found
