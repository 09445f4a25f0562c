"""Draw the languages of a large document at once, one process each.

Each language is a Word file and a PDF that depend on nothing of the other language's, so two
cores draw both in the time of the longer; and Typst's memory, which it keeps between compiles
in one process, is given back when each process ends. A process costs about 0.3 s to start
(it imports the pipeline afresh: a forked copy of a process that has run Typst could inherit its
locks), so small documents are drawn in this process. OUTCOME_JOBS sets the number of processes
(1: none), for a machine shared with other work.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any, TypeVar

from pipeline.errors import PipelineError, RenderError, Terminated

T = TypeVar("T")
R = TypeVar("R")

# Numbered paragraphs (both languages' counts) from which drawing in parallel saves time: below,
# the start of a process costs more than it saves (measured with `make bench`, docs/benchmarks.md).
PARALLEL_FROM = 600
STOP_SECONDS = 10.0  # for a drawing process to end once told to stop


def processes(jobs: int | None, languages: int, paragraphs: int) -> int:
    """Return how many processes draw *languages* languages of *paragraphs* paragraphs: *jobs*
    if given, else OUTCOME_JOBS if set, else one per language and core for a large document."""
    if jobs is None:
        setting = os.environ.get("OUTCOME_JOBS", "").strip()
        if setting:
            if not (setting.isascii() and setting.isdigit()) or int(setting) < 1:
                raise PipelineError(
                    f"OUTCOME_JOBS={setting!r}: expected a whole number of processes, 1 or more"
                )
            jobs = int(setting)
        elif paragraphs < PARALLEL_FROM:
            jobs = 1
        else:
            jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs, languages))


def run(function: Callable[[T], R], items: Sequence[T], count: int) -> list[R]:
    """Return [function(item) for item in items], computed in *count* processes at once.

    A PipelineError raised by *function* is raised here with its message; when this process is
    interrupted (Ctrl-C, SIGTERM), the others are stopped before the interruption goes on.
    """
    context = multiprocessing.get_context("spawn")
    results: list[R] = []
    for start in range(0, len(items), count):
        batch = items[start : start + count]
        running = []
        try:
            for item in batch:
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_work, args=(sender, function, item), daemon=True)
                # Started with Ctrl-C ignored, which it keeps: this process decides, and stops it.
                interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
                try:
                    process.start()
                finally:
                    signal.signal(signal.SIGINT, interrupt)
                sender.close()
                running.append((process, receiver))
            for process, receiver in running:
                results.append(_result(process, receiver))
        finally:
            for process, receiver in running:
                _stop(process)
                receiver.close()
    return results


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    """Stop *process* if it still runs: terminated, it cleans up as this one does (LibreOffice
    stopped, its folder removed); killed if it has not ended in STOP_SECONDS."""
    if process.is_alive():
        process.terminate()
    process.join(STOP_SECONDS)
    if process.is_alive():
        process.kill()
        process.join()


def _work(sender: Connection, function: Callable[[T], R], item: T) -> None:
    """In the drawing process: send back what *function* returns or the error it raised."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides, and stops this one
    signal.signal(signal.SIGTERM, _terminated)  # stopped: clean up as an interrupted build does
    try:
        answer: tuple[str, object] = ("done", function(item))
    except PipelineError as error:
        try:
            pickle.loads(pickle.dumps(error))
            answer = ("error", error)
        except Exception:  # an error that cannot cross processes: its message does
            answer = ("error", PipelineError(str(error)))
    except BaseException as error:  # noqa: BLE001 - told to the main process, which raises it
        answer = ("failed", f"{type(error).__name__}: {error}")
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # done: nothing left to clean up if stopped now
    try:
        sender.send(answer)
        sender.close()
    except OSError:  # the main process has stopped listening: it has its answer elsewhere
        pass


def _terminated(number: int, frame: FrameType | None) -> None:
    raise Terminated()


def _result(process: multiprocessing.process.BaseProcess, receiver: Connection) -> Any:
    try:
        kind, value = receiver.recv()
    except EOFError:
        process.join()
        raise RenderError(
            f"the process drawing a language ended without an answer (exit status {process.exitcode})"
        ) from None
    if kind == "done":
        return value
    if kind == "error":
        raise value
    raise RenderError(f"the process drawing a language failed: {value}")
