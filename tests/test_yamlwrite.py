"""The YAML writer: libyaml's output, re-indented, is byte for byte what PyYAML's emitter writes."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import yamlwrite

if yamlwrite._CEmitter is None:
    pytest.skip("PyYAML was built without libyaml: the fast writer is not used", allow_module_level=True)

# Texts as summaries hold them (Arabic, French, quotes, colons, dashes, digits, spaces at either
# end), and now and then any character at all (then PyYAML writes them itself).
_ALPHABET = st.sampled_from(
    list("abcXYZ019 -:#'\"[]{},&*!|>%@`?") + list("الهدفين ٣ ـ") + ["é", "’", "\u00a0", "\u200f", "\t"]
)
_TEXT = st.one_of(st.text(_ALPHABET, max_size=30), st.text(max_size=8))
_SCALAR = st.one_of(_TEXT, st.integers(-(10**20), 10**20), st.booleans(), st.none())
_KEY = st.one_of(
    st.text(st.sampled_from(list("abz_-09 :'")), min_size=1, max_size=12), st.text(min_size=1, max_size=4)
)
_DATA = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_KEY, inner, max_size=5)),
    max_leaves=40,
)


def reference(data: object) -> str:
    return yaml.dump(data, Dumper=yamlwrite.PlainDumper, **yamlwrite._OPTIONS)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA)
def test_the_fast_writer_writes_what_pyyaml_writes(data: object) -> None:
    if yamlwrite.simple(data):
        assert yamlwrite.fast_dumps(data) == reference(data)
    assert yamlwrite.dumps(data) == reference(data)


def test_a_summary_like_document_is_written_by_the_fast_writer_and_reads_back() -> None:
    data = {
        "event": "talks-2023",
        "messages": [
            {"id": "m1", "objectives": [5, 6], "text": {"ar": "الهدفين الخامس والسادس", "en": "Yes: no"}},
            {"id": "m2", "nested": [{"a": [], "b": {}}, [1, [2, 3]]], "text": {"en": "- a dash"}},
        ],
    }
    assert yamlwrite.simple(data)
    written = yamlwrite.dumps(data, header="a header")
    assert written.startswith("# a header\nevent: talks-2023\nmessages:\n  - id: m1\n")
    assert written == "# a header\n" + reference(data)
    assert yaml.safe_load(written) == data


def test_a_long_arabic_key_is_left_to_pyyaml() -> None:
    data = {"ا" * 70: "x"}
    assert not yamlwrite.simple(data)
    assert yamlwrite.dumps(data) == reference(data)


@pytest.mark.parametrize("text", ["two\nlines", "a\u2028b", "bom\ufeff", "nel\x85"])
def test_text_that_could_span_lines_is_left_to_pyyaml(text: str) -> None:
    data = {"texts": [text]}
    assert not yamlwrite.simple(data)
    assert yamlwrite.dumps(data) == reference(data)
