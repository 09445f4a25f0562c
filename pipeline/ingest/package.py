"""Check an organiser's report before pandoc reads it: not a lock file, not a legacy or
encrypted file, a sound zip of reasonable size with no document type declarations.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import Location, Problem, SourceError

FORMATS = {".docx": "docx", ".md": "markdown-smart"}
# Limits that no real report reaches and every zip bomb does.
MAX_ENTRIES = 5000
MAX_TOTAL_SIZE = 512 * 1024 * 1024
MAX_RATIO = 100  # for entries over MAX_RATIO_FROM bytes
MAX_RATIO_FROM = 4 * 1024 * 1024
MAX_MARKDOWN_SIZE = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(path: Path, message: str) -> SourceError:
    return SourceError([Problem(Location(path), message)])


def check_file(path: Path) -> str:
    """Return the pandoc reader for *path*, or raise SourceError saying what is wrong with it."""
    if path.name.startswith("~$"):
        raise refused(
            path, "a Word lock file (Word keeps it while the document is open): use the document itself"
        )
    if not path.is_file():
        raise refused(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise refused(
            path, "a legacy Word 97-2003 document: open it in Word and save it as .docx, then ingest that"
        )
    if suffix not in FORMATS:
        raise refused(path, f"unsupported format '{suffix or path.name}' (expected .docx or .md)")
    data = path.read_bytes()
    if not data.strip():
        raise refused(path, "the file is empty")
    if suffix == ".md":
        if len(data) > MAX_MARKDOWN_SIZE:
            raise refused(path, "the file is too large for a summary report (over 20 MB)")
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise refused(path, f"not UTF-8 text ({error.reason}); save the file as UTF-8") from None
        return FORMATS[suffix]
    if data.startswith(OLE_MAGIC):
        raise refused(
            path,
            "an encrypted (password-protected) or legacy Word file: remove the password in Word "
            "(File > Info > Protect Document) or save it as .docx, then ingest it again",
        )
    _check_zip(path)
    return FORMATS[suffix]


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > MAX_ENTRIES:
                raise refused(path, f"refused: {len(entries)} parts in the file (a Word file has far fewer)")
            total = sum(entry.file_size for entry in entries)
            if total > MAX_TOTAL_SIZE:
                raise refused(path, "refused: the file would expand to over 512 MB")
            for entry in entries:
                name = entry.filename
                if name.startswith(("/", "\\")) or ".." in name.split("/"):
                    raise refused(path, f"refused: a part with an unsafe name '{name}'")
                ratio = entry.file_size / max(entry.compress_size, 1)
                if entry.file_size > MAX_RATIO_FROM and ratio > MAX_RATIO:
                    raise refused(path, f"refused: the part '{name}' expands {ratio:.0f} times (a zip bomb?)")
            if "word/document.xml" not in package.namelist():
                raise refused(path, "not a Word document (no word/document.xml inside)")
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    with package.open(entry) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise refused(path, f"refused: the part '{entry.filename}' declares a document type")
    except zipfile.BadZipFile:
        raise refused(path, "a corrupt or unreadable Word file (not a valid .docx package)") from None
