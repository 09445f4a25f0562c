"""Word tracked changes (w:ins, w:del, w:moveFrom, w:moveTo) written into a rendered document.

The redline's view puts a token where each message's text, footnote or heading stands; `Mark`
says what became of it between two drafts. `apply_marks` replaces each token: unchanged text
as it is, edited text diffed word by word, and whole paragraphs inserted, deleted or moved,
their paragraph marks too, so that accepting every change gives the newer document and
rejecting every change the older one. Author and date are fixed, so the file is reproducible.
"""

from __future__ import annotations

import copy
import enum
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from docx.oxml.ns import qn
from lxml import etree

from pipeline.render.wordml import PPR_ORDER, XML_SPACE, ensure, parent_of, properties_of

AUTHOR = "outcome"
TOKEN = re.compile("\u2060rl\\d+\u2060")
# Words, the spaces between them, and punctuation of either language, each a token of its own:
# the Arabic comma and semicolon separate words as the Latin ones do. Diacritics (harakat) belong
# to their word, so that adding or changing one is an edit of that word.
_TOKENS = re.compile(r"\s+|[،؛؟,;:.!?()\[\]«»\"“”'‘’]|[^\s،؛؟,;:.!?()\[\]«»\"“”'‘’]+")


class Change(enum.Enum):
    SAME = "same"
    EDITED = "edited"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED_FROM = "moved-from"
    MOVED_TO = "moved-to"


@dataclass(frozen=True)
class Mark:
    """What became of a text between two drafts: its change, old and new text, and for a move the
    name that links its two places."""

    change: Change
    old: str = ""
    new: str = ""
    move: str = ""


def token(number: int) -> str:
    """Return the token the redline's view puts in place of text number *number*."""
    return f"\u2060rl{number}\u2060"


def words(text: str) -> list[str]:
    """Return *text* as the tokens a word-level diff compares."""
    return _TOKENS.findall(text)


class _Writer:
    """Writes the changes with one author, one date, and ids unique in the whole document."""

    def __init__(self, date: str):
        self.date = date
        self.ids = itertools.count(1)

    def element(self, tag: str, **attributes: str) -> etree._Element:
        element = etree.Element(qn(f"w:{tag}"))
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        for key, value in attributes.items():
            element.set(qn(f"w:{key}"), value)
        return element

    def run(self, model: etree._Element, text: str, deleted: bool) -> etree._Element:
        """Return a copy of *model*'s properties with *text* (as deleted text when *deleted*)."""
        run = etree.Element(qn("w:r"))
        properties = model.find(qn("w:rPr"))
        if properties is not None:
            run.append(copy.deepcopy(properties))
        element = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
        element.text = text
        element.set(XML_SPACE, "preserve")
        return run

    def diff(self, run: etree._Element, old: str, new: str) -> None:
        """Replace *run* with runs that show *old* becoming *new*, word by word."""
        before, after = words(old), words(new)
        pieces: list[etree._Element] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
            if tag == "equal":
                pieces.append(self.run(run, "".join(after[j1:j2]), deleted=False))
                continue
            if i2 > i1:
                deletion = self.element("del")
                deletion.append(self.run(run, "".join(before[i1:i2]), deleted=True))
                pieces.append(deletion)
            if j2 > j1:
                insertion = self.element("ins")
                insertion.append(self.run(run, "".join(after[j1:j2]), deleted=False))
                pieces.append(insertion)
        for piece in pieces:
            run.addprevious(piece)
        parent_of(run).remove(run)

    def paragraph(self, paragraph: etree._Element, change: Change, move: str = "") -> None:
        """Mark the whole *paragraph* (its runs and its paragraph mark) as inserted, deleted or moved."""
        name = {
            Change.INSERTED: "ins",
            Change.DELETED: "del",
            Change.MOVED_FROM: "moveFrom",
            Change.MOVED_TO: "moveTo",
        }[change]
        runs = [child for child in paragraph if child.tag == qn("w:r")]
        if change is Change.DELETED:
            for run in runs:
                for text in run.findall(qn("w:t")):
                    text.tag = qn("w:delText")
        if runs:
            wrapper = self.element(name)
            runs[0].addprevious(wrapper)
            for run in runs:
                wrapper.append(run)
            if move:
                start = self.element(f"{name}RangeStart", name=move)
                end = etree.Element(qn(f"w:{name}RangeEnd"))
                end.set(qn("w:id"), start.get(qn("w:id")) or "")
                wrapper.addprevious(start)
                wrapper.addnext(end)
        mark = ensure(properties_of(paragraph, "pPr"), "rPr", PPR_ORDER)
        mark.insert(0, self.element(name))


def _paragraph_of(element: etree._Element) -> etree._Element:
    parent = parent_of(element)
    while parent.tag != qn("w:p"):
        parent = parent_of(parent)
    return parent


def _tokens(parts: list[etree._Element]) -> Iterator[tuple[etree._Element, str]]:
    for part in parts:
        for text in list(part.iter(qn("w:t"))):
            found = TOKEN.search(text.text or "")
            if found:
                yield text, found.group(0)


def apply_marks(parts: list[etree._Element], marks: Mapping[str, Mark], date: str) -> None:
    """Replace every token in *parts* (the body, the footnotes) by what its mark says."""
    writer = _Writer(date)
    for text, found in _tokens(parts):
        mark = marks[found]
        rest = (text.text or "").replace(found, "")
        paragraph = _paragraph_of(text)
        if rest:  # a heading: its own text follows the token; the paragraph changes as a whole
            text.text = rest
            if mark.change is not Change.SAME:
                writer.paragraph(paragraph, mark.change)
            continue
        run = parent_of(text)
        if mark.change is Change.EDITED:
            writer.diff(run, mark.old, mark.new)
            continue
        gone = mark.change in (Change.DELETED, Change.MOVED_FROM)
        text.text = mark.old if gone else mark.new
        if mark.change is not Change.SAME:
            writer.paragraph(paragraph, mark.change, mark.move)
