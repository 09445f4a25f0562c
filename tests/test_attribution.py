"""review.yaml's `attribution`: footnotes (the default), endnotes or the citation in brackets,
in both languages, in the Word file and the Typst PDF."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from pipeline.build import build, validate
from pipeline.errors import SourceError
from pipeline.languages import DOCUMENT_LANGUAGES
from pipeline.model import PdfEngine
from tests.corpus import TEMPLATES, write_sources
from tests.redlines import LABEL, make_redline
from tests.redlines import paragraphs as redline_paragraphs
from tests.test_ooxml import problems
from tests.test_redline import change_sources
from tests.test_render_pdf import POPPLER, pdf_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def built(tmp_path: Path, attribution: str, engine: PdfEngine = PdfEngine.NONE) -> Path:
    sources = write_sources(tmp_path / "sources")
    with open(sources / "review.yaml", "a", encoding="utf-8") as review:
        review.write(f"attribution: {attribution}\n")
    build(sources, tmp_path / "build", TEMPLATES, engine)
    return tmp_path / "build"


def notes(document: Path, part: str) -> list[str]:
    """Return the text of each note of *part* (footnotes or endnotes), separators left out."""
    with zipfile.ZipFile(document) as package:
        if f"word/{part}.xml" not in package.namelist():
            return []
        root = etree.fromstring(package.read(f"word/{part}.xml"))
    return [
        "".join(note.itertext()).strip()
        for note in root.iter(f"{W}footnote", f"{W}endnote")
        if note.get(f"{W}type") is None
    ]


def message_paragraphs(document: Path) -> list[str]:
    return [
        p.text for p in docx.Document(str(document)).paragraphs if p.text[:1].isdigit() and "\t" in p.text
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_brackets_put_each_citation_after_its_paragraph_and_make_no_notes(tmp_path, language):
    folder = built(tmp_path, "brackets")
    document = folder / f"outcome.{language}.docx"
    assert notes(document, "footnotes") == [] and notes(document, "endnotes") == []
    # The first message cites its meeting in full, as its footnote would, without the full stop.
    reference = built(tmp_path / "footnotes", "footnotes")
    full = notes(reference / f"outcome.{language}.docx", "footnotes")[0]
    stop = DOCUMENT_LANGUAGES[language].full_stop
    assert full.endswith(stop)
    paragraphs = message_paragraphs(document)
    first_message = next(text for text in paragraphs if text.endswith("]"))
    assert first_message.endswith(f" [{full[: -len(stop)]}]")
    words = DOCUMENT_LANGUAGES[language].words
    assert any(words.attributions[2] in text for text in paragraphs)  # chapter II says how
    assert problems(document) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_endnotes_are_real_word_endnotes_with_the_footnotes_texts(tmp_path, language):
    reference = built(tmp_path / "footnotes", "footnotes")
    folder = built(tmp_path, "endnotes")
    document = folder / f"outcome.{language}.docx"
    assert notes(document, "footnotes") == []
    endnotes = notes(document, "endnotes")
    # The same notes as footnotes would be, in the same order (lettered annex notes keep their letter).
    assert endnotes == notes(reference / f"outcome.{language}.docx", "footnotes")
    with zipfile.ZipFile(document) as package:
        settings = package.read("word/settings.xml").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    assert '<w:endnotePr><w:numFmt w:val="decimal"/>' in settings and "endnotes+xml" in types
    assert settings.count("<w:endnote ") == 2  # the separators, as for the footnotes
    assert problems(document) == []


def test_endnotes_stand_after_the_annex_in_the_pdf(tmp_path):
    if not POPPLER:
        pytest.skip("needs pdftotext from poppler-utils (Debian: apt-get install poppler-utils)")
    folder = built(tmp_path, "endnotes", PdfEngine.TYPST)
    text = pdf_text(folder / "outcome.en.pdf")
    annex = text.index("Key messages of the stakeholder consultations")
    last_note = notes(folder / "outcome.en.docx", "endnotes")[-1]
    assert text.rindex(last_note.split()[-2]) > annex
    assert "An endnote to each key message names the meeting it comes from." in " ".join(text.split())


def test_brackets_in_the_pdf(tmp_path):
    if not POPPLER:
        pytest.skip("needs pdftotext from poppler-utils (Debian: apt-get install poppler-utils)")
    folder = built(tmp_path, "brackets", PdfEngine.TYPST)
    words = " ".join(pdf_text(folder / "outcome.en.pdf").split())
    for paragraph in [text for text in message_paragraphs(folder / "outcome.en.docx") if text.endswith(")")][
        :3
    ]:
        citation = paragraph[paragraph.rindex(" (") :]
        assert " ".join(citation.split()) in words


def test_an_unknown_attribution_is_named_with_its_line(tmp_path):
    sources = write_sources(tmp_path / "sources")
    with open(sources / "review.yaml", "a", encoding="utf-8") as review:
        review.write("attribution: sidenotes\n")
    with pytest.raises(SourceError) as raised:
        validate(sources)
    assert "review.yaml:11:14: unknown attribution 'sidenotes' (did you mean 'endnotes'?)" in str(
        raised.value
    )


def test_a_redline_in_brackets_keeps_every_citation(tmp_path):
    def bracketed(sources: Path) -> None:
        with open(sources / "review.yaml", "a", encoding="utf-8") as review:
            review.write("attribution: brackets\n")

    result = make_redline(tmp_path, change_sources, start=bracketed)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "build" / "redline.zero-draft.current.en.docx") as package:
        document = package.read("word/document.xml")
    for accept in (True, False):
        texts = [text for text in redline_paragraphs(document, accept) if LABEL.match(text)]
        messages = [text for text in texts if "]" in text]
        assert messages and all(text.endswith("]") and " [" in text for text in messages), messages
        assert not any("()" in text or "[]" in text for text in texts)
