"""Read what a Word package holds besides its text, without trusting it: document type
declarations anywhere in a part, relationships to outside files and addresses, fields that pull
in other files or run programs, embedded foreign documents, and how large a part's tree is.

The reports' pre-flight (pipeline/ingest/package.py) and the Word templates' check
(pipeline/render/template_check.py) both read packages through it: it finds, they refuse.
Everything is read as a stream, so a hostile part costs time in proportion to its size and
little memory.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Fields whose instruction makes Word or LibreOffice read another file, fetch an address or run a
# program (DDE); INCLUDE and IMPORT are the older names of INCLUDETEXT and INCLUDEPICTURE.
LINKING_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDE", "INCLUDETEXT", "INCLUDEPICTURE", "IMPORT", "LINK"})
# The only encodings a package's XML may use (ECMA-376 Part 2, 8.1.4).
ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"})
_MARKERS = ("<!DOCTYPE", "<!ENTITY")
_OVERLAP = max(map(len, _MARKERS)) - 1
_CHUNK = 64 * 1024
_DECLARED = re.compile(r"""^\ufeff?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Relationship:
    """One relationship of a package's .rels part: where it points and whether outside the package."""

    part: str  # the .rels part that declares it
    id: str
    type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        """Return the last word of its type: image, hyperlink, attachedTemplate, oleObject…"""
        return self.type.rstrip("/").rsplit("/", 1)[-1]

    @property
    def outside(self) -> bool:
        """Return whether it loads something from outside the package when the file is opened.

        A hyperlink is only followed when a reader clicks it; an image, object, frame,
        sub-document or attached template outside the package is loaded by Word or LibreOffice.
        """
        return self.external and self.kind != "hyperlink"


@dataclass
class PartScan:
    """What one WordprocessingML part holds besides text; counting stops once a limit is passed."""

    elements: int = 0
    paragraphs: int = 0
    fields: list[str] = field(default_factory=list)  # the instructions of linking fields
    alt_chunks: int = 0
    hidden: list[str] = field(default_factory=list)  # the texts of runs formatted as hidden


# A run with one of these in its properties is not shown by Word (w:webHidden is: it only hides
# text in Web Layout, as Word does with the page numbers of a table of contents).
_HIDING = frozenset({f"{{{W}}}vanish", f"{{{W}}}specVanish"})
_OFF = frozenset({"0", "false", "off"})


def markup_of(stream: IO[bytes], chunk: int = _CHUNK) -> tuple[str, str | None]:
    """Return the encoding of the XML in *stream*, and the first document type or entity
    declaration found anywhere in it (None if there is none).

    The stream is decoded as it is read, in chunks that overlap by a marker's length less one,
    so that a declaration cut by a chunk boundary (or spelt in UTF-16) is found all the same.
    """
    head = stream.read(chunk)
    encoding = _detected(head)
    if encoding == "utf-32":
        return encoding, None  # refused for its encoding alone
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head)
    declared = _DECLARED.match(text[:1024])
    if declared:
        encoding = declared.group(1).strip().lower()
    elif text.lstrip("\ufeff \t\r\n")[:1] not in ("<", ""):
        encoding = "unknown"  # EBCDIC, UTF-7…: bytes no XML of a Word file starts with
    tail = ""
    while True:
        window = (tail + text).upper()
        for marker in _MARKERS:
            if marker in window:
                return encoding.removesuffix("-sig"), marker
        tail = window[-_OVERLAP:]
        data = stream.read(chunk)
        if not data:
            return encoding.removesuffix("-sig"), None
        text = decoder.decode(data)


def _detected(head: bytes) -> str:
    """Return the encoding an XML parser would take from the first bytes (XML 1.0, appendix F)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b"<\0\0\0", b"\0\0\0<")):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(b"<\0"):
        return "utf-16-le"
    if head.startswith(b"\0<"):
        return "utf-16-be"
    return "utf-8-sig"


def relationships(package: zipfile.ZipFile, name: str) -> Iterator[Relationship]:
    """Yield the relationships of the .rels part *name* of *package*, read as a stream."""
    with package.open(name) as stream:
        for _, element in etree.iterparse(
            stream,
            events=("end",),
            tag=f"{{{RELATIONSHIPS}}}Relationship",
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            yield Relationship(
                name,
                element.get("Id", ""),
                element.get("Type", ""),
                element.get("Target", ""),
                element.get("TargetMode", "").strip().lower() == "external",
            )
            element.clear()


def scan_part(stream: IO[bytes], max_elements: int, max_paragraphs: int) -> PartScan:
    """Return what the WordprocessingML part in *stream* holds: its elements and paragraphs
    (counted up to just past the limits), its linking fields and its altChunks.

    A field's instruction may be split across runs: the w:instrText between the field's begin
    and separate marks are joined before its first word is read. Raise etree.XMLSyntaxError if
    the part is not well-formed.
    """
    scan = PartScan()
    open_fields: list[list[str]] = []  # per open field: the pieces of its instruction so far
    runs: list[bool] = []  # per open run: whether it is hidden
    collecting: list[bool] = []
    for event, element in etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    ):
        tag = element.tag
        if event == "end":
            if tag in _HIDING and runs and _hides_its_run(element):
                runs[-1] = True
            elif tag == f"{{{W}}}t" and runs and runs[-1]:
                scan.hidden.append(element.text or "")
            elif tag == f"{{{W}}}r" and runs:
                runs.pop()
            if tag == f"{{{W}}}instrText":
                if open_fields and collecting[-1]:
                    open_fields[-1].append(element.text or "")
                else:
                    _check_field(element.text or "", scan)
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
            continue
        scan.elements += 1
        if tag == f"{{{W}}}r":
            runs.append(False)
        elif tag == f"{{{W}}}p":
            scan.paragraphs += 1
        elif tag == f"{{{W}}}fldChar":
            kind = element.get(f"{{{W}}}fldCharType")
            if kind == "begin":
                open_fields.append([])
                collecting.append(True)
            elif kind == "separate" and collecting:
                collecting[-1] = False
            elif kind == "end" and open_fields:
                _check_field("".join(open_fields.pop()), scan)
                collecting.pop()
        elif tag == f"{{{W}}}fldSimple":
            _check_field(element.get(f"{{{W}}}instr", ""), scan)
        elif tag == f"{{{W}}}altChunk":
            scan.alt_chunks += 1
        if scan.elements > max_elements or scan.paragraphs > max_paragraphs:
            break
    for pieces in open_fields:  # a field never closed still counts
        _check_field("".join(pieces), scan)
    return scan


def _hides_its_run(mark: etree._Element) -> bool:
    """Return whether the w:vanish (or w:specVanish) *mark* hides the text of a run: it stands in
    the run's own properties (not a paragraph mark's, nor the former formatting of a tracked
    change) and is not switched off."""
    properties = mark.getparent()
    run = properties.getparent() if properties is not None else None
    return (
        run is not None
        and properties is not None
        and properties.tag == f"{{{W}}}rPr"
        and run.tag == f"{{{W}}}r"
        and str(mark.get(f"{{{W}}}val", "true")).lower() not in _OFF
    )


def _check_field(instruction: str, scan: PartScan) -> None:
    first = re.match(r"\s*([A-Za-z]+)", instruction)
    if first and first.group(1).upper() in LINKING_FIELDS:
        scan.fields.append(" ".join(instruction.split()))
