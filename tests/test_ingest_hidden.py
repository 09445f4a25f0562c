"""Text a reader of the Word file does not see, or sees otherwise than pandoc reads it: hidden
text is refused; tracked changes, content controls showing their placeholder, UTF-16 parts and
text hard to see are read and said so in a note. Each through `outcome ingest`."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import yamlio
from pipeline.cli import main
from pipeline.ingest.pandoc import pandoc_error
from tests import hostile_docx as hostile
from tests.hostile_docx import DOCUMENT, W, accepted, refusal

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


# --- What is read otherwise than Word shows it: kept or left out, and said so -------------------------


def _ingested(path: Path) -> tuple[list[str], list[str]]:
    """Return the messages `outcome ingest` wrote from *path*, and the notes it printed."""
    result = CliRunner().invoke(main, ["ingest", path.name, "--event", "talks-2023", "-o", "out.yaml"])
    assert result.exit_code == 0, result.output
    messages = [message["text"]["en"] for message in yamlio.load(Path("out.yaml"))["messages"]]
    assert result.stdout == f"Wrote out.yaml: {len(messages)} messages.\n"
    notes = result.stderr.splitlines()
    assert notes[0].startswith(f"{path.name}: note: read as 'en' (detected): {len(messages)} messages")
    return messages, [note.removeprefix(f"{path.name}: note: ") for note in notes[1:]]


TRACKED = (
    "the report still has {} ({}), read as accepted (insertions kept, deletions left out): accept or "
    "reject them in Word to be sure"
)


def test_tracked_changes_are_read_as_accepted_with_a_note(tmp_path):
    change = 'w:id="{}" w:author="Organiser" w:date="2024-05-01T00:00:00Z"'
    message = (
        f'<w:r><w:t xml:space="preserve">Returns must be </w:t></w:r><w:del {change.format(1)}><w:r>'
        f"<w:delText>forced </w:delText></w:r></w:del><w:ins {change.format(2)}><w:r><w:t>voluntary</w:t>"
        f'</w:r></w:ins><w:moveTo {change.format(3)}><w:r><w:t xml:space="preserve"> (objective 21).</w:t>'
        "</w:r></w:moveTo>"
    )
    path = hostile.in_body(Path("report.docx"), _message_with(message))
    messages, notes = _ingested(path)
    assert messages == [
        *hostile.MESSAGES,
        "Borders must stay open. Returns must be voluntary (objective 21).",
    ]
    assert notes == [TRACKED.format("3 tracked changes", "word/document.xml: 3")]


def test_a_report_without_tracked_changes_has_no_such_note(tmp_path):
    assert _ingested(hostile.sound_report(Path("report.docx"))) == (list(hostile.MESSAGES), [])


def _control(content: str, properties: str = "<w:showingPlcHdr/>") -> str:
    return f"<w:sdt><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


PLACEHOLDER = "Click or tap here to enter text."


def test_content_controls_showing_their_placeholder_are_left_out_with_a_note(tmp_path):
    inline = _control(f"<w:r><w:t>{PLACEHOLDER}</w:t></w:r>", '<w:alias w:val="Date"/><w:showingPlcHdr/>')
    block = _control(
        f'<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>{PLACEHOLDER}</w:t></w:r></w:p>',
        '<w:tag w:val="message3"/><w:showingPlcHdr w:val="true"/>',
    )
    filled = _control("<w:r><w:t>on 1 May</w:t></w:r>", '<w:alias w:val="Filled"/>')
    path = hostile.in_body(
        Path("report.docx"), _message_with(inline + filled) + block.replace("<w:sdt>", f"<w:sdt {W}>", 1)
    )
    messages, notes = _ingested(path)
    assert messages == [*hostile.MESSAGES, "Borders must stay open. on 1 May"]
    assert notes == [
        f"a content control 'Date' in word/document.xml shows only its placeholder '{PLACEHOLDER}': left out "
        "(type the text into it in Word if it belongs in the report)",
        f"a content control 'message3' in word/document.xml shows only its placeholder '{PLACEHOLDER}': "
        "left out (type the text into it in Word if it belongs in the report)",
    ]


@pytest.mark.parametrize("parts", [(DOCUMENT,), (DOCUMENT, "word/styles.xml", "[Content_Types].xml")])
def test_parts_in_utf_16_are_read(tmp_path, parts):
    # OOXML allows UTF-16 and Word reads it; pandoc failed with its Haskell call stack.
    def change(name: str, data: bytes) -> bytes:
        if name in parts:
            return data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
        return data

    path = hostile.rebuilt(Path("report.docx"), change)
    with zipfile.ZipFile(path) as package:
        assert all(package.read(name).startswith(codecs.BOM_UTF16_LE) for name in parts)
    assert _ingested(path) == (list(hostile.MESSAGES), [])


def test_pandoc_errors_are_shown_without_haskell_call_stacks():
    stderr = (
        "pandoc: Cannot decode byte '\\xff': Data.Text.Internal.Encoding: Invalid UTF-8 stream\n"
        "HasCallStack backtrace:\n"
        "  collectBacktraces, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:169:13 in x\n"
        "  throw, called at libraries/text/src/Data/Text/Encoding/Error.hs:101:23 in text-2.1.3\n\n"
    )
    assert pandoc_error(stderr.encode()) == (
        "Cannot decode byte '\\xff': Data.Text.Internal.Encoding: Invalid UTF-8 stream"
    )
    assert pandoc_error(b"CallStack (from HasCallStack):\n  error, called at x.hs:1:1\n") == "unknown error"


def test_text_hard_to_see_is_read_with_a_note(tmp_path):
    tiny = '<w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:t>(objective 5)</w:t></w:r>'
    white = '<w:r><w:rPr><w:color w:val="ffffff"/></w:rPr><w:t xml:space="preserve"> and 7</w:t></w:r>'
    shaded = (
        f'<w:p {W}><w:pPr><w:shd w:val="clear" w:fill="1F4E79"/></w:pPr>'
        '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>Annex</w:t></w:r></w:p>'
    )
    path = hostile.in_body(Path("report.docx"), _message_with(tiny + white) + shaded)
    messages, notes = _ingested(path)
    assert messages == [*hostile.MESSAGES, "Borders must stay open. (objective 5) and 7"]
    assert notes == [
        f"text that is hard to see (white, or 1 pt) in word/document.xml: '{text}' was read as text"
        for text in ("(objective 5)", "and 7")
    ] + ["not a message (a paragraph beside the listed messages), under 'Key messages': \"Annex\""]
