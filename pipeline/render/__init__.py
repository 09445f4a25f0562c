"""Render: draw the merged outcome in each language as Word (and PDF) files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Problem
from pipeline.model import OutcomeDocument
from pipeline.render.docx import render_docx
from pipeline.render.view import document_view


@dataclass(frozen=True)
class Rendered:
    """The files written, and what the editor should know about them."""

    written: tuple[Path, ...]
    notices: tuple[Problem, ...]


def render(outcome: OutcomeDocument, templates: Path, build: Path, timestamp: datetime.datetime) -> Rendered:
    """Write build/outcome.<language>.docx for each language of the review."""
    written = []
    notices = []
    for code in outcome.review.languages:
        view = document_view(outcome, code)
        output = build / f"outcome.{code}.docx"
        render_docx(view, templates / f"outcome.{code}.docx", output, timestamp)
        written.append(output)
        marker = view.language.translation_pending
        notices.extend(
            Problem(
                pending.location,
                f"message '{pending.uid}' has no '{code}' text: outcome.{code}.docx shows its "
                f"'{pending.shown_in}' text marked {marker}",
            )
            for pending in view.pending
        )
    return Rendered(tuple(written), tuple(notices))
