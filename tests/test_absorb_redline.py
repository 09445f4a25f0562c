"""A redline sent back (a document from `outcome redline`, its changes accepted, rejected or left
pending in Word) absorbs as an outcome document does: a change rejected puts the text of the
earlier draft back into the sources; a deletion rejected comes back as a paragraph to add by hand."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import main
from tests.absorbing import W, absorb, changed_lines, lines, paragraph_of, rewrite, setup, tracked

EDITED = "have greatly reduced contract substitution"  # the sources' change since the draft
DELETED = "Ministers agreed to work towards the mutual recognition of skills"  # deleted since
_GONE, _NEW = ("del", "moveFrom"), ("ins", "moveTo")


def resolve(root: etree._Element, accept: bool) -> None:
    """Accept or reject every tracked change in *root*, as Word's Accept All or Reject All does."""
    drop, keep = (_GONE, _NEW) if accept else (_NEW, _GONE)
    for paragraph in list(root.iter(f"{W}p")):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(mark.find(f"{W}{name}") is not None for name in drop):
            paragraph.getparent().remove(paragraph)  # its paragraph mark goes, and the paragraph empty
    for name in drop:
        for element in list(root.iter(f"{W}{name}")):
            element.getparent().remove(element)
    for name in keep:
        for element in list(root.iter(f"{W}{name}")):
            for text in element.iter(f"{W}delText"):
                text.tag = f"{W}t"
            parent = element.getparent()
            if parent.tag == f"{W}rPr":
                parent.remove(element)
                continue
            index = parent.index(element)
            for child in reversed(list(element)):
                parent.insert(index, child)
            parent.remove(element)


@pytest.fixture
def redline(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Freeze the full corpus as rev.1, then edit one message and delete another; return the
    sources, the build folder and the English redline from rev.1 to the sources as they are."""
    sources, built = setup(tmp_path)
    drafts = ["--sources", str(sources), "--build", str(built), "--drafts", str(tmp_path / "drafts")]
    assert CliRunner().invoke(main, ["freeze", "rev.1", "--pdf-engine", "none", *drafts]).exit_code == 0
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    text = summary.read_text(encoding="utf-8").replace(
        "have reduced contract", "have greatly reduced contract"
    )
    start, end = text.index("  - id: m2\n"), text.index("  - id: m3\n")
    summary.write_text(text[:start] + text[end:], encoding="utf-8")
    result = CliRunner().invoke(main, ["redline", "rev.1", "current", "--lang", "en", *drafts])
    assert result.exit_code == 0, result.output
    document = tmp_path / "redline.en.docx"
    shutil.copy(built / "redline.rev.1.current.en.docx", document)
    return sources, built, document


def test_a_redline_left_as_it_is_or_accepted_changes_nothing(redline: tuple[Path, Path, Path]) -> None:
    sources, built, document = redline
    before = lines(sources)
    result = absorb(document, sources, built)
    assert result.output == "Wrote 0 edited texts in 'en'.\n", result.output  # pending: taken as accepted
    rewrite(document, lambda body: resolve(body, accept=True))
    rewrite(document, lambda notes: resolve(notes, accept=True), "word/footnotes.xml")
    result = absorb(document, sources, built)
    assert result.output == "Wrote 0 edited texts in 'en'.\n", result.output
    assert lines(sources) == before


def _shown_deleted(body: etree._Element) -> etree._Element:
    return next(p for p in body.iter(f"{W}p") if DELETED in "".join(p.itertext()))


def _reject_in(text: str) -> Callable[[etree._Element], None]:
    return lambda body: resolve(paragraph_of(body, text), accept=False)


def test_a_change_rejected_in_the_redline_puts_the_earlier_text_back(
    redline: tuple[Path, Path, Path],
) -> None:
    sources, built, document = redline
    before = lines(sources)
    rewrite(document, _reject_in(EDITED))
    result = absorb(document, sources, built)
    assert result.exit_code == 0 and "Wrote 1 edited text in 'en'." in result.output, result.output
    changed = changed_lines(before, lines(sources))
    assert [(name, old.strip(), new.strip()) for name, old, new in changed] == [
        (
            "summaries/abu-dhabi-dialogue-2024.yaml",
            "en: Government-run digital platforms that publish job offers and contracts before departure "
            "have greatly reduced contract substitution.",
            "en: Government-run digital platforms that publish job offers and contracts before departure "
            "have reduced contract substitution.",
        )
    ]


def test_a_deletion_rejected_in_the_redline_is_reported_to_add_by_hand(
    redline: tuple[Path, Path, Path],
) -> None:
    sources, built, document = redline
    before = lines(sources)
    rewrite(document, lambda body: resolve(_shown_deleted(body), accept=False))
    rewrite(document, lambda notes: resolve(notes, accept=False), "word/footnotes.xml")
    result = absorb(document, sources, built)
    assert result.exit_code == 0, result.output
    added = [line for line in result.output.splitlines() if line.startswith("added in the document")]
    assert len(added) == 2 and DELETED in added[0], result.output
    assert "a footnote on '19. Ministers agreed to work towards th…'" in added[1]
    assert lines(sources) == before


def test_a_reviewers_edit_on_a_redline_is_taken_and_the_pipelines_changes_not_listed(
    redline: tuple[Path, Path, Path],
) -> None:
    sources, built, document = redline
    rewrite(document, lambda body: tracked(body, "job offers and ", insert="signed ", author="A. Reviewer"))
    result = absorb(document, sources, built)
    assert result.exit_code == 0, result.output
    assert "tracked change taken as accepted: abu-dhabi-dialogue-2024#m1 (by A. Reviewer)" in result.output
    summary = (sources / "summaries" / "abu-dhabi-dialogue-2024.yaml").read_text(encoding="utf-8")
    assert f"publish job offers and signed contracts before departure {EDITED}." in summary
