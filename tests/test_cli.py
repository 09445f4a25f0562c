"""The `outcome` command: exit codes, what it prints and what it writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

BASE = Path(__file__).parent / "error_cases" / "_base"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


ALONE = (
    "the annex: has one lettered subheading (A.) and no B.: UN documents drop a subheading that "
    "stands alone; set 'group_by: objective', or wait for messages under another cluster"
)


def test_build_writes_normalized_summaries_and_merged_outcome(tmp_path):
    shutil.copytree(BASE, "sources")
    result = run("build", "--sources", "sources", "--build", "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out/normalized").iterdir()) == [
        "hearings-2024.yaml",
        "talks-2023.yaml",
    ]
    assert Path("out/merged.yaml").is_file()
    assert result.stdout == (
        "Built out/: outcome.ar.docx, outcome.ar.pdf, outcome.en.docx, outcome.en.pdf; 2 summaries, "
        "2 paragraphs in the main body, 1 in the annex; 0 events without a summary.\n"
    )
    # The annex of these sources has one round-table cluster: an "A." without a "B.".
    assert result.stderr == f"sources/review.yaml: note: {ALONE}\n"


def test_build_removes_normalized_files_of_events_no_longer_summarized(tmp_path):
    shutil.copytree(BASE, "sources")
    Path("out/normalized").mkdir(parents=True)
    Path("out/normalized/old-event.yaml").write_text("event: old-event\n", encoding="utf-8")
    assert run("build", "--sources", "sources", "--build", "out").exit_code == 0
    assert not Path("out/normalized/old-event.yaml").exists()


def test_build_stops_on_bad_sources_without_writing(tmp_path):
    shutil.copytree(BASE, "sources")
    Path("sources/summaries/talks-2023.yaml").write_text(
        "event: talks-2023\nlanguage: en\nmessages:\n  - id: m1\n    text: {en: x}\n    objectives: [99]\n",
        encoding="utf-8",
    )
    result = run("build", "--sources", "sources", "--build", "out")
    assert result.exit_code == 1
    assert result.stderr == (
        "sources/summaries/talks-2023.yaml:6:18: unknown objective 99 in message 'm1' (expected 1–23)\n"
        "1 problem in 1 file\n"
    )
    assert "Traceback" not in result.output
    assert not Path("out").exists()


def test_validate_writes_nothing(tmp_path):
    shutil.copytree(BASE, "sources")
    result = run("validate", "--sources", "sources")
    assert result.exit_code == 0
    assert result.stdout == "sources: no problems (2 events, 2 summaries, 3 messages).\n"
    assert sorted(p.name for p in Path(".").iterdir()) == ["sources"]


def test_missing_sources_folder_is_a_data_error(tmp_path):
    result = run("validate", "--sources", "nowhere")
    assert result.exit_code == 1
    assert result.stderr == "nowhere: not a directory (expected the sources folder, e.g. sources/)\n"


def test_notes_go_to_standard_error(tmp_path):
    shutil.copytree(BASE, "sources")
    with open("sources/events.yaml", "a", encoding="utf-8") as stream:
        stream.write(
            "  - id: plenary-2024\n    organizer: {en: GA, ar: الجمعية العامة}\n"
            "    title: {en: Plenary, ar: الجلسة العامة}\n    date: 2024-07/2024-12\n    phase: follow-up\n"
        )
    result = run("build", "--sources", "sources", "--build", "out")
    assert result.exit_code == 0
    assert result.stderr == (
        "sources/events.yaml:13:9: note: no summary yet for follow-up event 'plenary-2024'\n"
        f"sources/review.yaml: note: {ALONE}\n"
    )


def test_usage_errors_exit_with_2(tmp_path):
    assert run("build", "--no-such-option").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "build" in result.stdout and "validate" in result.stdout
