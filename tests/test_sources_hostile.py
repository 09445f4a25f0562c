"""Sources that validate used to accept and build then refused, text YAML cut without a word, the
YAML slips editors make and files past the limits: each refused by validate and by build, with
the file, the place and what to do, exit 1 and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import limits
from pipeline.cli import main

BASE = Path(__file__).parent / "error_cases" / "_base"
SUMMARY = "sources/summaries/talks-2023.yaml"
HEAD = "event: talks-2023\nlanguage: en\nmessages:\n  - id: m1\n"


def write_summary(tmp_path: Path, body: str | bytes) -> Path:
    """Copy the valid base sources and write talks-2023's summary as *body* (after HEAD if text)."""
    shutil.copytree(BASE, tmp_path / "sources")
    path = tmp_path / SUMMARY
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(HEAD + body, encoding="utf-8")
    return path


def assert_refused(tmp_path: Path, expected: str) -> None:
    """Assert that validate and build both refuse with *expected* (and the count line), exit 1, and
    that build leaves the previous outputs as they were and writes nothing."""
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--sources", "sources"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == expected + "\n1 problem in 1 file\n"
    build = tmp_path / "build"
    build.mkdir(exist_ok=True)
    (build / "outcome.en.docx").write_bytes(b"the previous build")
    result = runner.invoke(
        main, ["build", "--sources", "sources", "--build", "build", "--pdf-engine", "none"]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == expected + "\n1 problem in 1 file\n"
    assert "Traceback" not in result.output
    assert sorted(path.name for path in build.iterdir()) == ["outcome.en.docx"]
    assert (build / "outcome.en.docx").read_bytes() == b"the previous build"


def assert_valid(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--sources", "sources"])
    assert result.exit_code == 0, result.output


# --- 1. Text lost to a comment ---------------------------------------------------------------


def test_a_comment_after_plain_text_is_refused_at_the_hash(tmp_path):
    write_summary(
        tmp_path,
        "    text: Children should never be detained for reasons related to their migration status "
        "#endchilddetention campaign.\n",
    )
    assert_refused(
        tmp_path,
        f"{SUMMARY}:5:91: text of message 'm1': the text stops at ' #endchilddetention camp…': "
        "YAML reads what follows as a comment; put the whole text in quotes",
    )


def test_a_comment_in_a_language_of_a_text_is_refused(tmp_path):
    write_summary(tmp_path, "    text:\n      en: Data first #1 priority\n      ar: بيانات\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:22: text.en of message 'm1': the text stops at ' #1 priority': "
        "YAML reads what follows as a comment; put the whole text in quotes",
    )


def test_a_comment_that_hides_a_closing_brace_is_explained(tmp_path):
    write_summary(tmp_path, "    text: {en: Data first #1 priority, ar: بيانات}\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:1: YAML syntax error: expected ',' or '}}', but got '<stream end>' (while parsing "
        "a flow mapping started at line 5); the text on line 5 stops at ' #1 priority, ar: بي…': "
        "YAML reads what follows as a comment; put the whole text in quotes",
    )


def test_a_comment_at_the_end_of_multi_line_text_is_refused(tmp_path):
    write_summary(
        tmp_path,
        "    text:\n      en: Children should never be detained\n        for migration status #end\n",
    )
    assert_refused(
        tmp_path,
        f"{SUMMARY}:7:30: text.en of message 'm1': the text stops at ' #end': "
        "YAML reads what follows as a comment; put the whole text in quotes",
    )


def test_a_comment_in_the_middle_of_multi_line_text_is_explained(tmp_path):
    write_summary(tmp_path, "    text: Children should never #be\n      detained.\n    objectives: [1]\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:7: YAML syntax error: expected <block end>, but found '<scalar>' (while parsing a "
        "block mapping started at line 4); the text on line 5 stops at ' #be': YAML reads what "
        "follows as a comment; put the whole text in quotes",
    )


def test_a_comment_in_an_event_title_is_refused(tmp_path):
    write_summary(tmp_path, "    text: Data.\n")
    events = tmp_path / "sources" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    title = "    title: {en: GCM Talks, ar: محادثات الاتفاق العالمي}\n"
    assert title in text
    events.write_text(
        text.replace(title, "    title:\n      en: GCM Talks #draft\n      ar: محادثات الاتفاق العالمي\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", "--sources", "sources"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "sources/events.yaml:5:21: title.en of event 'talks-2023': the text stops at ' #draft': YAML "
        "reads what follows as a comment; put the whole text in quotes\n1 problem in 1 file\n"
    )


def test_a_comment_in_place_of_a_text_is_refused(tmp_path):
    # Found by tests/test_unicode_property.py: `en:` then a comment was no English text at all.
    write_summary(tmp_path, "    text:\n      en: #endchilddetention\n      ar: بيانات\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:11: text.en of message 'm1': the text stops at ' #endchilddetention': "
        "YAML reads what follows as a comment; put the whole text in quotes",
    )


def test_an_exclamation_mark_that_yaml_would_drop_is_refused(tmp_path):
    # Found by tests/test_unicode_property.py: YAML reads `! text` as a tag and drops the '!'.
    write_summary(tmp_path, "    text: ! Never detain children.\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:5:11: YAML reads a '!' at the start of a value as a tag and drops it: "
        "put the whole text in quotes",
    )


def test_comments_after_values_that_are_not_text_stay_allowed(tmp_path):
    write_summary(
        tmp_path,
        "    text: 'Quoted text #with a hash.'  # a comment after quoted text\n"
        "    objectives: [1]  # the primary objective first\n"
        "    kind: recommendation # as the organiser put it\n"
        "  - id: m2 # second\n"
        "    text: Text with a#hash inside a word.\n",
    )
    (tmp_path / SUMMARY).write_text(
        (tmp_path / SUMMARY)
        .read_text(encoding="utf-8")
        .replace("event: talks-2023", "event: talks-2023 # id"),
        encoding="utf-8",
    )
    assert_valid(tmp_path)


# --- 2. What build would refuse, validate refuses --------------------------------------------

REFUSED_TEXTS = {
    "noncharacter": (
        '"Bad \\uFFFE here."',
        "U+FFFE: not a character (a Unicode noncharacter); remove it",
    ),
    "noncharacter-of-plane-1": (
        '"Bad \\U0001FFFF and \\uFDD0."',
        "U+1FFFF, U+FDD0: not a character (a Unicode noncharacter); remove it",
    ),
    "surrogate-pair": (
        '"Smile \\ud83d\\ude00 now."',
        "U+D83D U+DE00: the two halves of one character (surrogates, as an escape such as "
        "\\ud83d\\ude00 writes them); write the character itself, or one escape \\U0001F600",
    ),
    "lone-surrogate": ('"Half \\udc00 a character."', "U+DC00: half of a character (a surrogate); remove it"),
    "emoji": (
        "Smile 😀 now.",
        "the PDF's fonts (Tinos, Amiri) cannot show '😀' (U+1F600 GRINNING FACE); remove or replace it",
    ),
    "cjk": (
        "移民 and 移住 data.",
        "the PDF's fonts (Tinos, Amiri) cannot show '移' (U+79FB CJK UNIFIED IDEOGRAPH-79FB), "
        "'民' (U+6C11 CJK UNIFIED IDEOGRAPH-6C11), '住' (U+4F4F CJK UNIFIED IDEOGRAPH-4F4F); "
        "remove or replace them",
    ),
    "many": (
        "一二三四五",
        "the PDF's fonts (Tinos, Amiri) cannot show '一' (U+4E00 CJK UNIFIED IDEOGRAPH-4E00), "
        "'二' (U+4E8C CJK UNIFIED IDEOGRAPH-4E8C), '三' (U+4E09 CJK UNIFIED IDEOGRAPH-4E09) "
        "and 2 more; remove or replace them",
    ),
    "private-use": (
        '"Logo \\uE123."',
        "the PDF's fonts (Tinos, Amiri) cannot show (U+E123 a private-use character); remove or replace it",
    ),
    "footnote-token": (
        '"\\ue000note-1\\ue001"',
        "holds the pipeline's internal marker '\\ue000note-1\\ue001'; remove it",
    ),
    "redline-token": (
        '"Text \\u2060rl12\\u2060 here."',
        "holds the pipeline's internal marker '\\u2060rl12\\u2060'; remove it",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED_TEXTS))
def test_text_the_documents_cannot_hold_is_refused(name, tmp_path):
    written, problem = REFUSED_TEXTS[name]
    write_summary(tmp_path, f"    text: {written}\n")
    assert_refused(tmp_path, f"{SUMMARY}:5:11: text of message 'm1': {problem}")


def test_invisible_characters_the_pipeline_handles_are_accepted(tmp_path):
    # ZWJ, ZWNJ, word joiner, no-break spaces, soft hyphen, variation selector, direction marks.
    write_summary(
        tmp_path,
        '    text:\n      en: "Ca\\u00adfé\\u00a0A/RES/73/195\\u2060para\\u202f48 ©\\ufe0f\\u200e."\n'
        '      ar: "مي\\u200cخواهم\\u200dالهجرة\\u200f"\n',
    )
    result = CliRunner().invoke(main, ["build", "--sources", "sources", "--build", "build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "outcome.en.pdf").is_file()


# --- 4. Limits ---------------------------------------------------------------------------------


def test_a_source_file_past_the_size_limit_is_refused_before_parsing(tmp_path):
    size = limits.SOURCE_FILE.value + 1
    body = (HEAD + "    text: ").encode() + b"x" * (size - len(HEAD) - 11) + b"\n"
    assert len(body) == size
    write_summary(tmp_path, body)
    assert_refused(
        tmp_path,
        f"{SUMMARY}: the file is too large for a source: 2,097,153 bytes, the limit is 2,097,152 "
        "(split it, or shorten its texts)",
    )


def test_a_text_past_the_length_limit_is_refused(tmp_path):
    write_summary(tmp_path, "    text: " + "Data. " * 4000 + "\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:5:11: text of message 'm1': the text is too long: 23,999 characters, the limit is "
        "20,000 (was it pasted more than once?)",
    )


@pytest.mark.parametrize("form", ["flow", "block"])
def test_yaml_nested_past_the_depth_limit_is_refused(form, tmp_path):
    depth = 400  # some 320 levels exhausted Python's stack
    if form == "flow":
        body = "    text: " + "[" * depth + "]" * depth + "\n"
        place = "5:58"
    else:
        body = "    text:\n" + "".join("      " + "  " * level + "- \n" for level in range(depth))
        place = "53:101"
    write_summary(tmp_path, body)
    assert_refused(
        tmp_path,
        f"{SUMMARY}:{place}: the YAML is nested too deep: over 50 levels, the limit is 50 "
        "(a source needs a few levels)",
    )
