"""The PDF documents: every message readable in logical order, fonts embedded, same numbers as Word.

Text is read with pdftotext (poppler-utils). pdftotext rebuilds right-to-left lines in logical
order but moves punctuation and spaces around left-to-right pieces, puts combining marks before
their letter, and can reverse the order of several Latin words inside Arabic text. So texts are
compared on their letters and digits, in order; in Arabic, on the Arabic letters and digits in
order, each Latin word being looked for on its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest

from pipeline.build import build
from pipeline.errors import RenderError
from pipeline.model import PdfEngine
from pipeline.render.pdf import libreoffice_command, render_pdf_libreoffice
from tests.corpus import REGIONAL_REVIEW, TEMPLATES, TRICKY, write_sources

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(
    not POPPLER,
    reason="needs pdftotext and pdffonts from poppler-utils (Debian: apt-get install poppler-utils)",
)
needs_libreoffice = pytest.mark.skipif(
    libreoffice_command() is None,
    reason="needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui)",
)


def letters(text: str, latin: bool = True) -> str:
    """Return the letters, digits and slashes of *text*, without combining marks, in order."""
    return "".join(
        c
        for c in unicodedata.normalize("NFD", text)
        if (unicodedata.category(c)[0] in "LN" or c == "/") and (latin or not c.isascii() or not c.isalpha())
    )


def pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def fonts(path: Path) -> list[tuple[str, str]]:
    """Return (font name, embedded yes/no) for every font pdffonts lists."""
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        columns = line.split()
        # name, type (one or more words), encoding, emb, sub, uni, object, id
        rows.append((columns[0], columns[-5]))
    return rows


def numbered_paragraphs(document: Path) -> list[str]:
    """Return the texts of the numbered paragraphs, without their footnote marks (a note called
    again, or an annex's lettered note, is a mark written as text)."""
    return [
        "".join(run.text for run in p.runs if run.style is None or run.style.name != "footnote reference")
        for p in docx.Document(document).paragraphs
        if p.style.name == "Numbered Paragraph"
    ]


DIRECTION_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
# A paragraph number as pdftotext -layout prints it: "12.  Text" at the left margin in English;
# "12 -" in Arabic, which pdftotext gives as " - 12", at the start of the line, or after a
# left-to-right text that opens the paragraph.
LABEL_LINE = {"en": re.compile(r"^(\d+)\.\s"), "ar": re.compile(r"(?:^|\s)-\s*(\d+)(?!\d)")}


def labels(pdf: Path, language: str) -> list[int]:
    lines = pdf_text(pdf, "-layout").translate(DIRECTION_MARKS).splitlines()
    return [int(match.group(1)) for line in lines if (match := LABEL_LINE[language].search(line))]


def assert_same_paragraphs_in_order(pdf: Path, document: Path, language: str) -> None:
    """The PDF shows the Word file's paragraph numbers, and its numbered texts in the same order."""
    paragraphs = numbered_paragraphs(document)
    assert labels(pdf, language) == [int(letters(p.split("\t")[0])) for p in paragraphs]
    extracted = pdf_text(pdf)
    latin = language != "ar"
    text = letters(extracted, latin)
    position = 0
    for paragraph in paragraphs:
        body = paragraph.split("\t", 1)[1]
        found = text.find(letters(body, latin), position)
        assert found >= 0, paragraph
        position = found
        for word in re.findall(r"[A-Za-z]+", body):
            assert word in extracted, (word, paragraph)


@needs_poppler
@pytest.mark.parametrize("language", ["ar", "en"])
def test_numbers_and_texts_match_the_word_file(rendered, language):
    assert_same_paragraphs_in_order(
        rendered / f"outcome.{language}.pdf", rendered / f"outcome.{language}.docx", language
    )


@needs_poppler
def test_typst_markup_in_a_message_is_printed_as_written(rendered):
    text = " ".join(pdf_text(rendered / "outcome.en.pdf").split())
    assert TRICKY in text


@needs_poppler
@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_font_is_embedded(rendered, language):
    listed = fonts(rendered / f"outcome.{language}.pdf")
    assert listed and all(embedded == "yes" for _, embedded in listed), listed
    if language == "ar":
        assert any("Amiri" in name for name, _ in listed)


def test_pdf_is_pdf_a_2b_and_reproducible(rendered, tmp_path):
    pdf = (rendered / "outcome.ar.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"<pdfaid:part>2</pdfaid:part>" in pdf and b"<pdfaid:conformance>B</pdfaid:conformance>" in pdf
    build(write_sources(tmp_path / "sources"), tmp_path / "build", TEMPLATES)
    for name in ("outcome.ar.pdf", "outcome.en.pdf"):
        assert (tmp_path / "build" / name).read_bytes() == (rendered / name).read_bytes()


@needs_poppler
def test_headings_and_fixed_words_match_the_word_file(rendered):
    """The fixed words come from one table (pipeline/languages.py); both documents must print them."""
    for language in ("ar", "en"):
        document = docx.Document(rendered / f"outcome.{language}.docx")
        text = letters(pdf_text(rendered / f"outcome.{language}.pdf"))
        for paragraph in document.paragraphs:
            if paragraph.style.name in (
                "Heading 1",
                "Heading 2",
                "Heading 3",
                "Title",
                "Body Text",
                "Annex Label",
            ):
                assert letters(paragraph.text) in text, paragraph.text
        table = document.tables[1]
        for row in table.rows:
            for cell in row.cells:
                assert letters(cell.text) in text, cell.text


def test_no_pdf_engine_writes_no_pdf(tmp_path):
    build(write_sources(tmp_path / "sources"), tmp_path / "build", TEMPLATES, pdf_engine=PdfEngine.NONE)
    assert sorted(path.name for path in (tmp_path / "build").glob("outcome.*")) == [
        "outcome.ar.docx",
        "outcome.en.docx",
    ]


# --- LibreOffice ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("libreoffice")
    build(write_sources(folder / "sources"), folder / "build", TEMPLATES, pdf_engine=PdfEngine.LIBREOFFICE)
    return folder / "build"


@needs_libreoffice
@needs_poppler
@pytest.mark.parametrize("language", ["ar", "en"])
def test_libreoffice_converts_the_word_file(libreoffice_build, language):
    pdf = libreoffice_build / f"outcome.{language}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert_same_paragraphs_in_order(pdf, libreoffice_build / f"outcome.{language}.docx", language)
    listed = fonts(pdf)
    assert all(embedded == "yes" for _, embedded in listed), listed
    if language == "ar":
        assert any("Amiri" in name for name, _ in listed), listed


@needs_libreoffice
@pytest.mark.slow
def test_libreoffice_converts_a_whole_review_in_arabic(tmp_path):
    """The full corpus's Arabic document: its justified text, ligatures and kashidas are read back
    (pypdf alone misses a quarter of the words LibreOffice writes there; pdftotext reads them)."""
    sources = tmp_path / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    document = tmp_path / "outcome.ar.docx"
    build(sources, tmp_path / "build", TEMPLATES, pdf_engine=PdfEngine.NONE)
    shutil.copy(tmp_path / "build" / "outcome.ar.docx", document)
    render_pdf_libreoffice(document, tmp_path / "outcome.ar.pdf")
    assert (tmp_path / "outcome.ar.pdf").read_bytes().startswith(b"%PDF-")


@needs_libreoffice
def test_libreoffice_failure_is_detected_although_it_exits_0(tmp_path):
    missing = tmp_path / "missing.docx"  # LibreOffice says "source file could not be loaded" and exits 0
    with pytest.raises(RenderError, match="LibreOffice wrote no PDF"):
        render_pdf_libreoffice(missing, tmp_path / "missing.pdf")
    assert not (tmp_path / "missing.pdf").exists()


def test_missing_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match="LibreOffice is not installed: install it"):
        render_pdf_libreoffice(tmp_path / "outcome.en.docx", tmp_path / "outcome.en.pdf")
