"""`outcome ingest --force` over a summary an editor worked on keeps what they typed, or refuses."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline import yamlio
from pipeline.cli import main
from tests import reports

ADVICE = (
    "re-ingesting would lose it: ingest to another file (-o NEW.yaml) and copy what you need, "
    "or move the summary aside to start afresh"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def ingested(tmp_path: Path) -> Path:
    """Return out.yaml as `outcome ingest` wrote it from the English report talks.docx."""
    reports.english_report(Path("talks.docx"))
    assert run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml").exit_code == 0
    return Path("out.yaml")


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("out.yaml")]


def test_force_keeps_hand_typed_translations_objectives_and_principles(tmp_path):
    summary = ingested(tmp_path)
    edit(summary, "objectives: [13, 7]\n", "objectives: [7, 13]\n    principles: [h]\n")
    edit(
        summary,
        "      en: Case management keeps migrants in contact with procedures, as GCM objective 13 asks.\n",
        "      en: Case management keeps migrants in contact with procedures, as GCM objective 13 asks.\n"
        "      ar: إدارة الحالات تبقي المهاجرين على اتصال بالإجراءات.\n",
    )
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote out.yaml: 5 messages.\n"
    assert notes(result) == [
        "out.yaml:6:5: note: message m1: kept as the summary has it: its objectives 7, 13 "
        "(the reports give 13, 7), its principles",
        "out.yaml:12:5: note: message m2: kept as the summary has it: its 'ar' text",
    ]
    messages = yamlio.load(summary)["messages"]
    assert messages[0]["objectives"] == ["7", "13"] and messages[0]["principles"] == ["h"]
    assert messages[1]["text"] == {
        "en": "Case management keeps migrants in contact with procedures, as GCM objective 13 asks.",
        "ar": "إدارة الحالات تبقي المهاجرين على اتصال بالإجراءات.",
    }
    assert [message["id"] for message in messages] == ["m1", "m2", "m3", "m4", "m5"]


def test_force_over_an_untouched_summary_rewrites_it_the_same(tmp_path):
    summary = ingested(tmp_path)
    before = summary.read_text(encoding="utf-8")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert notes(result) == []
    assert summary.read_text(encoding="utf-8") == before


def test_force_refuses_to_lose_a_message_whose_text_changed(tmp_path):
    summary = ingested(tmp_path)
    edited = edit(summary, "Guarantee access to legal aid.", "Guarantee access to free legal aid.")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        'out.yaml:26:5: message m5 ("Guarantee access to free legal aid.") is not in the reports any more, '
        f"or its text was changed in the summary or in the report: {ADVICE}\n"
        "1 problem in 1 file\n"
    )
    assert summary.read_text(encoding="utf-8") == edited


def test_force_refuses_to_lose_a_comment(tmp_path):
    summary = ingested(tmp_path)
    edited = edit(summary, "  - id: m2\n", "  # ask the organisers about m2\n  - id: m2\n")
    edited = edit(summary, "objectives: [1]\n", "objectives: [1]  # or 17?\n")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"out.yaml:11:3: a comment typed into the summary: {ADVICE}\n"
        f"out.yaml:19:22: a comment typed into the summary: {ADVICE}\n"
        "2 problems in 1 file\n"
    )
    assert summary.read_text(encoding="utf-8") == edited


def test_force_refuses_to_replace_what_is_not_a_summary(tmp_path):
    reports.english_report(Path("talks.docx"))
    Path("out.yaml").write_text("kept\n", encoding="utf-8")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert result.stderr == f"out.yaml: not a summary with messages: {ADVICE}\n1 problem in 1 file\n"
    assert Path("out.yaml").read_text(encoding="utf-8") == "kept\n"


def test_force_refuses_the_summary_of_another_event(tmp_path):
    summary = ingested(tmp_path)
    edited = edit(summary, "event: talks-2023\n", "event: other-2024\n")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "out.yaml:3:1: the summary of event 'other-2024', not 'talks-2023'\n1 problem in 1 file\n"
    )
    assert summary.read_text(encoding="utf-8") == edited


def test_force_adds_the_messages_new_in_the_reports(tmp_path):
    Path("r.md").write_text("# Key messages\n\n- Invest in data (objective 1).\n", encoding="utf-8")
    assert run("ingest", "r.md", "--event", "x", "-o", "out.yaml").exit_code == 0
    edit(Path("out.yaml"), "  - id: m1\n", "  - id: m2\n")
    Path("r.md").write_text(
        "# Key messages\n\n- Invest in data (objective 1).\n- Protect workers.\n", encoding="utf-8"
    )
    result = run("ingest", "r.md", "--event", "x", "-o", "out.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert notes(result) == ["out.yaml: note: message m3: new in the reports, added"]
    messages = yamlio.load(Path("out.yaml"))["messages"]
    assert [(m["id"], m["text"]["en"]) for m in messages] == [
        ("m2", "Invest in data (objective 1)."),
        ("m3", "Protect workers."),
    ]
