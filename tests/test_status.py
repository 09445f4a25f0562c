"""`outcome status` (terminal and JSON), build/status.html in headless Chromium, `outcome where`,
`outcome build --final`, the word count and the parity of the languages."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import validate
from pipeline.checks import assess
from pipeline.checks.parity import parity
from pipeline.checks.words import words
from pipeline.cli import main
from pipeline.merge import merge
from tests.corpus import BASE, assemble

CASES = Path(__file__).parent / "check_cases"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (Debian: apt-get install chromium; .ci/run does)"
)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "sources")
    return tmp_path / "sources"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_status_json_gives_the_figures(sources):
    result = run("status", "--sources", "sources", "--today", "2024-09-01", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["deadline"] == {"date": "2024-09-30", "today": "2024-09-01", "days": 29}
    assert [event["id"] for event in figures["events"]] == ["talks-2023", "hearings-2024"]
    assert figures["events"][0]["summary"] == "sources/summaries/talks-2023.yaml"
    objectives = {objective["number"]: objective for objective in figures["objectives"]}
    assert len(objectives) == 23
    assert (objectives[6]["messages"], objectives[6]["primary"], objectives[5]["messages"]) == (1, 1, 1)
    assert [o for o, figure in objectives.items() if figure["messages"]] == [1, 5, 6, 13]
    assert [(w["language"], w["total"], w["limit"]) for w in figures["words"]] == [
        ("ar", 254, 10700),
        ("en", 269, 10700),
    ]
    assert [(t["language"], t["messages"], t["translated"]) for t in figures["translations"]] == [
        ("ar", 3, 3),
        ("en", 3, 3),
    ]
    cell = next(c for c in figures["cells"] if c["event"] == "talks-2023" and c["objective"] == 1)
    assert cell["messages"][0]["source"] == "sources/summaries/talks-2023.yaml:4:9"
    assert figures["findings"][0]["subject"] == "the annex"  # an "A." without a "B.", in review.yaml
    assert figures["findings"][1] == {
        "level": "warning",
        "location": None,
        "subject": "objective 2 (Minimize adverse drivers)",
        "message": "no event addressed it",
    }
    assert Path("build/status.html").is_file()


def test_status_in_the_terminal_shows_the_words_and_the_days_left(sources):
    result = run("status", "--sources", "sources", "--today", "2024-09-01")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "2024-09-01: 29 days to the deadline (2024-09-30)" in text
    assert "│ Arabic │ 94 │ 138 │ 18 │ 4 │ 254 │ 10,700 │" in text
    assert "│ English │ 101 │ 152 │ 12 │ 4 │ 269 │ 10,700 │" in text
    assert "GCM objectives: not addressed: 2, 3, 4, 7, 8, 9, 10, 11, 12, 14" in text
    assert result.stdout.rstrip().endswith("Wrote build/status.html.")


def test_status_shows_what_is_missing_even_when_it_stops_the_build(sources):
    (sources / "summaries" / "hearings-2024.yaml").unlink()
    result = run("status", "--sources", "sources", "--today", "2024-09-01", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert [(event["id"], event["summary"]) for event in figures["events"]] == [
        ("talks-2023", "sources/summaries/talks-2023.yaml"),
        ("hearings-2024", None),
    ]
    assert figures["findings"][0]["level"] == "error"
    assert figures["findings"][0]["message"].startswith("no summary for event 'hearings-2024'")


def test_a_summary_with_problems_is_not_taken_for_a_missing_one(sources):
    (sources / "summaries" / "hearings-2024.yaml").write_text("event: hearings-2024\nlanguage: ar\n", "utf-8")
    result = run("status", "--sources", "sources", "--today", "2024-09-01")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Events: 1 of 2 with a summary, 1 more whose summary has problems" in text
    assert "│ hearings-2024 │ 2024-07-02 │ regional-review │ has problems │ │ 0 │" in text


def test_a_bad_today_is_a_usage_error(sources):
    result = run("status", "--sources", "sources", "--today", "1 September")
    assert result.exit_code == 2
    assert "'1 September' is not a date (expected YYYY-MM-DD)" in result.stderr


@needs_chromium
def test_the_status_page_opens_in_chromium_with_every_objective(sources, tmp_path):
    assert run("status", "--sources", "sources", "--today", "2024-09-01").exit_code == 0
    page = (tmp_path / "build" / "status.html").resolve()
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|<img|src=|url\(|https?://", html), "the page must be self-contained"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ]
    profile = f"--user-data-dir={tmp_path / 'chromium'}"
    shown = subprocess.run(
        [CHROMIUM, *flags, profile, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    headers = re.findall(r'<th class="objective[^"]*"[^>]*>(\w+)</th>', shown)
    assert headers == [*map(str, range(1, 24)), "none"]
    assert len(re.findall(r'<th class="objective gap"', shown)) == 19
    link = re.search(r'<a href="#c-talks-2023-1">1</a>', shown)
    assert (
        link
        and 'id="c-talks-2023-1"' in shown
        and "talks-2023#m1 · sources/summaries/talks-2023.yaml:4:9" in shown
    )
    screenshot = tmp_path / "status.png"
    subprocess.run(
        [CHROMIUM, *flags, profile, f"--screenshot={screenshot}", "--window-size=1200,900", page.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 20_000


def test_where_names_the_source_of_a_paragraph(sources):
    result = run("where", "5", "--sources", "sources")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Paragraph 5 of the main body",
        "  message    talks-2023#m1 (key-message)",
        "  written at sources/summaries/talks-2023.yaml:4:9",
        "  objectives 1",
        "  ar         الاستثمار في بيانات الهجرة.",
        "  en         Invest in migration data.",
        "  event      talks-2023: GCM Talks (2023-07)",
    ]
    annex = run("where", "1", "--annex", "--lang", "en", "--sources", "sources").stdout
    assert (
        "  message    hearings-2024#m1 (key-message)" in annex
        and "  en         End child detention." in annex
    )
    missing = run("where", "9", "--sources", "sources")
    assert (
        missing.exit_code == 1
        and missing.stderr == "there is no paragraph 9 in the main body (it has 1 to 5)\n"
    )
    # Paragraphs 1 and 2 are the introduction's, 3 chapter II's.
    assert run("where", "2", "--lang", "en", "--sources", "sources").stdout.splitlines() == [
        "Paragraph 2 of the main body",
        "  chapter I: the introduction",
        "  en         sources/front/introduction.en.md, paragraph 2",
        "             A second paragraph, A/RES/73/195 para 48.",
    ]
    assert "chapter II: written by the pipeline" in run("where", "3", "--sources", "sources").stdout


def test_build_final_builds_nothing_when_the_final_check_fails(tmp_path):
    assemble(CASES / "final-version", tmp_path / "sources")
    result = run("build", "--sources", "sources", "--final", "--pdf-engine", "none")
    assert result.exit_code == 1
    assert (
        "sources/review.yaml:5:1: error: the symbol: 'A/79/…' is a placeholder: give the symbol assigned"
        in result.stderr
    )
    assert result.stderr.rstrip().endswith("not built (the final check failed)")
    assert not Path("build").exists()


def test_a_build_writes_the_status_page(sources):
    result = run("build", "--sources", "sources", "--pdf-engine", "none")
    assert result.exit_code == 0, result.output
    assert "talks-2023#m1" in Path("build/status.html").read_text(encoding="utf-8")


def test_words_are_counted_as_word_counts_them():
    assert words("12. Invest in migration data, as A/RES/73/195 asks.") == 8
    assert words("12 - الاستثمار في بيانات الهجرة\u200e 2024-2026\u200e.") == 6
    assert words("— ; «»", "") == 0


def test_documents_that_differ_between_languages_are_errors(sources):
    corpus = validate(sources).corpus
    arabic, english = assess(corpus, merge(corpus)).views
    assert parity((arabic, english)) == ()
    paragraph = english.body.paragraphs[0]
    changed = dataclasses.replace(paragraph, events=("hearings-2024",))
    cluster = english.body.clusters[0]
    section = dataclasses.replace(cluster.sections[0], paragraphs=(changed,))
    clusters = (dataclasses.replace(cluster, sections=(section,)), *english.body.clusters[1:])
    body = dataclasses.replace(english.body, clusters=clusters)
    (finding,) = parity((arabic, dataclasses.replace(english, body=body)))
    assert str(finding) == (
        "error: paragraph 4 of the main body: is talks-2023#m2 under cluster 1, objective 6, "
        "footnote naming talks-2023 in 'ar' but talks-2023#m2 under cluster 1, objective 6, "
        "footnote naming hearings-2024 in 'en'"
    )
