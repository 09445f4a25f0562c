"""The real `outcome` command on a full corpus, as an editor runs it: tests/fixtures/regional-review,
a frozen copy of the sources that belongs to the tests (the editors' sources/ are only built, by
tests/test_bundled_sources.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from pipeline import yamlio
from pipeline.ingest import ObjectiveFinder, read_reports
from pipeline.reference import load_reference
from tests.corpus import REGIONAL_REVIEW
from tests.test_render_pdf import assert_same_paragraphs_in_order, letters, needs_poppler, pdf_text

pytestmark = pytest.mark.slow
OUTCOME = Path(sys.executable).with_name("outcome")


def outcome(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OUTCOME), *args], capture_output=True, text=True, check=False)


def summaries_by_event(sources: Path = REGIONAL_REVIEW) -> dict[str, list[dict]]:
    """Return each event's messages as {"text": {language: text}}: from the YAML summaries as
    written, and from the reports in reports/ as `outcome ingest` reads them."""
    events: dict[str, list[dict]] = {}
    for path in sorted((sources / "summaries").glob("*.yaml")):
        events[path.stem] = [
            {"text": {key: str(value) for key, value in message["text"].items()}}
            if isinstance(message["text"], dict)
            else {"text": {str(yamlio.load(path)["language"]): str(message["text"])}}
            for message in yamlio.load(path)["messages"]
        ]
    reports = sorted((sources / "reports").glob("*.*.*")) if (sources / "reports").is_dir() else []
    for event in sorted({path.name.split(".")[0] for path in reports} - set(events)):
        paths = tuple(path for path in reports if path.name.startswith(f"{event}."))
        languages = tuple(path.name.split(".")[1] for path in paths)
        draft, _ = read_reports(paths, event, languages, ObjectiveFinder(load_reference()))
        events[event] = [
            {"text": {lang: message.text.get(lang) for lang in message.text.languages}}
            for message in draft.messages
        ]
    return events


def source_texts(sources: Path) -> list[str]:
    """Return every message text of every language in the sources."""
    return [
        text
        for messages in summaries_by_event(sources).values()
        for m in messages
        for text in m["text"].values()
    ]


def merged_texts(node) -> list[str]:
    if isinstance(node, dict):
        found = list(node["text"].values()) if "number" in node else []
        return found + [t for key, value in node.items() if key != "text" for t in merged_texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in merged_texts(item)]
    return []


BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"))


@pytest.fixture(scope="module")
def review_build(tmp_path_factory) -> Path:
    """Build the tests' full corpus once with the real command, from another folder."""
    folder = tmp_path_factory.mktemp("regional-review")
    result = subprocess.run(
        [str(OUTCOME), "build", "--sources", str(REGIONAL_REVIEW), "--build", str(folder / "build")],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr
    return folder / "build"


def texts_in(message, language: str) -> str | None:
    return message["text"].get(language)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_message_is_in_the_document_of_its_language(review_build, language):
    document = docx.Document(review_build / f"outcome.{language}.docx")
    paragraphs = [p.text.translate(BIDI_MARKS) for p in document.paragraphs]
    numbered = [p for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
    for messages in summaries_by_event().values():
        for message in messages:
            text = texts_in(message, language)
            if text:
                assert sum(p.count(text) for p in paragraphs) == 1, text
    events = yamlio.load(REGIONAL_REVIEW / "events.yaml")["events"]
    stakeholder = {str(e["id"]) for e in events if e.get("stakeholder") == "true"}
    by_event = summaries_by_event()
    annex_count = sum(len(by_event[e]) for e in stakeholder if e in by_event)
    body_count = sum(len(m) for m in by_event.values()) - annex_count
    # Numbered from the introduction on (its paragraphs, then chapter II's one); the annex from 1.
    styles = [p.style.name for p in document.paragraphs]
    chapters = [index for index, style in enumerate(styles) if style == "Heading 1"]
    in_chapter_one = styles[chapters[0] : chapters[1]].count("Numbered Paragraph")
    assert in_chapter_one >= 1 and styles[chapters[1] : chapters[2]].count("Numbered Paragraph") == 1
    front = in_chapter_one + 1
    labels = [p.text.split("\t")[0] for p in numbered]
    label = "{} -" if language == "ar" else "{}."
    assert labels == [label.format(n) for n in range(1, front + body_count + 1)] + [
        label.format(n) for n in range(1, annex_count + 1)
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_annex_holds_exactly_the_stakeholder_messages(review_build, language):
    document = docx.Document(review_build / f"outcome.{language}.docx")
    paragraphs = [p.text.translate(BIDI_MARKS) for p in document.paragraphs]
    annex_start = next(i for i, p in enumerate(paragraphs) if p in ("Annex", "المرفق"))
    annex = "\n".join(paragraphs[annex_start:])
    body = "\n".join(paragraphs[:annex_start])
    events = yamlio.load(REGIONAL_REVIEW / "events.yaml")["events"]
    stakeholder = {str(e["id"]) for e in events if e.get("stakeholder") == "true"}
    for event, messages in summaries_by_event().items():
        for message in messages:
            text = texts_in(message, language) or texts_in(message, "en") or texts_in(message, "ar")
            assert (text in annex) == (event in stakeholder), text
            assert (text in body) == (event not in stakeholder), text


def test_the_timeline_table_lists_the_18_events(review_build):
    for language in ("ar", "en"):
        table = docx.Document(review_build / f"outcome.{language}.docx").tables[1]
        rows = [row for row in table.rows if len({id(cell._tc) for cell in row.cells}) == 3]
        assert len(rows) == 1 + 18  # the header row and one row per event


def test_build_keeps_every_message_of_the_sources(sources_copy, tmp_path):
    result = outcome("build", "--sources", str(sources_copy), "--build", str(tmp_path / "build"))
    assert result.returncode == 0, result.stderr
    normalized = sorted(p.stem for p in (tmp_path / "build" / "normalized").glob("*.yaml"))
    assert len(normalized) == 14
    merged_file = tmp_path / "build" / "merged.yaml"
    in_merged = merged_texts(yamlio.load(merged_file))
    raw = merged_file.read_text(encoding="utf-8")
    written = source_texts(sources_copy)
    assert len(written) > 100
    for text in written:
        assert in_merged.count(text) == 1, text
        assert raw.count(text) == 1, text
    assert len(in_merged) == len(written)


def line_of(path: Path, fragment: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line
    )


def test_validate_names_every_bad_file_and_line(sources_copy):
    detention = sources_copy / "summaries" / "gcm-talks-detention-2023.yaml"
    detention.write_text(
        detention.read_text(encoding="utf-8").replace("objectives: [13, 11]", "objectives: [13, 27]"),
        encoding="utf-8",
    )
    climate = sources_copy / "summaries" / "gcm-talks-climate-2023.yaml"
    climate.write_text(
        climate.read_text(encoding="utf-8").replace("    objectives: [2, 23]", "    objectves: [2, 23]"),
        encoding="utf-8",
    )
    result = outcome("validate", "--sources", str(sources_copy))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"sources/summaries/gcm-talks-climate-2023.yaml:{line_of(climate, 'objectves')}:5: "
        "unknown key 'objectves' in message 'm3' (did you mean 'objectives'?)",
        f"sources/summaries/gcm-talks-detention-2023.yaml:{line_of(detention, '[13, 27]')}:22: "
        "unknown objective 27 in message 'm3' (expected 1–23)",
        "2 problems in 2 files",
    ]


@needs_poppler
@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_message_is_in_the_pdf_of_its_language(review_build, language):
    pdf = review_build / f"outcome.{language}.pdf"
    extracted = pdf_text(pdf)
    latin = language != "ar"
    text = letters(extracted, latin)
    for messages in summaries_by_event().values():
        for message in messages:
            written = texts_in(message, language)
            if written:
                assert text.count(letters(written, latin)) == 1, written
                for word in re.findall(r"[A-Za-z]+", written):
                    assert word in extracted
    assert_same_paragraphs_in_order(pdf, review_build / f"outcome.{language}.docx", language)
