"""The Word package pre-flight: hostile reports refused by `outcome ingest` with the file and a
plain reason, exit status 1, no traceback, nothing written or replaced (even with --force)."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest.package import check_file
from tests import hostile_docx as hostile
from tests.hostile_docx import DOCUMENT, DOCUMENT_RELS, W, accepted, refusal

OUTCOME = Path(sys.executable).with_name("outcome")

SAVE = "open the file in Word and save it again"


def test_the_sound_report_is_accepted(tmp_path):
    accepted(hostile.sound_report(Path("report.docx")))


# --- The zip ---------------------------------------------------------------------------------------


def test_a_second_document_part_is_refused(tmp_path):
    # pandoc reads the first copy, a zip reader the last: smuggled text.
    smuggled = f"<w:document {W}><w:body><w:p><w:r><w:t>Smuggled</w:t></w:r></w:p></w:body></w:document>"
    path = hostile.rebuilt(Path("report.docx"), extra=((DOCUMENT, smuggled.encode()),))
    assert refusal(path) == (
        "refused: the part 'word/document.xml' appears twice in the file (readers would disagree on "
        f"which copy is the report): {SAVE}"
    )


def test_parts_differing_only_in_case_are_refused(tmp_path):
    path = hostile.rebuilt(Path("report.docx"), extra=(("word/Document.xml", b"<x/>"),))
    assert refusal(path) == (
        "refused: the parts 'word/document.xml' and 'word/Document.xml' differ only in case (readers "
        f"would disagree on which is the report): {SAVE}"
    )


def test_a_backslash_in_a_part_name_is_refused(tmp_path):
    path = hostile.rebuilt(Path("report.docx"), extra=(("word\\document.xml", b"<x/>"),))
    assert refusal(path) == (
        f"refused: a part with a backslash in its name 'word\\document.xml' (Word writes '/'): {SAVE}"
    )


@pytest.mark.parametrize(
    "name",
    # normpath leaves a leading '..' as it is: '../../../tmp/x/PWNED.txt' was once let through.
    [
        "word/./document.xml",
        "word//x.xml",
        "/word/x.xml",
        "word/../x.xml",
        "../../../tmp/x/PWNED.txt",
        "word/..",
    ],
)
def test_unsafe_part_names_are_refused(tmp_path, name):
    path = hostile.rebuilt(Path("report.docx"), extra=((name, b"<x/>"),))
    assert refusal(path) == f"refused: a part with an unsafe name '{name}'"


def test_a_package_without_content_types_is_refused(tmp_path):
    path = hostile.rebuilt(Path("report.docx"), drop=("[Content_Types].xml",))
    assert refusal(path) == f"not a Word document (no [Content_Types].xml inside): {SAVE}"


def test_a_main_document_elsewhere_is_refused(tmp_path):
    def change(name: str, data: bytes) -> bytes:
        return (
            data.replace(b'Target="word/document.xml"', b'Target="word/other.xml"')
            if name == "_rels/.rels"
            else data
        )

    path = hostile.rebuilt(Path("report.docx"), change)
    assert (
        refusal(path)
        == f"refused: the file's main document is 'word/other.xml', not word/document.xml: {SAVE}"
    )


def test_encrypted_zip_entries_are_refused(tmp_path):
    path = hostile.encrypted(Path("report.docx"), DOCUMENT)
    assert refusal(path) == (
        "refused: the part 'word/document.xml' is encrypted with a zip password, which Word never sets: "
        "ask the organiser for the Word file as Word saved it"
    )


def test_a_compression_word_never_uses_is_refused(tmp_path):
    path = hostile.rebuilt(Path("report.docx"))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_LZMA) as package:
        package.writestr("word/media/extra.bin", b"x" * 100)
    assert refusal(path) == (
        f"refused: the part 'word/media/extra.bin' is compressed in a way Word never uses: {SAVE}"
    )


# --- Document type declarations, anywhere ------------------------------------------------------------

DECLARATION = b'<!DOCTYPE w:document [<!ENTITY e "x">]>'


def declared_after(padding: int, data: bytes) -> bytes:
    """Return the part *data* with a comment of *padding* bytes, then a document type declaration,
    between the XML declaration and the root element (where XML allows both). A negative
    *padding* puts the declaration that many bytes before the end of the first 64 KiB."""
    head, rest = data.split(b"?>", 1)
    opening = head + b"?>\n<!--"
    if padding < 0:
        padding = 64 * 1024 + padding - len(opening) - len(b"-->")
    return opening + b"-" * padding + b"-->" + DECLARATION + rest


@pytest.mark.parametrize(
    ("name", "padding"),
    [
        (DOCUMENT, 5000),  # past the first 4,096 bytes that were once read
        (DOCUMENT, -4),  # "<!DO" and "CTYPE" in two chunks read
        (DOCUMENT, 300 * 1024),
        (DOCUMENT_RELS, 10_000),
        ("word/styles.xml", 70_000),
    ],
)
def test_a_document_type_anywhere_in_a_part_is_refused(tmp_path, name, padding):
    path = hostile.rebuilt(
        Path("report.docx"), lambda part, data: declared_after(padding, data) if part == name else data
    )
    assert refusal(path) == f"refused: the part '{name}' declares a document type"


def test_a_marker_cut_by_a_chunk_boundary_is_found():
    from io import BytesIO

    from pipeline.ooxml import markup_of

    for cut in range(1, len(b"<!DOCTYPE")):
        data = b"<?xml version='1.0'?>" + b" " * (100 - 21 - cut) + b"<!DOCTYPE x>"
        assert markup_of(BytesIO(data), chunk=100) == ("utf-8", "<!DOCTYPE"), cut


def test_a_document_type_in_utf_16_is_refused(tmp_path):
    def change(name: str, data: bytes) -> bytes:
        if name != DOCUMENT:
            return data
        text = declared_after(70_000, data).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    path = hostile.rebuilt(Path("report.docx"), change)
    assert refusal(path) == "refused: the part 'word/document.xml' declares a document type"


def test_an_encoding_a_word_file_never_uses_is_refused(tmp_path):
    def change(name: str, data: bytes) -> bytes:
        return data.decode("utf-8").encode("utf-32-le") if name == DOCUMENT else data

    path = hostile.rebuilt(Path("report.docx"), change)
    assert refusal(path) == (
        "refused: the part 'word/document.xml' is encoded as 'utf-32' (a Word file's XML is UTF-8 or UTF-16)"
    )


def test_a_part_that_is_not_well_formed_is_refused(tmp_path):
    path = hostile.in_body(Path("report.docx"), "<w:p>")
    assert refusal(path).startswith(
        "refused: the part 'word/document.xml' is not well-formed XML (Opening and ending tag mismatch"
    )


def test_the_pre_flight_returns_the_reader(tmp_path):
    assert check_file(hostile.sound_report(Path("report.docx"))) == "docx"


def test_a_named_pipe_is_not_read(tmp_path):
    pipe = tmp_path / "report.docx"
    os.mkfifo(pipe)
    result = subprocess.run(
        [str(OUTCOME), "ingest", str(pipe), "--event", "talks-2023", "-o", str(tmp_path / "out.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "report.docx: not a regular file but a named pipe (expected the file itself)" in result.stderr
    assert not (tmp_path / "out.yaml").exists()
