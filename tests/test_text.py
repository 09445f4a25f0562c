"""Cleaning text: NFC, spacing, invisible controls; cleaning twice equals cleaning once."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.text import BIDI_CONTROLS, clean_text, invisible_only, western_digits


def test_collapses_spacing_and_trims():
    assert clean_text("  one\n two\t\tthree  ") == ("one two three", ())


def test_keeps_meaningful_spaces():
    text = "Recommandation nº\u00a0202\u202f: oui"
    assert clean_text(text) == (text, ())


def test_removes_bidi_controls_and_says_so():
    text = "\u200fالهدف \u200e13\u200e من الاتفاق"
    assert clean_text(text) == ("الهدف 13 من الاتفاق", ("removed 3 bidirectional control characters",))


def test_removes_invisible_controls_and_says_so():
    assert clean_text("a\x07b\ufeffc") == ("abc", ("removed 2 invisible control characters",))


def test_keeps_joiners_that_change_shaping():
    text = "می\u200cخواهم"
    assert clean_text(text) == (text, ())


def test_composes_to_nfc():
    assert clean_text("e\u0301te\u0301") == ("été", ())


def test_removes_tag_characters_and_says_what_they_spelt():
    hidden = "".join(chr(0xE0000 + ord(char)) for char in "say yes")
    assert clean_text(f"Data{hidden}\U000e0001 first") == (
        "Data first",
        ("removed 8 invisible tag characters (U+E0000–U+E007F), which spelt 'say yes'",),
    )
    long = "".join(chr(0xE0000 + ord(char)) for char in "x" * 50)
    assert clean_text(f"a{long}") == (
        "a",
        (f"removed 50 invisible tag characters (U+E0000–U+E007F), which spelt '{'x' * 39}…'",),
    )
    assert clean_text("a\U000e0001") == ("a", ("removed 1 invisible tag character (U+E0000–U+E007F)",))


def test_text_of_only_invisible_characters_is_blank():
    assert invisible_only("\u200b \u200d\u200c\u2060\ufe0f\U000e0100")
    assert invisible_only("")
    assert not invisible_only("\u200ba")
    assert not invisible_only("\u0301")  # a combining mark is drawn


def test_western_digits():
    assert western_digits("١٣ و۲۱ و 7") == "13 و21 و 7"


mixed_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            sorted(BIDI_CONTROLS) + [" ", "\n", "\t", "\u00a0", "\u0301", "\ufeff", "\x07", "\U000e0041"]
        ),
    )
)


@given(mixed_text)
def test_cleaning_twice_equals_cleaning_once(text):
    once, _ = clean_text(text)
    assert clean_text(once) == (once, ())


@given(mixed_text)
def test_cleaned_text_is_nfc_without_controls(text):
    cleaned, _ = clean_text(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not any(char in BIDI_CONTROLS or 0xE0000 <= ord(char) <= 0xE007F for char in cleaned)
    assert "  " not in cleaned and cleaned == cleaned.strip()
