"""What every `outcome` command shares: its options, its report of errors (a message and exit
status 1, never a traceback), and how it stops when interrupted or terminated."""

from __future__ import annotations

import contextlib
import functools
import signal
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import ParamSpec, TypeVar

import click

from pipeline.cliprogress import Reporter
from pipeline.errors import PipelineError, Problem, Terminated, display_path
from pipeline.fingerprint import templates_folder as templates_folder
from pipeline.model import PdfEngine
from pipeline.progress import SILENT, Progress

P = ParamSpec("P")
T = TypeVar("T")


def report_errors(command: Callable[P, T]) -> Callable[P, T]:
    """Turn a PipelineError into its message on standard error and exit status 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return command(*args, **kwargs)
        except PipelineError as error:
            click.echo(str(error), err=True)
            raise SystemExit(1) from None
        except KeyboardInterrupt as stop:
            click.echo(
                "stopped before the end: the outputs already in place are as they were, "
                "and nothing half-written is left",
                err=True,
            )
            raise SystemExit(143 if isinstance(stop, Terminated) else 130) from None
        except OSError as error:  # a full disk, a read-only folder, a folder where a file should be
            where = f"{display_path(Path(error.filename))}: " if error.filename else ""
            click.echo(f"{where}{error.strerror or error}", err=True)
            raise SystemExit(1) from None

    return wrapper


def notes(notices: Iterable[Problem]) -> None:
    """Print each notice on standard error; with --quiet, only how many there are."""
    if not quiet():
        for notice in notices:
            click.echo(notice.note(), err=True)
    elif count := sum(1 for _ in notices):
        click.echo(f"{count} note{'s' * (count != 1)} (run without --quiet to see them)", err=True)


def _remember(context: click.Context, parameter: click.Parameter, value: bool) -> None:
    context.meta[f"outcome.{parameter.name}"] = value
    if context.meta.get("outcome.quiet") and context.meta.get("outcome.verbose"):
        raise click.UsageError("give --quiet or --verbose, not both")


def verbose() -> bool:
    """Return whether the running command was given --verbose."""
    context = click.get_current_context(silent=True)
    return bool(context and context.meta.get("outcome.verbose"))


def quiet() -> bool:
    """Return whether the running command was given --quiet."""
    context = click.get_current_context(silent=True)
    return bool(context and context.meta.get("outcome.quiet"))


def verbosity_options(command: Callable[P, T]) -> Callable[P, T]:
    """Add --quiet and --verbose to *command* (read through quiet() and progress())."""
    for name, short, help_text in (
        ("--verbose", "-v", "Show the progress of a build from the start, with the time of each stage."),
        ("--quiet", "-q", "Print only errors and the line that sums up (notes are only counted)."),
    ):
        option = click.option(
            short, name, is_flag=True, expose_value=False, is_eager=True, callback=_remember, help=help_text
        )
        command = option(command)
    return command


@contextlib.contextmanager
def progress() -> Iterator[Progress]:
    """Yield what shows a build's progress on standard error (nothing with --quiet)."""
    context = click.get_current_context()
    if quiet():
        yield SILENT
        return
    reporter = Reporter(verbose=bool(context.meta.get("outcome.verbose")))
    try:
        yield reporter
    finally:
        reporter.close()


sources_option = click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sources"),
    show_default=True,
    help="Folder with review.yaml, events.yaml and summaries/.",
)
templates_option = click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with the Word templates outcome.<language>.docx "
    "[default: templates/ if there is one here, else the project's templates/].",
)


build_option = click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder the outputs are written to.",
)
pdf_engine_option = click.option(
    "--pdf-engine",
    type=click.Choice([engine.value for engine in PdfEngine]),
    default=PdfEngine.TYPST.value,
    show_default=True,
    help="typst draws the PDF itself (pip only); libreoffice converts the Word file "
    "(needs LibreOffice); none writes no PDF.",
)


def stop_on_terminate() -> None:
    """Make SIGTERM stop a command as Ctrl-C does, so that what it was writing is cleaned up."""

    def terminated(number: int, frame: FrameType | None) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, terminated)
