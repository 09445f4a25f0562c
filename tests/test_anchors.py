"""Every paragraph of the Word file says, in a hidden bookmark, where it comes from and the hash
of its text as built; an edit in Word (here: LibreOffice saving the file again) keeps them, and an
unedited document, of any kind of attribution, absorbs to nothing."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build
from pipeline.model import PdfEngine
from pipeline.render.anchors import FIXED, FRONT, MESSAGE, Anchor, anchor_names, message_key, parse
from pipeline.render.pdf import libreoffice_command
from tests.absorbing import absorb, copy_of, rewrite, tracked
from tests.corpus import REGIONAL_REVIEW, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored(document: Path, part: str = "word/document.xml") -> list[tuple[Anchor, str]]:
    """Return (anchor, paragraph text) for each paragraph of *part* that holds an anchor, in order."""
    with zipfile.ZipFile(document) as package:
        root = etree.fromstring(package.read(part))
    found = []
    for paragraph in root.iter(f"{W}p"):
        anchors = [parse(name) for name in anchor_names(paragraph) if name.startswith("_")]
        assert None not in anchors and len(anchors) <= 1
        if anchors and anchors[0] is not None:
            found.append((anchors[0], "".join(paragraph.itertext())))
    return found


def names(document: Path) -> list[str]:
    with zipfile.ZipFile(document) as package:
        xml = [etree.fromstring(package.read(p)) for p in ("word/document.xml", "word/footnotes.xml")]
    return [name for root in xml for name in anchor_names(root)]


def sources_with(folder: Path, attribution: str) -> Path:
    sources = folder / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    with (sources / "review.yaml").open("a", encoding="utf-8") as review:
        review.write(f"attribution: {attribution}\n")
    return sources


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("anchors")
    return build(sources_with(folder, "footnotes"), folder / "out", TEMPLATES, PdfEngine.NONE)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_paragraph_says_where_it_comes_from(built, language: str) -> None:
    document = built.build / f"outcome.{language}.docx"
    found = anchored(document)
    paragraphs = [*built.outcome.body.paragraphs(), *built.outcome.annex.paragraphs()]
    messages = [anchor for anchor, _ in found if anchor.kind == MESSAGE]
    assert [a.key for a in messages] == [message_key(p.message.uid) for p in paragraphs]
    assert [(a.place, a.count) for a in messages] == [
        (k, len(paragraphs)) for k in range(1, len(paragraphs) + 1)
    ]
    front = [(a.key, a.place, a.count) for a, _ in found if a.kind == FRONT]
    assert front == [("introduction", k, 4) for k in range(1, 5)]
    fixed = [(a, text) for a, text in found if a.kind == FIXED]
    assert [a.place for a, _ in fixed] == list(range(1, len(fixed) + 1))
    assert any(text.startswith("Objective 6:") or "الهدف 6" in text for _, text in fixed)
    assert not anchored(document, "word/footnotes.xml")  # a note is known by its call
    every = names(document)
    assert len(every) == len(set(every)) and all(name.startswith("_") and len(name) <= 40 for name in every)
    assert len(found) == sum(1 for _, text in found if text.strip())  # no empty paragraph is anchored


@pytest.mark.parametrize("attribution", ["footnotes", "endnotes", "brackets"])
def test_an_unedited_document_absorbs_to_nothing(tmp_path: Path, attribution: str) -> None:
    sources = sources_with(tmp_path, attribution)
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    for language in ("en", "ar"):
        result = absorb(tmp_path / "build" / f"outcome.{language}.docx", sources, tmp_path / "build")
        assert result.output == f"Wrote 0 edited texts in '{language}'.\n", result.output


@pytest.mark.skipif(
    libreoffice_command() is None, reason="LibreOffice not installed (Debian: libreoffice-writer-nogui)"
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_anchors_survive_the_file_being_saved_again(built, tmp_path: Path, language: str) -> None:
    document = built.build / f"outcome.{language}.docx"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            str(libreoffice_command()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    saved = tmp_path / f"outcome.{language}.docx"
    assert [a for a, _ in anchored(saved)] == [a for a, _ in anchored(document)]
    result = absorb(saved, built.build.with_name("sources"), built.build)
    assert result.output == f"Wrote 0 edited texts in '{language}'.\n", result.output


def test_in_brackets_mode_the_text_is_taken_and_the_citation_is_not(tmp_path: Path) -> None:
    sources = sources_with(tmp_path, "brackets")
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    before = summary.read_text(encoding="utf-8")
    edited = copy_of(tmp_path / "build", "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, "job offers and ", insert="signed "))
    result = absorb(edited, sources, tmp_path / "build")
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    after = summary.read_text(encoding="utf-8")
    signed = before.replace("job offers and contracts", "job offers and signed contracts")
    edited_line = signed.splitlines()[10]
    assert edited_line.endswith("signed contracts before departure have reduced contract substitution.")
    assert edited_line in after.splitlines()  # the text alone, without its citation
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    edited = copy_of(tmp_path / "build", "en", tmp_path)
    rewrite(
        edited, lambda body: tracked(body, "[Annual ministerial meeting of the Abu Dhabi ", insert="Process ")
    )
    result = absorb(edited, sources, tmp_path / "build")
    assert result.exit_code == 0, result.output
    assert (
        "not absorbable: abu-dhabi-dialogue-2024#m1 (paragraph 13): its citation '[Annual ministerial"
        in result.output
    )
    assert summary.read_text(encoding="utf-8") == after
