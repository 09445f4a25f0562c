"""Word footnotes for the rendered document: each footnote token docxtpl printed becomes a real
footnote (w:footnoteReference and its w:footnote), or, for a paragraph that calls a note again,
the note's mark once more in the footnote reference style. A review that attributes in endnotes
gets real endnotes (in an endnotes part made beside the footnotes one, when the template has
none); one attributing in brackets has its citations in the paragraphs' text, and no notes.

Word numbers the main body's notes. The annex's are lettered with custom marks (the letter
written after the reference and at the head of the note, as Word writes a custom mark): Word
could letter a section's notes itself, but LibreOffice applies one section's numbering format
to the whole document.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from lxml import etree

from pipeline.errors import TemplateError
from pipeline.render.notes import Footnote
from pipeline.render.wordml import (
    FOOTNOTE_REFERENCE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    PPR_ORDER,
    RPR_ORDER,
    XML_SPACE,
    ensure,
    parent_of,
)


def add_footnotes(
    body: etree._Element,
    footnotes: etree._Element,
    notes: dict[str, Footnote],
    rtl: bool,
    kind: str = "footnote",
) -> None:
    """Turn each run whose whole text is a key of *notes* into a reference to a new footnote, or
    into the mark of the note it calls again; with *kind* "endnote", an endnote (*footnotes* is
    then the endnotes part); with "brackets", nothing (the citations are in the text).

    Raise TemplateError when a note's run is missing (the template lost its footnote tag) or
    appears more than once.
    """
    numbers = [int(note.get(qn("w:id"), "0")) for note in footnotes.iter(qn(f"w:{kind}"))]
    next_id = max([0, *numbers]) + 1
    found: dict[str, etree._Element] = {}
    for text in body.iter(qn("w:t")):
        if text.text is not None and text.text in notes:
            if text.text in found:
                raise TemplateError(f"footnote marker {text.text!r} appears twice in the rendered document")
            found[text.text] = text
    missing = [token for token in notes if token not in found]
    if missing:
        raise TemplateError(
            "the template puts no footnote on some message paragraphs: keep the tag {{ p.note }} "
            "in a run of its own, formatted with the Footnote Reference style"
        )
    for token, note in notes.items():
        text = found[token]
        run = parent_of(text)
        if kind != "brackets":
            for call in (note.previous, note) if note.previous else (note,):
                next_id = _call(run, call, footnotes, next_id, rtl, kind)
        parent_of(run).remove(run)


def endnotes_part(footnotes: etree._Element) -> etree._Element:
    """Return an endnotes part holding the separators of the *footnotes* part (ids -1 and 0),
    for a template that has none."""
    endnotes = etree.Element(qn("w:endnotes"), nsmap=footnotes.nsmap)
    for separator in footnotes.iter(qn("w:footnote")):
        if separator.get(qn("w:type")) in ("separator", "continuationSeparator"):
            copied = copy.deepcopy(separator)
            copied.tag = qn("w:endnote")
            endnotes.append(copied)
    return endnotes


def _call(
    token_run: etree._Element, note: Footnote, footnotes: etree._Element, next_id: int, rtl: bool, kind: str
) -> int:
    """Write before *token_run* a run that calls *note*: a new footnote (numbered by Word, or
    lettered), or the mark of a note called again; return the next footnote id."""
    run = etree.Element(qn("w:r"))
    properties = token_run.find(qn("w:rPr"))
    run.append(copy.deepcopy(properties) if properties is not None else etree.Element(qn("w:rPr")))
    ensure(run[0], "rStyle", RPR_ORDER).set(qn("w:val"), FOOTNOTE_REFERENCE_STYLE)
    token_run.addprevious(run)
    if note.shared:
        _text(run, note.mark)  # the same note's mark again; Word numbers it as the data does
        return next_id
    reference = etree.SubElement(run, qn(f"w:{kind}Reference"))
    if note.lettered:
        reference.set(qn("w:customMarkFollows"), "1")
        _text(run, note.mark)
    reference.set(qn("w:id"), str(next_id))
    if note.tracked:
        _text(run, note.tracked)
    footnotes.append(_footnote(next_id, note, rtl, kind))
    return next_id + 1


def _text(run: etree._Element, text: str) -> None:
    element = etree.SubElement(run, qn("w:t"))
    element.text = text
    element.set(XML_SPACE, "preserve")


def _footnote(number: int, note: Footnote, rtl: bool, kind: str) -> etree._Element:
    footnote = etree.Element(qn(f"w:{kind}"))
    footnote.set(qn("w:id"), str(number))
    paragraph = etree.SubElement(footnote, qn("w:p"))
    paragraph_properties = etree.SubElement(paragraph, qn("w:pPr"))
    etree.SubElement(paragraph_properties, qn("w:pStyle")).set(qn("w:val"), FOOTNOTE_TEXT_STYLE)
    if rtl:
        ensure(paragraph_properties, "bidi", PPR_ORDER)
    mark = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(
        qn("w:val"), FOOTNOTE_REFERENCE_STYLE
    )
    if note.lettered:
        etree.SubElement(mark, qn("w:t")).text = note.mark
    else:
        etree.SubElement(mark, qn(f"w:{kind}Ref"))
    etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:tab"))
    run = etree.SubElement(paragraph, qn("w:r"))
    text = etree.SubElement(run, qn("w:t"))
    text.text = note.text
    text.set(XML_SPACE, "preserve")
    return footnote
