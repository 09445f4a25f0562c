"""`outcome absorb` on what Word and LibreOffice really do to a paragraph: special characters, words
typed after a note's mark, a paragraph split or joined, its number glued to its text, words struck
through, part of it moved; and deletions that cannot be named for certain are never applied."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build
from pipeline.model import PdfEngine
from pipeline.render.anchors import anchor_names, message_key, paragraph_text
from tests.absorbing import (
    ABU_DHABI,
    OLD,
    W,
    absorb,
    body_of,
    changed_lines,
    copy_of,
    lines,
    paragraph_of,
    rewrite,
    setup,
    tracked,
)
from tests.corpus import TEMPLATES

NEXT = "Demand for care workers will keep growing"  # the message after OLD's, in the same section


def test_special_characters_read_as_word_shows_them() -> None:
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W[1:-1]}"><w:r><w:t>Government</w:t><w:noBreakHyphen/><w:t>run digi</w:t>'
        '<w:softHyphen/><w:t>tal</w:t><w:br/><w:t>platforms</w:t><w:sym w:font="Symbol" w:char="2022"/>'
        '<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:instrText>PAGE</w:instrText>'
        "</w:r></w:p>"
    )
    assert paragraph_text(paragraph) == "Government\u2011run digi\u00adtal platforms\u2022\t"


def _typed_after_the_mark(body: etree._Element) -> None:
    paragraph = paragraph_of(body, OLD)
    call = next(run for run in paragraph.iter(f"{W}r") if run.find(f"{W}footnoteReference") is not None)
    typed = copy.deepcopy(call)
    for child in list(typed):
        if child.tag != f"{W}rPr":
            typed.remove(child)
    etree.SubElement(typed.find(f"{W}rPr"), f"{W}vertAlign").set(f"{W}val", "baseline")
    etree.SubElement(typed, f"{W}t").text = " Workers keep a copy."
    call.addnext(typed)


def test_words_typed_after_a_footnote_mark_are_text(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _typed_after_the_mark)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    assert "contract substitution. Workers keep a copy.\n" in (sources / ABU_DHABI).read_text(
        encoding="utf-8"
    )


def _split(body: etree._Element) -> None:
    """Press Enter inside the paragraph: the bookmark starts in the first half and ends in the second."""
    paragraph = paragraph_of(body, OLD)
    second = copy.deepcopy(paragraph)
    for child in [c for c in second if c.tag not in (f"{W}pPr", f"{W}bookmarkEnd")]:
        second.remove(child)
    paragraph.remove(next(paragraph.iter(f"{W}bookmarkEnd")))
    tracked(paragraph, "before departure ", delete="have reduced contract substitution.")
    run = etree.SubElement(second, f"{W}r")
    etree.SubElement(run, f"{W}t").text = "have reduced contract substitution."
    second.append(second.find(f"{W}bookmarkEnd"))  # the end after the text
    paragraph.addnext(second)


def _join(body: etree._Element) -> None:
    """Delete the paragraph mark between two messages: the second's content joins the first."""
    first, second = paragraph_of(body, OLD), paragraph_of(body, NEXT)
    for child in [c for c in second if c.tag != f"{W}pPr"]:
        first.append(child)
    second.getparent().remove(second)


def test_a_paragraph_split_or_joined_is_reported_and_nothing_removed(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    for name, change, said in (("split", _split, "split into 2 paragraphs"), ("join", _join, "joined")):
        edited = tmp_path / f"{name}.en.docx"
        edited.write_bytes((built / "outcome.en.docx").read_bytes())
        rewrite(edited, change)
        result = absorb(edited, sources, built, "--apply-deletions")
        assert result.exit_code == 0, result.output
        assert "abu-dhabi-dialogue-2024#m1" in result.output and said in result.output, result.output
        assert "deleted in the document" not in result.output and "Wrote 0 edited texts" in result.output
        assert lines(sources) == before


def test_a_number_glued_to_its_text_stays_out_of_the_summary(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)

    def glue(body: etree._Element) -> None:
        paragraph = paragraph_of(body, OLD)
        tab = next(paragraph.iter(f"{W}tab"))
        tab.getparent().replace(
            tab, etree.Element(f"{W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        )
        next(t for t in paragraph.iter(f"{W}t") if t.text is None).text = " "
        tracked(body, "job offers and ", insert="signed ")

    rewrite(edited, glue)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    text = (sources / ABU_DHABI).read_text(encoding="utf-8")
    assert "      en: Government-run digital platforms that publish job offers and signed contracts" in text


def test_struck_through_words_are_a_mark_up_not_text(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)

    def strike(body: etree._Element) -> None:
        tracked(body, "job offers and ", insert="signed ")
        run = next(
            t
            for t in paragraph_of(body, "Government-run").iter(f"{W}t")
            if "before departure" in (t.text or "")
        ).getparent()
        properties = (
            run.find(f"{W}rPr") if run.find(f"{W}rPr") is not None else etree.SubElement(run, f"{W}rPr")
        )
        etree.SubElement(properties, f"{W}strike")

    rewrite(edited, strike)
    result = absorb(edited, sources, built)
    assert "not absorbable: abu-dhabi-dialogue-2024#m1 (paragraph 13): words struck through" in result.output
    assert lines(sources) == before


def _move_part(body: etree._Element) -> None:
    """Move the end of the paragraph, as a tracked move, into a new paragraph after the next one."""
    paragraph = paragraph_of(body, OLD)
    tracked(
        paragraph, "before departure ", delete="have reduced contract substitution.", author="A. Reviewer"
    )
    deleted = next(paragraph.iter(f"{W}del"))
    for text in deleted.iter(f"{W}delText"):
        text.tag = f"{W}t"  # a move's old place keeps its text as w:t
    deleted.tag = f"{W}moveFrom"
    deleted.addprevious(etree.Element(f"{W}moveFromRangeStart", {f"{W}id": "970", f"{W}name": "move1"}))
    deleted.addnext(etree.Element(f"{W}moveFromRangeEnd", {f"{W}id": "970"}))
    target = etree.Element(f"{W}p")
    target.append(etree.Element(f"{W}moveToRangeStart", {f"{W}id": "971", f"{W}name": "move1"}))
    moved = etree.SubElement(target, f"{W}moveTo", {f"{W}id": "972", f"{W}author": "A. Reviewer"})
    etree.SubElement(etree.SubElement(moved, f"{W}r"), f"{W}t").text = "have reduced contract substitution."
    target.append(etree.Element(f"{W}moveToRangeEnd", {f"{W}id": "971"}))
    paragraph_of(body, NEXT).addnext(target)


def test_part_of_a_paragraph_moved_leaves_the_paragraph_its_anchor(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, _move_part)
    result = absorb(edited, sources, built, "--dry-run")
    assert "Would write: abu-dhabi-dialogue-2024#m1:" in result.output, result.output
    assert "→ '…contracts before departure'" in result.output  # what is left of it
    assert "to add to a summary: 'have reduced contract substitution.'" in result.output
    assert "moved in the document" not in result.output and "deleted in the document" not in result.output


def test_a_deletion_is_not_applied_when_another_message_took_its_place(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: paragraph_of(body, OLD).getparent().remove(paragraph_of(body, OLD)))
    summary = sources / ABU_DHABI
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("  - id: m1\n", "  - id: m1new\n"), encoding="utf-8"
    )
    before = lines(sources)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "deleted in the document (kept in the sources): the message paragraph between " in (result.output)
    assert lines(sources) == before


@pytest.mark.parametrize("bookmark", ["gone", "collapsed"])
def test_a_paragraph_rewritten_whole_is_not_taken_for_a_deletion(tmp_path: Path, bookmark: str) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)

    def rewrite_whole(body: etree._Element) -> None:  # select all its text and type over it
        paragraph = paragraph_of(body, OLD)
        start, end = next(paragraph.iter(f"{W}bookmarkStart")), next(paragraph.iter(f"{W}bookmarkEnd"))
        end.getparent().remove(end)
        if bookmark == "gone":  # Word drops the bookmark, or keeps it empty where the text began
            start.getparent().remove(start)
        else:
            start.addnext(end)
        texts = list(paragraph.iter(f"{W}t"))  # the first is its number
        texts[1].text = "Digital platforms run by Governments have reduced contract substitution."
        for text in texts[2:]:
            text.text = ""

    rewrite(edited, rewrite_whole)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    deleted = next(line for line in result.output.splitlines() if line.startswith("deleted in the document"))
    assert deleted.startswith("deleted in the document (kept in the sources): abu-dhabi-dialogue-2024#m1 (")
    assert "rewritten as the paragraph added there" in deleted
    assert "'Digital platforms run by Governments have reduced contract substitution.'" in result.output
    assert lines(sources) == before


def test_an_arabic_source_edited_shows_its_english_as_pending(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "ar", tmp_path)
    rewrite(edited, lambda body: tracked(body, "أكد المشاركون ", insert="جميعا "))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'ar'." in result.output, result.output
    assert "to check: qatar-gulf-africa-dialogue-2022#m1: its en translation is stale now" in result.output
    again = build(sources, tmp_path / "again", TEMPLATES, PdfEngine.NONE)
    assert any("qatar-gulf-africa-dialogue-2022#m1" in str(notice) for notice in again.notices)
    english = copy_of(tmp_path / "again", "en", tmp_path)
    text = next(
        paragraph_text(p)
        for p in body_of(english).iter(f"{W}p")
        if "أكد المشاركون جميعا" in paragraph_text(p)
    )
    assert text.endswith("[translation pending]")


def test_an_edit_the_sources_refuse_writes_nothing(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)

    def as_a_list(body: etree._Element) -> None:  # the introduction's paragraph 2 made a list item
        text = next(t for t in body.iter(f"{W}t") if (t.text or "").startswith("In paragraph 50"))
        text.text = "- " + text.text
        tracked(body, "job offers and ", insert="signed ")

    rewrite(edited, as_a_list)
    dry = absorb(edited, sources, built, "--dry-run")
    assert (
        dry.exit_code == 1 and "nothing written: this is a dry run, and with the edited texts" in dry.output
    )
    assert "front/introduction.en.md" in dry.output and "tmp" not in dry.output.split("front/")[0][-12:]
    result = absorb(edited, sources, built)
    assert result.exit_code == 1, result.output
    assert "nothing written: with the edited texts the sources would not validate" in result.output
    assert changed_lines(before, lines(sources)) == []


def test_deletions_the_sources_refuse_are_kept_and_the_edits_still_written(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    keys = {message_key(f"abu-dhabi-dialogue-2024#m{n}") for n in range(1, 6)}

    def delete_a_whole_summary(body: etree._Element) -> None:
        for paragraph in list(body.iter(f"{W}p")):
            if any(name.split("_")[2:3] and name.split("_")[2] in keys for name in anchor_names(paragraph)):
                paragraph.getparent().remove(paragraph)
        tracked(body, "Children should ", insert="ever ")

    rewrite(edited, delete_a_whole_summary)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    kept = "deleted in the document (kept in the sources: its summary would have no message left): "
    assert all(f"{kept}abu-dhabi-dialogue-2024#m{n}" in result.output for n in range(1, 6)), result.output
    assert "Wrote 1 edited text in 'en'." in result.output
    text = (sources / "summaries" / "gcm-talks-detention-2023.yaml").read_text(encoding="utf-8")
    assert "en: Children should ever never be detained" in text
    assert "  - id: m1\n" in (sources / ABU_DHABI).read_text(encoding="utf-8")
