"""Numbering and dates as each output language writes them."""

from __future__ import annotations

import datetime

import pytest

from pipeline.languages import ARABIC, ENGLISH
from pipeline.model import EventDate, Precision
from pipeline.render.conventions import fix_digit_ranges, written_date


def day(year, month, number, last=None):
    last = last or (year, month, number)
    return EventDate(datetime.date(year, month, number), datetime.date(*last), Precision.DAY)


def months(first, last):
    return EventDate(EventDate.month(*first).start, EventDate.month(*last).end, Precision.MONTH)


@pytest.mark.parametrize(
    ("date", "english", "arabic"),
    [
        (EventDate.month(2022, 9), "September 2022", "أيلول/سبتمبر 2022"),
        (day(2024, 7, 2), "2 July 2024", "2 تموز/يوليه 2024"),
        (day(2024, 7, 3, (2024, 7, 4)), "3–4 July 2024", "\u200e3-4\u200e تموز/يوليه 2024"),
        (day(2024, 6, 30, (2024, 7, 2)), "30 June–2 July 2024", "30 حزيران/يونيه-2 تموز/يوليه 2024"),
        (months((2024, 7), (2024, 12)), "second half of 2024", "النصف الثاني من عام 2024"),
        (
            months((2023, 11), (2024, 1)),
            "November 2023–January 2024",
            "تشرين الثاني/نوفمبر 2023-كانون الثاني/يناير 2024",
        ),
    ],
)
def test_dates(date, english, arabic):
    assert written_date(date, ENGLISH) == unbroken(english)
    assert written_date(date, ARABIC) == unbroken(arabic)


def unbroken(text: str) -> str:
    """Return *text* as a date is written: no line break inside it (no-break spaces, and a word
    joiner after each slash and range dash)."""
    return text.replace(" ", "\u00a0").replace("/", "/\u2060").replace("–", "–\u2060").replace("-", "-\u2060")


def test_a_date_never_breaks():
    assert (
        written_date(day(2024, 7, 3, (2024, 7, 4)), ARABIC)
        == "\u200e3-\u20604\u200e\u00a0تموز/\u2060يوليه\u00a02024"
    )
    assert written_date(day(2024, 7, 3, (2024, 7, 4)), ENGLISH) == "3–\u20604\u00a0July\u00a02024"


def test_labels():
    assert [ENGLISH.paragraph_label(n) for n in (1, 12)] == ["1.", "12."]
    assert [ARABIC.paragraph_label(n) for n in (1, 12)] == ["1 -", "12 -"]
    assert [ENGLISH.chapter_label(i) for i in range(4)] == ["I.", "II.", "III.", "IV."]
    assert [ARABIC.chapter_label(i) for i in range(4)] == ["أولا -", "ثانيا -", "ثالثا -", "رابعا -"]
    assert [ENGLISH.section_label(i) for i in range(5)] == ["A.", "B.", "C.", "D.", "E."]
    assert [ARABIC.section_label(i) for i in range(5)] == ["ألف -", "باء -", "جيم -", "دال -", "هاء -"]


def test_digit_ranges_are_enclosed_in_left_to_right_marks():
    assert fix_digit_ranges("للفترة 2024-2026 و2030") == "للفترة \u200e2024-2026\u200e و2030"
    assert fix_digit_ranges("الغاية 10.7") == "الغاية 10.7"
