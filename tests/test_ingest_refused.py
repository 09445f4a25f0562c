"""Reports that cannot be ingested: each refused with a message that names the file and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SourceError
from tests import reports

ingest_report = reports.ingest_report


def problem_of(path: Path) -> str:
    """Return the one problem ingesting *path* reports, the path as the user wrote it (relative)."""
    with pytest.raises(SourceError) as caught:
        ingest_report(path.relative_to(Path.cwd()))
    (problem,) = caught.value.problems
    return str(problem)


def test_legacy_doc(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert problem_of(path) == (
        f"{path.name}: a legacy Word 97-2003 document: open it in Word and save it as .docx, then ingest that"
    )


def test_encrypted_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert problem_of(path) == (
        f"{path.name}: an encrypted (password-protected) or legacy Word file: remove the password in Word "
        "(File > Info > Protect Document) or save it as .docx, then ingest it again"
    )


def test_corrupt_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 this is not a complete zip")
    assert problem_of(path) == f"{path.name}: a corrupt or unreadable Word file (not a valid .docx package)"


def test_empty_file(tmp_path):
    path = tmp_path / "report.md"
    path.write_bytes(b"  \n")
    assert problem_of(path) == f"{path.name}: the file is empty"


def test_lock_file(tmp_path):
    path = tmp_path / "~$report.docx"
    path.write_bytes(b"lock")
    assert problem_of(path) == (
        f"{path.name}: a Word lock file (Word keeps it while the document is open): use the document itself"
    )


def test_report_without_a_messages_heading_says_what_was_looked_for(tmp_path):
    path = reports.no_heading_report(tmp_path / "report.docx")
    assert problem_of(path) == (
        f"{path.name}: no heading announces the key messages (looked for headings or bold paragraphs such as "
        "'Key messages', 'Main messages', 'Recommendations', 'Conclusions', 'Good practices', 'Challenges', "
        "'الرسائل الرئيسية', 'التوصيات', 'الاستنتاجات', 'Messages clés', 'Recommandations', 'Défis')"
    )


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    path = reports.zip_bomb(tmp_path / "report.docx")
    assert problem_of(path) == (
        "report.docx: refused: the part 'word/document.xml' expands too far: 1,028 times, the limit is 100 "
        "(a zip bomb?)"
    )


def test_document_type_declaration_is_refused(tmp_path):
    source = reports.english_report(tmp_path / "source.docx")
    path = reports.with_doctype(tmp_path / "report.docx", source)
    assert problem_of(path) == f"{path.name}: refused: the part 'word/document.xml' declares a document type"


def test_unsupported_format(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert problem_of(path) == f"{path.name}: unsupported format '.pdf' (expected .docx or .md)"
