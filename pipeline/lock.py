"""One build at a time into a build folder: build/.outcome.lock, held with flock, so that a build
killed with its lock leaves nothing to clean (the kernel lets go of it; the next build takes it
over and says so)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import Location, PipelineError, Problem, display_path

LOCK_FILE = ".outcome.lock"


class BuildRunning(PipelineError):
    """Another build holds the lock of the build folder."""


@contextmanager
def build_lock(build: Path) -> Iterator[tuple[Problem, ...]]:
    """Hold the lock of the build folder *build* (creating the folder) for the block; yield a note
    when the lock of a killed build was taken over. Raise BuildRunning at once if another build
    holds it. A folder that the block created and left empty is removed again."""
    created = not build.exists()
    build.mkdir(parents=True, exist_ok=True)
    path = build / LOCK_FILE
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _pid_in(descriptor)
            os.close(descriptor)
            raise BuildRunning(
                f"{display_path(build)}: another build is running (pid {holder or 'unknown'}); "
                "wait for it to finish, then build again"
            ) from None
        # The holder that just let go may have removed the file: then lock the new one.
        try:
            current = os.stat(path).st_ino == os.fstat(descriptor).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(descriptor)
    left = _pid_in(descriptor)
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
    notes = (
        (Problem(Location(path), f"took over the lock of a build that did not finish (pid {left})"),)
        if left
        else ()
    )
    try:
        yield notes
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)
        if created:
            try:
                build.rmdir()  # only when empty: a build that failed before writing anything
            except OSError:
                pass


def _pid_in(descriptor: int) -> str:
    text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else ""
