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
# Words and punctuation of either language, each a token with the spaces after it: the Arabic
# comma and semicolon separate words as the Latin ones do. Diacritics (harakat) belong to their
# word, so that adding or changing one is an edit of that word. Spaces never count as unchanged
# text on their own, so that a rewrite does not come out as words interleaved with their
# replacements.
_PUNCTUATION = "،؛؟,;:.!?()\\[\\]«»\"“”'‘’"
_TOKENS = re.compile(rf"[^\s{_PUNCTUATION}]+\s*|[{_PUNCTUATION}]\s*|\s+")


class Change(enum.Enum):
    SAME = "same"
    EDITED = "edited"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED_FROM = "moved-from"
    MOVED_TO = "moved-to"
    RUN_INSERTED = "run-inserted"  # one run of a paragraph that stays: a footnote call
    RUN_DELETED = "run-deleted"


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


def differences(before: list[str], after: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Return the opcodes turning *before* into *after*, an unchanged token lying alone between two
    changes folded into them (a reader sees one replaced phrase, not a word salad)."""
    ops: list[tuple[str, int, int, int, int]] = list(
        SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    )
    index = 1
    while index < len(ops) - 1:
        tag, i1, i2, _, _ = ops[index]
        first, last = ops[index - 1], ops[index + 1]
        if tag == "equal" and i2 - i1 == 1 and first[0] != "equal" and last[0] != "equal":
            ops[index - 1 : index + 2] = [("replace", first[1], last[2], first[3], last[4])]
            index = max(index - 1, 1)
            continue
        index += 1
    return ops


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

    def diff(self, run: etree._Element, old: str, new: str, change: Change = Change.EDITED) -> None:
        """Replace *run* with runs that show *old* becoming *new*, word by word. A moved message
        shows its deleted words in its old place and its inserted words in its new one, the
        words it kept in both, so that each place resolves on its own."""
        before, after = words(old), words(new)
        pieces: list[etree._Element] = []
        for tag, i1, i2, j1, j2 in differences(before, after):
            if tag == "equal":
                pieces.append(self.run(run, "".join(after[j1:j2]), deleted=False))
                continue
            if i2 > i1 and change is not Change.MOVED_TO:
                deletion = self.element("del")
                deletion.append(self.run(run, "".join(before[i1:i2]), deleted=True))
                pieces.append(deletion)
            if j2 > j1 and change is not Change.MOVED_FROM:
                insertion = self.element("ins")
                insertion.append(self.run(run, "".join(after[j1:j2]), deleted=False))
                pieces.append(insertion)
        for piece in pieces:
            run.addprevious(piece)
        parent_of(run).remove(run)

    def run_change(self, run: etree._Element, deleted: bool) -> None:
        """Mark *run* (a footnote call) as inserted or deleted, its text as deleted text."""
        wrapper = self.element("del" if deleted else "ins")
        run.addprevious(wrapper)
        wrapper.append(run)
        if deleted:
            for text in run.iter(qn("w:t")):
                text.tag = qn("w:delText")

    def paragraph(self, paragraph: etree._Element, change: Change, move: str = "") -> None:
        """Mark the whole *paragraph* (its runs and its paragraph mark) as inserted, deleted or moved."""
        name = {
            Change.INSERTED: "ins",
            Change.DELETED: "del",
            Change.MOVED_FROM: "moveFrom",
            Change.MOVED_TO: "moveTo",
        }[change]
        content = [child for child in paragraph if child.tag != qn("w:pPr")]
        if change is Change.DELETED:
            for text in paragraph.iter(qn("w:t")):
                text.tag = qn("w:delText")
        # Each stretch of plain runs gets its wrapper; the words a moved message lost or gained,
        # already tracked inside the paragraph, stay beside them.
        groups: list[list[etree._Element]] = []
        for child in content:
            if child.tag != qn("w:r"):
                groups.append([])
            elif groups and groups[-1]:
                groups[-1].append(child)
            else:
                groups.append([child])
        for group in filter(None, groups):
            wrapper = self.element(name)
            group[0].addprevious(wrapper)
            for run in group:
                wrapper.append(run)
        if move and content:
            start = self.element(f"{name}RangeStart", name=move)
            end = etree.Element(qn(f"w:{name}RangeEnd"))
            end.set(qn("w:id"), start.get(qn("w:id")) or "")
            first = next(child for child in paragraph if child.tag != qn("w:pPr"))
            first.addprevious(start)
            paragraph.append(end)
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
        if mark.change in (Change.RUN_INSERTED, Change.RUN_DELETED):  # the token's run alone
            text.text = rest + (mark.new or mark.old)
            writer.run_change(parent_of(text), deleted=mark.change is Change.RUN_DELETED)
            continue
        paragraph = _paragraph_of(text)
        if rest:  # a heading: its own text follows the token; the paragraph changes as a whole
            text.text = rest
            if mark.change is not Change.SAME:
                writer.paragraph(paragraph, mark.change)
            continue
        run = parent_of(text)
        moved = mark.change in (Change.MOVED_FROM, Change.MOVED_TO)
        if mark.change is Change.EDITED or (moved and mark.old != mark.new):
            writer.diff(run, mark.old, mark.new, mark.change)
            if moved:
                writer.paragraph(paragraph, mark.change, mark.move)
            continue
        gone = mark.change in (Change.DELETED, Change.MOVED_FROM)
        text.text = mark.old if gone else mark.new
        if mark.change is not Change.SAME:
            writer.paragraph(paragraph, mark.change, mark.move)
