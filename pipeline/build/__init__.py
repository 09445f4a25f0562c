"""The pipeline in order: collect → normalize → merge → render, and what a build reports.

Only this package strings the stages together; each stage takes the previous one's result. The
commands that look at the sources without building are in pipeline.build.review (status, check,
where); those that record and compare drafts in pipeline.build.drafting (freeze, redline).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import checks, drafts, fingerprint, intermediate, lock, outputs
from pipeline.collect import collect
from pipeline.errors import Diagnostics, PipelineError, Problem, SourceError, display_path
from pipeline.ingest.pandoc import pandoc_identity
from pipeline.merge import merge
from pipeline.model import Corpus, OutcomeDocument, PdfEngine
from pipeline.normalize import normalize
from pipeline.progress import SILENT, Progress
from pipeline.readcache import ReadCache, cache_folder
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


def read_sources(
    sources: Path, progress: Progress = SILENT, cache: ReadCache | None = None
) -> tuple[Corpus, Diagnostics]:
    """Return the corpus of every summary that could be read, and the problems of the others;
    raise SourceError when not even review.yaml could be read. Summaries and reports read before
    are taken from *cache* when given."""
    diagnostics = Diagnostics()
    progress.stage("reading the sources")
    collected = collect(sources, diagnostics, cache)
    progress.stage("normalizing")
    corpus = normalize(collected, load_reference(), diagnostics)
    if corpus is None:
        raise SourceError(diagnostics.problems)
    return corpus, diagnostics


def validate(sources: Path, progress: Progress = SILENT, cache: ReadCache | None = None) -> Validated:
    """Read and check every source under *sources*; raise SourceError listing every problem."""
    corpus, diagnostics = read_sources(sources, progress, cache)
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
    progress: Progress = SILENT,
    jobs: int | None = None,
) -> BuildResult:
    """Build the outcome document from *sources* into *build_dir*, with the *templates*, and the
    status page. With *final*, run the final check first and build nothing when it fails. Each
    stage, event and output is told to *progress* as the build reaches it; the languages are
    drawn in *jobs* processes (pipeline.render.parallel decides when None).

    One build at a time: the outputs are written aside and put in place only once all are
    complete (pipeline.outputs), so that a failed build changes nothing."""
    check_build_folder(sources, build_dir, templates)
    with lock.build_lock(build_dir) as taken_over:
        built = build_outputs(sources, build_dir, templates, pdf_engine, final, today, progress, jobs)
    return dataclasses.replace(built, notices=(*taken_over, *built.notices))


def check_build_folder(sources: Path, build_dir: Path, templates: Path) -> None:
    """Refuse a build folder that is the sources or templates folder or inside one: the outputs
    would mix with the editors' files (and a build could remove or replace one of theirs)."""
    for folder, name in ((sources, "sources"), (templates, "templates")):
        if build_dir.resolve() == folder.resolve() or folder.resolve() in build_dir.resolve().parents:
            raise PipelineError(
                f"{display_path(build_dir)}: the build folder must not be the {name} folder or inside it "
                f"({display_path(folder)}); build into another folder, such as build/"
            )


def build_outputs(
    sources: Path,
    build_dir: Path,
    templates: Path,
    pdf_engine: PdfEngine,
    final: bool,
    today: datetime.date | None,
    progress: Progress = SILENT,
    jobs: int | None = None,
) -> BuildResult:
    """Build as build() does, the lock of *build_dir* held by the caller."""
    recovered = outputs.recover(build_dir)  # whatever the sources say now
    today = today or datetime.date.today()
    # Taken before the sources are read: a source changed during the build then rebuilds next time.
    depends = fingerprint.fingerprint(sources, templates, pdf_engine.value, final, today)
    cache = ReadCache(cache_folder(), fingerprint.reading_version(depends) + pandoc_identity())
    validated = validate(sources, progress, cache)
    cache.prune()
    corpus = validated.corpus
    progress.stage("merging")
    outcome = merge(corpus)
    progress.stage("checking")
    assessment = checks.assess(corpus, outcome)
    if final:
        found = checks.findings(assessment, final=True)
        if any(finding.level is checks.Level.ERROR for finding in found):
            raise checks.CheckFailed(found)
    staging = outputs.open_staging(build_dir)
    try:
        progress.stage("writing the normalized summaries")
        written: list[Path] = []
        for summary in corpus.summaries:
            progress.step(summary.event)
            written.extend(intermediate.write_normalized((summary,), sources, staging))
        progress.stage("writing the merged outcome")
        merged = intermediate.write_merged(outcome, sources, staging)
        progress.stage("rendering")
        timestamp = build_timestamp(corpus.review.date)
        rendered = render(outcome, templates, staging, timestamp, pdf_engine, progress, jobs)
        progress.stage("writing the status page")
        page = checks.write_status_page(checks.status_of(assessment, today), templates, staging)
        made = (*written, merged, *rendered.written)
        used = (*rendered.templates, templates / checks.PAGE_TEMPLATE)
        manifest = drafts.write_manifest(sources, used, staging, made, pdf_engine, rendered.engines)
        stamp = staging / fingerprint.FINGERPRINT_FILE
        unlisted = {page.name: hashlib.sha256(page.read_bytes()).hexdigest()}
        stamp.write_text(fingerprint.text(depends, unlisted), encoding="utf-8", newline="\n")
        progress.stage("putting the outputs in place")
        placed = outputs.commit(
            build_dir,
            staging,
            (*made, page, manifest, stamp),
            (intermediate.NORMALIZED_FILES,),
            datetime.datetime.now(),
        )
    except BaseException:
        outputs.discard_staging(build_dir)
        raise
    return BuildResult(
        corpus,
        outcome,
        build_dir,
        tuple(build_dir / path.relative_to(staging) for path in (*made, page, manifest)),
        (
            *recovered,
            *placed,
            *sorted(
                validated.notices + rendered.notices + _layout(assessment) + _merged_away(corpus, outcome)
            ),
            *_illustrative(corpus),
        ),
    )


def _merged_away(corpus: Corpus, outcome: OutcomeDocument) -> tuple[Problem, ...]:
    """Return a note for each message that has no paragraph of its own (marked `same_as`): its
    text is not printed, which the editor should know, message by message."""
    located = {message.uid: message.location for summary in corpus.summaries for message in summary.messages}
    return tuple(
        Problem(
            located[uid],
            f"message '{uid}' is not printed: it is marked same_as '{paragraph.message.uid}', whose "
            f"paragraph {paragraph.number} of {name} stands for both (and cites its event)",
        )
        for part, name in ((outcome.body, "the main body"), (outcome.annex, "the annex"))
        for paragraph in part.paragraphs()
        for uid in paragraph.merged
    )


def _layout(assessment: checks.Assessment) -> tuple[Problem, ...]:
    """Return a note for what the document's layout breaks of UN conventions (an "A." without a "B.")."""
    return tuple(
        Problem(finding.location, f"{finding.subject}: {finding.message}")
        for finding in checks.subheadings(assessment, final=False)
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
