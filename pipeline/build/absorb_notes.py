"""The notes of an edited outcome document, for `outcome absorb`: a note carries no anchor (LibreOffice
drops bookmarks in notes), so it is known by the message paragraph that calls it, and compared with
what the sources give now. Notes are written from events.yaml: their edits are reported, not taken."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.build.absorb_read import Comment, EditedDocument, Paragraph, clean
from pipeline.build.absorb_report import change, quoted
from pipeline.render.view import ParagraphView

_KIND = {"footnotes": "footnote", "endnotes": "endnote"}  # review.yaml's attribution: the note's kind


def note_findings(
    edited: EditedDocument,
    shown_as: Callable[[Paragraph], ParagraphView | None],
    where: Callable[[Paragraph], str],
    attribution: str,
) -> tuple[list[str], list[str], list[tuple[str, Comment]]]:
    """Return the notes changed or deleted (not absorbable), the notes added, and the comments
    made on notes, of *edited*; *shown_as* gives the message paragraph the sources give now for a
    paragraph of the document."""
    kind = _KIND.get(attribution, "")
    changed: list[str] = []
    added: list[str] = []
    comments: list[tuple[str, Comment]] = []
    for paragraph in edited.paragraphs:
        if len(paragraph.anchors) > 1 or paragraph.joins_next or paragraph.reaches > paragraph.number:
            continue  # split or joined: reported whole, notes and all
        shown = shown_as(paragraph)
        calls = list(paragraph.calls)
        own = shown is not None and kind and not shown.note.shared and bool(shown.note.text)
        expected = [call for call in calls if call.startswith(f"{kind}:")] if own else []
        if shown is not None and own:
            if not expected:
                if paragraph.body:
                    changed.append(
                        f"the {kind} of {where(paragraph)} was deleted in the document: notes are written "
                        "from events.yaml; the next build writes it again"
                    )
                continue
            calls.remove(expected[0])
            note = edited.notes.get(expected[0])
            text = clean(note.text) if note else ""
            comments += [(f"the {kind} of {where(paragraph)}", c) for c in (note.comments if note else ())]
            if text != clean(shown.note.text):
                changed.append(
                    f"the {kind} of {where(paragraph)}: {change(clean(shown.note.text), text)}: notes are "
                    "written from events.yaml (the meetings' names, organizers and dates); change them there"
                )
        for call in calls:
            note = edited.notes.get(call)
            name = call.split(":")[0]
            added.append(f"a {name} on {where(paragraph)}: {quoted(clean(note.text) if note else '')}")
            comments += [(f"the {name} on {where(paragraph)}", c) for c in (note.comments if note else ())]
    return changed, added, comments
