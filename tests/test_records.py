"""Records read from a table of keys: complete or problems, never half-built; the table is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import schema
from pipeline.errors import Diagnostics, Location
from pipeline.records import Field, Record, Scope
from pipeline.yamlio import YValue, load


def read(record: Record[Any], text: str, tmp_path: Path) -> tuple[Any, Diagnostics]:
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    content = load(path)
    assert content is not None
    diagnostics = Diagnostics()
    return record.read(content, Scope(diagnostics)), diagnostics


def pair(values: dict[str, Any], location: Location) -> tuple[Any, ...]:
    return tuple(values.values())


def test_a_field_read_after_another_sees_its_value(tmp_path):
    def doubled(value: YValue, name: str, scope: Scope) -> int | None:
        number = schema.integer(value, name, scope)
        return None if number is None else number * scope.values["factor"]

    record = Record(
        "a pair", {"product": Field(doubled, after="factor"), "factor": Field(schema.integer)}, pair
    )
    assert read(record, "product: 3\nfactor: 2\n", tmp_path)[0] == (6, 2)


def test_a_record_with_a_problem_is_not_built(tmp_path):
    record = Record("a pair", {"a": Field(schema.integer), "b": Field(schema.integer, default=0)}, pair)
    built, diagnostics = read(record, "a: one\nc: 2\n", tmp_path)
    assert built is None
    assert sorted(p.message for p in diagnostics.problems) == [
        "expected a whole number for a, found 'one'",
        "unknown key 'c' in a pair (expected one of: a, b)",
    ]


def test_a_table_that_reads_after_an_unknown_field_or_in_a_circle_is_refused():
    with pytest.raises(ValueError, match="field 'a' is read after 'b', which is not one of its fields"):
        Record("a pair", {"a": Field(schema.integer, after="b")}, pair)
    with pytest.raises(ValueError, match=r"field 'a' is read after itself \(through a, b\)"):
        Record("a pair", {"a": Field(schema.integer, after="b"), "b": Field(schema.integer, after="a")}, pair)


def test_fields_are_read_down_a_chain_of_afters(tmp_path):
    order = []

    def noting(value, name, scope):
        order.append((name, sorted(scope.values)))
        return schema.integer(value, name, scope)

    fields = {
        "c": Field(noting, after="b"),
        "b": Field(noting, after="a"),
        "a": Field(noting),
    }
    built, _ = read(Record("a triple", fields, lambda values, placed: values), "c: 3\nb: 2\na: 1\n", tmp_path)
    assert built == {"c": 3, "b": 2, "a": 1}
    assert order == [("a", []), ("b", ["a"]), ("c", ["a", "b"])]


def test_a_reader_that_gives_nothing_without_a_problem_is_a_bug_not_a_record(tmp_path):
    record = Record("a pair", {"a": Field(lambda value, name, scope: None)}, pair)
    with pytest.raises(ValueError, match="the reader of 'a' returned nothing and recorded no problem"):
        read(record, "a: 1\n", tmp_path)
