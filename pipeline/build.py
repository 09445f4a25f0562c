"""The pipeline in order: collect → normalize → merge → render, and what a build reports.

Only this module strings the stages together; each stage takes the previous one's result.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import intermediate
from pipeline.collect import collect
from pipeline.errors import Diagnostics, Problem, SourceError, display_path
from pipeline.merge import merge
from pipeline.model import Corpus, OutcomeDocument, PdfEngine
from pipeline.normalize import normalize
from pipeline.reference import load_reference
from pipeline.render import render


@dataclass(frozen=True)
class Validated:
    """The sources read and checked: the corpus, and what the editor should know about it."""

    corpus: Corpus
    notices: tuple[Problem, ...]

    def describe(self) -> str:
        """Return the line that sums up the sources."""
        corpus = self.corpus
        messages = sum(len(summary.messages) for summary in corpus.summaries)
        return (
            f"{display_path(corpus.folder)}: no problems "
            f"({len(corpus.timeline)} events, {len(corpus.summaries)} summaries, {messages} messages)."
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and what it wants the editor to know."""

    corpus: Corpus
    outcome: OutcomeDocument
    build: Path
    written: tuple[Path, ...]
    notices: tuple[Problem, ...]

    def describe(self) -> str:
        """Return the line that sums up what was built."""
        documents = ", ".join(path.name for path in self.written if path.suffix in (".docx", ".pdf"))
        body = sum(1 for _ in self.outcome.body.paragraphs())
        annex = sum(1 for _ in self.outcome.annex.paragraphs())
        return (
            f"Built {display_path(self.build)}/: {documents}; {len(self.corpus.summaries)} summaries, "
            f"{body} paragraphs in the main body, {annex} in the annex; "
            f"{len(self.outcome.without_summary)} events without a summary."
        )


def validate(sources: Path) -> Validated:
    """Read and check every source under *sources*; raise SourceError listing every problem."""
    diagnostics = Diagnostics()
    corpus = normalize(collect(sources, diagnostics), load_reference(), diagnostics)
    if corpus is None:
        raise SourceError(diagnostics.problems)
    return Validated(corpus, tuple(sorted(diagnostics.notices)))


def build_timestamp(review_date: datetime.date) -> datetime.datetime:
    """Return the date written inside the outputs: SOURCE_DATE_EPOCH if set, else the document's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.combine(review_date, datetime.time(), tzinfo=datetime.UTC)


def build(
    sources: Path, build_dir: Path, templates: Path, pdf_engine: PdfEngine = PdfEngine.TYPST
) -> BuildResult:
    """Build the outcome document from *sources* into *build_dir*, with the *templates*."""
    validated = validate(sources)
    corpus = validated.corpus
    written = intermediate.write_normalized(corpus.summaries, sources, build_dir)
    outcome = merge(corpus)
    merged = intermediate.write_merged(outcome, sources, build_dir)
    rendered = render(outcome, templates, build_dir, build_timestamp(corpus.review.date), pdf_engine)
    return BuildResult(
        corpus,
        outcome,
        build_dir,
        (*written, merged, *rendered.written),
        (*sorted(validated.notices + rendered.notices), *_illustrative(corpus)),
    )


def _illustrative(corpus: Corpus) -> tuple[Problem, ...]:
    """Return a note when summaries are marked as sample content, not for release."""
    marked = [summary for summary in corpus.summaries if summary.illustrative]
    if not marked:
        return ()
    return (
        Problem(
            None,
            f"{len(marked)} of {len(corpus.summaries)} summaries are marked illustrative "
            "(sample content, not for release)",
        ),
    )
