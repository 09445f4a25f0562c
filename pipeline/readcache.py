"""What reading each summary and report gave, kept between builds, so that a build after an edit
re-reads only the files that changed (a report costs a pandoc run; a large summary, its YAML).

An entry is found by the file's name and bytes, the pipeline's code and the packages, Python and
pandoc it runs with: any change there reads the file again. A file that fails to read is never
kept, so its problems are always reported afresh; a file larger than the largest source the
pipeline reads is not kept either (reading it reports the limit). The entries live in the
user's cache folder ($OUTCOME_CACHE, else $XDG_CACHE_HOME/gcm-outcome, else
~/.cache/gcm-outcome), in a folder of their own (`reads/`), readable by the user alone, not in
build/: a build that fails leaves build/ as it was. OUTCOME_CACHE=off reads every file every
time. Entries unused for CACHE_DAYS days are removed, and nothing else.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from pipeline import limits

T = TypeVar("T")
CACHE_DAYS = 30
_FORMAT = "1"  # changed when what an entry holds changes
_FOLDER = "reads"
_ENTRY = re.compile(r"[0-9a-f]{64}")
_LARGEST = max(limits.SOURCE_FILE.value, limits.MARKDOWN_FILE.value, limits.WORD_EXPANDED.value)


def cache_folder() -> Path | None:
    """Return the folder of the entries, or None when caching is off."""
    chosen = os.environ.get("OUTCOME_CACHE", "")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen, _FOLDER)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "gcm-outcome", _FOLDER)


class ReadCache:
    """Read files through *folder*'s entries (none when None); *version* names what reading
    depends on besides the file (pipeline.fingerprint.reading_version)."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version

    def read(self, kind: str, path: Path, reader: Callable[[], T]) -> T:
        """Return what *reader* gives for *path*, from the cache when its bytes were read before."""
        data = self._bytes(path) if self.folder is not None else None
        if self.folder is None or data is None:
            return self.read_again(path, reader)
        key = hashlib.sha256(
            "\0".join((_FORMAT, self.version, kind, str(path))).encode("utf-8") + b"\0" + data
        ).hexdigest()
        entry = self.folder / key[:2] / key
        found = _load(entry)
        if found is not None:
            return cast(T, found[0])
        value = self.read_again(path, reader)
        if self._bytes(path) == data:  # not edited while it was read
            _store(entry, pickle.dumps((value,), protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def read_again(self, path: Path, reader: Callable[[], T]) -> T:
        """Read *path* with *reader* (the cache did not have it)."""
        return reader()

    @staticmethod
    def _bytes(path: Path) -> bytes | None:
        """Return the bytes of *path*, or None when it is not a regular file or larger than any
        source may be (its reader then says so, without the cache reading it whole first)."""
        try:
            status = path.stat()
            if not path.is_file() or status.st_size > _LARGEST:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def prune(self) -> None:
        """Remove the entries unused for CACHE_DAYS days (files named as entries, nothing else)."""
        if self.folder is None or not self.folder.is_dir():
            return
        oldest = time.time() - CACHE_DAYS * 86400
        for entry in self.folder.glob("[0-9a-f][0-9a-f]/*"):
            try:
                if _ENTRY.fullmatch(entry.name) and entry.name[:2] == entry.parent.name:
                    if entry.is_file() and entry.stat().st_mtime < oldest:
                        entry.unlink()
            except OSError:
                continue


def _load(entry: Path) -> tuple[object] | None:
    """Return the entry's value in a tuple, or None when there is none this user wrote."""
    try:
        with open(entry, "rb") as stream:
            status = os.fstat(stream.fileno())
            # Never unpickle what another user could have put there (no owners on Windows).
            if hasattr(os, "getuid") and status.st_uid != os.getuid():
                return None
            value = pickle.loads(stream.read())
        os.utime(entry)  # used: kept
    except Exception:  # no entry, or one unreadable (another version, a torn or damaged file)
        return None
    return value if isinstance(value, tuple) and len(value) == 1 else None


def _store(entry: Path, data: bytes) -> None:
    """Write *entry* whole or not at all, readable by the user alone; a full or read-only cache
    folder only costs time."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        entry.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        entry.parent.mkdir(mode=0o700, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, entry)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
