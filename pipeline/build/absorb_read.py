"""Read an edited outcome document for `outcome absorb`: its language, and each paragraph and note
with its anchors, its text with every tracked change accepted, who made the changes still pending,
and the comments on it."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.errors import PipelineError, display_path
from pipeline.languages import DOCUMENT_LANGUAGES
from pipeline.render.anchors import GONE, Anchor, note_paragraphs, paragraph_text, parse
from pipeline.render.tracked import AUTHOR
from pipeline.render.wordml import parent_of, qn
from pipeline.text import clean_text

DC = "{http://purl.org/dc/elements/1.1/}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLES = ("Heading", "Title", "Subtitle", "AnnexLabel", "TableTitle")
_CROSSED = ("strike", "dstrike", "vanish")  # words struck through or hidden: a mark-up, not text
_LABEL = re.compile(r"\s*(\d+(?:\.| ?-)|[IVX]+\.|[A-Z]\.)(?:\t| +)")


def clean(text: str) -> str:
    return clean_text(text)[0]


def split_label(text: str) -> tuple[str, str]:
    """Return a numbered paragraph's label ("12." or "12 -", before a tab, or before a space when
    the tab was lost) and its text; no label when none begins it."""
    found = _LABEL.match(text)
    return (found.group(1), text[found.end() :]) if found else ("", text)


@dataclass(frozen=True)
class Comment:
    """A comment of the document: who wrote it, when, and what."""

    author: str
    date: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (or a note) of the edited document."""

    number: int  # its place among the document's paragraphs (or notes), from 1
    anchors: tuple[Anchor, ...]
    text: str  # with every tracked change accepted, without note marks
    pending: tuple[str, ...] = ()  # the authors of the changes still pending in it (not the pipeline)
    comments: tuple[Comment, ...] = ()
    style: str = ""
    calls: tuple[str, ...] = ()  # the notes it calls: "footnote:3", "endnote:1"
    reaches: int = 0  # the paragraph its first anchor ends in: past this one when Word split it
    crossed: bool = False  # it holds words struck through or hidden
    emptied: tuple[Anchor, ...] = ()  # anchors left here with nothing inside (their text deleted)
    joins_next: bool = False  # its paragraph mark deleted as a tracked change: it runs into the next

    @property
    def anchor(self) -> Anchor | None:
        return self.anchors[0] if self.anchors else None

    @property
    def heading(self) -> bool:
        return self.style.startswith(_HEADING_STYLES)

    @property
    def body(self) -> str:
        """Its text without its label, cleaned."""
        return clean(split_label(self.text)[1])


@dataclass(frozen=True)
class EditedDocument:
    path: Path
    language: str
    paragraphs: tuple[Paragraph, ...]
    notes: dict[str, Paragraph]  # by what calls them: "footnote:3"


def read_document(path: Path) -> EditedDocument:
    """Return what *path*, an outcome document edited in Word, holds."""
    if path.suffix.lower() != ".docx":
        raise PipelineError(
            f"{display_path(path)}: not a Word file (.docx); absorb reads an outcome document"
        )
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            body = etree.fromstring(package.read("word/document.xml"))
            core = (
                etree.fromstring(package.read("docProps/core.xml")) if "docProps/core.xml" in names else None
            )
            parts = {
                name: etree.fromstring(package.read(f"word/{name}.xml"))
                for name in ("comments", "footnotes", "endnotes")
                if f"word/{name}.xml" in names
            }
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as error:
        raise PipelineError(f"{display_path(path)}: not a Word file that can be read ({error})") from None
    language = "" if core is None else (core.findtext(f"{DC}language") or "").strip()
    if language not in DOCUMENT_LANGUAGES:
        raise PipelineError(
            f"{display_path(path)}: not an outcome document built by `outcome build` (it names no "
            f"language of the outcome, {' or '.join(DOCUMENT_LANGUAGES)}, in its properties)"
        )
    comments = _comments(parts.get("comments"))
    _into_paragraphs(body)
    elements = [p for p in body.iter(qn("w:p")) if not any(a.tag == FALLBACK for a in p.iterancestors())]
    ends = _bookmark_ends(elements)
    moved = _moved_anchors(elements)
    said: set[str] = set()  # a comment over several paragraphs is listed once
    paragraphs = tuple(
        _paragraph(element, number, comments, said, moved, ends) for number, element in enumerate(elements, 1)
    )
    notes = {}
    for kind in ("footnote", "endnote"):
        for number, element in enumerate(
            note_paragraphs(parts[f"{kind}s"]) if f"{kind}s" in parts else (), 1
        ):
            note = f"{kind}:{parent_of(element).get(qn('w:id'))}"
            notes[note] = _paragraph(element, number, comments, said, {}, {})
    return EditedDocument(path, language, paragraphs, notes)


def _into_paragraphs(body: etree._Element) -> None:
    """Put each bookmark that Word left between paragraphs into the paragraph it stands at: a
    start into the next paragraph, an end into the one before."""
    for tag, step in ((qn("w:bookmarkStart"), "getnext"), (qn("w:bookmarkEnd"), "getprevious")):
        for mark in list(body.iter(tag)):
            if any(ancestor.tag == qn("w:p") for ancestor in mark.iterancestors()):
                continue
            neighbour = getattr(mark, step)()
            while neighbour is not None and neighbour.tag != qn("w:p"):
                neighbour = getattr(neighbour, step)()
            if neighbour is not None and tag == qn("w:bookmarkStart"):
                neighbour.insert(0, mark)
            elif neighbour is not None:
                neighbour.append(mark)


def _anchors(element: etree._Element, collapsed: bool = False) -> list[tuple[str, Anchor]]:
    """Return the bookmark id and anchor of each of the pipeline's anchors that start in *element*
    and hold something (with *collapsed*: those that hold nothing, their text deleted)."""
    found = []
    for mark in element.iter(qn("w:bookmarkStart")):
        anchor = parse(mark.get(qn("w:name"), ""))
        if anchor is not None and _collapsed(mark) == collapsed:
            found.append((mark.get(qn("w:id"), ""), anchor))
    return found


def _collapsed(start: etree._Element) -> bool:
    """Tell whether the bookmark *start* ends right away, holding nothing."""
    following = start.getnext()
    return (
        following is not None
        and following.tag == qn("w:bookmarkEnd")
        and following.get(qn("w:id")) == start.get(qn("w:id"))
    )


def _paragraph(
    element: etree._Element,
    number: int,
    comments: dict[str, Comment],
    said: set[str],
    moved: dict[str, Anchor],
    ends: dict[str, int],
) -> Paragraph:
    found = _anchors(element)
    anchors = [anchor for _, anchor in found]
    if any(m.get(qn("w:name"), "") in moved for m in element.iter(qn("w:moveFromRangeStart"))):
        anchors = []  # moved away whole, as a tracked change: the anchor goes with the text
    destinations = [m.get(qn("w:name"), "") for m in element.iter(qn("w:moveToRangeStart"))]
    anchors += [moved[name] for name in destinations if name in moved and moved[name] not in anchors]
    marks = element.iter(qn("w:commentRangeStart"), qn("w:commentReference"))
    ids = [
        i
        for i in dict.fromkeys(mark.get(qn("w:id"), "") for mark in marks)
        if i in comments and i not in said
    ]
    said.update(ids)
    authors = (change.get(qn("w:author"), "someone") for change in element.iter(qn("w:ins"), qn("w:del")))
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    calls = (
        f"{etree.QName(call).localname.removesuffix('Reference')}:{call.get(qn('w:id'))}"
        for call in element.iter(qn("w:footnoteReference"), qn("w:endnoteReference"))
        if not any(a.tag in GONE for a in call.iterancestors())
    )
    return Paragraph(
        number,
        tuple(anchors),
        paragraph_text(element),
        tuple(author for author in dict.fromkeys(authors) if author != AUTHOR),
        tuple(comments[i] for i in ids),
        "" if style is None else style.get(qn("w:val"), ""),
        tuple(calls),
        ends.get(found[0][0], number) if found else number,
        _crossed(element),
        tuple(anchor for _, anchor in _anchors(element, collapsed=True)),
        _mark_deleted(element) and bool(clean(paragraph_text(element))),
    )


def _mark_deleted(element: etree._Element) -> bool:
    """Tell whether the paragraph mark of *element* is deleted as a tracked change."""
    mark = element.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    return mark is not None and any(mark.find(tag) is not None for tag in GONE)


def _crossed(element: etree._Element) -> bool:
    """Tell whether *element* holds kept words struck through or hidden."""
    for run in element.iter(qn("w:r")):
        if any(a.tag in GONE for a in run.iterancestors()) or not "".join(run.itertext()).strip():
            continue
        for name in _CROSSED:
            mark = run.find(f"{qn('w:rPr')}/{qn(f'w:{name}')}")
            if mark is not None and mark.get(qn("w:val"), "true") not in ("false", "0", "off"):
                return True
    return False


def _bookmark_ends(elements: list[etree._Element]) -> dict[str, int]:
    """Return the number of the paragraph each bookmark ends in, by the bookmark's id."""
    return {
        mark.get(qn("w:id"), ""): number
        for number, element in enumerate(elements, 1)
        for mark in element.iter(qn("w:bookmarkEnd"))
    }


def _moved_anchors(elements: list[etree._Element]) -> dict[str, Anchor]:
    """Return the anchor of each paragraph moved away whole as a tracked change, by the move's name
    (Word may leave the bookmark where the text was; the text's new place then carries it)."""
    found = {}
    for element in elements:
        anchors = _anchors(element)
        if anchors and not clean(split_label(paragraph_text(element))[1]):  # nothing of it left here
            for start in element.iter(qn("w:moveFromRangeStart")):
                found[start.get(qn("w:name"), "")] = anchors[0][1]
    return found


def _comments(root: etree._Element | None) -> dict[str, Comment]:
    """Return the document's comments by id (none when it has no comments part)."""
    if root is None:
        return {}
    return {
        str(comment.get(qn("w:id"))): Comment(
            comment.get(qn("w:author"), ""),
            comment.get(qn("w:date"), "")[:10],
            " ".join(" ".join(comment.itertext()).split()),
        )
        for comment in root.iter(qn("w:comment"))
    }
