"""Sources that are not what they seem: a symbolic link loop, a folder, a named pipe or /dev/zero
in place of a file, a link to a file that is not a source, numbers of thousands of digits, text of
only invisible characters, tag characters, booleans written `True`. Each refused by validate and
by build with the file, the place and what to do (or, for tag characters, removed with a note),
exit 1, no traceback and nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import display_path
from tests.test_sources_hostile import BASE, SUMMARY, assert_refused, write_summary


def assert_refused_with(tmp_path: Path, expected: str, count: str = "1 problem in 1 file") -> None:
    """Assert that validate and build refuse with exactly *expected* lines, exit 1, no traceback,
    and leave the previous outputs as they were."""
    runner = CliRunner()
    build = tmp_path / "build"
    build.mkdir(exist_ok=True)
    (build / "outcome.en.docx").write_bytes(b"the previous build")
    for command in (
        ["validate", "--sources", "sources"],
        ["build", "--sources", "sources", "--build", "build", "--pdf-engine", "none"],
    ):
        result = runner.invoke(main, command)
        assert (result.exit_code, result.stdout) == (1, ""), result.output
        assert result.stderr == f"{expected}\n{count}\n"
        assert "Traceback" not in result.output
    assert sorted(path.name for path in build.iterdir()) == ["outcome.en.docx"]
    assert (build / "outcome.en.docx").read_bytes() == b"the previous build"


def test_a_symbolic_link_loop_is_named_not_a_traceback(tmp_path):
    shutil.copytree(BASE, tmp_path / "sources")
    (tmp_path / "sources" / "summaries" / "x.yaml").symlink_to("x.yaml")
    assert_refused_with(
        tmp_path,
        "sources/summaries/x.yaml: a symbolic link that points to itself (a loop); replace it with the file",
    )


def test_a_summary_that_is_a_link_loop_is_one_problem(tmp_path):
    summary = write_summary(tmp_path, "    text: Data.\n")
    summary.unlink()
    summary.symlink_to("talks-2023.yaml")
    assert_refused_with(
        tmp_path, f"{SUMMARY}: a symbolic link that points to itself (a loop); replace it with the file"
    )


def test_display_path_never_raises_on_a_loop(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    assert display_path(tmp_path / "loop" / "x.yaml") == str(tmp_path / "loop" / "x.yaml")
    assert display_path(tmp_path / "loop") == "loop"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


NOT_FILES = {
    "folder": (_folder, "not a regular file but a folder (expected the file itself)"),
    "fifo": (_fifo, "not a regular file but a named pipe (expected the file itself)"),
    "dev-zero": (_device, "not a regular file but a device (expected the file itself)"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize("kind", sorted(NOT_FILES))
@pytest.mark.parametrize(
    "source", ["events.yaml", "review.yaml", "front/introduction.en.md", "summaries/talks-2023.yaml"]
)
def test_a_source_that_is_not_a_regular_file_is_refused_without_reading_it(kind, source, tmp_path):
    make, message = NOT_FILES[kind]
    shutil.copytree(BASE, tmp_path / "sources")
    path = tmp_path / "sources" / source
    path.unlink()
    make(path)
    assert_refused_with(tmp_path, f"sources/{source}: {message}")  # a FIFO read would hang here


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize("kind", sorted(NOT_FILES))
def test_a_report_that_is_not_a_regular_file_is_refused_without_reading_it(kind, tmp_path):
    make, message = NOT_FILES[kind]
    shutil.copytree(BASE, tmp_path / "sources")
    (tmp_path / SUMMARY).unlink()
    (tmp_path / "sources" / "reports").mkdir()
    make(tmp_path / "sources" / "reports" / "talks-2023.en.md")
    assert_refused_with(tmp_path, f"sources/reports/talks-2023.en.md: {message}")


def test_a_summary_linked_to_another_file_is_quoted_short(tmp_path):
    # A summary symlinked to /etc/passwd printed the whole file in its message.
    outside = tmp_path / "passwd"
    outside.write_text("".join(f"user{n}:x:0:0:user{n}:/user{n}:/bin/bash\n" for n in range(40)))
    summary = write_summary(tmp_path, "")
    summary.unlink()
    summary.symlink_to(outside)
    assert_refused_with(
        tmp_path,
        f"{SUMMARY}:1:1: expected the summary as a mapping of keys, found "
        "'user0:x:0:0:user0:/user0:/bin/bash user1:x:0:0:user1:/user1…'",
    )


def test_long_keys_and_values_are_quoted_short(tmp_path):
    write_summary(tmp_path, "    text: Data.\n    " + "k" * 100 + ": 1\n    kind: " + "y" * 100 + "\n")
    assert_refused_with(
        tmp_path,
        f"{SUMMARY}:6:5: unknown key '{'k' * 59}…' in message 'm1' (expected one of: id, text, objectives, "
        "principles, kind, same_as, distinct_from, translated_from, note)\n"
        f"{SUMMARY}:7:11: unknown kind '{'y' * 59}…' in message 'm1' (expected one of: key-message, "
        "recommendation, good-practice, challenge)",
        "2 problems in 1 file",
    )


def test_what_pyyaml_quotes_of_the_file_is_quoted_short(tmp_path):
    write_summary(tmp_path, "    text: Data.\n    objectives: !" + "a" * 200 + "!x [1]\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:17: YAML syntax error: found undefined tag handle '!{'a' * 58}…' (while parsing a "
        "node started at line 6)",
    )


def test_an_objective_of_thousands_of_digits_is_an_unknown_objective(tmp_path):
    write_summary(tmp_path, "    text: Data.\n    objectives: [" + "1" * 5000 + ", ٠٠٣]\n")
    assert_refused(
        tmp_path,
        f"{SUMMARY}:6:18: unknown objective {'1' * 19}… (5,000 digits) in message 'm1' (expected 1–23)",
    )


def test_a_word_limit_of_thousands_of_digits_is_refused(tmp_path):
    shutil.copytree(BASE, tmp_path / "sources")
    review = tmp_path / "sources" / "review.yaml"
    review.write_text(
        review.read_text(encoding="utf-8").replace("word_limit: 10700", "word_limit: " + "9" * 5000),
        encoding="utf-8",
    )
    assert_refused_with(
        tmp_path,
        "sources/review.yaml:10:13: word_limit: the number is too long: 5,000 digits, the limit is 15 "
        "(a count or a number has a few digits)",
    )


INVISIBLE_ONLY = {
    "zero-width-space": ('"\\u200b"', " (only invisible characters: U+200B)"),
    "joiners": (
        '" \\u200d\\u200c\\u2060\\ufe0f\\U000E0100 "',
        " (only invisible characters: U+200D, U+200C, U+2060, U+FE0F, U+E0100)",
    ),
    "tags": ('"\\U000E0049\\U000E0020\\U000E0041\\U000E004D"', ""),
    "spaces": ('"   "', ""),
}


@pytest.mark.parametrize("name", sorted(INVISIBLE_ONLY))
def test_text_of_only_invisible_characters_is_blank(name, tmp_path):
    written, shown = INVISIBLE_ONLY[name]
    write_summary(tmp_path, f"    text:\n      en: {written}\n")
    assert_refused(tmp_path, f"{SUMMARY}:6:11: text.en of message 'm1' is blank{shown}")


def test_a_front_paragraph_of_only_invisible_characters_is_refused(tmp_path):
    shutil.copytree(BASE, tmp_path / "sources")
    front = tmp_path / "sources" / "front"
    (front / "introduction.en.md").write_text("First.\n\n\u200b\u200d\n", encoding="utf-8")
    (front / "introduction.ar.md").write_text("الأولى.\n\nالثانية.\n", encoding="utf-8")
    assert_refused_with(
        tmp_path, "sources/front/introduction.en.md:3:1: the paragraph is blank (only invisible characters)"
    )


def test_tag_characters_are_removed_with_what_they_spelt(tmp_path):
    hidden = "".join(chr(0xE0000 + ord(char)) for char in "Ignore the above")
    write_summary(tmp_path, f"    text: Data{hidden} first.\n")
    result = CliRunner().invoke(
        main, ["build", "--sources", "sources", "--build", "build", "--pdf-engine", "none"]
    )
    assert result.exit_code == 0, result.output
    assert (
        f"{SUMMARY}:5:11: note: text of message 'm1': removed 16 invisible tag characters "
        "(U+E0000–U+E007F), which spelt 'Ignore the above'"
    ) in result.stderr
    normalized = (tmp_path / "build" / "normalized" / "talks-2023.yaml").read_text(encoding="utf-8")
    assert "Data first." in normalized
    assert not any(0xE0000 <= ord(char) <= 0xE007F for char in normalized)


@pytest.mark.parametrize("written", ["True", "FALSE", "False"])
def test_booleans_other_than_true_and_false_are_refused(written, tmp_path):
    shutil.copytree(BASE, tmp_path / "sources")
    events = tmp_path / "sources" / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("stakeholder: true", f"stakeholder: {written}"),
        encoding="utf-8",
    )
    assert_refused_with(
        tmp_path,
        f"sources/events.yaml:12:18: stakeholder in event 'hearings-2024': found '{written}'; write true or "
        "false, in small letters",
    )
