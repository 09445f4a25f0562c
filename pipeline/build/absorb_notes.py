"""The notes of an edited outcome document, for `outcome absorb`: a note carries no anchor (LibreOffice
drops bookmarks in notes), so it is known by the message paragraph that calls it, and compared with
what the sources give now. Notes are written from events.yaml: their edits are reported, not taken."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.build.absorb_read import EditedDocument, Paragraph
from pipeline.build.absorb_report import excerpt
from pipeline.render.view import ParagraphView
from pipeline.text import clean_text

_ATTRIBUTION = {"footnote": "footnotes", "endnote": "endnotes"}  # review.yaml's word for each kind


def clean(text: str) -> str:
    return clean_text(text)[0]


def split_label(text: str) -> tuple[str, str]:
    """Return a numbered paragraph's label ("12." or "12 -") and its text."""
    label, tab, rest = text.partition("\t")
    return (label.strip(), rest) if tab and len(label) <= 8 else ("", text)


def note_findings(
    edited: EditedDocument,
    shown_as: Callable[[Paragraph], ParagraphView | None],
    where: Callable[[Paragraph], str],
    attribution: str,
) -> tuple[list[str], list[str]]:
    """Return the notes changed or deleted (not absorbable), and the notes added, of *edited*;
    *shown_as* gives the message paragraph the sources give now for a paragraph of the document."""
    kind = edited.kind
    changed: list[str] = []
    added: list[str] = []
    for paragraph in edited.paragraphs:
        shown = shown_as(paragraph)
        calls = list(paragraph.calls)
        own = shown is not None and not shown.note.shared and bool(shown.note.text)
        if shown is not None and own and attribution == _ATTRIBUTION[kind]:
            if not calls:
                if clean(split_label(paragraph.text)[1]):
                    changed.append(
                        f"the {kind} of {where(paragraph)} was deleted in the document: notes are written "
                        "from events.yaml; the next build writes it again"
                    )
                continue
            text = clean(edited.notes[calls[0]].text) if calls[0] in edited.notes else ""
            if text != clean(shown.note.text):
                changed.append(
                    f"the {kind} of {where(paragraph)} reads {excerpt(text)}, the sources give "
                    f"{excerpt(clean(shown.note.text))}: notes are written from events.yaml (the "
                    "meetings' names, organizers and dates); change them there"
                )
            calls = calls[1:]
        for call in calls:
            text = clean(edited.notes[call].text) if call in edited.notes else ""
            added.append(f"a {kind} on {where(paragraph)}: {excerpt(text)}")
    return changed, added
