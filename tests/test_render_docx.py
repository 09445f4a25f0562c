"""The Word documents: direction set directly, numbering, footnotes, markers, safe text, templates."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pypandoc
import pytest
from lxml import etree

from pipeline import yamlio
from pipeline.build import build
from pipeline.errors import TemplateError
from tests.corpus import TEMPLATES, TRICKY, write_sources

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ARABIC = re.compile(r"[\u0600-\u06ff]")
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"))


@pytest.fixture(scope="module")
def built(rendered) -> Path:
    return rendered


def part(document: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(document) as package:
        return etree.fromstring(package.read(name))


def text_of(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def all_parts(document: Path) -> list[etree._Element]:
    with zipfile.ZipFile(document) as package:
        names = [
            n
            for n in package.namelist()
            if re.fullmatch(r"word/(document|footnotes|header\d|footer\d)\.xml", n)
        ]
    return [part(document, name) for name in names]


def test_arabic_direction_is_set_on_every_paragraph_run_table_and_section(built):
    document = built / "outcome.ar.docx"
    arabic_paragraphs = 0
    for root in all_parts(document):
        for paragraph in root.iter(f"{{{W}}}p"):
            if ARABIC.search(text_of(paragraph)):
                arabic_paragraphs += 1
                bidi = paragraph.find("w:pPr/w:bidi", NS)
                assert bidi is not None and bidi.get(f"{{{W}}}val") is None, text_of(paragraph)
        for run in root.iter(f"{{{W}}}r"):
            if ARABIC.search(text_of(run)):
                properties = run.find("w:rPr", NS)
                assert properties.find("w:rtl", NS) is not None
                assert properties.find("w:rFonts", NS).get(f"{{{W}}}cs") == "Amiri"
                assert properties.find("w:szCs", NS) is not None
                assert properties.find("w:lang", NS).get(f"{{{W}}}bidi").startswith("ar-")
    assert arabic_paragraphs > 20
    body = part(document, "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    assert len(tables) == 2
    assert all(table.find("w:tblPr/w:bidiVisual", NS) is not None for table in tables)
    sections = body.findall(".//w:sectPr", NS)
    assert len(sections) == 2
    for section in sections:
        assert section.find("w:bidi", NS) is not None
        size = section.find("w:pgSz", NS)
        assert (size.get(f"{{{W}}}w"), size.get(f"{{{W}}}h")) == ("11906", "16838")  # A4


def test_latin_symbols_and_digit_ranges_stand_in_left_to_right_runs(built):
    body = part(built / "outcome.ar.docx", "word/document.xml")
    runs = {text_of(run): run for run in body.iter(f"{{{W}}}r")}
    assert runs["A/RES/73/195"].find("w:rPr/w:rtl", NS) is None
    assert runs["2024-2026\u200e"].find("w:rPr/w:rtl", NS) is None
    assert any(text.endswith("\u200e") and text.startswith(" للفترة") for text in runs)


def test_english_document_has_no_right_to_left_paragraph_or_table(built):
    for root in all_parts(built / "outcome.en.docx"):
        assert root.findall(".//w:pPr/w:bidi", NS) == []
        assert root.findall(".//w:bidiVisual", NS) == []
        assert root.findall(".//w:sectPr/w:bidi", NS) == []


def test_arabic_text_in_the_english_document_still_gets_right_to_left_runs(built):
    body = part(built / "outcome.en.docx", "word/document.xml")
    arabic_runs = [run for run in body.iter(f"{{{W}}}r") if ARABIC.search(text_of(run))]
    assert arabic_runs == [] or all(run.find("w:rPr/w:rtl", NS) is not None for run in arabic_runs)


def numbered(document: Path) -> list[str]:
    return [p.text for p in docx.Document(document).paragraphs if p.style.name == "Numbered Paragraph"]


def test_paragraph_numbers_come_from_the_data(built):
    english = numbered(built / "outcome.en.docx")
    arabic = numbered(built / "outcome.ar.docx")
    # Chapter I's two paragraphs and chapter II's one, then the messages; the annex from 1.
    assert [text.split("\t")[0] for text in english] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "1."]
    assert [text.split("\t")[0] for text in arabic] == [
        "1 -",
        "2 -",
        "3 -",
        "4 -",
        "5 -",
        "6 -",
        "7 -",
        "1 -",
    ]


def test_headings_follow_un_conventions(built):
    def headings(document, style):
        return [p.text for p in docx.Document(document).paragraphs if p.style.name == style]

    assert headings(built / "outcome.en.docx", "Heading 1") == [
        "I.\tIntroduction",
        "II.\tThe regional review process",
        "III.\tKey messages",
        "IV.\tCross-cutting messages",
    ]
    assert [h.split("\t")[0] for h in headings(built / "outcome.ar.docx", "Heading 1")] == [
        "أولا -",
        "ثانيا -",
        "ثالثا -",
        "رابعا -",
    ]
    assert headings(built / "outcome.en.docx", "Heading 2")[0] == (
        "A.\tEnsuring that migration is voluntary, orderly and regular"
    )
    assert headings(built / "outcome.ar.docx", "Heading 2")[0].startswith("ألف -\t")
    objective_13 = "Objective 13: Use immigration detention only as a measure of last resort and work towards"
    assert f"{objective_13} alternatives" in headings(built / "outcome.en.docx", "Heading 3")


def test_a_missing_translation_is_marked_never_dropped(built):
    arabic = numbered(built / "outcome.ar.docx")
    assert "5 -\t\u200eOnly in English.\u200e [الترجمة قيد الإعداد]" in arabic
    english = numbered(built / "outcome.en.docx")
    assert "5.\tOnly in English." in english


def test_markup_characters_appear_literally(built):
    assert f"4.\t{TRICKY}" in numbered(built / "outcome.en.docx")
    assert "4 -\tرسوم وتكاليف & < > {{ x }} {% if %}" in numbered(built / "outcome.ar.docx")


def test_timeline_lists_every_event(built):
    table = docx.Document(built / "outcome.en.docx").tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Organizer", "Event", "Date"]
    assert rows[1][0] == "Preparatory process"
    assert rows[2] == ["IOM", "GCM Talks", "July\u00a02023"]
    assert rows[3][0] == "Regional review"
    assert rows[4] == ["ESCWA", "Stakeholder hearings", "2\u00a0July\u00a02024"]
    header = table._tbl.find("w:tr/w:trPr/w:tblHeader", NS)
    assert header is not None  # repeated on each page


def test_masthead(built):
    masthead = docx.Document(built / "outcome.en.docx").tables[0]
    cells = [cell.text for row in masthead.rows for cell in row.cells]
    assert cells == [
        "United Nations",
        "A/79/…",
        "General Assembly",
        "Distr.: General\n16 September 2024\n\nOriginal: English",
    ]


def test_round_trip_finds_every_message_text(built, tmp_path):
    sources = write_sources(tmp_path / "again")
    summary = yamlio.load(sources / "summaries" / "talks-2023.yaml")
    hearing = yamlio.load(sources / "summaries" / "hearings-2024.yaml")
    for language in ("en", "ar"):
        document = built / f"outcome.{language}.docx"
        read = "\n".join(p.text for p in docx.Document(document).paragraphs).translate(BIDI_MARKS)
        through_pandoc = pypandoc.convert_file(str(document), "plain", extra_args=["--wrap=none"]).translate(
            BIDI_MARKS
        )
        for message in [*summary["messages"], *hearing["messages"]]:
            text = message["text"]
            texts = text if isinstance(text, dict) else {"en": text}
            expected = texts.get(language) or texts.get("en")
            assert read.count(str(expected)) == 1, expected
            assert through_pandoc.count(str(expected)) == 1, expected


def test_builds_are_byte_identical(built, tmp_path):
    sources = write_sources(tmp_path / "sources")
    build(sources, tmp_path / "build", TEMPLATES)
    for name in ("outcome.ar.docx", "outcome.en.docx"):
        assert (tmp_path / "build" / name).read_bytes() == (built / name).read_bytes()


# --- Template problems ---------------------------------------------------------------------------


def edited_template(tmp_path: Path, replace: tuple[str, str]) -> Path:
    """Return a templates folder whose English template has one text replaced."""
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    document = docx.Document(folder / "outcome.en.docx")
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if replace[0] in run.text:
                run.text = run.text.replace(*replace)
    document.save(folder / "outcome.en.docx")
    return folder


@pytest.fixture
def small_sources(tmp_path) -> Path:
    return write_sources(tmp_path / "sources")


def test_unknown_template_variable_is_refused_before_rendering(small_sources, tmp_path):
    templates = edited_template(tmp_path, ("{{ review.title }}", "{{ reveiw.title }}"))
    with pytest.raises(TemplateError) as caught:
        build(small_sources, tmp_path / "build", templates)
    message = str(caught.value)
    assert message == (
        "templates/outcome.en.docx: the template uses unknown variable(s) reveiw "
        "(known: annex, attribution, body, chapter, introduction, language, note_letters, process, review, "
        "rtl, style, timeline, words)"
    )


def test_template_syntax_error_names_the_template(small_sources, tmp_path):
    templates = edited_template(tmp_path, ("{{ review.title }}", "{{ review.title | }}"))
    with pytest.raises(TemplateError, match=r"outcome\.en\.docx: template syntax error"):
        build(small_sources, tmp_path / "build", templates)


def test_tag_left_open_is_refused_not_swallowed(small_sources, tmp_path):
    templates = edited_template(tmp_path, ("{{ review.title }}", "{{ review.title }"))
    with pytest.raises(TemplateError) as caught:
        build(small_sources, tmp_path / "build", templates)
    assert str(caught.value) == (
        "templates/outcome.en.docx: a tag is not closed in the paragraph '{{ review.title }' "
        "(write {{ name }} and {% ... %} whole, within one paragraph)"
    )


def test_template_without_footnote_tag_is_refused(small_sources, tmp_path):
    templates = edited_template(tmp_path, ("{{ p.note }}", ""))
    with pytest.raises(TemplateError, match="no footnote on some message paragraphs"):
        build(small_sources, tmp_path / "build", templates)


def test_missing_template(small_sources, tmp_path):
    with pytest.raises(TemplateError, match=r"outcome\.ar\.docx: template not found"):
        build(small_sources, tmp_path / "build", tmp_path / "nowhere")


def test_undefined_attribute_is_an_error_not_an_empty_string(small_sources, tmp_path):
    templates = edited_template(tmp_path, ("{{ review.title }}", "{{ review.titel }}"))
    with pytest.raises(TemplateError, match="titel"):
        build(small_sources, tmp_path / "build", templates)
