"""A message marked `same_as` another is merged into its paragraph, whose footnote names both events."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.build import validate
from pipeline.errors import SourceError
from pipeline.merge import merge
from pipeline.render.view import document_view
from tests.corpus import BASE

HEARINGS = """\
event: hearings-2024
language: ar
messages:
  - id: m1
    text: {ar: الاستثمار في بيانات الهجرة., en: "Invest in migration data, as the hearings said."}
    objectives: [1]
    same_as: talks-2023#m1
  - id: m2
    text: {ar: إنهاء احتجاز الأطفال., en: End child detention.}
    objectives: [13]
"""


def sources_with(tmp_path: Path, hearings: str) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    (sources / "summaries" / "hearings-2024.yaml").write_text(hearings, encoding="utf-8")
    return sources


def test_the_repeat_joins_the_paragraph_it_repeats(tmp_path):
    outcome = merge(validate(sources_with(tmp_path, HEARINGS)).corpus)
    (data,) = [p for p in outcome.body.paragraphs() if p.message.uid == "talks-2023#m1"]
    assert data.events == ("talks-2023", "hearings-2024")
    assert data.merged == ("hearings-2024#m1",)
    assert [p.message.uid for p in outcome.annex.paragraphs()] == ["hearings-2024#m2"]
    assert [p.number for p in outcome.body.paragraphs()] == [1, 2]


def test_its_footnote_names_both_events(tmp_path):
    outcome = merge(validate(sources_with(tmp_path, HEARINGS)).corpus)
    view = document_view(outcome, "en")
    note = next(p.note.text for p in view.body.paragraphs if p.uid == "talks-2023#m1")
    assert note == "GCM Talks (IOM, July 2023); Stakeholder hearings (ESCWA, 2 July 2024)."


def test_a_same_as_that_names_a_repeat_is_refused(tmp_path):
    chained = HEARINGS + "    same_as: hearings-2024#m1\n"
    with pytest.raises(SourceError) as caught:
        validate(sources_with(tmp_path, chained))
    assert [problem.message for problem in caught.value.problems] == [
        "same_as 'hearings-2024#m1' in message 'hearings-2024#m2' names a message that is the same as "
        "'talks-2023#m1': name that one"
    ]
