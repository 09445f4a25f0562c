"""Render one language's outcome document as PDF: with Typst (default) or LibreOffice (optional).

Typst comes from pip with the Amiri font (fontpkg-amiri), so a fresh machine needs nothing else,
and draws the same view as the Word renderer. LibreOffice converts the Word file itself, for a
PDF identical to it; it must be installed (Debian: libreoffice-writer-nogui).
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import subprocess
from pathlib import Path

import fontpkg_amiri
import typst

from pipeline.errors import TemplateError, display_path
from pipeline.model import PdfEngine
from pipeline.plain import plain
from pipeline.render.libreoffice import libreoffice_command, render_pdf_libreoffice
from pipeline.render.view import DocumentView

__all__ = ["engine_versions", "libreoffice_command", "render_pdf_libreoffice", "render_pdf_typst"]

FONT_FOLDER = fontpkg_amiri.ROOT / "files"  # Amiri
LATIN_FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"  # Tinos


def render_pdf_typst(view: DocumentView, template: Path, output: Path, timestamp: datetime.datetime) -> None:
    """Write *view* to *output* as PDF/A-2b through the Typst *template*.

    Only the fonts shipped with Typst, Amiri and Tinos are used (system fonts are ignored), so
    the result is the same on every machine; *timestamp* is the PDF's creation date.
    """
    if not template.is_file():
        raise TemplateError(f"{display_path(template)}: template not found")
    try:
        pdf = typst.compile(
            str(template),
            root=str(template.parent),
            font_paths=[str(FONT_FOLDER), str(LATIN_FONT_FOLDER)],
            ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(plain(view), ensure_ascii=False)},
            pdf_standards="a-2b",
            timestamp=int(timestamp.timestamp()),
        )
    except (RuntimeError, ValueError) as error:
        raise TemplateError(f"{display_path(template)}: Typst could not compile it: {error}") from None
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)


def engine_versions(engine: PdfEngine) -> dict[str, str]:
    """Return the version of Typst, and of LibreOffice when it makes the PDFs."""
    versions = {"typst": importlib.metadata.version("typst")}
    program = libreoffice_command()
    if engine is PdfEngine.LIBREOFFICE and program is not None:
        completed = subprocess.run(
            [program, "--version"], capture_output=True, text=True, timeout=60, check=False
        )
        versions["libreoffice"] = completed.stdout.strip() or "unknown"
    return versions
