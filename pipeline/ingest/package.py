"""Check an organiser's report before pandoc reads it: not a lock file, not a legacy or
encrypted file; a sound zip of reasonable size, each part once under a plain name, whose XML
declares no document type, links to nothing outside the file, pulls in no other file through a
field, embeds no foreign document, and is not absurdly large for pandoc.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lxml import etree

from pipeline import limits
from pipeline.errors import Location, Problem, SourceError, not_a_file
from pipeline.ingest.formats import OLE_MAGIC, OPEN_DOCUMENT, other_format
from pipeline.ooxml import ENCODINGS, PartScan, markup_of, relationships, scan_part

FORMATS = {".docx": "docx", ".md": "markdown-smart"}
SAVE_AGAIN = "open the file in Word and save it again"
OFFICE_DOCUMENT = "officeDocument"
T = TypeVar("T")
# The parts whose text is read: the body, and the footnotes and endnotes of its messages.
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def refused(path: Path, message: str) -> SourceError:
    """Return the error that refuses the file *path*, saying why."""
    return SourceError([Problem(Location(path), message)])


def check_file(path: Path) -> str:
    """Return the pandoc reader for *path*, or raise SourceError saying what is wrong with it."""
    if path.name.startswith("~$"):
        raise refused(
            path, "a Word lock file (Word keeps it while the document is open): use the document itself"
        )
    if (unusual := not_a_file(path)) is not None:
        raise refused(path, unusual)
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
        if len(data) > limits.MARKDOWN_FILE.value:
            raise refused(path, limits.MARKDOWN_FILE.message(len(data)))
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise refused(path, f"not UTF-8 text ({error.reason}); save the file as UTF-8") from None
        return FORMATS[suffix]
    if (other := other_format(data)) is not None:
        raise refused(path, other)
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
            if "mimetype" in package.namelist() and package.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument"
            ):
                raise refused(path, OPEN_DOCUMENT)
            _check_entries(path, package)
            _check_layout(path, package)
            for name in sorted(package.namelist()):
                if name.endswith((".xml", ".rels")):
                    _check_markup(path, package, name)
            _check_macros(path, package)
            for name in sorted(package.namelist()):
                if name.endswith(".rels"):
                    _check_links(path, package, name)
            for name in sorted(package.namelist()):
                if name.startswith("word/") and name.endswith(".xml"):
                    _check_word_part(path, package, name)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise refused(path, "a corrupt or unreadable Word file (not a valid .docx package)") from None


def _check_links(path: Path, package: zipfile.ZipFile, name: str) -> None:
    """Refuse a relationship to a file or address outside the package, other than a web or e-mail
    hyperlink or the template the report was made from: Word files made from an organisation's
    template name it (`file:///C:/…/x.dotm`), and neither pandoc nor the pipeline ever opens it;
    but Word itself fetches a template named by a web address or a network share when it opens
    the file (the remote-template trick), so those are refused."""
    for link in _parsed(path, name, lambda: list(relationships(package, name))):
        where = f"the part '{link.part}'"
        if link.external and link.kind == "hyperlink" and not _WEB_LINK.match(link.target.strip()):
            raise refused(
                path,
                f"refused: {where} has a hyperlink to '{link.target}' (relationship '{link.id}'), a file "
                "on a computer or a network share; a report may link only to web addresses (http, https) "
                "and e-mail addresses (mailto): in Word, right-click the link and choose Remove Hyperlink, "
                "which keeps its text",
            )
        if link.outside and link.kind == "attachedTemplate" and _remote(link.target):
            raise refused(
                path,
                f"refused: {where} names as its template '{link.target}' (relationship '{link.id}'), on a "
                "web address or a network share, which Word would fetch when opening the file: paste "
                "the text into a new blank document, save it as .docx, then ingest that",
            )
        if link.outside and link.kind != "attachedTemplate":
            raise refused(
                path,
                f"refused: {where} links to '{link.target}' outside the file "
                f"(relationship '{link.id}', {link.kind}); a report must not load anything from "
                "elsewhere: in Word, insert pictures and objects instead of linking them, "
                "or paste the text into a new document",
            )


_WEB_LINK = re.compile(r"(?i)(https?|mailto):")
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*:")


def _remote(target: str) -> bool:
    """Return whether *target* names something on another computer (a web address, a network
    share), not a file on the organiser's own computer (`file:///C:/…`, `C:\\…`, a relative path)."""
    plain = target.strip().replace("\\", "/").lower()
    if plain.startswith("file:///"):
        return plain.startswith("file:////")  # file:////server/share is a network share
    if re.match(r"[a-z]:/", plain):
        return False
    return plain.startswith("//") or bool(_SCHEME.match(plain))


_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
_MACRO_TYPES = ("macroenabled", "vbaproject", "activex")
MACROS = "a macro-enabled document ({}): save it as a plain .docx (Word Document), then ingest that"


def _check_macros(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse a document with macros or ActiveX controls: parts such as word/vbaProject.bin,
    or a content type that declares them (a .docm renamed .docx)."""
    for name in sorted(package.namelist()):
        lowered = name.lower()
        if lowered.rsplit("/", 1)[-1] in _MACRO_PARTS or "/activex/" in f"/{lowered}":
            raise refused(path, "refused: " + MACROS.format(f"the part '{name}'"))
    types = _parsed(
        path, "[Content_Types].xml", lambda: etree.fromstring(package.read("[Content_Types].xml"), _SAFE_XML)
    )
    for declared in types.iter():
        content_type = str(declared.get("ContentType", ""))
        if any(marker in content_type.lower() for marker in _MACRO_TYPES):
            raise refused(path, "refused: " + MACROS.format(f"content type '{content_type}'"))


_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _check_entries(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse a package too large, with an unsafe, duplicate or encrypted part, or a zip bomb."""
    entries = package.infolist()
    if len(entries) > limits.WORD_PARTS.value:
        raise refused(path, limits.WORD_PARTS.message(len(entries)))
    total = sum(entry.file_size for entry in entries)
    if total > limits.WORD_EXPANDED.value:
        raise refused(path, limits.WORD_EXPANDED.message(total))
    seen: dict[str, str] = {}
    for entry in entries:
        name = entry.filename
        if "\\" in name:
            raise refused(
                path, f"refused: a part with a backslash in its name '{name}' (Word writes '/'): {SAVE_AGAIN}"
            )
        # normpath keeps a leading '..' ('../../x' stays as it is), so each segment is looked at too.
        segments = name.rstrip("/").split("/")
        if name.startswith("/") or ".." in segments or posixpath.normpath(name) != name.rstrip("/"):
            raise refused(path, f"refused: a part with an unsafe name '{name}'")
        if name.lower() in seen:
            other = seen[name.lower()]
            raise refused(
                path,
                f"refused: the part '{name}' appears twice in the file (readers would disagree on which "
                f"copy is the report): {SAVE_AGAIN}"
                if other == name
                else f"refused: the parts '{other}' and '{name}' differ only in case (readers would "
                f"disagree on which is the report): {SAVE_AGAIN}",
            )
        seen[name.lower()] = name
        if entry.flag_bits & 0x1:
            raise refused(
                path,
                f"refused: the part '{name}' is encrypted with a zip password, which Word never sets: "
                "ask the organiser for the Word file as Word saved it",
            )
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refused(
                path, f"refused: the part '{name}' is compressed in a way Word never uses: {SAVE_AGAIN}"
            )
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > limits.WORD_RATIO_FROM and ratio > limits.WORD_RATIO.value:
            raise refused(path, f"refused: the part '{name}' {limits.WORD_RATIO.message(round(ratio))}")


def _check_layout(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse a package without content types, or whose main document is not word/document.xml
    (pandoc reads the part .rels names; the check of what pandoc lost reads word/document.xml)."""
    names = set(package.namelist())
    if "[Content_Types].xml" not in names:
        raise refused(path, f"not a Word document (no [Content_Types].xml inside): {SAVE_AGAIN}")
    if "word/document.xml" not in names:
        raise refused(path, "not a Word document (no word/document.xml inside)")
    if "_rels/.rels" in names:
        _check_markup(path, package, "_rels/.rels")
        for relationship in _parsed(path, "_rels/.rels", lambda: list(relationships(package, "_rels/.rels"))):
            target = posixpath.normpath(relationship.target.lstrip("/"))
            if relationship.kind == OFFICE_DOCUMENT and target != "word/document.xml":
                raise refused(
                    path,
                    f"refused: the file's main document is '{relationship.target}', not "
                    f"word/document.xml: {SAVE_AGAIN}",
                )


def _check_markup(path: Path, package: zipfile.ZipFile, name: str) -> None:
    """Refuse an XML part that declares a document type anywhere, or is not UTF-8 or UTF-16."""
    with package.open(name) as stream:
        encoding, declaration = markup_of(stream)
    if encoding not in ENCODINGS:
        raise refused(
            path,
            f"refused: the part '{name}' is encoded as '{encoding}' (a Word file's XML is UTF-8 or UTF-16)",
        )
    if declaration:
        raise refused(path, f"refused: the part '{name}' declares a document type")


def _check_word_part(path: Path, package: zipfile.ZipFile, name: str) -> None:
    """Refuse a part of the document that pandoc could not read in reasonable memory, that has a
    field pulling in another file or running a program, or an embedded foreign document."""
    elements, paragraphs = limits.WORD_ELEMENTS, limits.WORD_PARAGRAPHS

    def scan() -> PartScan:
        with package.open(name) as stream:
            return scan_part(stream, elements.value, paragraphs.value)

    found = _parsed(path, name, scan)
    for limit, count in ((elements, found.elements), (paragraphs, found.paragraphs)):
        if count > limit.value:
            raise refused(path, f"refused: the part '{name}' {limit.message()}")
    if found.fields:
        instruction = found.fields[0]
        shown = instruction if len(instruction) <= 80 else instruction[:79] + "…"
        raise refused(
            path,
            f"refused: the part '{name}' has a field that pulls in another file or runs a program "
            f"({shown}): select the field in Word and press Ctrl+Shift+F9 to keep its text as plain text",
        )
    hidden = " ".join(" ".join(found.hidden).split())
    if hidden and name in TEXT_PARTS:
        shown = hidden if len(hidden) <= 60 else hidden[:59] + "…"
        raise refused(
            path,
            f"refused: the part '{name}' has hidden text ('{shown}'), which Word does not show but which "
            "would be read as the report's text: in Word, click ¶ (Home) to see it, then select it and "
            "untick Hidden (Home > Font) or delete it, and ingest the report again",
        )
    if found.alt_chunks:
        raise refused(
            path,
            f"refused: the part '{name}' embeds a foreign document (altChunk) whose content would be "
            "lost: paste its content into the report as text",
        )


def _parsed(path: Path, name: str, read: Callable[[], T]) -> T:
    """Return what *read* reads from the part *name*; refuse the file if the part is not well-formed XML."""
    try:
        return read()
    except etree.XMLSyntaxError as error:
        raise refused(path, f"refused: the part '{name}' is not well-formed XML ({error})") from None
