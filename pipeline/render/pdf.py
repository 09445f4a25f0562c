"""Render one language's outcome document as PDF: with Typst (default) or LibreOffice (optional).

Typst comes from pip with the Amiri font (fontpkg-amiri), so a fresh machine needs nothing else,
and draws the same view as the Word renderer. LibreOffice converts the Word file itself, for a
PDF identical to it; it must be installed (Debian: libreoffice-writer-nogui).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import fontpkg_amiri
import typst

from pipeline.errors import RenderError, TemplateError, display_path
from pipeline.plain import plain
from pipeline.render.view import DocumentView

FONT_FOLDER = fontpkg_amiri.ROOT / "files"
LIBREOFFICE_TIMEOUT = 180  # seconds for one conversion


def render_pdf_typst(view: DocumentView, template: Path, output: Path, timestamp: datetime.datetime) -> None:
    """Write *view* to *output* as PDF/A-2b through the Typst *template*.

    Only the fonts shipped with Typst and Amiri are used (system fonts are ignored), so the
    result is the same on every machine; *timestamp* is the PDF's creation date.
    """
    if not template.is_file():
        raise TemplateError(f"{display_path(template)}: template not found")
    try:
        pdf = typst.compile(
            str(template),
            root=str(template.parent),
            font_paths=[str(FONT_FOLDER)],
            ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(plain(view), ensure_ascii=False)},
            pdf_standards="a-2b",
            timestamp=int(timestamp.timestamp()),
        )
    except (RuntimeError, ValueError) as error:
        raise TemplateError(f"{display_path(template)}: Typst could not compile it: {error}") from None
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)


def libreoffice_command() -> str | None:
    """Return the LibreOffice program found on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf_libreoffice(document: Path, output: Path, timeout: int = LIBREOFFICE_TIMEOUT) -> None:
    """Convert the Word *document* to the PDF *output* with LibreOffice, detecting its silent failures.

    Each conversion gets its own throwaway profile (two conversions sharing one fail silently)
    and a fontconfig that adds Amiri from fontpkg-amiri to the system's fonts.
    """
    program = libreoffice_command()
    if program is None:
        raise RenderError(
            "LibreOffice is not installed: install it (Debian: apt-get install libreoffice-writer-nogui) "
            "or use --pdf-engine typst"
        )
    with tempfile.TemporaryDirectory(prefix="outcome-libreoffice-") as scratch:
        folder = Path(scratch)
        fonts = folder / "fonts.conf"
        fonts.write_text(_fontconfig(folder / "font-cache"), encoding="utf-8")
        environment = {**os.environ, "FONTCONFIG_FILE": str(fonts), "HOME": str(folder)}
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}',
            "--outdir",
            str(folder),
            str(document.resolve()),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, env=environment, check=False
            )
        except subprocess.TimeoutExpired:
            raise RenderError(
                f"{display_path(document)}: LibreOffice did not finish within {timeout} s"
            ) from None
        produced = folder / f"{document.stem}.pdf"
        # LibreOffice exits 0 even when the conversion failed: trust only a real PDF.
        if not produced.is_file() or not produced.read_bytes().startswith(b"%PDF-"):
            detail = (completed.stderr or completed.stdout).strip().splitlines()
            raise RenderError(
                f"{display_path(document)}: LibreOffice wrote no PDF (exit status {completed.returncode}"
                + (f": {detail[-1]}" if detail else "")
                + ")"
            )
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(produced, output)


def _fontconfig(cache: Path) -> str:
    """Return a fontconfig file: the system's configuration plus the Amiri fonts and a private cache."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(FONT_FOLDER))}</dir>\n"
        f"  <cachedir>{escape(str(cache))}</cachedir>\n</fontconfig>\n"
    )
