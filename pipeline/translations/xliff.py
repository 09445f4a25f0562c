"""XLIFF 2.0 out and in: what CAT tools (Trados, memoQ, OmegaT…) read and write.

One file per source language (XLIFF names one for the whole file), one <unit> per message: its
`name` is the message's id (`talks-2023#m1`; the `id`, an XML name, is the same with a dot for
the '#'), notes give the event, the objectives and the file and line of the message; a stale
translation is given as the target with state="initial" and a note saying its source changed.
Written with lxml; tests/test_translation_exchange.py validates it against the OASIS schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from pipeline import files
from pipeline.errors import Location, PipelineError, display_path
from pipeline.translations.units import Returned, Unit

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
_X = f"{{{NAMESPACE}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STALE_NOTE = (
    "The source text changed since this translation was made (the earlier source is not kept): "
    "check the translation against the source and correct it."
)


def write(units: Sequence[Unit], path: Path) -> Path:
    """Write *units* (one source and one target language) to *path* as XLIFF 2.0."""
    root = etree.Element(f"{_X}xliff", nsmap={None: NAMESPACE})
    root.set("version", "2.0")
    root.set("srcLang", units[0].source)
    root.set("trgLang", units[0].target)
    file = etree.SubElement(root, f"{_X}file", id="f1", original="sources/summaries")
    for unit in units:
        element = etree.SubElement(file, f"{_X}unit", id=unit.uid.replace("#", "."), name=unit.uid)
        notes = etree.SubElement(element, f"{_X}notes")
        for category, text in (
            ("event", f"{unit.event}: {unit.event_title}" if unit.event_title else unit.event),
            ("objectives", ", ".join(map(str, unit.objectives)) or "cross-cutting"),
            ("location", str(unit.location)),
            *((("stale", STALE_NOTE),) if unit.stale else ()),
        ):
            etree.SubElement(notes, f"{_X}note", category=category).text = text
        segment = etree.SubElement(element, f"{_X}segment")
        if unit.stale:
            segment.set("state", "initial")
        etree.SubElement(segment, f"{_X}source").text = unit.source_text
        if unit.target_text:
            etree.SubElement(segment, f"{_X}target").text = unit.target_text
    files.write_bytes(path, etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return path


def read(path: Path) -> list[Returned]:
    """Return the units of the XLIFF 2 file at *path*; raise PipelineError when it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as error:
        raise PipelineError(f"{display_path(path)}: not a readable XLIFF file ({error})") from None
    root = tree.getroot()
    if root.tag != f"{_X}xliff" or not str(root.get("version", "")).startswith("2."):
        raise PipelineError(
            f"{display_path(path)}: not XLIFF 2 (its root is {etree.QName(root).localname!r}, version "
            f"{root.get('version')!r}); export again with `outcome translations export`"
        )
    source, target = root.get("srcLang", ""), root.get("trgLang", "")
    returned = []
    for unit in root.iter(f"{_X}unit"):
        uid = unit.get("name") or str(unit.get("id", "")).replace(".", "#", 1)
        sources = [found for found in unit.iterfind(f"{_X}segment/{_X}source")]
        targets = [found for found in unit.iterfind(f"{_X}segment/{_X}target")]
        language = next((str(t.get(XML_LANG)) for t in targets if t.get(XML_LANG)), target)
        returned.append(
            Returned(
                uid,
                source,
                "".join("".join(element.itertext()) for element in sources),
                language,
                "".join("".join(element.itertext()) for element in targets),
                Location(path, unit.sourceline or 0),
                markup=any(len(element) for element in targets),
            )
        )
    return returned
