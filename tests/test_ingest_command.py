"""`outcome ingest`, and organisers' reports dropped into sources/reports/ and read by every build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import yamlio
from pipeline.build import build, validate
from pipeline.cli import main
from pipeline.errors import SourceError
from pipeline.model import PdfEngine
from tests import reports
from tests.corpus import BASE, TEMPLATES

# --- The command ----------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_ingest_writes_the_summary_to_the_sources(tmp_path):
    reports.english_report(Path("talks.docx"))
    result = run("ingest", "talks.docx", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote src/summaries/talks-2023.yaml: 5 messages.\n"
    assert result.stderr.splitlines() == [
        "talks.docx: note: read as 'en' (detected): 5 messages under 'Key messages', 'Recommendations'",
        "talks.docx: note: not a message (introduces the list that follows), under 'Key messages': "
        '"Participants agreed on the following key messages:"',
        "talks.docx: note: message m3: 'SDG 10' is not a GCM objective (a Sustainable Development Goal, "
        "or a number above 23); left out",
    ]
    written = yamlio.load(Path("src/summaries/talks-2023.yaml"))
    assert written["event"] == "talks-2023" and written["language"] == "en"
    assert [m["objectives"] for m in written["messages"]] == [["13", "7"], ["13"], ["1"], ["11"], []]
    assert written["messages"][3]["kind"] == "recommendation"


def test_ingest_refuses_to_overwrite_without_force(tmp_path):
    reports.english_report(Path("talks.docx"))
    Path("out.yaml").write_text("kept\n", encoding="utf-8")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml")
    assert result.exit_code == 1
    assert result.stderr == "out.yaml: already exists; use --force to replace it\n"
    assert Path("out.yaml").read_text(encoding="utf-8") == "kept\n"
    # --force replaces a summary when nothing typed into it would be lost (tests/test_ingest_rerun.py)
    Path("out.yaml").write_text("event: talks-2023\nlanguage: en\nmessages: []\n", encoding="utf-8")
    assert run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force").exit_code == 0
    assert len(yamlio.load(Path("out.yaml"))["messages"]) == 5


def test_ingest_to_standard_output(tmp_path):
    path = Path("report.md")
    path.write_text(reports.ARABIC_MARKDOWN, encoding="utf-8")
    result = run("ingest", "report.md", "--event", "hearings-2024", "--lang", "ar", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Ingested by `outcome ingest` from report.md.\n")
    assert "language: ar\n" in result.stdout and "objectives: [15]" in result.stdout
    assert not Path("sources").exists()


def test_ingest_of_a_bad_report_writes_nothing(tmp_path):
    Path("report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    result = run("ingest", "report.doc", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.doc: a legacy Word 97-2003 document: open it in Word and save it as .docx, then ingest that\n"
        "1 problem in 1 file\n"
    )
    assert not Path("src").exists()


def test_ingest_usage_errors(tmp_path):
    reports.english_report(Path("talks.docx"))
    assert run("ingest", "talks.docx", "--event", "x", "--lang", "en", "--lang", "fr").exit_code == 2
    assert run("ingest", "talks.docx", "--event", "../x").exit_code == 2
    assert run("ingest", "talks.docx", "--event", "Talks 2023").exit_code == 2
    assert run("ingest", "talks.docx").exit_code == 2


def test_an_event_id_follows_the_rule_of_the_timeline(tmp_path):
    reports.english_report(Path("talks.docx"))
    result = run("ingest", "talks.docx", "--event", "Talks 2023", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--event': event id 'Talks 2023' is not a valid file name stem "
        "(expected lower-case letters, digits and single hyphens, e.g. gcm-talks-detention-2023)\n"
    )


def test_ingest_two_languages_into_one_summary(tmp_path):
    reports.arabic_report(Path("x.ar.docx"))
    reports.english_pair_report(Path("x.en.docx"))
    result = run("ingest", "x.ar.docx", "x.en.docx", "--event", "x", "-o", "x.yaml")
    assert result.exit_code == 0, result.output
    messages = yamlio.load(Path("x.yaml"))["messages"]
    assert len(messages) == 5 and set(messages[0]["text"]) == {"ar", "en"}


# --- Reports dropped into the sources -------------------------------------------------------------


def sources_awaiting_reports(tmp_path: Path, keep_summary: bool = False) -> Path:
    """Return a copy of the base sources with an empty reports/ (and no talks-2023 summary)."""
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    if not keep_summary:
        (sources / "summaries" / "talks-2023.yaml").unlink()
    (sources / "reports").mkdir()
    return sources


def test_build_reads_reports_dropped_into_the_sources(tmp_path):
    sources = sources_awaiting_reports(tmp_path)
    reports.english_report(sources / "reports" / "talks-2023.en.docx")
    (sources / "reports" / "~$lks-2023.en.docx").write_bytes(b"lock")
    result = build(sources, tmp_path / "build", TEMPLATES, pdf_engine=PdfEngine.NONE)
    summary = next(s for s in result.corpus.summaries if s.event == "talks-2023")
    assert [m.uid for m in summary.messages] == [f"talks-2023#m{n}" for n in range(1, 6)]
    assert summary.messages[0].text["en"].startswith("Children should never")
    messages = [n.message for n in result.notices]
    assert "ignored: a Word lock file (the report is open in Word)" in messages
    assert (
        "not a message (introduces the list that follows), under 'Key messages': "
        '"Participants agreed on the following key messages:"'
    ) in messages
    assert (
        yamlio.load(tmp_path / "build" / "normalized" / "talks-2023.yaml")["source"]
        == "reports/talks-2023.en.docx"
    )


def test_a_yaml_summary_takes_precedence_over_reports(tmp_path):
    sources = sources_awaiting_reports(tmp_path, keep_summary=True)
    reports.english_report(sources / "reports" / "talks-2023.en.docx")
    normalized = validate(sources)
    assert [n.message for n in normalized.notices] == [
        "not used: sources/summaries/talks-2023.yaml takes precedence over the reports"
    ]
    summary = next(s for s in normalized.corpus.summaries if s.event == "talks-2023")
    assert summary.messages[0].text["en"] == "Invest in migration data."


def test_every_report_of_an_event_is_checked(tmp_path):
    sources = sources_awaiting_reports(tmp_path)
    reports.no_heading_report(sources / "reports" / "talks-2023.en.docx")
    reports.no_heading_report(sources / "reports" / "talks-2023.fr.docx")
    with pytest.raises(SourceError) as caught:
        validate(sources)
    assert [(p.location.path.name, p.message.split(" (")[0]) for p in caught.value.problems] == [
        ("talks-2023.en.docx", "no heading announces the key messages"),
        ("talks-2023.fr.docx", "no heading announces the key messages"),
    ]


def test_report_problems_stop_the_build_with_their_file(tmp_path):
    sources = sources_awaiting_reports(tmp_path)
    reports.no_heading_report(sources / "reports" / "talks-2023.en.docx")
    (sources / "reports" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        validate(sources)
    assert [(p.location.path.name, p.message.split(" (")[0]) for p in caught.value.problems] == [
        ("notes.txt", "unexpected file in reports/"),
        ("talks-2023.en.docx", "no heading announces the key messages"),
    ]
