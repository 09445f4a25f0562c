"""What a build shows as it goes (the stage, the event, the output), and --quiet and --verbose."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from pipeline import build as library
from pipeline import cliprogress
from pipeline.cli import main
from pipeline.fingerprint import templates_folder
from pipeline.model import PdfEngine

BASE = Path(__file__).parent / "error_cases" / "_base"
ALONE = (
    "sources/review.yaml: note: the annex: has one lettered subheading (A.) and no B.: UN documents "
    "drop a subheading that stands alone; set 'group_by: objective', or wait for messages under "
    "another cluster"
)
SUMMARY = (
    "Built out/: outcome.ar.docx, outcome.ar.pdf, outcome.en.docx, outcome.en.pdf; 2 summaries, "
    "2 paragraphs in the main body, 1 in the annex; 0 events without a summary.\n"
)
STAGES = [
    "reading the sources",
    "normalizing",
    "merging",
    "checking",
    "writing the normalized summaries",
    "  hearings-2024",
    "  talks-2023",
    "writing the merged outcome",
    "rendering",
    "  outcome.ar.docx",
    "  outcome.ar.pdf",
    "  outcome.en.docx",
    "  outcome.en.pdf",
    "writing the status page",
    "putting the outputs in place",
]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(autouse=True)
def _about_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """The threshold users get (tests/conftest.py sets it high for every other test)."""
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 1.0)


@pytest.fixture
def sources() -> Path:
    shutil.copytree(BASE, "sources")
    return Path("sources")


def test_a_long_build_shows_each_stage_event_and_output_in_plain_lines(sources, monkeypatch):
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 0.0)  # as if the build took long
    result = run("build", "--sources", "sources", "--build", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [*STAGES, ALONE]
    assert result.stdout == SUMMARY


def test_a_short_build_shows_no_progress(sources, monkeypatch):
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 1000.0)
    result = run("build", "--sources", "sources", "--build", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr == ALONE + "\n"
    assert result.stdout == SUMMARY


def test_progress_held_back_for_the_first_second_is_shown_in_order_once_the_build_is_long(capsys):
    now = iter([0.0, 0.2, 0.5, 1.3, 1.4])
    reporter = cliprogress.Reporter(verbose=False, clock=lambda: next(now))
    reporter.stage("reading the sources")  # 0.2 s
    reporter.step("talks-2023")  # 0.5 s
    assert capsys.readouterr().err == ""
    reporter.stage("rendering")  # 1.3 s: all of it at once
    reporter.step("outcome.en.docx")  # 1.4 s
    reporter.close()
    assert capsys.readouterr().err == ("reading the sources\n  talks-2023\nrendering\n  outcome.en.docx\n")


def test_on_a_terminal_one_line_shows_the_stage_and_output_then_goes_away(capsys):
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    now = iter([0.0, 0.5, 1.2, 1.3, 1.4, 1.5])
    reporter = cliprogress.Reporter(verbose=False, clock=lambda: next(now), console=console)
    reporter.stage("reading the sources")  # 0.5 s: not shown
    reporter.stage("rendering")  # 1.2 s
    assert reporter.status is not None
    reporter.step("outcome.en.docx")  # 1.3 s
    reporter.close()
    assert reporter.status is None
    drawn = screen.getvalue()
    assert "rendering: outcome.en.docx" in drawn
    assert "reading the sources" not in drawn
    assert capsys.readouterr().err == ""  # no plain lines beside the terminal's line


def test_quiet_prints_only_the_summary_and_how_many_notes(sources, monkeypatch):
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 0.0)
    result = run("build", "--sources", "sources", "--build", "out", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr == "1 note (run without --quiet to see them)\n"
    assert result.stdout == SUMMARY
    assert Path("out/outcome.en.pdf").is_file()


def test_quiet_still_prints_every_error(sources):
    summary = sources / "summaries" / "talks-2023.yaml"
    summary.write_text(
        "event: talks-2023\nlanguage: en\nmessages:\n  - id: m1\n    text: {en: x}\n    objectives: [99]\n",
        encoding="utf-8",
    )
    result = run("build", "--sources", "sources", "--build", "out", "-q")
    assert result.exit_code == 1
    assert result.stderr == (
        "sources/summaries/talks-2023.yaml:6:18: unknown objective 99 in message 'm1' (expected 1–23)\n"
        "1 problem in 1 file\n"
    )
    assert not Path("out").exists()


def test_quiet_counts_the_notes_of_other_commands_too(sources):
    with open("sources/events.yaml", "a", encoding="utf-8") as stream:
        stream.write(
            "  - id: plenary-2024\n    organizer: {en: GA, ar: الجمعية العامة}\n"
            "    title: {en: Plenary, ar: الجلسة العامة}\n    date: 2024-07/2024-12\n    phase: follow-up\n"
        )
    result = run("validate", "--sources", "sources", "--quiet")
    assert result.exit_code == 0
    assert result.stderr == "1 note (run without --quiet to see them)\n"
    assert result.stdout == "sources: no problems (3 events, 2 summaries, 3 messages).\n"
    status = run("status", "--sources", "sources", "--build", "out", "--quiet")
    assert status.exit_code == 0, status.output
    assert status.stdout == "Wrote out/status.html.\n"


def test_verbose_shows_progress_from_the_start_with_the_time_of_each_stage(sources, monkeypatch):
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 1000.0)  # --verbose does not wait
    result = run("build", "--sources", "sources", "--build", "out", "--verbose")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    timings = [line for line in lines if re.fullmatch(r"  \d+\.\d\d s for .+", line)]
    assert [line for line in lines if line not in timings] == [*STAGES, ALONE]
    assert [line.split(" s for ")[1] for line in timings] == [
        line for line in STAGES if not line.startswith(" ")
    ]
    for stage in STAGES:  # each stage's time right after its last line
        if not stage.startswith(" "):
            after = lines.index(stage) + 1
            while lines[after].startswith("  ") and " s for " not in lines[after]:
                after += 1
            assert lines[after].endswith(f" s for {stage}")
    assert result.stdout == SUMMARY


def test_quiet_and_verbose_together_are_a_usage_error(sources):
    result = run("build", "--sources", "sources", "--build", "out", "--quiet", "--verbose")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: give --quiet or --verbose, not both\n")
    assert not Path("out").exists()


def test_freeze_shows_its_progress_too(sources, monkeypatch):
    monkeypatch.setattr(cliprogress, "PROGRESS_AFTER", 0.0)
    result = run("freeze", "v1", "--sources", "sources", "--build", "out", "--pdf-engine", "none")
    assert result.exit_code == 0, result.output
    shown = [line for line in STAGES if not line.endswith(".pdf")]
    assert result.stderr.splitlines() == [*shown, "recording the draft", ALONE]


def test_the_library_prints_nothing_and_tells_a_given_progress_each_stage(sources, capsys):
    told: list[str] = []

    class Recorder:
        def stage(self, name: str) -> None:
            told.append(name)

        def step(self, what: str) -> None:
            told.append(f"  {what}")

    library.build(sources, Path("quiet"), templates_folder(None), PdfEngine.TYPST)
    assert capsys.readouterr() == ("", "")
    library.build(sources, Path("out"), templates_folder(None), PdfEngine.TYPST, progress=Recorder())
    assert told == STAGES
    assert capsys.readouterr() == ("", "")
