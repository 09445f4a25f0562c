"""`outcome translations`: the commands of translation work."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.clikit import report_errors, sources_option, verbosity_options
from pipeline.translations.confirm import confirm as confirm_translations


@click.group()
def translations() -> None:
    """Keep the translations of the key messages in step with their texts."""


@translations.command()
@click.argument("uid")
@sources_option
@verbosity_options
@report_errors
def confirm(uid: str, sources: Path) -> None:
    """Say that message UID's translations are up to date with its text (after editing them by
    hand): each gets a record of the text it now matches."""
    click.echo(confirm_translations(sources, uid).describe())
