"""The drafts handed out: freeze one (build, then record it), and the redline between two."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from pipeline import drafts, files, lock
from pipeline.build import BuildResult, build_outputs, build_timestamp, check_build_folder, validate
from pipeline.errors import PipelineError, display_path
from pipeline.merge import merge
from pipeline.model import PdfEngine
from pipeline.progress import SILENT, Progress
from pipeline.render import render_redline
from pipeline.render.view import document_view


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
    name: str,
    sources: Path,
    build_dir: Path,
    templates: Path,
    drafts_dir: Path,
    pdf_engine: PdfEngine,
    progress: Progress = SILENT,
) -> Frozen:
    """Build the outcome, then record it as the draft *name* under *drafts_dir*, holding the build
    folder's lock throughout so that no other build changes what is recorded."""
    drafts.check_name(name, drafts_dir)
    check_build_folder(sources, build_dir, templates)
    with lock.build_lock(build_dir) as taken_over:
        built = build_outputs(sources, build_dir, templates, pdf_engine, False, None, progress)
        progress.stage("recording the draft")
        folder = drafts.freeze(name, build_dir, drafts_dir)
    return Frozen(dataclasses.replace(built, notices=(*taken_over, *built.notices)), folder)


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
        newer = document_view(after, code)
        compared = drafts.compare(document_view(before, code), newer)
        output = build_dir / f"redline.{old}.{new}.{code}.docx"
        written.append(render_redline(compared.view, compared.marks, newer, templates, output, timestamp))
        redlines[code] = compared
    summary = drafts.summarize(redlines, old, new)
    markdown = build_dir / f"redline.{old}.{new}.md"
    files.write_text(markdown, summary)
    return RedlineResult((*written, markdown), summary)
