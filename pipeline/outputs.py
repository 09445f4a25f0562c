"""Write a build's outputs so that no build, failed, killed or run twice at once, loses or mixes them.

- A lock (pipeline.lock): one build at a time into a build folder.
- A staging folder (build/.staging/): every output is written there, checked, and only then
  moved into place, one atomic rename per file, the manifest last. A build that fails leaves the
  previous outputs as they were; one killed while writing leaves a staging folder that the next
  build removes; one killed while moving leaves a list of what it was moving (.staging/COMMIT),
  which the next build finishes first, so that the outputs are never left half old, half new.
- Hand edits kept: a Word or PDF output that differs from what the last build wrote (its hash in
  build/manifest.json) is moved aside under a dated name, not overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import signal
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline import files
from pipeline.errors import Location, PipelineError, Problem, display_path
from pipeline.fingerprint import FINGERPRINT_FILE, MANIFEST_FILE, STAGING_DIR

COMMIT_FILE = "COMMIT"  # in the staging folder: what is being moved into place
PROTECTED_SUFFIXES = (".docx", ".pdf")  # outputs an editor may open and change by hand


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Staging ---------------------------------------------------------------------------------------


def recover(build: Path) -> tuple[Problem, ...]:
    """Finish the move a stopped build was making into *build* (the lock held), or remove what it
    was writing; return what the editor should know of it. Run first, whatever the sources say."""
    staging = build / STAGING_DIR
    if not (staging / COMMIT_FILE).is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return ()
    plan = _plan(staging)
    _check_targets(build, plan["files"], "before the build can finish what a stopped build began")
    with _signals_held():
        notes = _move_into_place(build, staging, plan)
        shutil.rmtree(staging)
    return (
        Problem(Location(build), "finished putting in place the outputs of a build that was stopped"),
        *notes,
    )


def open_staging(build: Path) -> Path:
    """Return an empty staging folder in *build* (the lock held, recover() run)."""
    staging = build / STAGING_DIR
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    return staging


def _plan(staging: Path) -> dict[str, Any]:
    """Return the moves a build recorded in .staging/COMMIT; refuse one that cannot be read."""
    path = staging / COMMIT_FILE
    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(plan, dict) and {"files", "remove", "previous", "stamp"} <= plan.keys():
            return plan
    except (OSError, ValueError):
        pass
    raise PipelineError(
        f"{display_path(path)}: the record of a stopped build's moves cannot be read; look at the "
        f"outputs in {display_path(staging.parent)}, remove {display_path(staging)}, then build again"
    )


def discard_staging(build: Path) -> None:
    """Remove the staging folder of a build that failed: the outputs in place stay as they were.
    One that was stopped while moving its outputs into place is left for the next build to finish."""
    staging = build / STAGING_DIR
    if not (staging / COMMIT_FILE).is_file():
        shutil.rmtree(staging, ignore_errors=True)


def commit(
    build: Path, staging: Path, produced: Iterable[Path], owned: Iterable[str], stamp: datetime.datetime
) -> tuple[Problem, ...]:
    """Check every file in *produced* (paths in *staging*), then move them into *build*, replacing
    the previous build's outputs and removing those it made that this build did not (as listed in
    its manifest, and every file matching the patterns *owned* by the build); an output changed by hand
    since is moved aside (named with *stamp*). Return what the editor should know."""
    names = sorted({path.relative_to(staging).as_posix() for path in produced}, key=_manifest_last)
    for name in names:
        files.check_complete(staging / name)
        files.fsync(staging / name)
    previous = _previous_outputs(build)
    leftover = {path.relative_to(build).as_posix() for pattern in owned for path in build.glob(pattern)}
    plan = {
        "files": names,
        "remove": sorted((set(previous) | leftover) - set(names)),
        "previous": previous,
        "stamp": stamp.strftime("%Y%m%d-%H%M%S"),
    }
    _check_targets(build, names, "the previous outputs are unchanged")
    # Ctrl-C and SIGTERM wait the few milliseconds of the moves: the outputs are never left half
    # old, half new by them (a SIGKILL or a power cut can; the next build then finishes the move).
    with _signals_held() as stopped:
        files.write_text(staging / COMMIT_FILE, json.dumps(plan, indent=1) + "\n")
        files.fsync(staging)
        notes = _move_into_place(build, staging, plan)
        shutil.rmtree(staging)
    if stopped:
        notes += (
            Problem(Location(build), "asked to stop while moving the outputs into place: finished first"),
        )
    return notes


@contextmanager
def _signals_held() -> Iterator[list[int]]:
    """Hold SIGINT and SIGTERM back for the block, which finishes; yield the list of those that
    came, for the caller to say so. Outside the main thread, where handlers cannot be set, the
    block runs as it is."""
    caught: list[int] = []
    try:
        previous = {number: signal.signal(number, lambda n, _: caught.append(n)) for number in _HELD}
    except ValueError:  # not the main thread
        yield caught
        return
    try:
        yield caught
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


_HELD = (signal.SIGINT, signal.SIGTERM)


def _check_targets(build: Path, files: Iterable[str], consequence: str) -> None:
    """Raise PipelineError if something that is not a regular file stands where an output goes
    (a folder, a link, a device), or a file where its folder goes: nothing is moved then."""
    for name in files:
        target = build / name
        for folder in reversed(target.relative_to(build).parents[:-1]):
            if (build / folder).is_symlink() or ((build / folder).exists() and not (build / folder).is_dir()):
                _blocked(build / folder, "a folder", consequence)
        if target.is_symlink() or (target.exists() and not target.is_file()):
            _blocked(target, "a file", consequence)


def _blocked(path: Path, expected: str, consequence: str) -> None:
    found = "a link" if path.is_symlink() else "a folder" if path.is_dir() else "not a regular file"
    raise PipelineError(
        f"{display_path(path)}: {found} stands where the build writes {expected}: move it away "
        f"or rename it, then build again ({consequence})"
    )


def _manifest_last(name: str) -> tuple[int, str]:
    """The manifest, then the fingerprint, move last: they say the build is complete."""
    return ({MANIFEST_FILE: 1, FINGERPRINT_FILE: 2}.get(name, 0), name)


def _previous_outputs(build: Path) -> dict[str, str]:
    """Return the outputs the last build listed in its manifest, with their hashes."""
    try:
        outputs = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(outputs, dict):
        return {}
    return {str(name): str(digest) for name, digest in outputs.items() if _inside(str(name))}


def _inside(name: str) -> bool:
    return not Path(name).is_absolute() and ".." not in Path(name).parts


def _move_into_place(build: Path, staging: Path, plan: Mapping[str, Any]) -> tuple[Problem, ...]:
    """Carry out .staging/COMMIT: move each staged file into *build* (those already moved by a
    stopped build are skipped), then remove the outputs of the previous build that are not made
    again. Safe to repeat."""
    previous: Mapping[str, str] = plan["previous"]
    notes: list[Problem] = []
    for name in plan["files"]:
        source = staging / name
        if not source.is_file():
            continue
        target = build / name
        if target.is_file() and _changed_by_hand(target, name, previous, _sha256(source)):
            notes.append(_move_aside(target, plan["stamp"], "this build's output is in its place"))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    for name in plan["remove"]:
        target = build / name
        if target.is_symlink() or not target.is_file():
            continue
        if _changed_by_hand(target, name, previous, None):
            notes.append(_move_aside(target, plan["stamp"], "this build does not make it"))
        else:
            target.unlink()
            notes.append(
                Problem(
                    Location(target), "removed: an output of the previous build that this one does not make"
                )
            )
    files.fsync(build)
    return tuple(notes)


def _changed_by_hand(target: Path, name: str, previous: Mapping[str, str], new: str | None) -> bool:
    """Whether *target* holds something no build wrote: not what the previous build listed, nor
    what this one writes. Only the documents are guarded (the YAML files say not to edit them)."""
    if not name.endswith(PROTECTED_SUFFIXES):
        return False
    found = _sha256(target)
    return found != previous.get(name) and found != new


def _move_aside(target: Path, stamp: str, why: str) -> Problem:
    aside = target.with_name(f"{target.stem}.edited-{stamp}{target.suffix}")
    number = 2
    while aside.exists():
        aside = target.with_name(f"{target.stem}.edited-{stamp}-{number}{target.suffix}")
        number += 1
    os.replace(target, aside)
    return Problem(
        Location(target),
        f"changed since the last build (by hand?): kept as {aside.name}; {why}",
    )
