"""Whole files: written atomically (a reader sees the old file or the new one, never a part),
checked complete, flushed to disk."""

from __future__ import annotations

import json
import os
import secrets
import zipfile
from pathlib import Path

from pipeline.errors import PipelineError, display_path


def write_bytes(path: Path, data: bytes) -> None:
    """Write *data* to *path* atomically: a reader sees the old file or the new one, never a part.
    The file gets the permissions open() gives (the umask's)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write *text* to *path* as UTF-8 with LF line ends, atomically."""
    write_bytes(path, text.encode("utf-8"))


def check_complete(path: Path) -> None:
    """Raise PipelineError unless *path* is a whole file of its kind (a bug, or a full disk)."""
    problem = ""
    size = path.stat().st_size
    if size == 0:
        problem = "it is empty"
    elif path.suffix == ".docx":
        try:
            with zipfile.ZipFile(path) as package:
                if package.testzip() is not None or "word/document.xml" not in package.namelist():
                    problem = "it is not a whole Word file"
        except zipfile.BadZipFile:
            problem = "it is not a whole Word file"
    elif path.suffix == ".pdf":
        with open(path, "rb") as stream:
            head = stream.read(5)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
        if head != b"%PDF-" or b"%%EOF" not in tail:
            problem = "it is not a whole PDF file"
    elif path.suffix == ".json":
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            problem = "it is not whole JSON"
    elif not path.read_bytes().endswith(b"\n"):
        problem = "it does not end with a line break"
    if problem:
        raise PipelineError(
            f"{display_path(path)}: the build wrote an incomplete output ({problem}); "
            "the previous outputs are unchanged"
        )


def fsync(path: Path) -> None:
    """Flush *path* (a file or a folder) to disk, so that a rename never outlives its content."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
