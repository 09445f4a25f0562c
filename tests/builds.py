"""What the tests of builds share: a small sources folder, an editor's change to it, the hash
of every file of a build folder, and the `outcome` command."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

OUTCOME = Path(sys.executable).with_name("outcome")
SUMMARY = Path("summaries") / "talks-2023.yaml"


def snapshot(folder: Path) -> dict[str, str]:
    """Return the hash of every file below *folder*, hidden ones included, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def second_version(sources: Path) -> None:
    """Edit a message of *sources*, as an editor would between two builds."""
    summary = sources / SUMMARY
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("Only in English.", "Only in English, edited."), encoding="utf-8")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(OUTCOME), *map(str, args)], capture_output=True, text=True, check=False)
