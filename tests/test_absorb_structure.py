"""`outcome absorb` beyond a message's text: the introduction's paragraphs come back into their
Markdown file; edits to headings, numbers, notes and the pipeline's own paragraphs are reported as
not absorbable; moved, inserted and lost-anchor paragraphs are reported, never made messages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build, validate
from pipeline.model import PdfEngine
from pipeline.render.anchors import anchor_names
from tests.absorbing import (
    ARABIC,
    OLD,
    XML_SPACE,
    W,
    absorb,
    body_of,
    changed_lines,
    copy_of,
    lines,
    paragraph_of,
    rewrite,
    set_text,
    setup,
    tracked,
)
from tests.corpus import TEMPLATES

INTRODUCTION = "In paragraph 50 of the Global Compact, Member States invited"


def test_a_paragraph_of_the_introduction_comes_back_into_its_file(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, "Member States invited ", insert="all "))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert "Wrote: paragraph 2 of the introduction: " in result.output
    assert "to check: paragraph 2 of the introduction in 'ar' (introduction.ar.md) to match" in result.output
    changed = changed_lines(before, lines(sources))
    assert [name for name, _, _ in changed] == ["front/introduction.en.md"]
    assert changed[0][2].startswith(f"{INTRODUCTION} all relevant")
    rebuilt = build(sources, tmp_path / "again", TEMPLATES, PdfEngine.NONE)
    introduction = rebuilt.outcome.front_matter("introduction", "en")
    assert introduction is not None and "Member States invited all relevant" in introduction.paragraphs[1]


def test_an_introduction_paragraph_holding_a_comment_is_not_rewritten(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    chapter = sources / "front" / "introduction.en.md"
    text = chapter.read_text(encoding="utf-8").replace(INTRODUCTION, f"<!-- check -->{INTRODUCTION}")
    chapter.write_text(text, encoding="utf-8")
    build(sources, built, TEMPLATES, PdfEngine.NONE)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, "Member States invited ", insert="all "))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert (
        "not absorbable: paragraph 2 of the introduction: its lines in introduction.en.md hold an HTML"
        in (result.output)
    )
    assert "Member States invited all relevant" in result.output  # the new text, to copy by hand
    assert chapter.read_text(encoding="utf-8") == text


def _edit_the_fixed_words(body: etree._Element) -> None:
    heading = paragraph_of(body, "Objective 6: Facilitate fair")
    set_text(heading, "Objective 6: Fair recruitment")
    tracked(body, "regional review of the Global Compact ", insert="(the second) ", author="A. Reviewer")
    cell = paragraph_of(body, "Government of Qatar")
    set_text(cell, "State of Qatar")
    numbered = paragraph_of(body, OLD)
    next(numbered.iter(f"{W}t")).text = "99."
    gone = paragraph_of(body, "Objective 12: Strengthen")
    gone.getparent().remove(gone)


def test_edits_to_headings_numbers_and_the_pipelines_paragraphs_are_not_absorbable(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _edit_the_fixed_words)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if line.startswith("not absorbable: ")]
    assert len(said) == 5, result.output
    assert any(
        "'Objective 6: Fair recruitment': written by" in line and "(headings)" in line for line in said
    )
    assert any("'State of Qatar'" in line and "events.yaml (the timeline)" in line for line in said)
    assert any("(the second)" in line and "(chapter II)" in line for line in said)
    assert any("paragraph numbers changed ('99.' for '13.')" in line for line in said)
    assert any("1 paragraph written by the pipeline deleted in the document" in line for line in said)
    assert "Wrote 0 edited texts in 'en'." in result.output
    assert lines(sources) == before


def _edit_a_footnote(package: etree._Element) -> None:
    for note in package.iter(f"{W}footnote"):
        texts = [t for t in note.iter(f"{W}t") if t.text and "Abu Dhabi Dialogue" in t.text]
        if texts:
            texts[0].text = texts[0].text.replace("Abu Dhabi Dialogue", "Abu Dhabi Process")
            return


def test_an_edited_footnote_is_reported_with_what_the_sources_give(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _edit_a_footnote, "word/footnotes.xml")
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert "not absorbable: the footnote of abu-dhabi-dialogue-2024#" in result.output
    assert "Abu Dhabi Process (Government" in result.output
    assert "notes are written from events.yaml" in result.output
    assert lines(sources) == before


def _move(body: etree._Element, text: str, under: str) -> None:
    """Cut the paragraph holding *text* and paste it after the heading holding *under* (its bookmark
    goes with it, as in Word)."""
    paragraph = paragraph_of(body, text)
    paragraph_of(body, under).addnext(paragraph)


@pytest.mark.parametrize(
    ("language", "text", "under"), [("en", OLD, "Objective 2:"), ("ar", ARABIC, "الهدف 2:")]
)
def test_a_moved_paragraph_is_reported_and_not_taken(
    tmp_path: Path, language: str, text: str, under: str
) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, language, tmp_path)
    rewrite(edited, lambda body: _move(body, text, under))
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    moved = [line for line in result.output.splitlines() if line.startswith("moved in the document")]
    assert len(moved) == 1 and ": abu-dhabi-dialogue-2024#m1 (paragraph 13), now after " in moved[0], (
        result.output
    )
    assert under in moved[0]
    assert "deleted in the document" not in result.output
    assert lines(sources) == before


def _tracked_move(body: etree._Element) -> None:
    """Move the paragraph as Word tracks a move: the old place moveFrom (keeping the bookmark), the
    new place moveTo, linked by the move's name."""
    source = paragraph_of(body, OLD)
    destination = copy.deepcopy(source)
    for mark in [*destination.iter(f"{W}bookmarkStart"), *destination.iter(f"{W}bookmarkEnd")]:
        mark.getparent().remove(mark)
    stamp = {f"{W}author": "A. Reviewer", f"{W}date": "2026-12-01T09:00:00Z"}
    for paragraph, kind in ((source, "moveFrom"), (destination, "moveTo")):
        runs = [child for child in paragraph if child.tag == f"{W}r"]
        wrapper = etree.Element(f"{W}{kind}", {f"{W}id": "960", **stamp})
        runs[0].addprevious(wrapper)
        wrapper.extend(runs)
        wrapper.addprevious(
            etree.Element(f"{W}{kind}RangeStart", {f"{W}id": "961", f"{W}name": "move1", **stamp})
        )
        wrapper.addnext(etree.Element(f"{W}{kind}RangeEnd", {f"{W}id": "961"}))
        if kind == "moveFrom":
            for text in paragraph.iter(f"{W}t"):
                text.tag = f"{W}delText"
    paragraph_of(body, "Objective 2:").addnext(destination)


def test_a_move_tracked_by_word_is_a_move_not_a_deletion(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _tracked_move)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "summary): abu-dhabi-dialogue-2024#m1 (paragraph 13), now after " in result.output
    assert "deleted in the document" not in result.output and "added in the document" not in result.output
    assert lines(sources) == before


def _insert(body: etree._Element, after: str, text: str, keep_anchor: bool = False) -> None:
    """Insert after the paragraph holding *after* a copy of it saying *text* (Word copies no bookmark)."""
    model = paragraph_of(body, after)
    paragraph = copy.deepcopy(model)
    for mark in [*paragraph.iter(f"{W}bookmarkStart"), *paragraph.iter(f"{W}bookmarkEnd")]:
        mark.getparent().remove(mark)
    for call in list(paragraph.iter(f"{W}footnoteReference")):
        call.getparent().getparent().remove(call.getparent())
    set_text(paragraph, text)
    next(paragraph.iter(f"{W}t")).set(XML_SPACE, "preserve")
    model.addnext(paragraph)


@pytest.mark.parametrize(("language", "after"), [("en", OLD), ("ar", ARABIC)])
def test_an_inserted_paragraph_is_reported_with_its_place(tmp_path: Path, language: str, after: str) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, language, tmp_path)
    rewrite(edited, lambda body: _insert(body, after, "13 bis.\tStates should publish recruitment fees."))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    added = [line for line in result.output.splitlines() if line.startswith("added in the document")]
    assert len(added) == 1, result.output
    assert (
        "after abu-dhabi-dialogue-2024#m1 (paragraph 13), to add to a summary: '13 bis. States should publish"
        in added[0]
    )
    assert ("under 'Objective 6: Facilitate" if language == "en" else "under 'الهدف 6") in added[0]
    assert lines(sources) == before


def _replace_without_anchor(body: etree._Element) -> None:
    """Paste a copy of the paragraph (Word copies no bookmark) and delete the original: its anchor
    is lost, its text the same."""
    original = paragraph_of(body, OLD)
    pasted = copy.deepcopy(original)
    for mark in [*pasted.iter(f"{W}bookmarkStart"), *pasted.iter(f"{W}bookmarkEnd")]:
        mark.getparent().remove(mark)
    original.addnext(pasted)
    original.getparent().remove(original)


def test_a_message_whose_anchor_was_lost_is_found_by_its_text(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _replace_without_anchor)
    assert not any(anchor_names(paragraph_of(body_of(edited), OLD)))
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "to check: abu-dhabi-dialogue-2024#m1 found by its text, its anchor lost" in result.output
    assert "deleted in the document" not in result.output and "added in the document" not in result.output
    assert lines(sources) == before


def test_deletions_are_not_applied_when_the_sources_changed_since_the_build(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: paragraph_of(body, OLD).getparent().remove(paragraph_of(body, OLD)))
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace(
            "messages:\n",
            "messages:\n  - id: m0\n    text: {en: Fund labour inspection.}\n    objectives: [6]\n",
            1,
        ),
        encoding="utf-8",
    )
    before = lines(sources)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "deleted in the document (kept in the sources): the message paragraph between " in (result.output)
    assert lines(sources) == before


def test_an_edit_to_a_message_from_a_report_is_not_absorbable(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    corpus = validate(sources).corpus
    reported = next(m for s in corpus.summaries for m in s.messages if m.location.path.suffix != ".yaml")
    text = reported.text["en"]
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, text[:20], insert="[EDITED] "))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert (
        f"{reported.uid} (paragraph 3 of the annex): it comes from the report "
        f"sources/reports/{reported.event}.en.md" in result.output
    )
    assert "[EDITED]" in result.output
    assert lines(sources) == before
