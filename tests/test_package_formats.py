"""A file named .docx that is something else is named for what it is, with what to do."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.ingest.package import check_file


def odt(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    return path.read_bytes()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "a PDF file, not a Word document: ingest the Word file it was made from",
        ),
        (
            b"{\\rtf1\\ansi\\deff0 {\\fonttbl}",
            "an RTF document, not a Word document: open it in Word and save it",
        ),
        (b"<!DOCTYPE html>\n<html><body>Key messages</body></html>", "an HTML page, not a Word document"),
        (b"\xef\xbb\xbf  <html lang='ar'><body></body></html>", "an HTML page, not a Word document"),
        (
            b"# Key messages\n\n1. Invest in data.\n",
            "a text file, not a Word document: if it is Markdown, name it .md",
        ),
        (b"\x00\x01\x02\xff\xfe binary", "not a Word document (not a .docx package)"),
    ],
)
def test_a_renamed_file_is_named_for_what_it_is(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "report.en.docx"
    path.write_bytes(content)
    with pytest.raises(SourceError) as raised:
        check_file(path)
    assert f"report.en.docx: {expected}" in str(raised.value)


def test_an_opendocument_text_is_named_with_how_to_save_it_as_word(tmp_path: Path) -> None:
    path = tmp_path / "report.en.docx"
    odt(path)
    with pytest.raises(SourceError) as raised:
        check_file(path)
    assert (
        "an OpenDocument text (LibreOffice, .odt), not a Word document: in LibreOffice, File > Save As"
        in str(raised.value)
    )
