"""Collect and normalize on a real sources folder: what is found, listed and reported."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from pipeline.build import validate
from pipeline.collect import collect
from pipeline.errors import Diagnostics, PipelineError, SourceError
from pipeline.merge import merge
from pipeline.model import Precision, Sources
from pipeline.normalize import normalize
from pipeline.reference import load_reference

BASE = Path(__file__).parent / "error_cases" / "_base"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "sources")
    return tmp_path / "sources"


def collected(sources: Path) -> tuple[Sources, Diagnostics]:
    diagnostics = Diagnostics()
    return collect(sources, diagnostics), diagnostics


def add_event(sources: Path, text: str) -> None:
    with open(sources / "events.yaml", "a", encoding="utf-8") as stream:
        stream.write(text)


def test_finds_each_summary_and_reads_the_registry(sources):
    found, diagnostics = collected(sources)
    assert diagnostics.problems == []
    assert [s.event for s in found.summaries] == ["hearings-2024", "talks-2023"]
    assert [e.id for e in found.timeline] == ["talks-2023", "hearings-2024"]
    hearing = found.timeline[1]
    assert hearing.stakeholder and hearing.date.precision is Precision.DAY


def test_event_dates(sources):
    add_event(
        sources,
        "  - id: range-2024\n    organizer: {en: A, ar: أ}\n    title: {en: B, ar: ب}\n"
        "    date: 2024-07-03/2024-07-04\n    phase: regional-review\n    awaiting_summary: true\n"
        "  - id: half-2024\n    organizer: {en: A, ar: أ}\n    title: {en: B, ar: ب}\n"
        "    date: 2024-07/2024-12\n    phase: follow-up\n",
    )
    events = {e.id: e for e in collected(sources)[0].timeline}
    assert str(events["range-2024"].date) == "2024-07-03/2024-07-04"
    assert events["half-2024"].date.end == datetime.date(2024, 12, 31)
    assert str(events["talks-2023"].date) == "2023-07"


def test_follow_up_and_awaited_events_are_listed_not_errors(sources):
    add_event(
        sources,
        "  - id: national-2024\n    organizer: {en: A, ar: أ}\n    title: {en: B, ar: ب}\n"
        "    date: 2024-05\n    phase: preparatory\n    awaiting_summary: true\n"
        "  - id: plenary-2024\n    organizer: {en: A, ar: أ}\n    title: {en: B, ar: ب}\n"
        "    date: 2024-07/2024-12\n    phase: follow-up\n",
    )
    validated = validate(sources)
    assert merge(validated.corpus).without_summary == ("national-2024", "plenary-2024")
    assert [n.message for n in validated.notices] == [
        "event 'national-2024' is awaiting its summary",
        "no summary yet for follow-up event 'plenary-2024'",
    ]


def test_hidden_files_in_summaries_are_ignored(sources):
    (sources / "summaries" / ".DS_Store").write_bytes(b"\0\1")
    assert collected(sources)[1].problems == []


def test_sources_must_be_a_folder(tmp_path):
    with pytest.raises(PipelineError, match="not a directory"):
        collected(tmp_path / "nowhere")


def test_normalize_gives_stable_ids_and_clean_text(sources):
    (sources / "summaries" / "talks-2023.yaml").write_text(
        "event: talks-2023\nlanguage: en\nmessages:\n"
        '  - id: m1\n    text: "  Two\\n  lines \\u200eand a mark "\n    objectives: ["٢١", 7]\n',
        encoding="utf-8",
    )
    found, diagnostics = collected(sources)
    corpus = normalize(found, load_reference(), diagnostics)
    assert corpus is not None and diagnostics.problems == []
    talks = next(s for s in corpus.summaries if s.event == "talks-2023")
    (only,) = talks.messages
    assert only.uid == "talks-2023#m1"
    assert only.text["en"] == "Two lines and a mark"
    assert only.objectives == (21, 7) and only.primary_objective == 21
    assert [n.message for n in diagnostics.notices] == [
        "text of message 'm1': removed 1 bidirectional control character"
    ]


def test_validate_reports_problems_of_every_file_at_once(sources):
    (sources / "review.yaml").write_text("title: {en: x}\n", encoding="utf-8")
    (sources / "summaries" / "talks-2023.yaml").write_text("event: talks-2023\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        validate(sources)
    files = {problem.location.path.name for problem in caught.value.problems}
    assert files == {"review.yaml", "talks-2023.yaml"}
