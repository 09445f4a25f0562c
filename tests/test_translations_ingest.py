"""Ingest and translations: reports in two languages give records of which text each
translation was made from; a new version of a report keeps the translations typed by hand,
marked stale where the text they translate changed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline import yamlio
from pipeline.cli import main
from pipeline.text import clean_text
from pipeline.translations import text_digest

ENGLISH = """# Key messages

1. Children should never be detained for migration reasons (objective 13).
2. Case management keeps migrants in contact with procedures (objective 13).
"""
ARABIC = """# الرسائل الرئيسية

1. لا ينبغي أبدا احتجاز الأطفال لأسباب تتعلق بالهجرة (الهدف 13).
2. تبقي إدارة الحالات المهاجرين على اتصال بالإجراءات (الهدف 13).
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def digest(text: str) -> str:
    return text_digest(clean_text(text)[0])


def test_reports_in_two_languages_record_which_text_each_translation_was_made_from(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("talks.en.md").write_text(ENGLISH, encoding="utf-8")
    Path("talks.ar.md").write_text(ARABIC, encoding="utf-8")
    result = run("ingest", "talks.ar.md", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    summary = yamlio.load(Path("out.yaml"))
    assert summary["language"] == "ar"
    first = summary["messages"][0]
    assert first["translated_from"] == {"en": f"ar {digest(first['text']['ar'])}"}


def test_a_new_version_of_a_report_keeps_the_translation_typed_by_hand_and_marks_it_stale(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    report = Path("talks.en.md")
    report.write_text(ENGLISH, encoding="utf-8")
    assert run("ingest", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml").exit_code == 0
    summary = Path("out.yaml")
    text = summary.read_text(encoding="utf-8")
    old = "Case management keeps migrants in contact with procedures (objective 13)."
    arabic = "تبقي إدارة الحالات المهاجرين على اتصال بالإجراءات."
    # The translator's Arabic, with its record (as `outcome translations import` writes it).
    lines = text.splitlines(keepends=True)
    at = next(index for index, line in enumerate(lines) if old in line)
    lines[at + 1 : at + 1] = [
        f"      ar: {arabic}\n",
        "    translated_from:\n",
        f"      ar: en {digest(old)}\n",
    ]
    summary.write_text("".join(lines), encoding="utf-8")
    new = "Case management keeps migrants in regular contact with procedures (objective 13)."
    report.write_text(ENGLISH.replace(old, new), encoding="utf-8")
    result = run("ingest", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert (
        "message m2: its 'en' text changed in the reports: taken; its 'ar' translation typed by hand is "
        "kept, now stale: update it, then run `outcome translations confirm talks-2023#m2`" in result.stderr
    )
    message = yamlio.load(summary)["messages"][1]
    assert message["text"] == {"en": new, "ar": arabic}
    assert message["translated_from"] == {"ar": f"en {digest(old)}"}  # made from the earlier text: stale


def test_a_summary_edited_by_hand_is_still_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("talks.en.md").write_text(ENGLISH, encoding="utf-8")
    assert run("ingest", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml").exit_code == 0
    summary = Path("out.yaml")
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("with procedures", "with the procedures"),
        encoding="utf-8",
    )
    result = run("ingest", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert "its text was changed in the summary or in the report" in result.output
