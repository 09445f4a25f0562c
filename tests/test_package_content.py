"""The Word package pre-flight, continued: reports that would load something from outside the
file, pull in other files through fields, embed foreign documents, or cost pandoc too much; each
refused by `outcome ingest` with a plain reason, exit 1, nothing written or replaced."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline import limits
from tests import hostile_docx as hostile
from tests.hostile_docx import DOCUMENT_RELS, R, W, accepted, refusal, relationship

# --- Links outside the file ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "\\\\server\\share\\x.png", "../../secret.png"],
)
def test_a_linked_image_is_refused(tmp_path, target):
    path = hostile.linked_image(Path("report.docx"), target)
    assert refusal(path) == (
        f"refused: the part 'word/_rels/document.xml.rels' links to '{target}' outside the file "
        "(relationship 'rIdLinked', image); a report must not load anything from elsewhere: in Word, "
        "insert pictures and objects instead of linking them, or paste the text into a new document"
    )


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        (DOCUMENT_RELS, "subDocument"),
        (DOCUMENT_RELS, "frame"),
        (DOCUMENT_RELS, "oleObject"),
    ],
)
def test_other_outside_links_are_refused(tmp_path, part, kind):
    rel = relationship("rId99", kind, "file:///C:/Users/x/evil.dotm").encode()
    extra = (
        ()
        if part == DOCUMENT_RELS
        else (
            (
                part,
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + rel
                + b"</Relationships>",
            ),
        )
    )

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"</Relationships>", rel + b"</Relationships>") if name == part else data

    path = hostile.rebuilt(Path("report.docx"), change, extra=extra)
    assert refusal(path).startswith(
        f"refused: the part '{part}' links to 'file:///C:/Users/x/evil.dotm' outside the file "
        f"(relationship 'rId99', {kind}); "
    )


def test_the_template_a_report_was_made_from_stays_accepted(tmp_path):
    # Reports made from an organisation's Word template name it; nothing ever opens it.
    part = "word/_rels/settings.xml.rels"
    rel = relationship("rId1", "attachedTemplate", "file:///C:/Users/x/Letterhead.dotm")
    rels = f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>'
    accepted(hostile.rebuilt(Path("report.docx"), lambda name, data: data, extra=((part, rels.encode()),)))


def test_hyperlinks_stay_accepted(tmp_path):
    link = (
        f'<w:p {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:hyperlink r:id="rIdWeb"><w:r><w:t>Our website</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK '
        '"https://example.org/link" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    accepted(
        hostile.in_body(
            Path("report.docx"), link, relationship("rIdWeb", "hyperlink", "https://example.org/")
        )
    )


# --- Fields, foreign documents ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pieces", "shown"),
    [
        (("INCLUDE", 'TEXT "C:\\\\secret.docx"'), 'INCLUDETEXT "C:\\\\secret.docx"'),
        (
            (' INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d',),
            'INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d',
        ),
        (("DDE ", 'excel "C:\\\\a.xls"'), 'DDE excel "C:\\\\a.xls"'),
        (
            ("dde", "auto c:\\\\windows\\\\system32\\\\cmd.exe"),
            "ddeauto c:\\\\windows\\\\system32\\\\cmd.exe",
        ),
    ],
)
def test_fields_that_pull_in_files_are_refused(tmp_path, pieces, shown):
    path = hostile.split_field(Path("report.docx"), *pieces)
    assert refusal(path) == (
        f"refused: the part 'word/document.xml' has a field that pulls in another file or runs a program "
        f"({shown}): select the field in Word and press Ctrl+Shift+F9 to keep its text as plain text"
    )


def test_a_simple_field_that_pulls_in_a_file_is_refused(tmp_path):
    path = hostile.in_body(
        Path("report.docx"),
        f'<w:p {W}><w:fldSimple w:instr=" INCLUDETEXT c:\\\\a.docx ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>",
    )
    assert refusal(path) == (
        "refused: the part 'word/document.xml' has a field that pulls in another file or runs a program "
        "(INCLUDETEXT c:\\\\a.docx): select the field in Word and press Ctrl+Shift+F9 to keep its text as "
        "plain text"
    )


def test_an_alt_chunk_is_refused(tmp_path):
    path = hostile.in_body(
        Path("report.docx"),
        f'<w:altChunk {W} {R} r:id="rIdChunk"/>',
        relationship("rIdChunk", "aFChunk", "chunk.html", external=False),
    )
    assert refusal(path) == (
        "refused: the part 'word/document.xml' embeds a foreign document (altChunk) whose content would be "
        "lost: paste its content into the report as text"
    )


# --- Sizes ---------------------------------------------------------------------------------------


def test_an_absurd_number_of_paragraphs_is_refused(tmp_path):
    path = hostile.in_body(Path("report.docx"), f"<w:p {W}/>" * (limits.WORD_PARAGRAPHS.value + 1))
    assert path.stat().st_size < 200_000  # small on disk, costly for pandoc
    assert refusal(path) == (
        "refused: the part 'word/document.xml' holds too many paragraphs: over 50,000 paragraphs, the limit "
        "is 50,000 (a summary report has far fewer: remove the empty paragraphs, or split the report)"
    )


def test_an_absurd_number_of_elements_is_refused(tmp_path):
    path = hostile.in_body(
        Path("report.docx"), f"<w:p {W}>" + "<w:r/>" * limits.WORD_ELEMENTS.value + "</w:p>"
    )
    assert refusal(path) == (
        "refused: the part 'word/document.xml' holds too many XML elements: over 500,000 elements, the limit "
        "is 500,000 (a summary report has far fewer: split the report)"
    )


def test_a_markdown_report_over_the_limit_is_refused(tmp_path):
    path = Path("report.md")
    path.write_bytes(b"# Key messages\n\n" + b"- x\n" * (limits.MARKDOWN_FILE.value // 4))
    size = path.stat().st_size
    assert refusal(path) == (
        f"the file is too large for a summary report: {size:,} bytes, "
        f"the limit is {limits.MARKDOWN_FILE.value:,}"
    )


# --- Links that are not web addresses, remote templates, macros ------------------------------------

SETTINGS_RELS = "word/_rels/settings.xml.rels"


def _with_rels(part: str, *rels: str) -> Path:
    body = "".join(rels)
    data = f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    return hostile.rebuilt(Path("report.docx"), extra=((part, data.encode()),))


@pytest.mark.parametrize(
    "target",
    ["file:///C:/Users/x/secret.docx", "\\\\server\\share\\x.docx", "file://server/share/x", "x.docx"],
)
def test_a_hyperlink_to_a_file_is_refused(tmp_path, target):
    path = hostile.in_body(Path("report.docx"), "", relationship("rIdFile", "hyperlink", target))
    assert refusal(path) == (
        f"refused: the part 'word/_rels/document.xml.rels' has a hyperlink to '{target}' (relationship "
        "'rIdFile'), a file on a computer or a network share; a report may link only to web addresses "
        "(http, https) and e-mail addresses (mailto): in Word, right-click the link and choose Remove "
        "Hyperlink, which keeps its text"
    )


def test_web_and_mail_hyperlinks_stay_accepted(tmp_path):
    rels = "".join(
        relationship(f"rIdL{number}", "hyperlink", target)
        for number, target in enumerate(
            ["http://example.org/", "HTTPS://example.org/a", "mailto:a@example.org"]
        )
    )
    accepted(hostile.in_body(Path("report.docx"), "", rels))


@pytest.mark.parametrize(
    "target",
    [
        "https://attacker.example/t.dotm",
        "http://10.0.0.1/t.dotm",
        "\\\\server\\share\\t.dotm",
        "file:////server/share/t.dotm",
        "file://server/share/t.dotm",
    ],
)
def test_a_template_on_a_web_address_or_a_share_is_refused(tmp_path, target):
    path = _with_rels(SETTINGS_RELS, relationship("rId1", "attachedTemplate", target))
    assert refusal(path) == (
        f"refused: the part '{SETTINGS_RELS}' names as its template '{target}' (relationship 'rId1'), on a "
        "web address or a network share, which Word would fetch when opening the file: paste the text into "
        "a new blank document, save it as .docx, then ingest that"
    )


@pytest.mark.parametrize(
    "target", ["C:\\Users\\x\\Letterhead.dotm", "file:///Users/x/Library/Normal.dotm", "Letterhead.dotm"]
)
def test_templates_on_the_organisers_computer_stay_accepted(tmp_path, target):
    accepted(_with_rels(SETTINGS_RELS, relationship("rId1", "attachedTemplate", target)))


MACROS = "a macro-enabled document ({}): save it as a plain .docx (Word Document), then ingest that"


@pytest.mark.parametrize(
    "name",
    ["word/vbaProject.bin", "word/vbaData.xml", "word/activeX/activeX1.xml", "customUI/VBAPROJECT.BIN"],
)
def test_macro_and_activex_parts_are_refused(tmp_path, name):
    path = hostile.rebuilt(Path("report.docx"), extra=((name, b"<x/>"),))
    assert refusal(path) == "refused: " + MACROS.format(f"the part '{name}'")


def test_a_macro_enabled_content_type_is_refused(tmp_path):
    declared = "application/vnd.ms-word.document.macroEnabled.main+xml"

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                declared.encode(),
            )
        return data

    path = hostile.rebuilt(Path("report.docx"), change)
    assert declared.encode() in zipfile.ZipFile(path).read("[Content_Types].xml")
    assert refusal(path) == "refused: " + MACROS.format(f"content type '{declared}'")
