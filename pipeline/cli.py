"""The `outcome` command: one sub-command per editor's task, each a thin call into the library.

Each command calls one library function and prints what it returns: notices on standard error
("file:line:column: note: …"), then one line that sums up on standard output.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import click
from rich.console import Console

from pipeline import build as library
from pipeline.build import drafting, review
from pipeline.checks.terminal import status_tables
from pipeline.clikit import (
    build_option,
    notes,
    pdf_engine_option,
    progress,
    quiet,
    report_errors,
    sources_option,
    stop_on_terminate,
    templates_folder,
    templates_option,
    verbose,
    verbosity_options,
)
from pipeline.errors import Location, display_path
from pipeline.ingest import ingest as ingest_reports
from pipeline.languages import OUTPUT_LANGUAGES, SOURCE_LANGUAGES
from pipeline.model import PdfEngine, event_id_problem
from pipeline.plain import plain
from pipeline.translations.cli import absorb, translations


@click.group()
@click.version_option(package_name="gcm-outcome-pipeline")
def main() -> None:
    """Build the outcome document of the GCM regional review in the Arab region."""
    stop_on_terminate()


@main.command()
@sources_option
@build_option
@templates_option
@pdf_engine_option
@click.option(
    "--final", is_flag=True, help="Run `outcome check --final` first; build nothing if it finds an error."
)
@verbosity_options
@report_errors
def build(sources: Path, build_dir: Path, templates: Path | None, pdf_engine: str, final: bool) -> None:
    """Validate the sources, then write the normalized summaries, the merged outcome and the documents."""
    with progress() as shown:
        result = library.build(
            sources, build_dir, templates_folder(templates), PdfEngine(pdf_engine), final, progress=shown
        )
    notes(result.notices)
    click.echo(result.describe())


@main.command()
@sources_option
@verbosity_options
@report_errors
def validate(sources: Path) -> None:
    """Check every source and report every problem; write nothing."""
    validated = library.validate(sources)
    notes(validated.notices)
    click.echo(validated.describe())


def _event_id(context: click.Context, parameter: click.Parameter, event: str) -> str:
    if problem := event_id_problem(event):
        raise click.BadParameter(problem)
    return event


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--event", required=True, callback=_event_id, help="The event's id in events.yaml.")
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
@click.option("--force", is_flag=True, help="Write over the output file, keeping what was typed into it.")
@click.option("--force-lang", is_flag=True, help="Keep each --lang even where the text reads otherwise.")
@sources_option
@verbosity_options
@report_errors
def ingest(
    reports: tuple[Path, ...],
    event: str,
    languages: tuple[str, ...],
    output: Path | None,
    force: bool,
    force_lang: bool,
    sources: Path,
) -> None:
    """Read organisers' reports (.docx or .md) of one event into a summary of its key messages.

    Give several REPORTS to combine the versions of one report in several languages, aligned by message.
    """
    if languages and len(languages) != len(reports):
        raise click.UsageError(f"give --lang once per report ({len(reports)}), or not at all")
    to_stdout = output is not None and str(output) == "-"
    target = None if to_stdout else output or sources / "summaries" / f"{event}.yaml"
    if force_lang and not languages:
        raise click.UsageError("--force-lang needs --lang")
    ingested = ingest_reports(reports, event, languages, target, force, force_lang, explain=verbose())
    notes(ingested.notices)
    click.echo(ingested.text if to_stdout else ingested.describe(), nl=not to_stdout)


@main.command()
@sources_option
@click.option(
    "--final", is_flag=True, help="Check as the final version needs: sample text, drafts… are errors."
)
@verbosity_options
@report_errors
def check(sources: Path, final: bool) -> None:
    """Report what is wrong or missing in the sources, errors then warnings; exit 1 on an error."""
    checked = review.check(sources, final)
    notes(checked.notices)
    for finding in checked.findings:
        click.echo(str(finding))
    click.echo(checked.describe())
    if checked.failed:
        raise SystemExit(1)


def _day(context: click.Context, parameter: click.Parameter, value: str | None) -> datetime.date | None:
    try:
        return None if value is None else datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (expected YYYY-MM-DD)") from None


@main.command()
@sources_option
@build_option
@templates_option
@click.option(
    "--today", callback=_day, metavar="YYYY-MM-DD", help="Count the days to the deadline from this day."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, for other tools.")
@verbosity_options
@report_errors
def status(
    sources: Path, build_dir: Path, templates: Path | None, today: datetime.date | None, as_json: bool
) -> None:
    """Show where the review stands, and write it to BUILD/status.html."""
    result = review.status(sources, build_dir, templates_folder(templates), today)
    notes(result.notices)
    if as_json:
        data = plain(result.status, {Location: str, Path: lambda path: display_path(path)})
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif not quiet():
        console = Console(highlight=False)
        if not console.is_terminal:
            console.width = 160  # into a file or a log: wide enough that no id is cut
        console.print(status_tables(result.status))
    if not as_json:
        click.echo(f"Wrote {display_path(result.page)}.")


@main.command()
@click.argument("number", type=click.IntRange(min=1))
@sources_option
@click.option(
    "--lang",
    "languages",
    multiple=True,
    type=click.Choice(SOURCE_LANGUAGES),
    help="Show the text in this language [default: the document's, and any other a message is in].",
)
@click.option("--annex", is_flag=True, help="Paragraph NUMBER of the annex, not of the main body.")
@verbosity_options
@report_errors
def where(number: int, sources: Path, languages: tuple[str, ...], annex: bool) -> None:
    """Show where paragraph NUMBER comes from: event, message, file and line, objectives, texts."""
    found = review.where(sources, number, annex)
    click.echo(found.describe(languages))


drafts_option = click.option(
    "--drafts",
    "drafts_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("drafts"),
    show_default=True,
    help="Folder of the drafts handed out (drafts/NAME/), meant to be committed.",
)


@main.command()
@click.argument("name")
@sources_option
@build_option
@templates_option
@drafts_option
@pdf_engine_option
@verbosity_options
@report_errors
def freeze(
    name: str, sources: Path, build_dir: Path, templates: Path | None, drafts_dir: Path, pdf_engine: str
) -> None:
    """Build the outcome and record it as the draft NAME (drafts/NAME/: merged model and manifest)."""
    with progress() as shown:
        frozen = drafting.freeze(
            name, sources, build_dir, templates_folder(templates), drafts_dir, PdfEngine(pdf_engine), shown
        )
    notes(frozen.build.notices)
    click.echo(frozen.describe())


@main.command()
@click.argument("old", metavar="FROM")
@click.argument("new", metavar="TO")
@click.option(
    "--lang",
    "languages",
    multiple=True,
    type=click.Choice(OUTPUT_LANGUAGES),
    help="Write the redline in this language [default: each language both drafts are in].",
)
@sources_option
@build_option
@templates_option
@drafts_option
@verbosity_options
@report_errors
def redline(
    old: str,
    new: str,
    languages: tuple[str, ...],
    sources: Path,
    build_dir: Path,
    templates: Path | None,
    drafts_dir: Path,
) -> None:
    """Write what changed from draft FROM to draft TO as Word tracked changes (a draft's name, or
    'current' for the sources as they are), and a summary by objective."""
    result = drafting.redline(
        old, new, sources, build_dir, templates_folder(templates), drafts_dir, languages
    )
    click.echo(result.summary, nl=False)
    click.echo(f"Wrote {', '.join(display_path(path) for path in result.written)}.")


main.add_command(translations)
main.add_command(absorb)
