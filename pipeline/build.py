"""The pipeline in order: collect → normalize → merge (→ render), and what a build reports."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import intermediate
from pipeline.collect import collect
from pipeline.errors import Problem, SourceError
from pipeline.merge import merge
from pipeline.model import OutcomeDocument, Summary
from pipeline.normalize import Normalized, normalize
from pipeline.reference import load_reference
from pipeline.render import render


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and what it wants the editor to know."""

    outcome: OutcomeDocument
    summaries: tuple[Summary, ...]
    written: tuple[Path, ...]
    notices: tuple[Problem, ...]


def validate(sources: Path) -> Normalized:
    """Read and check every source under *sources*; raise SourceError listing every problem."""
    normalized = normalize(collect(sources))
    if normalized.problems:
        raise SourceError(normalized.problems)
    return normalized


def build_timestamp(review_date: datetime.date) -> datetime.datetime:
    """Return the date written inside the outputs: SOURCE_DATE_EPOCH if set, else the document's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.combine(review_date, datetime.time(), tzinfo=datetime.UTC)


def build(sources: Path, build_dir: Path, templates: Path, pdf_engine: str = "typst") -> BuildResult:
    """Build the outcome document from *sources* into *build_dir*, with the *templates*.

    *pdf_engine* is "typst", "libreoffice" or "none" (no PDF).
    """
    normalized = validate(sources)
    corpus = normalized.corpus
    written = intermediate.write_normalized(normalized.summaries, sources, build_dir)
    outcome = merge(corpus.review, corpus.events, normalized.summaries, load_reference(), corpus.front)
    merged = intermediate.write_merged(outcome, sources, build_dir)
    rendered = render(outcome, templates, build_dir, build_timestamp(corpus.review.date), pdf_engine)
    return BuildResult(
        outcome,
        normalized.summaries,
        (*written, merged, *rendered.written),
        tuple(sorted(normalized.notices + rendered.notices)),
    )
