"""Redlines of changes beyond messages: the grouping of the document, an annex emptied or filled,
a message merged into another (same_as), drafts in other languages, and draft files that cannot
be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.corpus import BASE
from tests.redlines import PARTS, W, assert_resolves, make_redline, part, run
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


def talks(sources: Path) -> Path:
    return sources / "summaries" / "talks-2023.yaml"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def both_in_objective_1(sources: Path) -> None:
    replace(talks(sources), "objectives: [6, 5]", "objectives: [1]")


def swap_them(sources: Path) -> None:
    """Put m2 before m1 in the summary: the two messages of objective 1 change order."""
    text = talks(sources).read_text(encoding="utf-8")
    head, m1, m2 = text.split("  - id: ")
    talks(sources).write_text(f"{head}  - id: {m2}  - id: {m1}", encoding="utf-8")


def delete_m2(sources: Path) -> None:
    """Delete the only message of the first cluster: the next cluster's letter changes."""
    text = talks(sources).read_text(encoding="utf-8")
    talks(sources).write_text(text[: text.index("  - id: m2")], encoding="utf-8")


def talks_to_annex(sources: Path) -> None:
    replace(
        sources / "events.yaml", "    phase: preparatory\n", "    phase: preparatory\n    stakeholder: true\n"
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
    assert "- regrouped from round table 4 to no round table: talks-2023#m1, paragraph 4 (was 5)" in lines
    assert "- regrouped from round table 2 to no round table: hearings-2024#m1, paragraph 1" in lines
    assert "| main body | talks-2023#m1 | 5 | 4 |" in lines  # the table lists moved paragraphs too
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
        "- footnote changed (ar, en): talks-2023#m1, paragraph 6",
        "- deleted: conference-2024#m1, was paragraph 7; merged into talks-2023#m1, paragraph 6",
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


@pytest.mark.parametrize(
    "old, new, problem",
    [
        (
            "events: [talks-2023]",
            "events: [talks-2032]",
            "names 'talks-2032', which is not an event of the timeline",
        ),
        (
            "id: talks-2023#m1",
            "id: talks-2023#m2",
            "duplicate paragraph id 'talks-2023#m2' (first at line 66)",
        ),
    ],
)
def test_a_hand_edited_draft_is_refused_with_its_problem_located(tmp_path, old, new, problem):
    def edit_the_draft(sources: Path) -> None:
        replace(tmp_path / "drafts" / "zero-draft" / "merged.yaml", old, new)

    result = make_redline(tmp_path, edit_the_draft)
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if problem in line]
    assert line.startswith("drafts/zero-draft/merged.yaml:") and line.endswith(problem)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_messages_that_change_order_in_their_objective_are_moves(tmp_path, language):
    lines = summary(make_redline(tmp_path, swap_them, start=both_in_objective_1))
    assert (
        lines[2] == "0 inserted, 0 deleted, 0 edited, 1 moved, 0 footnotes changed; 2 paragraphs renumbered."
    )
    assert "- moved within the objective: talks-2023#m2, paragraph 4 (was 5)" in lines
    for name in PARTS:
        assert_resolves(tmp_path, language, name)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_cluster_letter_that_changes_is_tracked(tmp_path, language):
    summary(make_redline(tmp_path, delete_m2))
    redline = part(tmp_path / "build" / f"redline.zero-draft.current.{language}.docx", "word/document.xml")
    deleted = {
        "".join(t.text or "" for t in e.iter(f"{W}delText"))
        for e in etree.fromstring(redline).iter(f"{W}del")
    }
    assert {"ar": "باء", "en": "B"}[language] in {text.strip() for text in deleted}
    assert_resolves(tmp_path, language, "word/document.xml")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_message_moved_to_the_annex_is_listed_in_both_parts(tmp_path, language):
    lines = summary(make_redline(tmp_path, talks_to_annex))
    body, annex = lines.index("## The main body"), lines.index("## The annex")
    assert "- moved to the annex: talks-2023#m1, was paragraph 5" in lines[body:annex]
    assert "- moved from objective 1 of the main body: talks-2023#m1, paragraph 3 (was 5)" in lines[annex:]
    for name in PARTS:
        assert_resolves(tmp_path, language, name)
