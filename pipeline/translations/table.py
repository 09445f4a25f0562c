"""A two-column Word table out and in, for translators without a CAT tool: a row per message,
its id, its text in the source language, and the translation to write (empty, or the stale
translation to correct); the Arabic column right to left."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline import files
from pipeline.errors import Location, PipelineError, SourceError, display_path
from pipeline.ingest.package import check_file
from pipeline.languages import LANGUAGES, SOURCE_LANGUAGES
from pipeline.translations.units import Returned, Unit

STALE_MARK = "stale: its source changed since this translation was made"


def write(units: Sequence[Unit], path: Path) -> Path:
    """Write *units* (one source and one target language) to *path* as a Word table."""
    source, target = LANGUAGES[units[0].source], LANGUAGES[units[0].target]
    document = docx.Document()
    document.add_paragraph(
        f"Key messages to translate from {source.name} into {target.name}: {len(units)}. Write each "
        f"translation in the {target.name} column (a stale one: correct it); leave the other columns "
        "as they are, then give the file to `outcome translations import`."
    )
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Message", source.name, target.name), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for unit in units:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(unit.uid)
        if unit.stale:
            cells[0].add_paragraph().add_run(f"({STALE_MARK})").italic = True
        _write(cells[1].paragraphs[0], unit.source_text, source.rtl)
        _write(cells[2].paragraphs[0], unit.target_text, target.rtl)
    _write(table.rows[0].cells[2].paragraphs[0], "", target.rtl)
    buffer = io.BytesIO()
    document.save(buffer)
    files.write_bytes(path, buffer.getvalue())
    return path


def _write(paragraph: Paragraph, text: str, rtl: bool) -> None:
    """Put *text* in *paragraph*, right to left for Arabic."""
    run = paragraph.add_run(text) if text else None
    if rtl:
        properties = paragraph._p.get_or_add_pPr()
        etree.SubElement(properties, qn("w:bidi"))
        for each in [run] if run is not None else []:
            etree.SubElement(each._r.get_or_add_rPr(), qn("w:rtl"))


def read(path: Path) -> list[Returned]:
    """Return the rows of the translation table in the Word file at *path*."""
    try:
        check_file(path)
        document = docx.Document(str(path))
    except SourceError as error:
        raise PipelineError(str(error)) from None
    except Exception as error:  # python-docx's errors for a file that is not Word's
        raise PipelineError(f"{display_path(path)}: not a readable Word file ({error})") from None
    names = {LANGUAGES[code].name: code for code in SOURCE_LANGUAGES}
    for table in document.tables:
        header = [cell.text.strip() for cell in table.rows[0].cells] if table.rows else []
        if len(header) == 3 and header[0] == "Message" and header[1] in names and header[2] in names:
            source, target = names[header[1]], names[header[2]]
            return [
                Returned(
                    uid=row.cells[0].paragraphs[0].text.strip(),
                    source=source,
                    source_text=_text(row.cells[1]),
                    target=target,
                    target_text=_text(row.cells[2]),
                    where=Location(path, number),
                )
                for number, row in enumerate(table.rows[1:], start=2)
            ]
    raise PipelineError(
        f"{display_path(path)}: no translation table (a table whose first row reads Message, then two "
        "language names, as `outcome translations export --format docx` writes it)"
    )


def _text(cell: object) -> str:
    paragraphs = getattr(cell, "paragraphs", [])
    return " ".join(paragraph.text.strip() for paragraph in paragraphs if paragraph.text.strip())
