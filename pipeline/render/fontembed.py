"""Embed the Amiri faces in a Word file, so that Word and LibreOffice draw its Arabic in Amiri on
a machine that does not have the font (ECMA-376 Part 1, §17.8.1 and §17.8.3).

Each face is stored obfuscated in word/fonts/ (its first 32 bytes XORed with a key), named in
word/fontTable.xml with that key, and word/settings.xml asks to keep embedded fonts. The key is
derived from the face's bytes, so the same fonts give the same file. Amiri's licence (SIL OFL
1.1) allows embedding, and its OS/2 table marks it installable.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.render.pdf import FONT_FOLDER

FAMILY = "Amiri"  # the name the templates give the complex-script font (w:rFonts w:cs)
FACES = {
    "embedRegular": "Amiri-Regular.ttf",
    "embedBold": "Amiri-Bold.ttf",
    "embedItalic": "Amiri-Italic.ttf",
    "embedBoldItalic": "Amiri-BoldItalic.ttf",
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_TABLE_TYPE = f"{R}/fontTable"
FONT_TYPE = f"{R}/font"
FONT_TABLE = "word/fontTable.xml"
FONT_TABLE_RELS = "word/_rels/fontTable.xml.rels"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
SETTINGS = "word/settings.xml"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
# The settings that come before w:embedTrueTypeFonts in the schema's sequence.
_SETTINGS_BEFORE = {
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
}
_KEYS = uuid.UUID("6f1d3f0e-6b8a-4d8e-9d5e-0a7f3c2b1e45")  # the namespace of the faces' keys


def font_key(face: bytes) -> str:
    """Return the key of *face*: a GUID from its bytes, written as Word expects ({UPPER-CASE})."""
    return "{" + str(uuid.uuid5(_KEYS, hashlib.sha256(face).hexdigest())).upper() + "}"


def obfuscate(face: bytes, key: str) -> bytes:
    """XOR the first 32 bytes of *face* with the key's 16 bytes, taken in reverse order of the
    GUID's hex digits (§17.8.1); the same call turns it back."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[index % 16] for index, byte in enumerate(face[:32]))
    return head + face[32:]


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=False, resolve_entities=False))


def _bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _relationship(rels: etree._Element, kind: str, target: str) -> str:
    """Add a relationship to *rels* (unless one of *kind* to *target* exists); return its id."""
    for existing in rels:
        if existing.get("Type") == kind and existing.get("Target") == target:
            return existing.get("Id") or ""
    taken = {existing.get("Id") for existing in rels}
    number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    etree.SubElement(rels, f"{{{PACKAGE}}}Relationship", Id=f"rId{number}", Type=kind, Target=target)
    return f"rId{number}"


def _content_types(data: bytes) -> bytes:
    types = _xml(data)
    if not any(child.get("Extension") == "odttf" for child in types):
        types.insert(0, etree.Element(f"{{{TYPES}}}Default", Extension="odttf", ContentType=OBFUSCATED))
    if not any(child.get("PartName") == f"/{FONT_TABLE}" for child in types):
        etree.SubElement(
            types, f"{{{TYPES}}}Override", PartName=f"/{FONT_TABLE}", ContentType=FONT_TABLE_CONTENT
        )
    return _bytes(types)


def _settings(data: bytes) -> bytes:
    settings = _xml(data)
    if settings.find(f"{{{W}}}embedTrueTypeFonts") is None:
        position = next(
            (
                index
                for index, child in enumerate(settings)
                if etree.QName(child).localname not in _SETTINGS_BEFORE
            ),
            len(settings),
        )
        settings.insert(position, etree.Element(f"{{{W}}}embedTrueTypeFonts"))
    return _bytes(settings)


def embed_fonts(data: bytes, folder: Path = FONT_FOLDER) -> bytes:
    """Return the Word file *data* with the Amiri faces of *folder* embedded (stored uncompressed:
    the caller writes the file compressed)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {entry.filename: package.read(entry.filename) for entry in package.infolist()}
    empty_rels = f'<Relationships xmlns="{PACKAGE}"/>'.encode()
    document_rels = _xml(parts[DOCUMENT_RELS])
    _relationship(document_rels, FONT_TABLE_TYPE, "fontTable.xml")
    parts[DOCUMENT_RELS] = _bytes(document_rels)
    table = (
        _xml(parts[FONT_TABLE])
        if FONT_TABLE in parts
        else etree.Element(f"{{{W}}}fonts", nsmap={"w": W, "r": R})
    )
    rels = _xml(parts.get(FONT_TABLE_RELS, empty_rels))
    font = next((f for f in table.iter(f"{{{W}}}font") if f.get(f"{{{W}}}name") == FAMILY), None)
    if font is None:
        font = etree.SubElement(table, f"{{{W}}}font")
        font.set(f"{{{W}}}name", FAMILY)
    for kind in FACES:  # the faces come last in w:font's sequence, in this order
        for old in font.findall(f"{{{W}}}{kind}"):
            font.remove(old)
    for kind, file_name in FACES.items():
        face = (folder / file_name).read_bytes()
        key = font_key(face)
        target = f"fonts/{Path(file_name).stem}.odttf"
        parts[f"word/{target}"] = obfuscate(face, key)
        embedded = etree.SubElement(font, f"{{{W}}}{kind}")
        embedded.set(f"{{{R}}}id", _relationship(rels, FONT_TYPE, target))
        embedded.set(f"{{{W}}}fontKey", key)
    parts[FONT_TABLE] = _bytes(table)
    parts[FONT_TABLE_RELS] = _bytes(rels)
    parts[CONTENT_TYPES] = _content_types(parts[CONTENT_TYPES])
    parts[SETTINGS] = _settings(parts[SETTINGS])
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as package:  # compressed once, when written
        for name, content in parts.items():
            package.writestr(name, content)
    return output.getvalue()
