"""`outcome absorb`: a word inserted in a paragraph of the built Word file comes back into that
message's text in its summary, and nothing else changes but that line and the staleness mark."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from pipeline.build import build, validate
from pipeline.build.review import check
from pipeline.cli import main
from pipeline.model import PdfEngine
from tests.corpus import REGIONAL_REVIEW, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD = "Government-run digital platforms that publish job offers and contracts before departure"
NEW = "Government-run digital platforms that publish job offers and signed contracts before departure"


def rewrite(document: Path, change: Callable[[etree._Element], dict[str, bytes] | None]) -> None:
    """Let *change* edit the document's body in place (and return parts to add), as Word would save it."""
    with zipfile.ZipFile(document) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    added = change(body) or {}
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(document, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in {**parts, **added}.items():
            package.writestr(name, data)


def paragraph_of(body: etree._Element, text: str) -> etree._Element:
    return next(p for p in body.iter(f"{W}p") if text in "".join(p.itertext()))


def edit_document(document: Path, old: str, new: str, author: str | None = None) -> None:
    """Change *old* to *new* in the document's text, typed or (with *author*) as a tracked insertion."""
    rewrite(document, lambda body: _edit(body, old, new, author))


def _edit(body: etree._Element, old: str, new: str, author: str | None) -> None:
    for text in body.iter(f"{W}t"):
        if text.text and old in text.text:
            if author is None:
                text.text = text.text.replace(old, new)
            else:  # split the run: before, a tracked insertion, after
                before, after = text.text.split(old, 1)
                inserted = new[len(old.split(" and ")[0]) + len(" and ") :].split(" ")[0] + " "
                run = text.getparent()
                text.text = before + old.split(" and ")[0] + " and "
                insertion = etree.Element(
                    f"{W}ins", {f"{W}id": "901", f"{W}author": author, f"{W}date": "2026-12-01T00:00:00Z"}
                )
                new_run = etree.SubElement(insertion, f"{W}r")
                etree.SubElement(new_run, f"{W}t").text = inserted
                tail_run = etree.Element(f"{W}r")
                tail = etree.SubElement(tail_run, f"{W}t")
                tail.text = old.split(" and ", 1)[1] + after
                tail.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addnext(insertion)
                insertion.addnext(tail_run)
            break


def setup(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    CliRunner().invoke(main, ["translations", "confirm", "--all", "--sources", str(sources)])
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    return sources, tmp_path / "build"


def lines(sources: Path) -> dict[str, list[str]]:
    return {
        p.name: p.read_text(encoding="utf-8").splitlines()
        for p in sorted((sources / "summaries").glob("*.yaml"))
    }


def test_a_word_typed_into_a_paragraph_comes_back_into_the_summary(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = tmp_path / "edited.en.docx"
    shutil.copy(built / "outcome.en.docx", edited)
    edit_document(edited, OLD, NEW)
    dry = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built), "--dry-run"]
    )
    assert dry.exit_code == 0 and "Would write 1 edited text in 'en'." in dry.output, dry.output
    assert lines(sources) == before
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    after = lines(sources)
    changed = [
        (name, old, new)
        for name in before
        for old, new in zip(before[name], after[name], strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][0] == "abu-dhabi-dialogue-2024.yaml"
    assert changed[0][2].strip() == f"en: {NEW} have reduced contract substitution."
    stale = [f for f in check(sources, final=True).findings if "stale translation" in f.message]
    assert [f.subject for f in stale] == ["message 'abu-dhabi-dialogue-2024#m1'"]
    rebuilt = build(sources, tmp_path / "again", TEMPLATES, PdfEngine.NONE)
    assert any(p.message.text.get("en", "").startswith(NEW) for p in rebuilt.outcome.body.paragraphs())


def test_a_pending_tracked_insertion_is_taken_and_its_author_named(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = tmp_path / "edited.en.docx"
    shutil.copy(built / "outcome.en.docx", edited)
    edit_document(edited, OLD, NEW, author="A. Reviewer")
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 0, result.output
    assert "tracked change taken as accepted: abu-dhabi-dialogue-2024#m1 (by A. Reviewer)" in result.output
    assert f"en: {NEW} have reduced" in (sources / "summaries" / "abu-dhabi-dialogue-2024.yaml").read_text(
        encoding="utf-8"
    )


def test_a_text_changed_in_the_sources_since_the_build_is_a_conflict(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("have reduced", "have much reduced"), encoding="utf-8"
    )
    before = summary.read_text(encoding="utf-8")
    edited = tmp_path / "edited.en.docx"
    shutil.copy(built / "outcome.en.docx", edited)
    edit_document(edited, OLD, NEW)
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 1
    assert (
        "conflict: abu-dhabi-dialogue-2024#m1: its 'en' text changed in the sources since the document "
        "was built" in result.output
    )
    assert summary.read_text(encoding="utf-8") == before


def _delete_the_edited_paragraph(body: etree._Element) -> None:
    paragraph = paragraph_of(body, OLD)
    paragraph.getparent().remove(paragraph)


def test_a_deleted_paragraph_is_reported_and_kept(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = tmp_path / "edited.en.docx"
    shutil.copy(built / "outcome.en.docx", edited)
    rewrite(edited, _delete_the_edited_paragraph)
    before = lines(sources)
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 0, result.output
    assert "deleted in the document (kept in the sources): abu-dhabi-dialogue-2024#m1" in result.output
    assert lines(sources) == before
    arguments = ["absorb", str(edited), "--sources", str(sources), "--build", str(built), "--apply-deletions"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "deleted in the document (removed from the sources): abu-dhabi-dialogue-2024#m1" in result.output
    after = lines(sources)
    name = "abu-dhabi-dialogue-2024.yaml"
    assert {n: v for n, v in after.items() if n != name} == {n: v for n, v in before.items() if n != name}
    start = before[name].index("  - id: m1")
    end = before[name].index("  - id: m2")
    assert any(OLD in line for line in before[name][start:end])
    assert after[name] == before[name][:start] + before[name][end:]  # the message's lines, and no other
    assert validate(sources)


def test_a_translation_corrected_in_the_arabic_document(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = tmp_path / "edited.ar.docx"
    shutil.copy(built / "outcome.ar.docx", edited)
    old = "أسهمت المنصات الرقمية الحكومية"
    edit_document(edited, old, "أسهمت المنصات الرقمية الحكومية الجديدة")
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 0 and "Wrote 1 edited text in 'ar'." in result.output, result.output
    text = (sources / "summaries" / "abu-dhabi-dialogue-2024.yaml").read_text(encoding="utf-8")
    assert "ar: أسهمت المنصات الرقمية الحكومية الجديدة التي تنشر" in text
    assert not [f for f in check(sources, final=True).findings if "stale translation" in f.message]


def _comment_on_the_edited_paragraph(body: etree._Element) -> dict[str, bytes]:
    paragraph = paragraph_of(body, OLD)
    paragraph.insert(1, etree.Element(f"{W}commentRangeStart", {f"{W}id": "7"}))
    paragraph.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": "7"}))
    comments = (
        f'<w:comments xmlns:w="{W[1:-1]}"><w:comment w:id="7" w:author="A. Reviewer" '
        'w:date="2026-12-01T10:00:00Z"><w:p><w:r><w:t>Which platforms? Name one.</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    )
    return {"word/comments.xml": comments.encode()}


def test_comments_are_listed_per_message_and_written_to_the_build(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = tmp_path / "edited.en.docx"
    shutil.copy(built / "outcome.en.docx", edited)
    rewrite(edited, _comment_on_the_edited_paragraph)
    result = CliRunner().invoke(
        main, ["absorb", str(edited), "--sources", str(sources), "--build", str(built)]
    )
    assert result.exit_code == 0, result.output
    line = "comment on abu-dhabi-dialogue-2024#m1 by A. Reviewer (2026-12-01): Which platforms? Name one."
    assert line in result.output
    written = (built / "comments.en.md").read_text(encoding="utf-8")
    assert (
        "## abu-dhabi-dialogue-2024#m1" in written
        and "- A. Reviewer, 2026-12-01: Which platforms? Name one." in written
    )
