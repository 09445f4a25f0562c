"""What reading each summary and report gave, kept between builds, so that a build after an edit
re-reads only the files that changed (a report costs a pandoc run; a large summary, its YAML).

An entry is found by the file's name and bytes, the pipeline's code and the packages and pandoc
it runs with (pipeline.fingerprint): any change there reads the file again. A file that fails to
read is never kept, so its problems are always reported afresh. The entries live in the user's
cache folder ($OUTCOME_CACHE, else $XDG_CACHE_HOME/gcm-outcome, else ~/.cache/gcm-outcome), not
in build/: a build that fails leaves build/ as it was. OUTCOME_CACHE=off reads every file every
time. Entries unused for CACHE_DAYS days are removed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from pipeline import files

T = TypeVar("T")
CACHE_DAYS = 30
_FORMAT = "1"  # changed when what an entry holds changes


def cache_folder() -> Path | None:
    """Return the folder of the entries, or None when caching is off."""
    chosen = os.environ.get("OUTCOME_CACHE", "")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "gcm-outcome")


class ReadCache:
    """Read files through *folder*'s entries; *version* names the code that reads them."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self.read_again: list[Path] = []  # the files read this time (not found in the cache)

    def read(self, kind: str, path: Path, reader: Callable[[], T]) -> T:
        """Return what *reader* gives for *path*, from the cache when its bytes were read before."""
        data = self._bytes(path)
        if self.folder is None or data is None:
            return self._read(path, reader)
        key = hashlib.sha256(
            "\0".join((_FORMAT, self.version, kind, str(path))).encode("utf-8") + b"\0" + data
        ).hexdigest()
        entry = self.folder / key[:2] / key
        found = self._load(entry)
        if found is not None:
            return cast(T, found[0])
        value = self._read(path, reader)
        if self._bytes(path) == data:  # not edited while it was read
            try:
                files.write_bytes(entry, pickle.dumps((value,), protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:  # a full or read-only cache folder only costs time
                pass
        return value

    def _read(self, path: Path, reader: Callable[[], T]) -> T:
        self.read_again.append(path)
        return reader()

    @staticmethod
    def _bytes(path: Path) -> bytes | None:
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError:
            return None

    @staticmethod
    def _load(entry: Path) -> tuple[object] | None:
        """Return the entry's value in a tuple, or None when there is none this user wrote."""
        try:
            status = entry.stat()
            if status.st_uid != os.getuid():  # never unpickle what another user could have put there
                return None
            value = pickle.loads(entry.read_bytes())
            os.utime(entry)  # used: kept
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return value if isinstance(value, tuple) and len(value) == 1 else None

    def prune(self) -> None:
        """Remove the entries unused for CACHE_DAYS days."""
        if self.folder is None or not self.folder.is_dir():
            return
        oldest = time.time() - CACHE_DAYS * 86400
        for entry in self.folder.glob("*/*"):
            try:
                if entry.is_file() and entry.stat().st_mtime < oldest:
                    entry.unlink()
            except OSError:
                continue
