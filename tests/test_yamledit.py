"""A message's text changed in place in its summary (absorb, translations import): whatever way the
editor wrote it — block scalars, the text alone as a string, quotes with a comment after them —
only its own lines change, and the file reads back as the sources reader reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.translations.yamledit import SummaryFile
from pipeline.yamlio import load

HEAD = "event: talks-2023\nlanguage: en\nmessages:\n"
TAIL = "  - id: m2\n    text: {en: Second., ar: الثانية.}\n    objectives: [2]\n"
CASES = {
    "folded block": (
        "  - id: m1\n    text:\n      en: >-\n        Migration data\n        will grow.\n\n"
        "      # a note\n      ar: ستنمو.\n    objectives: [1]\n",
        "  - id: m1\n    text:\n      en: Migration data will grow further.\n\n"
        "      # a note\n      ar: ستنمو.\n    objectives: [1]\n",
    ),
    "literal block, last in its mapping": (
        "  - id: m1\n    text:\n      ar: ستنمو.\n      en: |-\n        Migration data will grow.\n\n"
        "    objectives: [1]\n",
        "  - id: m1\n    text:\n      ar: ستنمو.\n      en: Migration data will grow further.\n\n"
        "    objectives: [1]\n",
    ),
    "the text alone, in the summary's language": (
        "  - id: m1\n    text: Migration data will grow.  # checked\n    objectives: [1]\n",
        "  - id: m1\n    text: Migration data will grow further.  # checked\n    objectives: [1]\n",
    ),
    "double quotes and a comment": (
        '  - id: m1\n    text:\n      en: "Migration data will grow."   # quoted\n      ar: ستنمو.\n'
        "    objectives: [1]\n",
        '  - id: m1\n    text:\n      en: "Migration data will grow further."   # quoted\n      ar: ستنمو.\n'
        "    objectives: [1]\n",
    ),
    "single quotes": (
        "  - id: m1\n    text:\n      en: 'Migration data will grow.'\n      ar: ستنمو.\n"
        "    objectives: [1]\n",
        "  - id: m1\n    text:\n      en: 'Migration data will grow further.'\n      ar: ستنمو.\n"
        "    objectives: [1]\n",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_text_is_replaced_in_its_own_lines_whatever_its_style(tmp_path: Path, name: str) -> None:
    before, after = CASES[name]
    path = tmp_path / "talks-2023.yaml"
    path.write_text(HEAD + before + TAIL, encoding="utf-8")
    edited = SummaryFile(path)
    edited.set_entries("m1", "text", {"en": "Migration data will grow further."}, first="en")
    edited.save()
    assert path.read_text(encoding="utf-8") == HEAD + after + TAIL
    messages = load(path)["messages"]
    text = messages[0]["text"]
    assert (text if isinstance(text, str) else text["en"]) == "Migration data will grow further."


def test_a_translation_added_to_a_text_written_alone_makes_it_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "talks-2023.yaml"
    path.write_text(
        HEAD + "  - id: m1\n    text: 'Data: more.'\n    objectives: [1]\n" + TAIL, encoding="utf-8"
    )
    edited = SummaryFile(path)
    edited.set_entries("m1", "text", {"ar": "بيانات."}, first="en")
    edited.save()
    assert load(path)["messages"][0]["text"] == {"en": "Data: more.", "ar": "بيانات."}


def test_deleting_a_message_written_in_a_block_keeps_the_others(tmp_path: Path) -> None:
    before, _ = CASES["folded block"]
    path = tmp_path / "talks-2023.yaml"
    path.write_text(HEAD + before + TAIL, encoding="utf-8")
    edited = SummaryFile(path)
    edited.delete_message("m1")
    edited.save()
    assert [m["id"] for m in load(path)["messages"]] == ["m2"]


def test_a_flow_mapping_keeps_commas_inside_its_values(tmp_path: Path) -> None:
    path = tmp_path / "talks-2023.yaml"
    path.write_text(
        HEAD + '  - id: m1\n    text: {en: "Data, more.", ar: بيانات.}\n    objectives: [1]\n' + TAIL
    )
    edited = SummaryFile(path)
    edited.set_entries("m1", "text", {"en": "Data, signed, sealed."}, first="en")
    edited.save()
    assert load(path)["messages"][0]["text"] == {"en": "Data, signed, sealed.", "ar": "بيانات."}


def test_lines_added_to_a_file_with_windows_line_ends_end_as_its_lines_do(tmp_path: Path) -> None:
    path = tmp_path / "talks-2023.yaml"
    before, _ = CASES["double quotes and a comment"]
    path.write_bytes((HEAD + before + TAIL).replace("\n", "\r\n").encode("utf-8"))
    edited = SummaryFile(path)
    edited.set_entries("m1", "translated_from", {"ar": "en 1234abcd"})
    edited.save()
    data = path.read_bytes()
    assert b"\r\n    translated_from:\r\n      ar: en 1234abcd\r\n" in data and b"\n" not in data.replace(
        b"\r\n", b""
    )
