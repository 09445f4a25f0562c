"""Write the stages' inspectable results: build/normalized/<event>.yaml and build/merged.yaml.

Both are the typed values of the stages as plain data (pipeline.plain), with every file named
as written below the sources folder, so that the outputs do not depend on where it is.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import yamlwrite
from pipeline.errors import Location
from pipeline.model import EventDate, OutcomeDocument, Summary
from pipeline.plain import Converters, plain

NORMALIZED_DIR = "normalized"
NORMALIZED_FILES = f"{NORMALIZED_DIR}/*.yaml"
MERGED_FILE = "merged.yaml"
_HEADER = "Written by `outcome build` from the sources; edit the sources, not this file."


def _converters(sources: Path) -> Converters:
    def relative(path: Path) -> str:
        try:
            return path.resolve().relative_to(sources.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    return {
        Location: lambda location: f"{relative(location.path)}:{location.line}",
        Path: relative,
        EventDate: str,
    }


def write_normalized(summaries: tuple[Summary, ...], sources: Path, build: Path) -> tuple[Path, ...]:
    """Write one YAML file per summary under build/normalized/ (pipeline.outputs removes those of
    summaries that are gone when it puts the build in place)."""
    folder = build / NORMALIZED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    convert = _converters(sources)
    written = []
    for summary in summaries:
        path = folder / f"{summary.event}.yaml"
        yamlwrite.dump(plain(summary, convert), path, header=_HEADER)
        written.append(path)
    return tuple(written)


def write_merged(outcome: OutcomeDocument, sources: Path, build: Path) -> Path:
    """Write build/merged.yaml: the merged outcome as plain data, in document order."""
    path = build / MERGED_FILE
    yamlwrite.dump(plain(outcome, _converters(sources)), path, header=_HEADER)
    return path
