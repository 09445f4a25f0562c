"""Render: draw the merged outcome in each language as Word (and PDF) files."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Problem
from pipeline.model import OutcomeDocument, PdfEngine
from pipeline.progress import SILENT, Progress
from pipeline.render.docx import render_docx
from pipeline.render.pdf import engine_versions, render_pdf_libreoffice, render_pdf_typst
from pipeline.render.tracked import Mark, apply_marks
from pipeline.render.view import DocumentView, document_view


@dataclass(frozen=True)
class Rendered:
    """The files written, the templates they were made with, the versions of the engines that
    made them, and what the editor should know about them."""

    written: tuple[Path, ...]
    notices: tuple[Problem, ...]
    templates: tuple[Path, ...]
    engines: Mapping[str, str]


def render(
    outcome: OutcomeDocument,
    templates: Path,
    build: Path,
    timestamp: datetime.datetime,
    pdf_engine: PdfEngine = PdfEngine.TYPST,
    progress: Progress = SILENT,
) -> Rendered:
    """Write build/outcome.<language>.docx and .pdf for each language of the review, telling
    *progress* the name of each file as it begins.

    Typst draws the PDF from the same view as the Word file; LibreOffice converts the Word file.
    """
    written = []
    notices: list[Problem] = []
    for code in outcome.review.languages:
        view = document_view(outcome, code)
        document = build / f"outcome.{code}.docx"
        progress.step(document.name)
        render_docx(view, templates / f"outcome.{code}.docx", document, timestamp)
        written.append(document)
        pdf = build / f"outcome.{code}.pdf"
        if pdf_engine is not PdfEngine.NONE:
            progress.step(pdf.name)
        if pdf_engine is PdfEngine.TYPST:
            render_pdf_typst(view, templates / "outcome.typ", pdf, timestamp)
        elif pdf_engine is PdfEngine.LIBREOFFICE:
            render_pdf_libreoffice(document, pdf, timestamp)
        if pdf_engine is not PdfEngine.NONE:
            written.append(pdf)
        marker = view.words.translation_pending
        notices.extend(
            Problem(
                pending.location,
                f"message '{pending.uid}' has no '{code}' text: outcome.{code}.docx shows its "
                f"'{pending.shown_in}' text marked {marker}",
            )
            for pending in view.pending
        )
    used = [templates / f"outcome.{code}.docx" for code in outcome.review.languages]
    if pdf_engine is PdfEngine.TYPST:
        used.append(templates / "outcome.typ")
    return Rendered(tuple(written), tuple(notices), tuple(used), engine_versions(pdf_engine))


def render_redline(
    view: DocumentView, marks: Mapping[str, Mark], templates: Path, output: Path, timestamp: datetime.datetime
) -> Path:
    """Write the redline *view* as Word with tracked changes: every token of *view* replaced as
    *marks* says, each change dated *timestamp* and signed by the pipeline."""
    date = timestamp.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    render_docx(
        view,
        templates / f"outcome.{view.language}.docx",
        output,
        timestamp,
        edit=lambda parts: apply_marks(parts, marks, date),
    )
    return output
