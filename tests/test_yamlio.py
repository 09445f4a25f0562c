"""The strict YAML reader: nothing an editor wrote is changed or dropped without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import yamlio, yamlwrite
from pipeline.errors import SourceError
from pipeline.yamlio import YMap, YNull, YSeq, YStr


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return yamlio.load(path)


def error_of(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path, text)
    return "\n".join(str(problem) for problem in caught.value.problems)


def test_scalars_stay_as_written(tmp_path):
    data = load_text(tmp_path, "a: NO\nb: 1.10\nc: 0755\nd: yes\ne: 2024-07-02\nf: '13'\n")
    assert data == {"a": "NO", "b": "1.10", "c": "0755", "d": "yes", "e": "2024-07-02", "f": "13"}
    assert all(isinstance(value, YStr) for value in data.values())
    assert data["f"].quoted and not data["a"].quoted


def test_empty_and_null_values_are_ynull(tmp_path):
    data = load_text(tmp_path, "a:\nb: ~\nc: null\nd: 'null'\n")
    assert isinstance(data["a"], YNull) and isinstance(data["b"], YNull) and isinstance(data["c"], YNull)
    assert data["d"] == "null"


def test_locations_count_from_one(tmp_path):
    data = load_text(tmp_path, "top:\n  - x: 1\n    y: [2, 3]\n")
    assert isinstance(data, YMap) and isinstance(data["top"], YSeq)
    item = data["top"][0]
    assert (item["x"].location.line, item["x"].location.column) == (2, 8)
    assert (item["y"][1].location.line, item["y"][1].location.column) == (3, 12)
    assert item.key_locations["y"].line == 3


def test_empty_file_is_none(tmp_path):
    assert load_text(tmp_path, "# only a comment\n") is None


def test_duplicate_key(tmp_path):
    assert (
        error_of(tmp_path, "a: 1\nb: 2\na: 3\n")
        == "file.yaml:3:1: duplicate key 'a' (first written at line 1)"
    )


def test_anchor(tmp_path):
    assert error_of(tmp_path, "a: &x [1]\nb: 2\n") == (
        "file.yaml:1:4: YAML anchor '&x' is not allowed (write the value out)"
    )


def test_alias_bomb_is_refused_quickly(tmp_path):
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    rows += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]" for i in range(20)]
    message = error_of(tmp_path, "\n".join(rows) + "\n")
    assert message == "file.yaml:1:4: YAML anchor '&a' is not allowed (write the value out)"


def test_tag(tmp_path):
    assert error_of(tmp_path, "a: !!python/object:os.system x\n") == (
        "file.yaml:1:4: YAML tag '!!python/object:os.system' is not allowed"
    )


def test_syntax_error_at_the_right_line(tmp_path):
    text = 'event: x\nmessages:\n  - id: m1\n    text: {en: "unclosed\n  - id: m2\n'
    assert error_of(tmp_path, text) == (
        "file.yaml:6:1: YAML syntax error: found unexpected end of stream "
        '(while scanning a quoted scalar started at line 4); close the quote " opened at line 4, '
        'column 16, at the end of its text, or write \\" for a quotation mark inside double quotes'
    )


def test_several_documents(tmp_path):
    assert error_of(tmp_path, "a: 1\n---\nb: 2\n") == (
        "file.yaml:2:1: YAML syntax error: "
        "expected a single document in the stream, but found another document"
    )


def test_not_utf8(tmp_path):
    assert error_of(tmp_path, b"a: 1\nb: caf\xe9\n") == (
        "file.yaml:2:7: not UTF-8 text (invalid continuation byte); save the file as UTF-8"
    )


def test_control_character(tmp_path):
    assert error_of(tmp_path, b"a: 1\nb: x\x07\n") == (
        "file.yaml:2:5: character U+0007 is not allowed in YAML; remove it"
    )


def test_dump_round_trips_strings_that_look_like_other_types(tmp_path):
    data = {"a": "NO", "b": "1.10", "c": "0755", "d": "2024-07-02", "list": [1, "x"], "text": "نص عربي"}
    path = tmp_path / "out.yaml"
    yamlwrite.dump(data, path, header="a header")
    assert path.read_text(encoding="utf-8").startswith("# a header\n")
    assert "نص عربي" in path.read_text(encoding="utf-8")
    loaded = yamlio.load(path)
    assert loaded == {
        "a": "NO",
        "b": "1.10",
        "c": "0755",
        "d": "2024-07-02",
        "list": ["1", "x"],
        "text": "نص عربي",
    }
