"""`outcome translations`: the commands of translation work."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.build.absorb import absorb as absorb_edits
from pipeline.clikit import build_option, quiet, report_errors, sources_option, verbosity_options
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.translations.confirm import confirm as confirm_translations
from pipeline.translations.confirm import confirm_unrecorded
from pipeline.translations.exchange import export as export_translations
from pipeline.translations.exchange import import_translations


@click.group()
def translations() -> None:
    """Keep the translations of the key messages in step with their texts."""


@translations.command()
@click.argument("uid", required=False)
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="Record every translation that has no record yet (once, for translations typed before records).",
)
@sources_option
@verbosity_options
@report_errors
def confirm(uid: str | None, every: bool, sources: Path) -> None:
    """Say that message UID's translations are up to date with its text (after editing them by
    hand): each gets a record of the text it now matches."""
    if every == (uid is not None):
        raise click.UsageError("give a message id (event-id#message-id), or --all")
    click.echo((confirm_unrecorded(sources) if every else confirm_translations(sources, str(uid))).describe())


@translations.command()
@click.option(
    "--to",
    "target",
    type=click.Choice(SOURCE_LANGUAGES),
    required=True,
    help="The language to translate into.",
)
@click.option(
    "--format",
    "form",
    type=click.Choice(["xliff", "docx"]),
    default="xliff",
    show_default=True,
    help="XLIFF 2 for CAT tools, or a Word table.",
)
@click.option(
    "--all", "every", is_flag=True, help="Every message, not only those without an up-to-date translation."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="The file to write.")
@sources_option
@build_option
@verbosity_options
@report_errors
def export(target: str, form: str, every: bool, output: Path | None, sources: Path, build_dir: Path) -> None:
    """Write the messages whose TO text is missing or stale, for translators (default
    build/translations.<language>.xlf or .docx)."""
    click.echo(export_translations(sources, target, form, every, output, build_dir).describe())


@translations.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--partial", is_flag=True, help="Write the good units even when others are refused.")
@sources_option
@verbosity_options
@report_errors
def import_command(file: Path, partial: bool, sources: Path) -> None:
    """Read the translations of FILE (XLIFF or Word table) into the summaries, each with the
    record of the text it was made from; nothing is written if a unit is refused."""
    click.echo(import_translations(sources, file, partial).describe())


@click.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Say what would be written, and write nothing.")
@click.option(
    "--apply-deletions", is_flag=True, help="Remove from the summaries the messages deleted in the document."
)
@sources_option
@build_option
@verbosity_options
@report_errors
def absorb(document: Path, dry_run: bool, apply_deletions: bool, sources: Path, build_dir: Path) -> None:
    """Write the edits made in a built outcome DOCUMENT (typed, or as tracked changes) into the
    summaries; report deleted and added paragraphs and conflicts (exit status 1 on a conflict)."""
    result = absorb_edits(document, sources, build_dir, dry_run, apply_deletions)
    said = result.describe(dry_run).splitlines()
    if quiet():  # the conflicts, and the line that sums up
        said = [line for line in said if line.startswith("conflict: ")] + said[-1:]
    click.echo("\n".join(said))
    if result.conflicts:
        raise SystemExit(1)
