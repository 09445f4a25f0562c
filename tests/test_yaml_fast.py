"""libyaml's parser reads a file exactly as PyYAML's does, or the file is left to PyYAML's.

pipeline.yamlio composes with libyaml when the file is written as editors write them; anything
it refuses is composed again by PyYAML, so that the messages stay PyYAML's. Here both read the
same texts, mutated at random around YAML's syntax, and must agree on every value, place,
quote, comment and problem.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import yamlcompose, yamlio

if yamlcompose._CParser is None:
    pytest.skip("PyYAML was built without libyaml: only its own parser is used", allow_module_level=True)

DOCUMENT = """\
# A summary, as editors write them
event: talks-2023   # the event's id
language: ar
messages:
  - id: m1
    objectives: [5, 6]
    text:
      ar: «وفق الهدفين الخامس والسادس» ١٢
      en: 'Quoted: yes'
      fr: "l'objectif n° 7"
    note: |
      first line
      second line
  - id: m2
    text: {en: flow, ar: ''}
    flow: {b: }
    empty:
    nulls: ~
"""
# What is typed in YAML by mistake or on purpose: indicators, quotes, spaces, breaks, tabs.
PIECES = st.sampled_from(
    [":", ": ", "-", "- ", "#", " #", "'", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!", "!!str ", "|",
     ">", "?", " ", "  ", "\n", "\n  ", "\t", "%", "@", "`", "é", "ال", "\u00a0", "key: v\n", "x"]
)  # fmt: skip


def tree(value: object) -> object:
    if isinstance(value, yamlio.YStr):
        return ("s", str(value), value.location, value.quoted, value.comment)
    if isinstance(value, yamlio.YNull):
        return ("n", value.location, value.comment)
    if isinstance(value, yamlio.YSeq):
        return ("l", value.location, [tree(item) for item in value])
    if isinstance(value, yamlio.YMap):
        return ("m", value.location, [(k, value.key_locations[k], tree(v)) for k, v in value.items()])
    return value


def read(tmp_path: object, data: bytes, fast: bool) -> object:
    try:
        node = yamlcompose.compose(data, fast=fast)
    except yamlcompose.Rejected as rejected:
        return ("rejected", rejected.message, rejected.mark.line, rejected.mark.column)
    except Exception as error:  # noqa: BLE001 - PyYAML's errors, compared whole
        return ("error", type(error).__name__, str(error))
    if node is None:
        return None
    problems: list[yamlio.Problem] = []
    value = yamlio._convert(node, yamlio.Path("summary.yaml"), yamlio._lines(data), problems)
    return tree(value), problems


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(DOCUMENT)), st.integers(0, 3), PIECES), max_size=4))
def test_libyaml_and_pyyaml_read_the_same(edits: list[tuple[int, int, str]]) -> None:
    text = DOCUMENT
    for position, removed, piece in edits:
        position = min(position, len(text))
        text = text[:position] + piece + text[position + removed :]
    data = text.encode("utf-8")
    assert read(None, data, fast=True) == read(None, data, fast=False)


def test_an_editors_file_is_read_by_libyaml() -> None:
    written = DOCUMENT.replace("    text: {en: flow, ar: ''}\n    flow: {b: }\n", "").encode("utf-8")
    assert not yamlcompose._NOT_PLAIN.search(written)
    node = yamlcompose.compose(written)
    assert node is not None and node.start_mark.__class__.__module__ != "yaml.error"
