"""One conversion of typed values into plain data, steered by field metadata; Localized text."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.languages import Localized
from pipeline.plain import FLATTEN, KEY, OMIT_DEFAULT, SKIP, plain


class Colour(enum.Enum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    number: int
    colour: Colour


@dataclass(frozen=True)
class Outer:
    uid: str = field(metadata={KEY: "id"})
    inner: Inner = field(metadata=FLATTEN)
    when: datetime.date = datetime.date(2024, 9, 16)
    sample: bool = field(default=False, metadata=OMIT_DEFAULT)
    items: tuple[Path, ...] = ()
    texts: Localized = Localized()
    secret: str = field(default="python only", metadata=SKIP)


def test_fields_in_declared_order_renamed_flattened_skipped():
    value = Outer("e#m1", Inner(3, Colour.RED), texts=Localized(en="Hello", ar="مرحبا"))
    assert plain(value) == {
        "id": "e#m1",
        "number": 3,
        "colour": "red",
        "when": "2024-09-16",
        "items": [],
        "texts": {"ar": "مرحبا", "en": "Hello"},
    }
    assert list(plain(value)) == ["id", "number", "colour", "when", "items", "texts"]


def test_a_field_left_at_its_default_is_omitted_only_when_asked():
    assert plain(Outer("x", Inner(1, Colour.RED), sample=True))["sample"] is True


def test_callers_convert_some_types_their_own_way_first():
    value = Outer("x", Inner(1, Colour.RED), items=(Path("a/b.yaml"),))
    converted = plain(value, {Path: lambda path: f"<{path.name}>", str: str.upper})
    assert converted["items"] == ["<b.yaml>"] and converted["id"] == "X"


def test_an_unknown_type_is_an_error_not_a_guess():
    with pytest.raises(TypeError, match="no plain form for a object"):
        plain(object())


def test_localized_keeps_the_table_order_and_drops_empty_texts():
    text = Localized({"fr": "Bonjour", "en": "Hello", "ar": ""})
    assert text.languages == ("en", "fr")
    assert text == Localized(en="Hello", fr="Bonjour") and hash(text) == hash(
        Localized(fr="Bonjour", en="Hello")
    )
    assert text.get("ar") is None and text["en"] == "Hello"


def test_localized_refuses_a_language_outside_the_table():
    with pytest.raises(ValueError, match="no language de in the language table"):
        Localized(de="Hallo")
