"""A message marked `same_as` another is merged into its paragraph, whose footnote names both events."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.build import build, validate
from pipeline.errors import SourceError
from pipeline.merge import merge
from pipeline.model import PdfEngine
from pipeline.render.view import document_view
from tests.corpus import BASE, TEMPLATES

CONFERENCE_EVENT = """\
  - id: conference-2024
    organizer: {en: ESCWA, ar: الإسكوا}
    title: {en: Conference, ar: المؤتمر}
    date: 2024-07-04
    phase: regional-review
"""
CONFERENCE = """\
event: conference-2024
language: en
messages:
  - id: m1
    text: {ar: الاستثمار في بيانات الهجرة., en: "Invest in migration data, as the conference said."}
    objectives: [1]
    same_as: talks-2023#m1
  - id: m2
    text: {ar: إنهاء احتجاز الأطفال., en: End child detention.}
    objectives: [13]
"""


def sources_with(tmp_path: Path, conference: str) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    with open(sources / "events.yaml", "a", encoding="utf-8") as events:
        events.write(CONFERENCE_EVENT)
    (sources / "summaries" / "conference-2024.yaml").write_text(conference, encoding="utf-8")
    return sources


def test_the_repeat_joins_the_paragraph_it_repeats(tmp_path):
    outcome = merge(validate(sources_with(tmp_path, CONFERENCE)).corpus)
    (data,) = [p for p in outcome.body.paragraphs() if p.message.uid == "talks-2023#m1"]
    assert data.events == ("talks-2023", "conference-2024")
    assert data.merged == ("conference-2024#m1",)
    assert [p.message.uid for p in outcome.body.paragraphs()] == [
        "talks-2023#m2",
        "conference-2024#m2",
        "talks-2023#m1",
    ]
    assert [p.number for p in outcome.body.paragraphs()] == [4, 5, 6]  # after chapters I and II


def test_its_footnote_names_both_events_in_the_order_of_the_timeline(tmp_path):
    sources = sources_with(tmp_path, CONFERENCE)
    talks = (sources / "summaries" / "talks-2023.yaml").read_text(encoding="utf-8")
    for marked in ("conference", "talks"):
        if marked == "talks":  # the earlier message marked instead: the footnote reads the same
            (sources / "summaries" / "conference-2024.yaml").write_text(
                CONFERENCE.replace("    same_as: talks-2023#m1\n", ""), encoding="utf-8"
            )
            (sources / "summaries" / "talks-2023.yaml").write_text(
                talks.replace(
                    "    objectives: [1]\n", "    objectives: [1]\n    same_as: conference-2024#m1\n"
                ),
                encoding="utf-8",
            )
        view = document_view(merge(validate(sources).corpus), "en")
        notes = [p.note.text for p in view.body.paragraphs if len(p.events) == 2]
        assert notes == ["GCM Talks (IOM, July\u00a02023); Conference (ESCWA, 4\u00a0July\u00a02024)."], (
            marked
        )


def test_a_same_as_that_names_a_repeat_is_refused(tmp_path):
    chained = CONFERENCE + "    same_as: conference-2024#m1\n"
    with pytest.raises(SourceError) as caught:
        validate(sources_with(tmp_path, chained))
    assert [problem.message for problem in caught.value.problems] == [
        "same_as 'conference-2024#m1' in message 'conference-2024#m2' names a message that is the same as "
        "'talks-2023#m1': name that one"
    ]


def test_the_build_says_which_messages_are_not_printed(tmp_path):
    result = build(sources_with(tmp_path, CONFERENCE), tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    assert [notice.note() for notice in result.notices if "not printed" in notice.message] == [
        "sources/summaries/conference-2024.yaml:4:9: note: message 'conference-2024#m1' is not printed: "
        "it is marked same_as 'talks-2023#m1', whose paragraph 6 of the main body stands for both "
        "(and cites its event)"
    ]
