"""Read an edited outcome document for `outcome absorb`: its language, and each paragraph and note
with its anchor, its text with every tracked change accepted, who made the changes still pending,
and the comments on it."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.errors import PipelineError, display_path
from pipeline.ingest.package import check_file
from pipeline.languages import DOCUMENT_LANGUAGES
from pipeline.render.anchors import Anchor, anchor_names, note_paragraphs, paragraph_text, parse
from pipeline.render.tracked import AUTHOR
from pipeline.render.wordml import parent_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
_HEADING_STYLES = ("Heading", "Title", "Subtitle", "AnnexLabel", "TableTitle")


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
    anchor: Anchor | None
    text: str  # with every tracked change accepted, without note marks
    pending: tuple[str, ...] = ()  # the authors of the changes still pending in it (not the pipeline)
    comments: tuple[Comment, ...] = ()
    style: str = ""
    in_table: bool = False
    calls: tuple[str, ...] = ()  # the ids of the notes it calls

    @property
    def heading(self) -> bool:
        return self.style.startswith(_HEADING_STYLES)


@dataclass(frozen=True)
class EditedDocument:
    path: Path
    language: str
    paragraphs: tuple[Paragraph, ...]
    notes: dict[str, Paragraph]  # by the note's id in the document
    kind: str  # "footnote" or "endnote": what the paragraphs call


def read_document(path: Path) -> EditedDocument:
    """Return what *path*, an outcome document edited in Word, holds."""
    check_file(path)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            body = etree.fromstring(package.read("word/document.xml"))
            core = etree.fromstring(package.read("docProps/core.xml"))
            parts = {
                name: etree.fromstring(package.read(f"word/{name}.xml"))
                for name in ("comments", "footnotes", "endnotes")
                if f"word/{name}.xml" in names
            }
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise PipelineError(f"{display_path(path)}: not an outcome document ({error})") from None
    language = (core.findtext(f"{DC}language") or "").strip()
    if language not in DOCUMENT_LANGUAGES:
        raise PipelineError(
            f"{display_path(path)}: not an outcome document built by `outcome build` (its language "
            f"{language!r} is none of {', '.join(DOCUMENT_LANGUAGES)})"
        )
    comments = _comments(parts.get("comments"))
    moved = _moved_anchors(body)
    paragraphs = tuple(
        _paragraph(element, number, comments, moved) for number, element in enumerate(body.iter(f"{W}p"), 1)
    )
    kind = "endnote" if next(body.iter(f"{W}endnoteReference"), None) is not None else "footnote"
    notes = {}
    if f"{kind}s" in parts:
        for number, element in enumerate(note_paragraphs(parts[f"{kind}s"]), start=1):
            note_id = str(parent_of(element).get(f"{W}id"))
            notes[note_id] = _paragraph(element, number, comments, {})  # known by what calls them
    return EditedDocument(path, language, paragraphs, notes, kind)


def _paragraph(
    element: etree._Element, number: int, comments: dict[str, Comment], moved: dict[str, Anchor]
) -> Paragraph:
    anchors = [anchor for anchor in map(parse, anchor_names(element)) if anchor is not None]
    destinations = [m.get(f"{W}name", "") for m in element.iter(f"{W}moveToRangeStart")]
    if not anchors:  # a paragraph moved as a tracked change: its anchor may have stayed behind
        anchors = [moved[name] for name in destinations if name in moved]
    elif any(m.get(f"{W}name", "") in moved for m in element.iter(f"{W}moveFromRangeStart")):
        anchors = []  # moved away: the anchor goes with the text
    marks = element.iter(f"{W}commentRangeStart", f"{W}commentReference")
    said = dict.fromkeys(mark.get(f"{W}id", "") for mark in marks)
    authors = (change.get(f"{W}author", "someone") for change in element.iter(f"{W}ins", f"{W}del"))
    style = element.find(f"{W}pPr/{W}pStyle")
    return Paragraph(
        number,
        anchors[0] if anchors else None,
        paragraph_text(element),
        tuple(author for author in dict.fromkeys(authors) if author != AUTHOR),
        tuple(comments[i] for i in said if i in comments),
        "" if style is None else style.get(f"{W}val", ""),
        any(ancestor.tag == f"{W}tc" for ancestor in element.iterancestors()),
        tuple(
            str(call.get(f"{W}id"))
            for call in element.iter(f"{W}footnoteReference", f"{W}endnoteReference")
            if not any(a.tag in (f"{W}del", f"{W}moveFrom") for a in call.iterancestors())
        ),
    )


def _moved_anchors(body: etree._Element) -> dict[str, Anchor]:
    """Return the anchor of each paragraph moved away as a tracked change, by the move's name,
    when its destination carries none (Word may leave the bookmark where the text was)."""
    found = {}
    for element in body.iter(f"{W}p"):
        anchors = [anchor for anchor in map(parse, anchor_names(element)) if anchor is not None]
        for start in element.iter(f"{W}moveFromRangeStart"):
            if anchors:
                found[start.get(f"{W}name", "")] = anchors[0]
    carried = {
        m.get(f"{W}name", "")
        for element in body.iter(f"{W}p")
        if any(parse(name) for name in anchor_names(element))
        for m in element.iter(f"{W}moveToRangeStart")
    }
    return {name: anchor for name, anchor in found.items() if name not in carried}


def _comments(root: etree._Element | None) -> dict[str, Comment]:
    """Return the document's comments by id (none when it has no comments part)."""
    if root is None:
        return {}
    return {
        str(comment.get(f"{W}id")): Comment(
            comment.get(f"{W}author", ""),
            comment.get(f"{W}date", "")[:10],
            " ".join(" ".join(comment.itertext()).split()),
        )
        for comment in root.iter(f"{W}comment")
    }
