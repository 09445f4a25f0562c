"""What every `outcome` command shares: its options, its report of errors (a message and exit
status 1, never a traceback), and how it stops when interrupted or terminated."""

from __future__ import annotations

import functools
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import ParamSpec, TypeVar

import click

from pipeline.errors import PipelineError, Problem, display_path
from pipeline.fingerprint import templates_folder as templates_folder
from pipeline.model import PdfEngine

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
    for notice in notices:
        click.echo(notice.note(), err=True)


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


class Terminated(KeyboardInterrupt):
    """SIGTERM, stopping a command as Ctrl-C does (exit status 143 instead of 130)."""


def stop_on_terminate() -> None:
    """Make SIGTERM stop a command as Ctrl-C does, so that what it was writing is cleaned up."""

    def terminated(number: int, frame: FrameType | None) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, terminated)
