"""`outcome absorb` when paragraphs run into each other in Word — a message joined with a heading,
a paragraph mark deleted as a tracked change, a message moved into another's paragraph, the
introduction split — and when a deleted message's text changed in the sources: nothing is taken
that would mix two sources, and nothing is removed that is still there or was changed since."""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from tests.absorbing import (
    ABU_DHABI,
    OLD,
    W,
    absorb,
    copy_of,
    delete_paragraph,
    lines,
    paragraph_of,
    rewrite,
    setup,
    tracked,
)
from tests.test_absorb_edge import NEXT, _split

FIRST_UNDER_6 = "Participants stressed that fair and ethical recruitment"
INTRODUCTION = "In paragraph 50 of the Global Compact"


def _join(body: etree._Element, first: str, second: str) -> None:
    """Delete the paragraph mark between the paragraphs holding *first* and *second*."""
    one, two = paragraph_of(body, first), paragraph_of(body, second)
    for child in [c for c in two if c.tag != f"{W}pPr"]:
        one.append(child)
    two.getparent().remove(two)


def _absorbed_nothing(tmp_path: Path, change, *expected: str) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, change)
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert all(text in result.output for text in expected), result.output
    assert "deleted in the document" not in result.output and "Wrote 0 edited texts" in result.output
    assert lines(sources) == before


def test_a_message_joined_with_its_heading_is_neither_taken_nor_deleted(tmp_path: Path) -> None:
    _absorbed_nothing(
        tmp_path,
        lambda body: _join(body, "Objective 6: Facilitate", FIRST_UNDER_6),
        "qatar-gulf-africa-dialogue-2022#m1",
        "joined into one paragraph",
    )


def test_a_paragraph_mark_deleted_as_a_tracked_change_joins_two_messages(tmp_path: Path) -> None:
    def delete_the_mark(body: etree._Element) -> None:
        properties = paragraph_of(body, OLD).find(f"{W}pPr")
        mark = properties.find(f"{W}rPr")
        mark = etree.SubElement(properties, f"{W}rPr") if mark is None else mark
        mark.append(etree.Element(f"{W}del", {f"{W}id": "990", f"{W}author": "A. Reviewer"}))

    _absorbed_nothing(tmp_path, delete_the_mark, "abu-dhabi-dialogue-2024#m1 (paragraph 13) and ", "joined")


def test_a_message_moved_into_another_messages_paragraph_is_not_taken(tmp_path: Path) -> None:
    def move_into_the_next(body: etree._Element) -> None:
        source, target = paragraph_of(body, OLD), paragraph_of(body, NEXT)
        stamp = {f"{W}author": "A. Reviewer"}
        runs = [child for child in source if child.tag == f"{W}r"]
        moved = etree.SubElement(target, f"{W}moveTo", {f"{W}id": "980", **stamp})
        moved.extend(copy.deepcopy(runs))
        moved.addprevious(etree.Element(f"{W}moveToRangeStart", {f"{W}id": "981", f"{W}name": "move1"}))
        wrapper = etree.Element(f"{W}moveFrom", {f"{W}id": "982", **stamp})
        runs[0].addprevious(wrapper)
        wrapper.extend(runs)
        wrapper.addprevious(etree.Element(f"{W}moveFromRangeStart", {f"{W}id": "983", f"{W}name": "move1"}))

    _absorbed_nothing(tmp_path, move_into_the_next, "abu-dhabi-dialogue-2024#m3", "joined")


def test_a_message_pasted_inside_a_split_paragraph_is_not_deleted(tmp_path: Path) -> None:
    def split_around(body: etree._Element) -> None:
        _split(body)
        paragraph_of(body, OLD[:40]).addnext(paragraph_of(body, NEXT))

    _absorbed_nothing(tmp_path, split_around, "abu-dhabi-dialogue-2024#m1", "split into 3 paragraphs")


def test_a_paragraph_of_the_introduction_split_is_not_taken(tmp_path: Path) -> None:
    def split_introduction(body: etree._Element) -> None:
        paragraph = paragraph_of(body, INTRODUCTION)
        second = etree.Element(f"{W}p")
        second.append(next(paragraph.iter(f"{W}bookmarkEnd")))
        text = next(t for t in paragraph.iter(f"{W}t") if (t.text or "").startswith(INTRODUCTION))
        text.text, rest = text.text[:60], text.text[60:]
        etree.SubElement(etree.SubElement(second, f"{W}r"), f"{W}t").text = rest
        second.append(second[0])
        paragraph.addnext(second)

    _absorbed_nothing(tmp_path, split_introduction, "paragraph 2 of the introduction: split into 2")


def test_a_message_deleted_whose_text_changed_since_is_not_removed(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    summary = sources / ABU_DHABI
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("have reduced", "have much reduced"), "utf-8"
    )
    for deletion in ("tracked", "typed"):
        copy_path = tmp_path / f"{deletion}.en.docx"
        copy_path.write_bytes(edited.read_bytes())
        if deletion == "tracked":
            rewrite(copy_path, lambda body: delete_paragraph(paragraph_of(body, OLD), "A. Reviewer"))
        else:
            rewrite(
                copy_path, lambda body: paragraph_of(body, OLD).getparent().remove(paragraph_of(body, OLD))
            )
        before = lines(sources)
        result = absorb(copy_path, sources, built, "--apply-deletions")
        assert result.exit_code == 0, result.output
        assert "deleted in the document (kept in the sources): " in result.output, result.output
        assert lines(sources) == before


def test_a_full_stop_typed_after_a_mark_and_a_symbol_font(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)

    def edits(body: etree._Element) -> None:
        call = next(
            r for r in paragraph_of(body, OLD).iter(f"{W}r") if r.find(f"{W}footnoteReference") is not None
        )
        typed = etree.Element(f"{W}r")
        typed.append(copy.deepcopy(call.find(f"{W}rPr")))
        etree.SubElement(typed, f"{W}t").text = "."
        call.addnext(typed)
        symbol = paragraph_of(body, NEXT)
        run = next(
            r
            for r in symbol.iter(f"{W}r")
            if r.find(f"{W}t") is not None and NEXT[:10] in "".join(r.itertext())
        )
        etree.SubElement(run, f"{W}sym", {f"{W}font": "Symbol", f"{W}char": "F0AE"})

    rewrite(edited, edits)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert "contract substitution..'" in result.output  # the full stop typed after the mark is text
    assert "abu-dhabi-dialogue-2024#m3 (paragraph 14): it holds a symbol from a symbol font" in result.output
    assert "Wrote 1 edited text in 'en'." in result.output


def test_a_bookmark_word_left_between_paragraphs_still_anchors_its_paragraph(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)

    def outside(body: etree._Element) -> None:
        paragraph = paragraph_of(body, OLD)
        paragraph.addprevious(next(paragraph.iter(f"{W}bookmarkStart")))
        paragraph.addnext(next(paragraph.iter(f"{W}bookmarkEnd")))
        tracked(body, "job offers and ", insert="signed ")

    rewrite(edited, outside)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    assert "added in the document" not in result.output and "deleted in the document" not in result.output


def test_copies_of_a_build_absorb_after_a_deletion_was_applied(tmp_path: Path) -> None:
    """Reviewer A's copy deletes a message, applied; then reviewer B's copy of the same build, in
    a folder of its own under the same name, with a comment: absorbed, its comment kept beside A's."""
    sources, built = setup(tmp_path)
    first, second = tmp_path / "a" / "outcome.en.docx", tmp_path / "b" / "outcome.en.docx"
    for copy_path in (first, second):
        copy_path.parent.mkdir()
        copy_path.write_bytes((built / "outcome.en.docx").read_bytes())
    rewrite(first, lambda body: paragraph_of(body, NEXT).getparent().remove(paragraph_of(body, NEXT)))
    rewrite(first, lambda body: _comment(body, OLD, "A. Reviewer", "First."))
    rewrite(second, lambda body: _comment(body, OLD, "B. Reviewer", "Second."))
    assert "(removed from the sources)" in absorb(first, sources, built, "--apply-deletions").output
    result = absorb(second, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "deleted in the document" not in result.output and "Wrote 0 edited texts" in result.output
    comments = (built / "comments.en.md").read_text(encoding="utf-8")
    assert "A. Reviewer" in comments and "B. Reviewer" in comments


def _comment(body: etree._Element, text: str, author: str, said: str) -> dict[str, bytes]:
    paragraph_of(body, text).append(etree.Element(f"{W}commentReference", {f"{W}id": "5"}))
    xml = (
        f'<w:comments xmlns:w="{W[1:-1]}"><w:comment w:id="5" w:author="{author}" '
        'w:date="2026-12-01T10:00:00Z">'
        f"<w:p><w:r><w:t>{said}</w:t></w:r></w:p></w:comment></w:comments>"
    )
    return {"word/comments.xml": xml.encode()}
