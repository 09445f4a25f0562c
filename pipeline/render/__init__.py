"""Render: draw the merged outcome in each language as Word (and PDF) files."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Problem
from pipeline.model import OutcomeDocument, PdfEngine
from pipeline.progress import SILENT, Progress
from pipeline.render import parallel
from pipeline.render.docx import render_docx
from pipeline.render.pdf import engine_versions, render_pdf_libreoffice, render_pdf_typst
from pipeline.render.tracked import Change, Mark, apply_marks
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
    jobs: int | None = None,
) -> Rendered:
    """Write build/outcome.<language>.docx and .pdf for each language of the review, telling
    *progress* the name of each file as it begins.

    Typst draws the PDF from the same view as the Word file; LibreOffice converts the Word file.
    The languages are drawn in *jobs* processes at once (pipeline.render.parallel decides how
    many when None); the files are the same either way.
    """
    views = [document_view(outcome, code) for code in outcome.review.languages]
    work = [Language(view, templates, build, timestamp, pdf_engine) for view in views]
    count = parallel.processes(jobs, len(work), sum(view.body.count + view.annex.count for view in views))
    if count > 1:
        progress.step(", ".join(name for item in work for name in item.names))
        written = [path for paths in parallel.run(draw_language, work, count) for path in paths]
    else:
        written = []
        for item in work:
            written.extend(draw_language(item, progress))
    notices = [notice for view in views for notice in _pending(view)]
    used = [templates / f"outcome.{code}.docx" for code in outcome.review.languages]
    if pdf_engine is PdfEngine.TYPST:
        used.append(templates / "outcome.typ")
    return Rendered(tuple(written), tuple(notices), tuple(used), engine_versions(pdf_engine))


@dataclass(frozen=True)
class Language:
    """What it takes to draw one language's files (sent whole to another process)."""

    view: DocumentView
    templates: Path
    build: Path
    timestamp: datetime.datetime
    pdf_engine: PdfEngine

    @property
    def names(self) -> tuple[str, ...]:
        """Return the names of the files it writes."""
        code = self.view.language
        pdf = () if self.pdf_engine is PdfEngine.NONE else (f"outcome.{code}.pdf",)
        return (f"outcome.{code}.docx", *pdf)


def draw_language(item: Language, progress: Progress = SILENT) -> tuple[Path, ...]:
    """Write one language's Word file and, unless the engine is NONE, its PDF; return them."""
    code = item.view.language
    document = item.build / f"outcome.{code}.docx"
    progress.step(document.name)
    render_docx(item.view, item.templates / f"outcome.{code}.docx", document, item.timestamp)
    if item.pdf_engine is PdfEngine.NONE:
        return (document,)
    pdf = item.build / f"outcome.{code}.pdf"
    progress.step(pdf.name)
    if item.pdf_engine is PdfEngine.TYPST:
        render_pdf_typst(item.view, item.templates / "outcome.typ", pdf, item.timestamp)
    else:
        render_pdf_libreoffice(document, pdf, item.timestamp)
    return (document, pdf)


def _pending(view: DocumentView) -> list[Problem]:
    code = view.language
    marker = view.words.translation_pending
    return [
        Problem(
            pending.location,
            f"message '{pending.uid}' has "
            + (f"a stale '{code}' translation" if pending.stale else f"no '{code}' text")
            + f": outcome.{code}.docx shows its '{pending.shown_in}' text marked {marker}",
        )
        for pending in view.pending
    ]


def render_redline(
    view: DocumentView,
    marks: Mapping[str, Mark],
    newer: DocumentView,
    templates: Path,
    output: Path,
    timestamp: datetime.datetime,
) -> Path:
    """Write the redline *view* as Word with tracked changes: every token of *view* replaced as
    *marks* says, each change dated *timestamp* and signed by the pipeline. Each paragraph's anchor
    holds what it says in the *newer* document, once every change is accepted (none when deleted)."""
    date = timestamp.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    gone = (Change.DELETED, Change.MOVED_FROM)
    now = {p.uid: p.written for p in (*newer.body.paragraphs, *newer.annex.paragraphs)}
    written = [
        None if marks[p.text].change in gone else now[p.uid]
        for p in (*view.body.paragraphs, *view.annex.paragraphs)
    ]
    render_docx(
        view,
        templates / f"outcome.{view.language}.docx",
        output,
        timestamp,
        edit=lambda parts: apply_marks(parts, marks, date),
        written=written,
    )
    return output
