"""Redlines of changes beyond messages: the grouping of the document, an annex emptied or filled,
a message merged into another (same_as), drafts in other languages, and draft files that cannot
be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.corpus import BASE
from tests.redlines import PARTS, assert_resolves, make_redline, run
from tests.test_same_as import CONFERENCE, CONFERENCE_EVENT

AWAITED = "    awaiting_summary: true\n"


def append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as file:
        file.write(text)


def regroup(sources: Path) -> None:
    append(sources / "review.yaml", "group_by: objective\n")


def empty_annex(sources: Path) -> None:
    (sources / "summaries" / "hearings-2024.yaml").unlink()
    append(sources / "events.yaml", AWAITED)


def fill_annex(sources: Path) -> None:
    shutil.copyfile(BASE / "summaries" / "hearings-2024.yaml", sources / "summaries" / "hearings-2024.yaml")
    events = sources / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(AWAITED, ""), encoding="utf-8")


def add_conference(sources: Path) -> None:
    append(sources / "events.yaml", CONFERENCE_EVENT)
    (sources / "summaries" / "conference-2024.yaml").write_text(
        CONFERENCE.replace("    same_as: talks-2023#m1\n", ""), encoding="utf-8"
    )


def merge_into_talks(sources: Path) -> None:
    (sources / "summaries" / "conference-2024.yaml").write_text(CONFERENCE, encoding="utf-8")


def english_only(sources: Path) -> None:
    review = sources / "review.yaml"
    review.write_text(
        review.read_text(encoding="utf-8").replace("languages: [ar, en]", "languages: [en]"), encoding="utf-8"
    )


def summary(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", PARTS)
def test_a_document_regrouped_by_objective_moves_every_message(tmp_path, language, name):
    lines = summary(make_redline(tmp_path, regroup))
    assert (
        lines[2] == "0 inserted, 0 deleted, 0 edited, 3 moved, 0 footnotes changed; 2 paragraphs renumbered."
    )
    assert "- regrouped from round table 4 to no round table: talks-2023#m1, paragraph 1 (was 2)" in lines
    assert "- regrouped from round table 2 to no round table: hearings-2024#m1, paragraph 1" in lines
    assert "| main body | talks-2023#m1 | 2 | 1 |" in lines  # the table lists moved paragraphs too
    assert_resolves(tmp_path, language, name)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("change, start", [(empty_annex, None), (fill_annex, empty_annex)])
def test_the_sentence_of_an_empty_annex_is_tracked_when_it_comes_or_goes(tmp_path, language, change, start):
    result = make_redline(tmp_path, change, start=start or (lambda sources: None))
    expected = (
        "- deleted: hearings-2024#m1, was paragraph 1"
        if start is None
        else "- inserted: hearings-2024#m1, now paragraph 1"
    )
    assert expected in summary(result)
    assert_resolves(tmp_path, language, "word/document.xml")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_message_merged_into_another_is_reported_with_the_footnote_it_joins(tmp_path, language):
    lines = summary(make_redline(tmp_path, merge_into_talks, start=add_conference))
    assert (
        lines[2] == "0 inserted, 1 deleted, 0 edited, 0 moved, 1 footnote changed; 0 paragraphs renumbered."
    )
    assert lines[4:] == [
        "## The main body",
        "",
        "### Objective 1",
        "",
        "- footnote changed (ar, en): talks-2023#m1, paragraph 3",
        "- deleted: conference-2024#m1, was paragraph 4; merged into talks-2023#m1, paragraph 3",
        "Wrote build/redline.zero-draft.current.ar.docx, build/redline.zero-draft.current.en.docx, "
        "build/redline.zero-draft.current.md.",
    ]
    for name in PARTS:
        assert_resolves(tmp_path, language, name)


def test_drafts_are_compared_in_the_languages_both_are_in(tmp_path):
    result = make_redline(tmp_path, english_only)
    assert (
        summary(result)[-1]
        == "Wrote build/redline.zero-draft.current.en.docx, build/redline.zero-draft.current.md."
    )
    refused = make_redline(tmp_path / "ar", english_only, "--lang", "ar")
    assert refused.exit_code == 1
    assert refused.stderr == "'zero-draft' and 'current' are not both in 'ar' (both are in: en)\n"


def test_a_draft_name_outside_the_drafts_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "sources")
    result = run("redline", "../sources", "current")
    assert result.exit_code == 1 and "'../sources' cannot name a draft" in result.stderr
    assert not (tmp_path / "build").exists()


def test_a_hand_edited_draft_is_refused_with_its_problem_located(tmp_path):
    def unknown_event(sources: Path) -> None:
        merged = tmp_path / "drafts" / "zero-draft" / "merged.yaml"
        text = merged.read_text(encoding="utf-8")
        merged.write_text(text.replace("events: [talks-2023]", "events: [talks-2032]", 1), encoding="utf-8")

    result = make_redline(tmp_path, unknown_event)
    assert result.exit_code == 1
    (problem,) = [line for line in result.stderr.splitlines() if "talks-2032" in line]
    assert problem.startswith("drafts/zero-draft/merged.yaml:")
    assert problem.endswith("names 'talks-2032', which is not an event of the timeline")
