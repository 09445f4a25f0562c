"""The drafts handed out: drafts/NAME/ holds the merged outcome and the manifest of the build that
made them, small text files meant to be committed, so that any later version can be compared
with it (`outcome redline NAME current`)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from pipeline import files
from pipeline.drafts.merged import read_outcome
from pipeline.errors import PipelineError, display_path
from pipeline.fingerprint import MANIFEST_FILE
from pipeline.model import OutcomeDocument

DRAFT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
CURRENT = "current"  # in a redline: the outcome the sources give now
MERGED_FILE = "merged.yaml"


def _check_spelling(name: str) -> None:
    if not DRAFT_NAME.fullmatch(name) or name == CURRENT:
        raise PipelineError(
            f"'{name}' cannot name a draft (letters, digits, '.', '_' and '-', such as zero-draft or "
            f"rev.1; '{CURRENT}' is kept for the sources as they are now)"
        )


def check_name(name: str, drafts: Path) -> Path:
    """Return the folder of a new draft *name*; refuse a bad name or one already taken."""
    _check_spelling(name)
    folder = drafts / name
    if folder.exists():
        raise PipelineError(f"{display_path(folder)}: the draft '{name}' exists already; give another name")
    return folder


def freeze(name: str, build: Path, drafts: Path) -> Path:
    """Record the outcome built in *build* as the draft *name*; return its folder."""
    folder = check_name(name, drafts)
    drafts.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a draft is there whole or not at all.
    partial = drafts / f".{name}.{os.getpid()}.partial"
    try:
        partial.mkdir()
        for file in (MERGED_FILE, MANIFEST_FILE):
            files.write_bytes(partial / file, (build / file).read_bytes())
        try:
            partial.rename(folder)  # refused if another freeze made the folder meanwhile
        except OSError:
            raise PipelineError(
                f"{display_path(folder)}: the draft '{name}' exists already; give another name"
            ) from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder


def load(name: str, drafts: Path) -> OutcomeDocument:
    """Return the outcome of the draft *name*."""
    _check_spelling(name)
    path = drafts / name / MERGED_FILE
    if not path.is_file():
        known = (
            sorted(item.name for item in drafts.iterdir() if (item / MERGED_FILE).is_file())
            if drafts.is_dir()
            else []
        )
        listed = ", ".join(known) if known else "none yet; make one with outcome freeze NAME"
        raise PipelineError(f"{display_path(drafts)}: no draft '{name}' (drafts: {listed})")
    return read_outcome(path)
