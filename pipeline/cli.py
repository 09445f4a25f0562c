"""The `outcome` command: one sub-command per editor's task, each a thin call into the library."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from pipeline import yamlio
from pipeline.build import build as build_outcome
from pipeline.build import validate as validate_sources
from pipeline.errors import PipelineError, Problem, display_path
from pipeline.ingest import draft_data, draft_header, report_notes, write_draft
from pipeline.ingest import ingest as ingest_reports
from pipeline.model import SOURCE_LANGUAGES
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


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--event", required=True, help="The event's id in events.yaml (written as given).")
@click.option(
    "--lang",
    "languages",
    multiple=True,
    type=click.Choice(SOURCE_LANGUAGES),
    help="The language of each report, in order (detected when not given).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Where to write the summary; - for standard output [default: SOURCES/summaries/EVENT.yaml].",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@sources_option
@_report_errors
def ingest(
    reports: tuple[Path, ...],
    event: str,
    languages: tuple[str, ...],
    output: Path | None,
    force: bool,
    sources: Path,
) -> None:
    """Read organisers' reports (.docx or .md) of one event into a summary of its key messages.

    Give several REPORTS to combine the versions of one report in several languages, aligned
    message by message.
    """
    if languages and len(languages) != len(reports):
        raise click.UsageError(f"give --lang once per report ({len(reports)}), or not at all")
    if not event or event.startswith(".") or any(sign in event for sign in "/\\"):
        raise click.UsageError(f"'{event}' cannot be an event id (no slashes, no leading dot)")
    draft, read = ingest_reports(reports, event, languages)
    for report in read:
        how = "detected" if report.detected else "given"
        headings = ", ".join(f"'{heading}'" for heading in report.headings)
        click.echo(
            f"{display_path(report.path)} ({report.language}, {how}): {len(report.messages)} messages "
            f"under {headings}",
            err=True,
        )
        for note in report_notes(report):
            click.echo(str(note), err=True)
    for note in draft.notes:
        click.echo(f"note: {note}", err=True)
    if output is not None and str(output) == "-":
        click.echo(yamlio.dumps(draft_data(draft), header=draft_header(draft)), nl=False)
        return
    target = output or sources / "summaries" / f"{event}.yaml"
    write_draft(draft, target, force)
    click.echo(f"Wrote {display_path(target)}: {len(draft.messages)} messages.")
