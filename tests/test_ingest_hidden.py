"""Text a reader of the Word file does not see, or sees otherwise than pandoc reads it: hidden
text is refused; tracked changes, content controls showing their placeholder, UTF-16 parts and
text hard to see are read and said so in a note. Each through `outcome ingest`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import hostile_docx as hostile
from tests.hostile_docx import W, accepted, refusal

HIDDEN = (
    "refused: the part '{}' has hidden text ('{}'), which Word does not show but which would be read as "
    "the report's text: in Word, click ¶ (Home) to see it, then select it and untick Hidden (Home > Font) "
    "or delete it, and ingest the report again"
)


def _message_with(run: str) -> str:
    """A list item of the Key messages with *run* inside it."""
    return (
        f'<w:p {W}><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"Borders must stay open. </w:t></w:r>{run}</w:p>"
    )


@pytest.mark.parametrize("mark", ["<w:vanish/>", '<w:vanish w:val="1"/>', "<w:specVanish/>"])
def test_hidden_text_is_refused(tmp_path, mark):
    run = (
        f"<w:r><w:rPr><w:b/>{mark}</w:rPr><w:t>HIDDEN SMUGGLED</w:t></w:r>"
        f"<w:r><w:rPr>{mark}</w:rPr><w:t> more</w:t></w:r>"
    )
    path = hostile.in_body(Path("report.docx"), _message_with(run))
    assert refusal(path) == HIDDEN.format("word/document.xml", "HIDDEN SMUGGLED more")


def test_long_hidden_text_is_quoted_by_its_start(tmp_path):
    run = f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{'word ' * 30}</w:t></w:r>"
    path = hostile.in_body(Path("report.docx"), _message_with(run))
    assert refusal(path) == HIDDEN.format("word/document.xml", ("word " * 12)[:59] + "…")


def test_hidden_text_in_a_footnote_is_refused(tmp_path):
    footnotes = (
        f'<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vanish/></w:rPr>'
        "<w:t>in the note</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    path = hostile.rebuilt(Path("report.docx"), extra=(("word/footnotes.xml", footnotes.encode()),))
    assert refusal(path) == HIDDEN.format("word/footnotes.xml", "in the note")


@pytest.mark.parametrize(
    "run",
    [
        # A hidden paragraph mark only joins the paragraph to the next one: its text stays visible.
        "<w:r><w:t>visible</w:t></w:r>",
        # Switched off, or the formatting a tracked change replaced, or only hidden in Web Layout.
        '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>shown</w:t></w:r>',
        "<w:r><w:rPr><w:rPrChange w:id='1' w:author='a'><w:rPr><w:vanish/></w:rPr></w:rPrChange>"
        "</w:rPr><w:t>shown</w:t></w:r>",
        "<w:r><w:rPr><w:webHidden/></w:rPr><w:t>12</w:t></w:r>",
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space='preserve'> </w:t></w:r>",
    ],
)
def test_text_word_shows_is_accepted(tmp_path, run):
    mark = f"<w:p {W}><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Background.</w:t></w:r></w:p>"
    path = hostile.in_body(Path("report.docx"), mark + f"<w:p {W}>{run}</w:p>")
    accepted(path)
