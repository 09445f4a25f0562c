"""One typesetting for the Word file and the PDF (pipeline/render/typesetting.py): the Word styles
are written from it, the Typst PDF follows it, LibreOffice's rendering of the Word file comes out
at the same length, chapter labels never break, and Arabic lines keep digits, symbols, full stops
and footnote calls in order."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build
from pipeline.model import PdfEngine
from pipeline.render.typesetting import TYPESETTING
from tests.corpus import BASE, TEMPLATES
from tests.test_end_to_end import review_build  # noqa: F401 (a fixture)
from tests.test_fontembed import convert_without_amiri
from tests.test_render_pdf import fonts, needs_poppler

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = {"NumberedParagraph": "body", "Heading1": "chapter", "Heading2": "cluster", "Heading3": "objective"}
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def words_on_page(pdf: Path, page: int | None = None) -> list[tuple[float, float, float, str]]:
    """Return each word pdftotext finds: left, top, right, text."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), text) for a, b, c, _, text in WORD.findall(out)]


def is_word(found: str, word: str) -> bool:
    """Tell whether pdftotext's *found* is the Arabic *word* (it may give its letters in visual
    order, as presentation forms)."""
    found = unicodedata.normalize("NFKC", found)
    return word in (found, found[::-1])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_word_styles_are_written_from_the_typesetting(language):
    style = TYPESETTING[language]
    with zipfile.ZipFile(TEMPLATES / f"outcome.{language}.docx") as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    for style_id, name in STYLES.items():
        level = getattr(style, name)
        (element,) = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id]
        sizes = {element.find(f"{W}rPr/{W}{tag}").get(f"{W}val") for tag in ("sz", "szCs")}
        assert sizes == {str(round(level.size * 2))}, style_id  # Latin and Arabic at one size
        spacing = element.find(f"{W}pPr/{W}spacing")
        assert spacing.get(f"{W}lineRule") == "exact" and spacing.get(f"{W}line") == str(
            round(level.line * 20)
        )
        assert spacing.get(f"{W}after") == str(round(level.after * 20))


@pytest.fixture(scope="module")
def arabic_lines(tmp_path_factory) -> Path:
    """Build sources whose Arabic messages end with a year, a symbol and a range, each before its note."""
    folder = tmp_path_factory.mktemp("bidi")
    shutil.copytree(BASE, folder / "sources")
    (folder / "sources" / "summaries" / "talks-2023.yaml").write_text(
        "event: talks-2023\nlanguage: ar\nmessages:\n"
        "  - id: m1\n"
        "    text: {ar: عقد الاجتماع الأول في عام 2021., en: The first meeting was held in 2021.}\n"
        "    objectives: [1]\n"
        "  - id: m2\n"
        "    text: {ar: وفقا للقرار A/RES/73/195 للفترة 2024-2026., en: Under A/RES/73/195 for 2024-2026.}\n"
        "    objectives: [6]\n",
        encoding="utf-8",
    )
    build(folder / "sources", folder / "build", TEMPLATES, PdfEngine.TYPST)
    return folder / "build" / "outcome.ar.pdf"


@needs_poppler
def test_a_year_ending_an_arabic_sentence_keeps_its_full_stop_and_note_after_it(arabic_lines):
    words = words_on_page(arabic_lines)
    index = next(i for i, word in enumerate(words) if word[3] == "2021")
    year = words[index]
    line = [word for word in words if abs(word[1] - year[1]) < 8]
    after = [word for word in line if word[2] <= year[0] + 0.5]  # left of the year: after it, in Arabic
    full_stop, call = [word[3] for word in sorted(after, key=lambda word: -word[0])][:2]
    assert full_stop == "." and call.isdigit()  # the year, then its full stop, then the note's number
    assert any(is_word(word[3], "عام") for word in line if word[0] >= year[2] - 0.5)  # «عام» before it


@needs_poppler
def test_symbols_and_ranges_read_left_to_right_inside_arabic(arabic_lines):
    text = subprocess.run(["pdftotext", str(arabic_lines), "-"], capture_output=True, text=True).stdout
    assert "A/RES/73/195" in text and "2024-2026" in text.replace("\u200e", "")


@needs_poppler
def test_chapter_labels_stand_on_one_line_with_their_titles(arabic_lines):
    words = words_on_page(arabic_lines, 1) + words_on_page(arabic_lines, 2)
    for label in ("أولا", "ثانيا", "ثالثا"):
        matches = [word for word in words if is_word(word[3], label)]
        assert matches, label
        top = matches[0][1]
        same_line = [word for word in words if abs(word[1] - top) < 4]
        assert any(word[3] == "-" for word in same_line) and len(same_line) >= 3, label


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("language", ["ar", "en"])
def test_libreoffice_sets_the_word_file_as_long_as_the_pdf_in_amiri(review_build, language, tmp_path):  # noqa: F811
    converted = convert_without_amiri(review_build / f"outcome.{language}.docx", tmp_path)

    def pages(pdf: Path) -> int:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", info).group(1))

    typst, libreoffice = pages(review_build / f"outcome.{language}.pdf"), pages(converted)
    assert abs(libreoffice - typst) <= 0.15 * typst, (typst, libreoffice)
    if language == "ar":
        assert "Amiri-Regular" in {name.split("+")[-1] for name, _ in fonts(converted)}
