"""Render one language's outcome document as PDF: with Typst (default) or LibreOffice (optional).

Typst comes from pip with the Amiri font (fontpkg-amiri), so a fresh machine needs nothing else,
and draws the same view as the Word renderer. LibreOffice converts the Word file itself, for a
PDF identical to it; it must be installed (Debian: libreoffice-writer-nogui).
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import fontpkg_amiri
import pikepdf
import typst

from pipeline.errors import RenderError, TemplateError, display_path
from pipeline.model import PdfEngine
from pipeline.plain import plain
from pipeline.render.view import DocumentView

FONT_FOLDER = fontpkg_amiri.ROOT / "files"  # Amiri
LATIN_FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"  # Tinos
LIBREOFFICE_TIMEOUT = 180  # seconds for one conversion


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


def libreoffice_command() -> str | None:
    """Return the LibreOffice program found on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


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


def render_pdf_libreoffice(
    document: Path,
    output: Path,
    timestamp: datetime.datetime | None = None,
    timeout: int = LIBREOFFICE_TIMEOUT,
) -> None:
    """Convert the Word *document* to the PDF *output* with LibreOffice, detecting its silent failures.

    Each conversion gets its own throwaway profile (two conversions sharing one fail silently)
    and a fontconfig that adds Amiri from fontpkg-amiri to the system's fonts. With *timestamp*,
    the dates LibreOffice writes from the clock are set to it, so that the PDF is reproducible.
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
        # LibreOffice takes defaults from the caller's locale (an Arabic locale turns an English
        # document's PDF right to left): convert under one locale and time zone, whoever calls.
        environment = {
            **os.environ,
            "FONTCONFIG_FILE": str(fonts),
            "HOME": str(folder),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
        }
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
        if timestamp is None:
            shutil.move(produced, output)
        else:
            reproducible_pdf(produced, output, timestamp)


def reproducible_pdf(pdf: Path, output: Path, timestamp: datetime.datetime) -> None:
    """Write *pdf* to *output* with every date taken from the clock set to *timestamp*: the document
    information, the XMP metadata and the ICC profile's header; and the file identifier derived
    from the content (pikepdf), so that the same document gives the same bytes."""
    stamp = timestamp.astimezone(datetime.UTC).replace(microsecond=0)
    with pikepdf.open(pdf) as document:
        for key in ("/CreationDate", "/ModDate"):
            if key in document.docinfo:
                document.docinfo[key] = stamp.strftime("D:%Y%m%d%H%M%SZ")
        with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                if key in xmp:
                    xmp[key] = stamp.isoformat().replace("+00:00", "Z")
        for intent in document.Root.get("/OutputIntents", []):
            profile = intent.get("/DestOutputProfile")
            if isinstance(profile, pikepdf.Stream):
                data = bytearray(profile.read_bytes())
                if len(data) >= 36:  # ICC header, bytes 24-35: the date and time it was made
                    fields = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
                    data[24:36] = b"".join(value.to_bytes(2, "big") for value in fields)
                    profile.write(bytes(data))
        # The identifier's first half would be kept (it comes from LibreOffice's clock), and
        # LibreOffice's own /DocChecksum is the checksum of the file as it wrote it, dates included.
        for key in ("/ID", "/DocChecksum"):
            if key in document.trailer:
                del document.trailer[key]
        document.save(output, deterministic_id=True)


def _fontconfig(cache: Path) -> str:
    """Return a fontconfig file: the system's configuration plus Amiri, Tinos and a private cache."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(FONT_FOLDER))}</dir>\n"
        f"  <dir>{escape(str(LATIN_FONT_FOLDER))}</dir>\n"
        f"  <cachedir>{escape(str(cache))}</cachedir>\n</fontconfig>\n"
    )
