"""Drafts and redlines: `outcome freeze`, and `outcome redline FROM TO` as Word tracked changes that
give the newer document when all are accepted and the older one when all are rejected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import main
from pipeline.drafts.merged import read_outcome
from pipeline.render.pdf import libreoffice_command, render_pdf_libreoffice
from pipeline.render.tracked import words
from tests.corpus import BASE
from tests.redlines import LABEL, PARTS, W, assert_resolves, make_redline, part, run
from tests.test_render_pdf import letters, needs_poppler, pdf_text

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


def change_sources(sources: Path) -> None:
    (sources / "summaries" / "talks-2023.yaml").write_text(CURRENT_TALKS, encoding="utf-8")
    hearings = sources / "summaries" / "hearings-2024.yaml"
    hearings.write_text(
        hearings.read_text(encoding="utf-8").replace("إنهاء احتجاز الأطفال.", "إنهاء اِحتجاز الأطفال."),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def redlined(tmp_path_factory) -> Path:
    """Freeze the base sources as 'zero-draft', change them, and write the redline to current."""
    folder = tmp_path_factory.mktemp("redline")
    result = make_redline(folder, change_sources)
    assert result.exit_code == 0, result.output
    (folder / "summary.txt").write_text(result.stdout, encoding="utf-8")
    return folder


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", PARTS)
def test_accepting_every_change_gives_the_newer_document_rejecting_the_older(redlined, language, name):
    assert_resolves(redlined, language, name)


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
    old, new = {
        "en": ("Invest in migration data.", "Invest more in migration data, and in its analysis.")
    }.get(language, ("الاستثمار في بيانات الهجرة.", "زيادة الاستثمار في بيانات الهجرة، وفي تحليلها."))
    # The moved message keeps its words in both places; it loses words in the old one and gains
    # words in the new one, so that each place reads right whether accepted or rejected.
    for kind, text in (("moveFrom", old), ("moveTo", new)):
        (paragraph,) = [p for p in root.iter(f"{W}p") if p.find(f".//{W}{kind}RangeStart") is not None]
        kept = "".join(t.text or "" for e in paragraph.iter(f"{W}{kind}") for t in e.iter(f"{W}t"))
        lost = "".join(t.text or "" for e in paragraph.iter(f"{W}del") for t in e.iter(f"{W}delText"))
        gained = "".join(t.text or "" for e in paragraph.iter(f"{W}ins") for t in e.iter(f"{W}t"))
        whole = "".join(  # its text, without the mark of a note it calls again
            "\t" if t.tag == f"{W}tab" else t.text or ""
            for t in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab")
            if t.getparent().find(f"{W}rPr/{W}rStyle[@{W}val='FootnoteReference']") is None
        )
        assert LABEL.sub("", whole) == text
        # The message only gained words: its old place is all moved away, its new place has them inserted.
        if kind == "moveFrom":
            assert (lost, gained) == ("", "") and kept == whole.replace("\t", "")
        else:
            assert not lost and gained and kept


def test_an_arabic_edit_is_tracked_word_by_word_and_a_diacritic_counts(redlined):
    xml = part(redlined / "build" / "redline.zero-draft.current.ar.docx", "word/document.xml")
    root = etree.fromstring(xml)
    deleted = ["".join(t.text or "" for t in e.iter(f"{W}delText")) for e in root.iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in root.iter(f"{W}ins")]
    assert "احتجاز " in deleted and "اِحتجاز " in inserted
    assert words("زيادة الاستثمار، وفي تحليلها؛ ثم") == [
        "زيادة ",
        "الاستثمار",
        "، ",
        "وفي ",
        "تحليلها",
        "؛ ",
        "ثم",
    ]


def test_the_summary_lists_each_change_by_objective(redlined):
    expected = """\
# Changes from zero-draft to current

1 inserted, 1 deleted, 1 edited, 1 moved, 0 footnotes changed; 0 paragraphs renumbered.

## The main body

### Objective 1

- heading deleted: no message is left under it
- moved to objective 6: talks-2023#m1, was paragraph 5

### Objective 6

- deleted: talks-2023#m2, was paragraph 4
- inserted: talks-2023#m3, now paragraph 4
- moved from objective 1, and edited (ar, en): talks-2023#m1, paragraph 5

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
        "1 inserted, 0 deleted, 0 edited, 0 moved, 0 footnotes changed; 2 paragraphs renumbered.",
        "",
        "## The main body",
        "",
        "### Objective 6",
        "",
        "- inserted: talks-2023#m0, now paragraph 4",
        "",
        "## Paragraphs renumbered",
        "",
        "| part | message | was | now |",
        "|---|---|---|---|",
        "| main body | talks-2023#m2 | 4 | 5 |",
        "| main body | talks-2023#m1 | 5 | 6 |",
        "Wrote build/redline.rev.1.current.en.docx, build/redline.rev.1.current.md.",
    ]
    xml = part(tmp_path / "build" / "redline.rev.1.current.en.docx", "word/document.xml")
    inserted = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in etree.fromstring(xml).iter(f"{W}ins")]
    # The paragraph mark's insertion holds no text; the label goes with its paragraph, the others
    # keep theirs. The next paragraph, from the same meeting, now calls the new paragraph's note
    # (mark 1) instead of its own: its own note deleted, the call inserted.
    assert [text for text in inserted if text] == ["4.Fund labour inspection.", "1"]
    deleted = [
        "".join(t.text or "" for t in e.iter(f"{W}delText")) for e in etree.fromstring(xml).iter(f"{W}del")
    ]
    assert deleted == [""]  # the deleted call is a footnote reference: no text of its own


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


def test_a_draft_keeps_translation_records_and_organisers_notes(tmp_path, monkeypatch):
    """A frozen draft holds what the summaries say of translations and the organiser's notes, and
    reads back whole: freezing the sources as they are since issues 15 and 16 and redlining them."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "sources")
    talks = tmp_path / "sources" / "summaries" / "talks-2023.yaml"
    talks.write_text(
        talks.read_text(encoding="utf-8").replace(
            "    objectives: [1]\n", "    objectives: [1]\n    note: As the organiser's footnote 2 says.\n", 1
        ),
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["translations", "confirm", "--all"]).exit_code == 0
    assert "translated_from" in talks.read_text(encoding="utf-8")
    assert run("freeze", "rev.1", "--pdf-engine", "none").exit_code == 0
    frozen = read_outcome(tmp_path / "drafts" / "rev.1" / "merged.yaml")
    read = {paragraph.message.uid: paragraph.message for paragraph in frozen.body.paragraphs()}
    assert read["talks-2023#m1"].note == "As the organiser's footnote 2 says."
    assert read["talks-2023#m1"].translated_from
    result = run("redline", "rev.1", "current", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 inserted, 0 deleted, 0 edited, 0 moved" in result.stdout
