"""How the document writes what the language table does not spell out: dates, and digit ranges in
right-to-left text."""

from __future__ import annotations

import re

from pipeline.languages import DocumentLanguage
from pipeline.model import EventDate, Precision

_DIGIT_RANGE = re.compile(r"\d+(?:\s?[-–]\u2060?\s?\d+)+")


def written_date(date: EventDate, language: DocumentLanguage) -> str:
    """Return an event date as the document writes it: "3–4 July 2024", "أيلول/سبتمبر 2023"."""
    written = _date(date, language)
    return fix_digit_ranges(written) if language.rtl else written


NO_BREAK = "\u00a0"  # between a day, its month and its year
JOINER = "\u2060"  # after the slash of «تموز/يوليه» and the dash of a range: no line break there


def _month(name: str) -> str:
    """Return a month's name that no line breaks: «تشرين الأول/أكتوبر»."""
    return name.replace(" ", NO_BREAK).replace("/", "/" + JOINER)


def _date(date: EventDate, language: DocumentLanguage) -> str:
    """Return *date* with its parts held together: "3–4 July 2024" breaks nowhere."""
    return _date_parts(date, language).replace(" ", NO_BREAK)


def _date_parts(date: EventDate, language: DocumentLanguage) -> str:
    start, end, dash = date.start, date.end, language.range_dash + JOINER
    months = [_month(name) for name in language.months]
    if date.precision is Precision.DAY:
        if start == end:
            return f"{start.day} {months[start.month - 1]} {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{dash}{end.day} {months[start.month - 1]} {start.year}"
        first = f"{start.day} {months[start.month - 1]}"
        if start.year != end.year:
            first += f" {start.year}"
        return f"{first}{dash}{end.day} {months[end.month - 1]} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{months[start.month - 1]} {start.year}"
    if start.year == end.year and (start.month, end.month) == (7, 12):
        return language.words.second_half.format(year=start.year)
    first = months[start.month - 1] + ("" if start.year == end.year else f" {start.year}")
    return f"{first}{dash}{months[end.month - 1]} {end.year}"


def fix_digit_ranges(text: str) -> str:
    """Keep digit ranges (2024-2026) reading left to right inside right-to-left text.

    After Arabic letters, the bidirectional algorithm lays out "2024-2026" as "2026-2024";
    left-to-right marks around the range keep it in order in Word, LibreOffice, Typst and PDF
    readers alike.
    """
    return _DIGIT_RANGE.sub(lambda match: f"\u200e{match.group(0)}\u200e", text)
