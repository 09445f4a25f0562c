"""The Word files carry the Amiri faces, so that their Arabic shows in Amiri where Amiri is not
installed: LibreOffice, with Amiri hidden from it, still draws the Arabic in Amiri."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.model import PdfEngine
from pipeline.render.fontembed import FACES, font_key, obfuscate
from pipeline.render.pdf import FONT_FOLDER, libreoffice_command
from tests.corpus import BASE, TEMPLATES
from tests.test_render_pdf import fonts as pdf_fonts
from tests.test_render_pdf import needs_poppler

# The system's fonts, Amiri refused, whatever the machine has installed.
WITHOUT_AMIRI = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern>
    <patelt name="family"><string>Amiri</string></patelt>
  </pattern></rejectfont></selectfont>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    build(BASE, folder, TEMPLATES, PdfEngine.NONE)
    return folder


def test_the_obfuscation_turns_back_and_the_key_is_written_as_word_reads_it():
    face = (FONT_FOLDER / FACES["embedRegular"]).read_bytes()
    key = font_key(face)
    assert key.startswith("{") and key.endswith("}") and key == key.upper() and len(key) == 38
    hidden = obfuscate(face, key)
    assert hidden[:32] != face[:32] and hidden[32:] == face[32:]
    assert obfuscate(hidden, key) == face


def test_the_arabic_document_embeds_every_face_and_the_english_one_none(built):
    with zipfile.ZipFile(built / "outcome.ar.docx") as package:
        fonts = sorted(name for name in package.namelist() if name.startswith("word/fonts/"))
        settings = package.read("word/settings.xml").decode()
    assert fonts == sorted(f"word/fonts/{Path(name).stem}.odttf" for name in FACES.values())
    assert "<w:embedTrueTypeFonts/>" in settings
    with zipfile.ZipFile(built / "outcome.en.docx") as package:  # no Arabic in it
        assert not [name for name in package.namelist() if name.startswith("word/fonts/")]


@pytest.mark.slow
@needs_poppler
def test_libreoffice_draws_the_arabic_in_amiri_without_amiri_installed(built, tmp_path):
    converted = convert_without_amiri(built / "outcome.ar.docx", tmp_path)
    listed = subprocess.run(
        ["fc-list", ":family=Amiri"], capture_output=True, text=True, env=hidden(tmp_path)
    )
    assert listed.stdout.strip() == "", "Amiri should be hidden from LibreOffice"
    fonts = {name.split("+")[-1] for name, _ in pdf_fonts(converted)}
    assert {"Amiri-Regular", "Amiri-Bold"} <= fonts


def hidden(tmp_path: Path) -> dict[str, str]:
    """Return an environment in which fontconfig, so LibreOffice, finds no Amiri."""
    config = tmp_path / "fonts.conf"
    config.write_text(WITHOUT_AMIRI.format(cache=tmp_path / "cache"), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config), "HOME": str(tmp_path)}


def convert_without_amiri(document: Path, tmp_path: Path) -> Path:
    """Convert the Word *document* to PDF with LibreOffice on a machine without Amiri (skip the
    test where LibreOffice is not installed); return the PDF."""
    program = libreoffice_command()
    if program is None:
        pytest.skip("LibreOffice not installed (Debian: apt-get install libreoffice-writer-nogui)")
    subprocess.run(
        [
            program,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        capture_output=True,
        timeout=300,
        check=True,
        env=hidden(tmp_path),
    )
    return tmp_path / f"{document.stem}.pdf"
