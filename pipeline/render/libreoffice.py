"""Convert a Word file to PDF with LibreOffice, kept on a short leash.

Each conversion runs with a throwaway profile of its own (two conversions sharing one fail
silently) that runs no macros and loads no links; in a process group of its own, killed whole
when it takes too long; and what it wrote is checked: a PDF that opens, with pages, that says
what the Word file says.
"""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import subprocess
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import fontpkg_amiri
import pikepdf
import pypdf
from lxml import etree

from pipeline import limits
from pipeline.errors import RenderError, display_path

FONT_FOLDER = fontpkg_amiri.ROOT / "files"  # Amiri
LATIN_FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"  # Tinos
SAMPLE = 50  # words of the Word file looked for in the PDF
FOUND = 0.8  # the share of them that must be found
# The profile's settings (officecfg's schema, main.xcd): macros never run, links are never
# updated, and links of a document from outside the trusted locations (all of them) are blocked.
PROFILE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "boolean", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "int", "0"),
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def libreoffice_command() -> str | None:
    """Return the LibreOffice program found on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf_libreoffice(
    document: Path,
    output: Path,
    timestamp: datetime.datetime | None = None,
    timeout: int = limits.LIBREOFFICE_SECONDS.value,
) -> None:
    """Convert the Word *document* to the PDF *output* with LibreOffice, detecting its silent failures.

    LibreOffice gets a fontconfig that adds Amiri and Tinos to the system's fonts. With
    *timestamp*, the dates LibreOffice writes from the clock are set to it, so that the PDF is
    reproducible.
    """
    program = libreoffice_command()
    if program is None:
        raise RenderError(
            "LibreOffice is not installed: install it (Debian: apt-get install libreoffice-writer-nogui) "
            "or use --pdf-engine typst"
        )
    name = display_path(document)
    texts = _paragraph_texts(document)
    with tempfile.TemporaryDirectory(prefix="outcome-libreoffice-") as scratch:
        folder = Path(scratch)
        produced = _convert(program, document, folder, timeout)
        _check_pdf(produced, name, texts)
        output.parent.mkdir(parents=True, exist_ok=True)
        if timestamp is None:
            shutil.move(produced, output)
        else:
            reproducible_pdf(produced, output, timestamp)


def _convert(program: str, document: Path, folder: Path, timeout: int) -> Path:
    """Run LibreOffice on *document* in *folder*; return the PDF it wrote, or raise RenderError."""
    name = display_path(document)
    fonts = folder / "fonts.conf"
    fonts.write_text(_fontconfig(folder / "font-cache"), encoding="utf-8")
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_profile_settings(), encoding="utf-8")
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
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}',
        "--outdir",
        str(folder),
        str(document.resolve()),
    ]
    # A session of its own, so that soffice.bin and whatever it started can be killed together.
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            process.communicate()
            raise RenderError(f"{name}: {limits.LIBREOFFICE_SECONDS.what} within {timeout} s") from None
        finally:
            _kill_group(process.pid)  # nothing it started outlives it
    produced = folder / f"{document.stem}.pdf"
    # LibreOffice exits 0 even when the conversion failed: trust only a real PDF.
    if not produced.is_file() or not produced.read_bytes().startswith(b"%PDF-"):
        detail = (stderr or stdout).strip().splitlines()
        raise RenderError(
            f"{name}: LibreOffice wrote no PDF (exit status {process.returncode}"
            + (f": {detail[-1]}" if detail else "")
            + ")"
        )
    return produced


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _profile_settings() -> str:
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{prop}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, prop, _, value in PROFILE_SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def _paragraph_texts(document: Path) -> list[str]:
    """Return the texts of the Word *document*'s paragraphs; refuse a file that is not a Word file
    (LibreOffice would convert it as plain text and say nothing)."""
    try:
        with zipfile.ZipFile(document) as package, package.open("word/document.xml") as part:
            root = etree.parse(part, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except FileNotFoundError:
        return []  # LibreOffice says it could not load it
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        raise RenderError(
            f"{display_path(document)}: not a Word file (no readable word/document.xml), so LibreOffice "
            "was not asked to convert it"
        ) from None
    texts = ("".join(t.text or "" for t in p.iter(f"{{{_W}}}t")) for p in root.iter(f"{{{_W}}}p"))
    return [text for text in texts if _letters(text)]


def _letters(text: str) -> str:
    """Return the letters and digits of *text*, in compatibility form, without combining marks."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c)[0] in "LN"
    ).casefold()


def _check_pdf(pdf: Path, name: str, texts: list[str]) -> None:
    """Refuse a PDF that does not open, has no page, or lacks the Word file's paragraph texts."""
    try:
        with pikepdf.open(pdf) as opened:
            pages = len(opened.pages)
    except pikepdf.PdfError as error:
        raise RenderError(f"{name}: LibreOffice wrote a PDF that does not open ({error})") from None
    if pages < 1:
        raise RenderError(f"{name}: LibreOffice wrote a PDF without pages")
    extracted = _letters(
        " ".join([*(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages), _poppler_text(pdf)])
    )
    words = sorted({_letters(word) for text in texts for word in text.split() if len(_letters(word)) >= 4})
    sample = words[:: max(1, len(words) // SAMPLE)]
    # Justified Arabic text is stretched with kashidas that text extraction breaks words at, and
    # right-to-left runs may come out in visual order: most words, not all, must be found.
    missing = [word for word in sample if word not in extracted and word[::-1] not in extracted]
    if len(missing) > len(sample) * (1 - FOUND):
        raise RenderError(
            f"{name}: LibreOffice's PDF lacks the Word file's text ({len(sample) - len(missing)} of "
            f"{len(sample)} words looked for found; missing, for instance, {missing[0]!r})"
        )


def _poppler_text(pdf: Path) -> str:
    """Return the PDF's text as poppler's pdftotext reads it, when it is installed: pypdf misses
    Arabic words that LibreOffice writes with ligatures and kashidas, which pdftotext reads."""
    program = shutil.which("pdftotext")
    if program is None:
        return ""
    try:
        completed = subprocess.run(
            [program, "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return completed.stdout if completed.returncode == 0 else ""


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
