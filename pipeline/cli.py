"""The `outcome` command: one sub-command per editor's task, each a thin call into the library."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from pipeline.build import build as build_outcome
from pipeline.build import validate as validate_sources
from pipeline.errors import PipelineError, Problem, display_path
from pipeline.render.pdf import PDF_ENGINES


def _report_errors(command):
    """Turn a PipelineError into its message on standard error and exit status 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PipelineError as error:
            click.echo(str(error), err=True)
            raise SystemExit(1) from None

    return wrapper


def _notes(notices: tuple[Problem, ...]) -> None:
    for notice in notices:
        click.echo(f"{notice.location}: note: {notice.message}", err=True)


sources_option = click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sources"),
    show_default=True,
    help="Folder with review.yaml, events.yaml and summaries/.",
)
PROJECT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
templates_option = click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with the Word templates outcome.<language>.docx "
    "[default: templates/ if there is one here, else the project's templates/].",
)


def _templates(templates: Path | None) -> Path:
    if templates is not None:
        return templates
    local = Path("templates")
    return local if local.is_dir() else PROJECT_TEMPLATES


build_option = click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder the outputs are written to.",
)


@click.group()
@click.version_option(package_name="gcm-outcome-pipeline")
def main() -> None:
    """Build the outcome document of the GCM regional review in the Arab region."""


@main.command()
@sources_option
@build_option
@templates_option
@click.option(
    "--pdf-engine",
    type=click.Choice(PDF_ENGINES),
    default="typst",
    show_default=True,
    help="typst draws the PDF itself (pip only); libreoffice converts the Word file "
    "(needs LibreOffice); none writes no PDF.",
)
@_report_errors
def build(sources: Path, build_dir: Path, templates: Path | None, pdf_engine: str) -> None:
    """Validate the sources, then write the normalized summaries, the merged outcome and the documents."""
    result = build_outcome(sources, build_dir, _templates(templates), pdf_engine)
    _notes(result.notices)
    outcome = result.outcome
    body = sum(1 for _ in outcome.body.paragraphs())
    annex = sum(1 for _ in outcome.annex.paragraphs())
    illustrative = sorted(s.event for s in result.summaries if s.illustrative)
    if illustrative:
        click.echo(
            f"note: {len(illustrative)} of {len(result.summaries)} summaries are marked illustrative "
            "(sample content, not for release)",
            err=True,
        )
    documents = ", ".join(path.name for path in result.written if path.suffix in (".docx", ".pdf"))
    click.echo(
        f"Built {display_path(build_dir)}/: {documents}; {len(result.summaries)} summaries, "
        f"{body} paragraphs in the main body, {annex} in the annex; "
        f"{len(outcome.without_summary)} events without a summary."
    )


@main.command()
@sources_option
@_report_errors
def validate(sources: Path) -> None:
    """Check every source and report every problem; write nothing."""
    normalized = validate_sources(sources)
    _notes(tuple(sorted(normalized.notices)))
    messages = sum(len(summary.messages) for summary in normalized.summaries)
    click.echo(
        f"{display_path(sources)}: no problems "
        f"({len(normalized.corpus.events)} events, {len(normalized.summaries)} summaries, "
        f"{messages} messages)."
    )
