"""`outcome absorb`: the text of a message edited in the Word file, typed or as tracked changes, in
either language, comes back into its summary, and nothing else changes but that line and the
staleness mark; a text changed in the sources too since the build is a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build, validate
from pipeline.build.review import check
from pipeline.model import PdfEngine
from pipeline.render.anchors import paragraph_text
from pipeline.text import clean_text
from tests.absorbing import (
    ABU_DHABI,
    ARABIC,
    NEW,
    OLD,
    W,
    absorb,
    body_of,
    changed_lines,
    copy_of,
    delete_paragraph,
    lines,
    paragraph_of,
    rewrite,
    setup,
    tracked,
)
from tests.corpus import TEMPLATES


def test_a_word_typed_into_a_paragraph_comes_back_into_the_summary(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, "job offers and ", insert="signed "))
    dry = absorb(edited, sources, built, "--dry-run")
    assert dry.exit_code == 0 and "Would write 1 edited text in 'en'." in dry.output, dry.output
    assert lines(sources) == before
    result = absorb(edited, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    assert "…publish job offers and contracts before" in result.output  # where the two differ
    changed = changed_lines(before, lines(sources))
    assert [(name, new.strip()) for name, _, new in changed] == [
        (ABU_DHABI, f"en: {NEW} have reduced contract substitution.")
    ]
    stale = [f for f in check(sources, final=True).findings if "stale translation" in f.message]
    assert [f.subject for f in stale] == ["message 'abu-dhabi-dialogue-2024#m1'"]
    rebuilt = build(sources, tmp_path / "again", TEMPLATES, PdfEngine.NONE)
    assert any(p.message.text.get("en", "").startswith(NEW) for p in rebuilt.outcome.body.paragraphs())
    # Both documents keep their structure: the English shows the new text in its place, the
    # Arabic shows it too, awaiting its translation.
    for language, marker in (("en", ""), ("ar", " [الترجمة قيد الإعداد]")):
        again = absorb(copy_of(tmp_path / "again", language, tmp_path), sources, tmp_path / "again")
        assert again.output == f"Wrote 0 edited texts in '{language}'.\n", again.output
        with_label = paragraph_text_of(tmp_path / "again" / f"outcome.{language}.docx", NEW)
        assert clean_text(with_label)[0].endswith(f"{NEW} have reduced contract substitution.{marker}")


def paragraph_text_of(document: Path, text: str) -> str:
    return paragraph_text(paragraph_of(body_of(document), text))


def test_tracked_insertions_and_deletions_by_other_authors_are_taken(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: tracked(body, "job offers and ", insert="signed ", author="A. Reviewer"))
    rewrite(edited, lambda body: tracked(body, "reduced ", delete="contract ", author="B. Editor"))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    uid = "abu-dhabi-dialogue-2024#m1"
    assert f"tracked change taken as accepted: {uid} (by A. Reviewer, B. Editor)" in result.output
    assert [new.strip() for _, _, new in changed_lines(before, lines(sources))] == [
        f"en: {NEW} have reduced substitution."
    ]


def test_a_tracked_insertion_in_the_arabic_document_is_taken(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, "ar", tmp_path)
    rewrite(edited, lambda body: tracked(body, ARABIC, insert=" الجديدة", author="أ. مراجع"))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert "tracked change taken as accepted: abu-dhabi-dialogue-2024#m1 (by أ. مراجع)" in result.output
    changed = changed_lines(before, lines(sources))
    assert len(changed) == 1 and changed[0][2].strip().startswith(
        "ar: أسهمت المنصات الرقمية الحكومية الجديدة التي"
    )


CONFLICTS = {  # language: (the sources' change since the build, the edit made in the document)
    "en": (("have reduced", "have much reduced"), ("job offers and ", "signed ")),
    "ar": (("في الحد من", "في الحد كثيرا من"), (ARABIC, " الجديدة")),
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_text_changed_in_the_sources_since_the_document_was_built_is_a_conflict(
    tmp_path: Path, language: str
) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, language, tmp_path)
    (old, new), (after, insert) = CONFLICTS[language]
    summary = sources / ABU_DHABI
    summary.write_text(summary.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    build(sources, built, TEMPLATES, PdfEngine.NONE)  # rebuilt since: the document still knows
    before = lines(sources)
    rewrite(edited, lambda body: tracked(body, after, insert=insert))
    result = absorb(edited, sources, built)
    assert result.exit_code == 1
    assert (
        f"conflict: abu-dhabi-dialogue-2024#m1 (paragraph 13): edited in the document, and its '{language}' "
        "text changed in the sources since the document was built (" in result.output
    )
    assert lines(sources) == before
    # The document is older than the sources, but a paragraph nobody edited is no conflict.
    other = "ar" if language == "en" else "en"
    assert absorb(copy_of(built, other, tmp_path), sources, built).exit_code == 0


def test_a_deleted_paragraph_is_reported_and_kept_unless_asked(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "en", tmp_path)
    rewrite(edited, lambda body: paragraph_of(body, OLD).getparent().remove(paragraph_of(body, OLD)))
    before = lines(sources)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert (
        "deleted in the document (kept in the sources; --apply-deletions removes it): "
        "abu-dhabi-dialogue-2024#m1" in result.output
    )
    assert lines(sources) == before
    dry = absorb(edited, sources, built, "--apply-deletions", "--dry-run")
    assert (
        "deleted in the document (would be removed from the sources): abu-dhabi-dialogue-2024#m1"
        in dry.output
    )
    assert lines(sources) == before
    result = absorb(edited, sources, built, "--apply-deletions")
    assert result.exit_code == 0, result.output
    assert "deleted in the document (removed from the sources): abu-dhabi-dialogue-2024#m1" in result.output
    after = lines(sources)
    assert {n: v for n, v in after.items() if n != ABU_DHABI} == {
        n: v for n, v in before.items() if n != ABU_DHABI
    }
    start, end = before[ABU_DHABI].index("  - id: m1"), before[ABU_DHABI].index("  - id: m2")
    assert any(OLD in line for line in before[ABU_DHABI][start:end])
    assert after[ABU_DHABI] == before[ABU_DHABI][:start] + before[ABU_DHABI][end:]  # its lines, no other
    assert validate(sources)


def test_a_paragraph_deleted_as_a_tracked_change_in_arabic_is_reported(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "ar", tmp_path)
    rewrite(edited, lambda body: delete_paragraph(paragraph_of(body, ARABIC), "A. Reviewer"))
    before = lines(sources)
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    assert (
        "deleted in the document (kept in the sources; --apply-deletions removes it): "
        "abu-dhabi-dialogue-2024#m1" in result.output
    )
    assert "Wrote 0 edited texts in 'ar'." in result.output
    assert lines(sources) == before


def test_a_translation_corrected_in_the_arabic_document(tmp_path: Path) -> None:
    sources, built = setup(tmp_path)
    edited = copy_of(built, "ar", tmp_path)
    rewrite(edited, lambda body: tracked(body, ARABIC, insert=" الجديدة"))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'ar'." in result.output, result.output
    text = (sources / ABU_DHABI).read_text(encoding="utf-8")
    assert "ar: أسهمت المنصات الرقمية الحكومية الجديدة التي تنشر" in text
    assert not [f for f in check(sources, final=True).findings if "stale translation" in f.message]


def _comment(body: etree._Element, message: str, heading: str) -> dict[str, bytes]:
    """Comment on the paragraph holding *message* (a range) and on the heading holding *heading* (a mark)."""
    paragraph = paragraph_of(body, message)
    paragraph.insert(1, etree.Element(f"{W}commentRangeStart", {f"{W}id": "7"}))
    paragraph.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": "7"}))
    paragraph_of(body, heading).append(etree.Element(f"{W}commentReference", {f"{W}id": "8"}))
    comments = (
        f'<w:comments xmlns:w="{W[1:-1]}"><w:comment w:id="7" w:author="A. Reviewer" '
        'w:date="2026-12-01T10:00:00Z"><w:p><w:r><w:t>Which platforms? Name one.</w:t></w:r></w:p>'
        '</w:comment><w:comment w:id="8" w:author="B. Editor" w:date="2026-12-02T10:00:00Z"><w:p><w:r>'
        "<w:t>Shorter title?</w:t></w:r></w:p></w:comment></w:comments>"
    )
    return {"word/comments.xml": comments.encode()}


@pytest.mark.parametrize(
    ("language", "message", "heading"), [("en", OLD, "Objective 6:"), ("ar", ARABIC, "الهدف 6")]
)
def test_comments_are_listed_per_message_and_written_to_the_build(
    tmp_path: Path, language: str, message: str, heading: str
) -> None:
    sources, built = setup(tmp_path)
    before = lines(sources)
    edited = copy_of(built, language, tmp_path)
    rewrite(edited, lambda body: _comment(body, message, heading))
    result = absorb(edited, sources, built)
    assert result.exit_code == 0, result.output
    line = (
        "comment on abu-dhabi-dialogue-2024#m1 (paragraph 13) by A. Reviewer (2026-12-01): Which platforms?"
    )
    assert line in result.output
    assert f"comment on '{heading}" in result.output  # on the heading, named by its words
    assert "by B. Editor (2026-12-02): Shorter title?" in result.output
    written = (built / f"comments.{language}.md").read_text(encoding="utf-8")
    assert (
        "## abu-dhabi-dialogue-2024#m1 (paragraph 13)" in written
        and "- A. Reviewer, 2026-12-01: Which platforms? Name one." in written
    )
    assert lines(sources) == before
    # A second reviewer's copy: its comments are added beside the first's, not over them.
    other = tmp_path / f"second.{language}.docx"
    other.write_bytes(edited.read_bytes())
    assert absorb(other, sources, built).exit_code == 0
    both = (built / f"comments.{language}.md").read_text(encoding="utf-8")
    assert f"# Comments in edited.{language}.docx" in both and f"# Comments in second.{language}.docx" in both
    assert both.count("Which platforms?") == 2
