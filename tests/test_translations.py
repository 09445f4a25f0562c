"""Stale translations: a translation remembers the source text it was made from (a short hash in
`translated_from`); once that text changes, validate notes it, the documents mark it as pending,
status counts it and the final check refuses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from pipeline.build import build, validate
from pipeline.build.review import check
from pipeline.checks import Level
from pipeline.cli import main
from pipeline.errors import SourceError
from pipeline.model import PdfEngine
from pipeline.translations import text_digest
from tests.corpus import BASE, TEMPLATES

ENGLISH = "Invest in migration data."


def sources_with_record(tmp_path: Path, english: str = ENGLISH, record: str | None = None) -> Path:
    """Copy the base sources; talks-2023#m1's Arabic says it was made from the English *english*."""
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    summary = sources / "summaries" / "talks-2023.yaml"
    text = summary.read_text(encoding="utf-8")
    record = record or f"en {text_digest(english)}"
    text = text.replace(
        "    objectives: [1]\n", f"    objectives: [1]\n    translated_from:\n      ar: {record}\n", 1
    )
    summary.write_text(text, encoding="utf-8")
    return sources


def edit_english(sources: Path) -> None:
    summary = sources / "summaries" / "talks-2023.yaml"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace(ENGLISH, "Invest in migration data and statistics."), encoding="utf-8")


def test_a_translation_made_from_the_current_text_is_not_stale(tmp_path: Path) -> None:
    validated = validate(sources_with_record(tmp_path))
    assert not [
        notice for notice in validated.notices if "stale" in notice.message or "earlier" in notice.message
    ]
    findings = check(sources_with_record(tmp_path / "again"), final=True).findings
    assert not [finding for finding in findings if "stale" in finding.message]


def test_after_the_source_changes_the_translation_is_stale_everywhere(tmp_path: Path) -> None:
    sources = sources_with_record(tmp_path)
    edit_english(sources)
    notices = [str(notice) for notice in validate(sources).notices]
    assert any(
        "talks-2023.yaml:4:" in notice
        and "message 'talks-2023#m1': its 'ar' text was translated from an earlier 'en' text" in notice
        for notice in notices
    ), notices
    found = [f for f in check(sources, final=True).findings if f.subject == "message 'talks-2023#m1'"]
    assert [f.level for f in found] == [Level.ERROR]
    assert "has a stale translation: its 'ar' text was made from an earlier 'en' text" in found[0].message
    assert "outcome translations confirm talks-2023#m1" in found[0].message
    built = build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    assert any(
        "has a stale 'ar' translation: outcome.ar.docx shows its 'en' text marked" in str(n)
        for n in built.notices
    )
    arabic = [p.text for p in docx.Document(str(tmp_path / "build" / "outcome.ar.docx")).paragraphs]
    assert any(
        "Invest in migration data and statistics." in text and "[الترجمة قيد الإعداد]" in text
        for text in arabic
    )
    assert not any("الاستثمار في بيانات الهجرة." in text for text in arabic)  # the stale text is not shown
    status = (tmp_path / "build" / "status.html").read_text(encoding="utf-8")
    assert "1 stale" in status and "talks-2023#m1" in status


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            "en 3f2a",
            "translated_from.ar in message 'm1': expected the language it was translated from and the "
            "8-character hash",
        ),
        ("ar 3f2a9c1b", "a text is not translated from its own language"),
        ("fr 3f2a9c1b", "the message has no 'fr' text (remove the line, or add the text)"),
    ],
)
def test_a_wrong_record_is_named_with_its_line(tmp_path: Path, record: str, expected: str) -> None:
    with pytest.raises(SourceError) as raised:
        validate(sources_with_record(tmp_path, record=record))
    assert "talks-2023.yaml:10:11:" in str(raised.value) and expected in str(raised.value)


def test_confirm_records_the_current_text_and_keeps_every_other_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    summary = sources / "summaries" / "talks-2023.yaml"
    original = "# The talks' summary, as the organiser sent it.\n" + summary.read_text(
        encoding="utf-8"
    ).replace("    objectives: [1]\n", "    objectives: [1]  # data\n")
    summary.write_text(original, encoding="utf-8")
    result = CliRunner().invoke(main, ["translations", "confirm", "talks-2023#m1", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert "message 'talks-2023#m1': confirmed 'ar' as translated from 'en " in result.output
    after = summary.read_text(encoding="utf-8")
    record = f"en {text_digest(ENGLISH)}"
    assert after == original.replace(
        "    objectives: [1]  # data\n",
        f"    objectives: [1]  # data\n    translated_from:\n      ar: {record}\n",
    )
    assert not [notice for notice in validate(sources).notices if "earlier" in notice.message]
    # The English changes: stale; the Arabic is updated and confirmed: the record's line alone changes.
    edit_english(sources)
    assert [f for f in check(sources, final=True).findings if "stale translation" in f.message]
    edited = summary.read_text(encoding="utf-8").replace(
        "الاستثمار في بيانات الهجرة.", "الاستثمار في بيانات الهجرة والإحصاءات."
    )
    summary.write_text(edited, encoding="utf-8")
    result = CliRunner().invoke(main, ["translations", "confirm", "talks-2023#m1", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    new_record = f"en {text_digest('Invest in migration data and statistics.')}"
    assert summary.read_text(encoding="utf-8") == edited.replace(f"ar: {record}", f"ar: {new_record}")
    assert not [f for f in check(sources, final=True).findings if "stale translation" in f.message]


def test_confirm_turns_plain_text_and_flow_mappings_into_records_in_their_own_style(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    result = CliRunner().invoke(main, ["translations", "confirm", "talks-2023#m2", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    text = (sources / "summaries" / "talks-2023.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        f"    kind: recommendation\n    translated_from:\n      ar: en {text_digest('Reform recruitment.')}\n"
    )
    assert validate(sources)


def test_confirm_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    summary = sources / "summaries" / "talks-2023.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8") + "  - id: m3\n    text: Only English.\n", encoding="utf-8"
    )
    for uid, expected in (
        ("talks-2023#m9", "no message 'talks-2023#m9' in "),
        ("talks-2023#m3", "message 'talks-2023#m3' has no translation to confirm"),
    ):
        result = CliRunner().invoke(main, ["translations", "confirm", uid, "--sources", str(sources)])
        assert result.exit_code == 1 and expected in result.output, result.output
