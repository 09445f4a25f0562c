"""The pipeline in order: collect → normalize → merge → render, and what a build reports; and
the commands that look at its results (status, check, where).

Only this module strings the stages together; each stage takes the previous one's result.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import checks, drafts, intermediate
from pipeline.collect import collect
from pipeline.errors import Diagnostics, PipelineError, Problem, SourceError, display_path
from pipeline.merge import merge
from pipeline.model import Corpus, OutcomeDocument, PdfEngine
from pipeline.normalize import normalize
from pipeline.reference import load_reference
from pipeline.render import render, render_redline
from pipeline.render.view import document_view


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


def _read(sources: Path) -> tuple[Corpus, Diagnostics]:
    """Return the corpus of every summary that could be read, and the problems of the others;
    raise SourceError when not even review.yaml could be read."""
    diagnostics = Diagnostics()
    corpus = normalize(collect(sources, diagnostics), load_reference(), diagnostics)
    if corpus is None:
        raise SourceError(diagnostics.problems)
    return corpus, diagnostics


def validate(sources: Path) -> Validated:
    """Read and check every source under *sources*; raise SourceError listing every problem."""
    corpus, diagnostics = _read(sources)
    if diagnostics.problems:
        raise SourceError(diagnostics.problems)
    return Validated(corpus, tuple(sorted(diagnostics.notices)))


def build_timestamp(review_date: datetime.date) -> datetime.datetime:
    """Return the date written inside the outputs: SOURCE_DATE_EPOCH if set, else the document's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.combine(review_date, datetime.time(), tzinfo=datetime.UTC)


def build(
    sources: Path,
    build_dir: Path,
    templates: Path,
    pdf_engine: PdfEngine = PdfEngine.TYPST,
    final: bool = False,
    today: datetime.date | None = None,
) -> BuildResult:
    """Build the outcome document from *sources* into *build_dir*, with the *templates*, and the
    status page. With *final*, run the final check first and build nothing when it fails."""
    validated = validate(sources)
    corpus = validated.corpus
    outcome = merge(corpus)
    assessment = checks.assess(corpus, outcome)
    if final:
        found = checks.findings(assessment, final=True)
        if any(finding.level is checks.Level.ERROR for finding in found):
            raise checks.CheckFailed(found)
    written = intermediate.write_normalized(corpus.summaries, sources, build_dir)
    merged = intermediate.write_merged(outcome, sources, build_dir)
    rendered = render(outcome, templates, build_dir, build_timestamp(corpus.review.date), pdf_engine)
    status = checks.status_of(assessment, today or datetime.date.today())
    page = checks.write_status_page(status, templates, build_dir)
    outputs = (*written, merged, *rendered.written)
    used = (*rendered.templates, templates / checks.PAGE_TEMPLATE)
    manifest = drafts.write_manifest(sources, used, build_dir, outputs, pdf_engine, rendered.engines)
    return BuildResult(
        corpus,
        outcome,
        build_dir,
        (*outputs, page, manifest),
        (*sorted(validated.notices + rendered.notices + _layout(assessment)), *_illustrative(corpus)),
    )


def _layout(assessment: checks.Assessment) -> tuple[Problem, ...]:
    """Return a note for what the document's layout breaks of UN conventions (an "A." without a "B.")."""
    return tuple(
        Problem(finding.location, f"{finding.subject}: {finding.message}")
        for finding in checks.subheadings(assessment, final=False)
    )


@dataclass(frozen=True)
class StatusResult:
    """The status figures, the page written, and what the editor should know about the sources."""

    status: checks.Status
    page: Path
    notices: tuple[Problem, ...]


def status(
    sources: Path, build_dir: Path, templates: Path, today: datetime.date | None = None
) -> StatusResult:
    """Return where the review stands on *today*, and write it to build/status.html; the problems
    that stop a build (an event without its summary…) are among its findings."""
    assessment, diagnostics = _assess(sources)
    figures = checks.status_of(assessment, today or datetime.date.today(), _errors(diagnostics))
    page = checks.write_status_page(figures, templates, build_dir)
    return StatusResult(figures, page, tuple(sorted(diagnostics.notices)))


@dataclass(frozen=True)
class Checked:
    """The findings of `outcome check`, and the notes of reading the sources."""

    findings: tuple[checks.Finding, ...]
    notices: tuple[Problem, ...]

    @property
    def failed(self) -> bool:
        return any(finding.level is checks.Level.ERROR for finding in self.findings)

    def describe(self) -> str:
        return checks.tally(self.findings)


def check(sources: Path, final: bool = False) -> Checked:
    """Return every finding about the sources, the problems that stop a build among them (as
    errors); with *final*, as the final version needs them."""
    assessment, diagnostics = _assess(sources)
    found = checks.findings(assessment, final, _errors(diagnostics))
    return Checked(found, tuple(sorted(diagnostics.notices)))


def _assess(sources: Path) -> tuple[checks.Assessment, Diagnostics]:
    """Return the assessment of every summary that could be read, and the problems of the others."""
    corpus, diagnostics = _read(sources)
    return checks.assess(corpus, merge(corpus)), diagnostics


def _errors(diagnostics: Diagnostics) -> tuple[checks.Finding, ...]:
    """Return the problems of the sources as findings (errors): they stop a build."""
    return tuple(checks.Finding(checks.Level.ERROR, p.location, "", p.message) for p in diagnostics.problems)


def where(sources: Path, number: int, annex: bool = False) -> checks.ParagraphSource | checks.ChapterSource:
    """Return where paragraph *number* of the main body (or the annex) comes from."""
    corpus = validate(sources).corpus
    return checks.where(corpus, merge(corpus), number, annex)


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


@dataclass(frozen=True)
class Frozen:
    """A draft recorded: the build it was made from, and its folder under drafts/."""

    build: BuildResult
    folder: Path

    def describe(self) -> str:
        return (
            f"{self.build.describe()}\nFroze {display_path(self.folder)}/ "
            f"({', '.join(sorted(path.name for path in self.folder.iterdir()))}); "
            f"compare with it later: outcome redline {self.folder.name} current"
        )


def freeze(
    name: str, sources: Path, build_dir: Path, templates: Path, drafts_dir: Path, pdf_engine: PdfEngine
) -> Frozen:
    """Build the outcome, then record it as the draft *name* under *drafts_dir*."""
    drafts.check_name(name, drafts_dir)
    built = build(sources, build_dir, templates, pdf_engine)
    return Frozen(built, drafts.freeze(name, build_dir, drafts_dir))


@dataclass(frozen=True)
class RedlineResult:
    """The redline in each language, and its summary (also written as Markdown)."""

    written: tuple[Path, ...]
    summary: str


def redline(
    old: str,
    new: str,
    sources: Path,
    build_dir: Path,
    templates: Path,
    drafts_dir: Path,
    languages: tuple[str, ...] = (),
) -> RedlineResult:
    """Write the redline from draft *old* to draft *new* (either may be `current`: the sources as
    they are now) in each of *languages* (by default, each language both documents are in), and
    its summary."""
    before, after = (
        merge(validate(sources).corpus) if name == drafts.CURRENT else drafts.load(name, drafts_dir)
        for name in (old, new)
    )
    both = [code for code in after.review.languages if code in before.review.languages]
    for code in languages:
        if code not in both:
            raise PipelineError(
                f"'{old}' and '{new}' are not both in '{code}' (both are in: {', '.join(both) or 'none'})"
            )
    if not both:
        raise PipelineError(
            f"'{old}' is in {', '.join(before.review.languages)} and '{new}' in "
            f"{', '.join(after.review.languages)}: no language to compare them in"
        )
    timestamp = build_timestamp(after.review.date)
    written = []
    redlines = {}
    for code in languages or both:
        compared = drafts.compare(document_view(before, code), document_view(after, code))
        output = build_dir / f"redline.{old}.{new}.{code}.docx"
        written.append(render_redline(compared.view, compared.marks, templates, output, timestamp))
        redlines[code] = compared
    summary = drafts.summarize(redlines, old, new)
    markdown = build_dir / f"redline.{old}.{new}.md"
    markdown.write_text(summary, encoding="utf-8", newline="\n")
    return RedlineResult((*written, markdown), summary)
