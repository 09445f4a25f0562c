"""`outcome check [--final]`: each finding word for word, from one small case each (tests/check_cases/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import validate
from pipeline.checks.duplicates import possible_duplicates
from pipeline.cli import main
from pipeline.errors import display_path
from pipeline.merge import merge
from pipeline.reference import REFERENCE_FILE
from tests.corpus import assemble

CASES = Path(__file__).parent / "check_cases"


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


def lines_of(path: Path) -> list[str]:
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8").replace("{reference}", display_path(REFERENCE_FILE))
    return text.splitlines()


@pytest.mark.parametrize("name", case_names())
def test_check_case(name, tmp_path):
    case = CASES / name
    assemble(case, tmp_path / "sources")
    args = (case / "args").read_text(encoding="utf-8").split() if (case / "args").is_file() else []
    result = CliRunner().invoke(main, ["check", "--sources", "sources", *args])
    printed = result.stdout.splitlines()
    for line in lines_of(case / "expected.txt"):
        assert line in printed, f"{name}: missing {line!r} in:\n{result.stdout}"
    for fragment in lines_of(case / "absent.txt"):
        assert not any(fragment in line for line in printed), (
            f"{name}: {fragment!r} printed:\n{result.stdout}"
        )
    errors = sum(": error: " in line or line.startswith("error: ") for line in printed)
    warnings = sum(": warning: " in line or line.startswith("warning: ") for line in printed)
    assert (
        printed[-1]
        == f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    )
    assert result.exit_code == (1 if errors else 0), result.output


def test_errors_come_before_warnings(tmp_path):
    assemble(CASES / "final-version", tmp_path / "sources")
    printed = CliRunner().invoke(main, ["check", "--sources", "sources", "--final"]).stdout.splitlines()[:-1]
    levels = [re.search(r"\b(error|warning): ", line).group(1) for line in printed]
    assert levels == sorted(levels) and "error" in levels and "warning" in levels


def test_the_final_check_turns_pending_work_into_errors(tmp_path):
    assemble(CASES / "before-a-deadline", tmp_path / "sources")
    result = CliRunner().invoke(main, ["check", "--sources", "sources", "--final"])
    assert result.exit_code == 1
    assert (
        "sources/summaries/talks-2023.yaml:9:9: error: message 'talks-2023#m2': has no 'ar' text: "
        "the Arabic document marks its translation as pending"
    ) in result.stdout.splitlines()


def test_duplicates_are_sought_across_events_only_and_at_the_threshold(tmp_path):
    sources = tmp_path / "sources"
    assemble(CASES / "duplicate", sources)
    talks = (sources / "summaries" / "talks-2023.yaml").read_text(encoding="utf-8")
    # The same text twice within one event is the editor's own business, not a cross-event duplicate.
    (sources / "summaries" / "talks-2023.yaml").write_text(
        talks + "  - id: m3\n    text: {en: Invest in migration data.}\n    objectives: [1]\n",
        encoding="utf-8",
    )
    review = (sources / "review.yaml").read_text(encoding="utf-8")
    corpus = validate(sources).corpus
    found = possible_duplicates(corpus, merge(corpus).timeline)
    assert [(pair.earlier, pair.later, pair.similarity) for pair in found] == [
        ("talks-2023#m1", "conference-2024#m1", 100),
        ("talks-2023#m3", "conference-2024#m1", 87),  # English only: "of the" more
    ]
    (sources / "review.yaml").write_text(review + "duplicate_threshold: 100\n", encoding="utf-8")
    (sources / "summaries" / "conference-2024.yaml").write_text(
        "event: conference-2024\nlanguage: en\nmessages:\n"
        "  - id: m1\n    text: Invest in data on migration.\n    objectives: [1]\n",
        encoding="utf-8",
    )
    corpus = validate(sources).corpus
    assert possible_duplicates(corpus, merge(corpus).timeline) == ()
