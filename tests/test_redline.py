"""Drafts and redlines: `outcome freeze`, and `outcome redline FROM TO` as Word tracked changes that
give the newer document when all are accepted and the older one when all are rejected."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import main
from pipeline.render.pdf import libreoffice_command, render_pdf_libreoffice
from pipeline.render.tracked import words
from tests.corpus import BASE, TEMPLATES
from tests.test_render_pdf import letters, needs_poppler, pdf_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL = re.compile(r"^\d+(?:\.| -)\t")

# From the frozen draft to the current sources: talks-2023#m1 edited and moved from objective 1
# (its section and cluster then empty) to objective 6; #m2 deleted; #m3 inserted; hearings' text
# edited in Arabic only, a diacritic added.
CURRENT_TALKS = """\
event: talks-2023
language: en
messages:
  - id: m3
    text: {en: Protect migrant workers in the Gulf., ar: حماية العمال المهاجرين في الخليج.}
    objectives: [6]
  - id: m1
    text:
      en: Invest more in migration data, and in its analysis.
      ar: زيادة الاستثمار في بيانات الهجرة، وفي تحليلها.
    objectives: [6]
"""


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--templates", str(TEMPLATES)])


@pytest.fixture(scope="module")
def redlined(tmp_path_factory) -> Path:
    """Freeze the base sources as 'zero-draft', change them, and write the redline to current."""
    folder = tmp_path_factory.mktemp("redline")
    shutil.copytree(BASE, folder / "sources")
    cwd = Path.cwd()
    try:
        os.chdir(folder)
        assert run("freeze", "zero-draft").exit_code == 0
        shutil.copytree(folder / "build", folder / "from")
        (folder / "sources" / "summaries" / "talks-2023.yaml").write_text(CURRENT_TALKS, encoding="utf-8")
        hearings = folder / "sources" / "summaries" / "hearings-2024.yaml"
        hearings.write_text(
            hearings.read_text(encoding="utf-8").replace("إنهاء احتجاز الأطفال.", "إنهاء اِحتجاز الأطفال."),
            encoding="utf-8",
        )
        result = run("redline", "zero-draft", "current")
        assert result.exit_code == 0, result.output
        (folder / "summary.txt").write_text(result.stdout, encoding="utf-8")
        assert run("build", "--pdf-engine", "none", "--build", "to").exit_code == 0
    finally:
        os.chdir(cwd)
    return folder


def paragraphs(xml: bytes, accept: bool | None = None) -> list[str]:
    """Return the texts of the paragraphs of a part, with every change accepted (True), rejected
    (False), or none there to resolve (None)."""
    root = etree.fromstring(xml)
    gone = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    texts = []
    for paragraph in root.iter(f"{W}p"):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        marks = {etree.QName(child).localname for child in mark} if mark is not None else set()
        if accept is not None and marks & gone:
            continue
        text = []
        for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            wrappers = {etree.QName(a).localname for a in element.iterancestors() if a is not paragraph}
            if accept is not None and wrappers & gone:
                continue
            text.append("\t" if element.tag == f"{W}tab" else element.text or "")
        texts.append("".join(text))
    return texts


def part(document: Path, name: str) -> bytes:
    with zipfile.ZipFile(document) as package:
        return package.read(name)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", ["word/document.xml", "word/footnotes.xml"])
def test_accepting_every_change_gives_the_newer_document(redlined, language, name):
    redline = redlined / "build" / f"redline.zero-draft.current.{language}.docx"
    newer = redlined / "to" / f"outcome.{language}.docx"
    assert paragraphs(part(redline, name), accept=True) == paragraphs(part(newer, name))


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", ["word/document.xml", "word/footnotes.xml"])
def test_rejecting_every_change_gives_the_older_document_renumbering_apart(redlined, language, name):
    redline = redlined / "build" / f"redline.zero-draft.current.{language}.docx"
    older = redlined / "from" / f"outcome.{language}.docx"

    def unnumbered(texts: list[str]) -> list[str]:
        return [LABEL.sub("", text) for text in texts]

    assert unnumbered(paragraphs(part(redline, name), accept=False)) == unnumbered(
        paragraphs(part(older, name))
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_changes_are_word_tracked_changes_by_the_pipeline(redlined, language):
    xml = part(redlined / "build" / f"redline.zero-draft.current.{language}.docx", "word/document.xml")
    root = etree.fromstring(xml)
    changes = [e for e in root.iter() if etree.QName(e).localname in ("ins", "del", "moveFrom", "moveTo")]
    assert changes and {e.get(f"{W}author") for e in changes} == {"outcome"}
    assert {e.get(f"{W}date") for e in changes} == {"2024-09-16T00:00:00Z"}
    ids = [e.get(f"{W}id") for e in root.iter() if e.get(f"{W}author")]
    assert len(ids) == len(set(ids))
    starts = {e.get(f"{W}name") for e in root.iter(f"{W}moveFromRangeStart")}
    assert starts == {e.get(f"{W}name") for e in root.iter(f"{W}moveToRangeStart")} == {"move1"}
    moved_from = "".join(t.text or "" for e in root.iter(f"{W}moveFrom") for t in e.iter(f"{W}t"))
    moved_to = "".join(t.text or "" for e in root.iter(f"{W}moveTo") for t in e.iter(f"{W}t"))
    old, new = {
        "en": ("Invest in migration data.", "Invest more in migration data, and in its analysis.")
    }.get(language, ("الاستثمار في بيانات الهجرة.", "زيادة الاستثمار في بيانات الهجرة، وفي تحليلها."))
    assert old in moved_from and new in moved_to


def test_an_arabic_edit_is_tracked_word_by_word_and_a_diacritic_counts(redlined):
    xml = part(redlined / "build" / "redline.zero-draft.current.ar.docx", "word/document.xml")
    root = etree.fromstring(xml)
    deleted = ["".join(t.text or "" for t in e.iter(f"{W}delText")) for e in root.iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in root.iter(f"{W}ins")]
    assert "احتجاز" in deleted and "اِحتجاز" in inserted
    assert words("زيادة الاستثمار، وفي تحليلها؛ ثم") == [
        "زيادة",
        " ",
        "الاستثمار",
        "،",
        " ",
        "وفي",
        " ",
        "تحليلها",
        "؛",
        " ",
        "ثم",
    ]


def test_the_summary_lists_each_change_by_objective(redlined):
    expected = """\
# Changes from zero-draft to current

1 inserted, 1 deleted, 1 edited, 1 moved; 0 paragraphs renumbered.

## The main body

### Objective 6

- deleted: talks-2023#m2, was paragraph 1
- inserted: talks-2023#m3, now paragraph 1
- moved from objective 1, and edited (ar, en): talks-2023#m1, paragraph 2

## The annex

### Objective 13

- edited (ar): hearings-2024#m1, paragraph 1
"""
    summary = (redlined / "build" / "redline.zero-draft.current.md").read_text(encoding="utf-8")
    assert summary == expected
    assert (redlined / "summary.txt").read_text(encoding="utf-8").startswith(expected)


@pytest.mark.slow
@needs_poppler
def test_libreoffice_opens_the_redline_and_shows_every_change(redlined, tmp_path):
    if libreoffice_command() is None:
        pytest.skip("LibreOffice not installed (Debian: apt-get install libreoffice-writer-nogui)")
    redline = redlined / "build" / "redline.zero-draft.current.en.docx"
    render_pdf_libreoffice(redline, tmp_path / "redline.pdf")
    shown = letters(pdf_text(tmp_path / "redline.pdf"))
    for text in (
        "Reform recruitment",
        "Protect migrant workers in the Gulf",
        "Invest more in migration data",
    ):
        assert letters(text) in shown


def test_a_draft_is_never_overwritten_and_names_are_checked(redlined, tmp_path, monkeypatch):
    monkeypatch.chdir(redlined)
    result = run("freeze", "zero-draft")
    assert result.exit_code == 1
    assert result.stderr == "drafts/zero-draft: the draft 'zero-draft' exists already; give another name\n"
    assert run("freeze", "current").exit_code == 1
    unknown = run("redline", "rev.9", "current")
    assert unknown.exit_code == 1 and unknown.stderr == "drafts: no draft 'rev.9' (drafts: zero-draft)\n"


def test_renumbered_paragraphs_are_listed_not_tracked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "sources")
    assert run("freeze", "rev.1").exit_code == 0
    talks = tmp_path / "sources" / "summaries" / "talks-2023.yaml"
    text = talks.read_text(encoding="utf-8").replace(
        "messages:\n",
        "messages:\n  - id: m0\n    text: {en: Fund labour inspection., ar: تمويل تفتيش العمل.}\n"
        "    objectives: [6]\n",
        1,
    )
    talks.write_text(text, encoding="utf-8")
    result = run("redline", "rev.1", "current", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:] == [
        "1 inserted, 0 deleted, 0 edited, 0 moved; 2 paragraphs renumbered.",
        "",
        "## The main body",
        "",
        "### Objective 6",
        "",
        "- inserted: talks-2023#m0, now paragraph 1",
        "",
        "## Paragraphs renumbered",
        "",
        "| part | message | was | now |",
        "|---|---|---|---|",
        "| main body | talks-2023#m2 | 1 | 2 |",
        "| main body | talks-2023#m1 | 2 | 3 |",
        "Wrote build/redline.rev.1.current.en.docx, build/redline.rev.1.current.md.",
    ]
    xml = part(tmp_path / "build" / "redline.rev.1.current.en.docx", "word/document.xml")
    inserted = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in etree.fromstring(xml).iter(f"{W}ins")]
    # The paragraph mark's insertion holds no text; the label goes with its paragraph, the others keep theirs.
    assert [text for text in inserted if text] == ["1.Fund labour inspection."]


def test_an_edit_a_deletion_and_an_addition_are_exactly_three_tracked_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "sources")
    assert run("freeze", "zero-draft").exit_code == 0
    (tmp_path / "sources" / "summaries" / "talks-2023.yaml").write_text(
        "event: talks-2023\nlanguage: en\nmessages:\n"
        "  - id: m1\n"
        "    text: {en: Invest in better migration data., ar: الاستثمار في بيانات أفضل عن الهجرة.}\n"
        "    objectives: [1]\n"
        "  - id: m3\n"
        "    text: {en: Protect migrant workers., ar: حماية العمال المهاجرين.}\n"
        "    objectives: [6]\n",
        encoding="utf-8",
    )
    assert run("redline", "zero-draft", "current").exit_code == 0
    for language in ("ar", "en"):
        xml = part(tmp_path / "build" / f"redline.zero-draft.current.{language}.docx", "word/document.xml")
        changed = [
            "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
            for p in etree.fromstring(xml).iter(f"{W}p")
            if any(etree.QName(e).localname in ("ins", "del", "moveFrom", "moveTo") for e in p.iter())
        ]
        assert len(changed) == 3, (language, changed)
