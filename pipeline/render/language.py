"""The words and numbering conventions of each output language (UN editorial practice)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import EventDate, Phase, Precision

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# UN Arabic chapter headings: "أولا -", "ثانيا -"…
_AR_ORDINALS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")
# UN Arabic first-degree subheadings spell the letters: "ألف -", "باء -", "جيم -", "دال -"…
_AR_LETTERS = ("ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# UN Arabic documents name months twice, Levantine/Western: "تموز/يوليه".
_AR_MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)
_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


@dataclass(frozen=True)
class Language:
    """How one output language writes numbers, dates and the document's fixed words."""

    code: str
    rtl: bool
    paragraph_format: str
    chapter_numbers: tuple[str, ...]
    section_letters: tuple[str, ...]
    months: tuple[str, ...]
    objective_heading: str
    translation_pending: str
    closed_meeting: str
    second_half: str
    phases: dict[Phase, str]
    note_format: str
    list_separator: str
    annex_cross_cutting: str
    range_dash: str

    def paragraph_label(self, number: int) -> str:
        """Return the label of numbered paragraph *number*: "12." or "12 -"."""
        return self.paragraph_format.format(number)

    def chapter_label(self, index: int) -> str:
        """Return the label of chapter *index* (0-based): "I." or "أولا -"."""
        return self.chapter_numbers[index]

    def section_label(self, index: int) -> str:
        """Return the label of first-degree subheading *index* (0-based): "A." or "ألف -"."""
        return self.section_letters[index]

    def date(self, date: EventDate) -> str:
        """Return an event date as the document writes it: "3–4 July 2024", "أيلول/سبتمبر 2023"."""
        written = self._date(date)
        return fix_digit_ranges(written) if self.rtl else written

    def _date(self, date: EventDate) -> str:
        start, end = date.start, date.end
        if date.precision is Precision.DAY:
            if start == end:
                return f"{start.day} {self.months[start.month - 1]} {start.year}"
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.day}{self.range_dash}{end.day} {self.months[start.month - 1]} {start.year}"
            first = f"{start.day} {self.months[start.month - 1]}"
            if start.year != end.year:
                first += f" {start.year}"
            return f"{first}{self.range_dash}{end.day} {self.months[end.month - 1]} {end.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{self.months[start.month - 1]} {start.year}"
        if start.year == end.year and (start.month, end.month) == (7, 12):
            return self.second_half.format(year=start.year)
        first = self.months[start.month - 1] + ("" if start.year == end.year else f" {start.year}")
        return f"{first}{self.range_dash}{self.months[end.month - 1]} {end.year}"

    @staticmethod
    def language_name(code: str) -> str:
        """Return the English name UN mastheads use for a language ("Original: English")."""
        return _LANGUAGE_NAMES[code]


ENGLISH = Language(
    code="en",
    rtl=False,
    paragraph_format="{}.",
    chapter_numbers=tuple(f"{numeral}." for numeral in _ROMAN),
    section_letters=tuple(f"{letter}." for letter in "ABCDEFGHIJ"),
    months=_EN_MONTHS,
    objective_heading="Objective {number}: {title}",
    translation_pending="[translation pending]",
    closed_meeting="(closed)",
    second_half="second half of {year}",
    phases={
        Phase.PREPARATORY: "Preparatory process",
        Phase.REGIONAL_REVIEW: "Regional review",
        Phase.FOLLOW_UP: "Follow-up",
    },
    note_format="{title} ({organizer}, {date}).",
    list_separator="; ",
    annex_cross_cutting="Cross-cutting messages",
    range_dash="–",
)

ARABIC = Language(
    code="ar",
    rtl=True,
    paragraph_format="{} -",
    chapter_numbers=tuple(f"{ordinal} -" for ordinal in _AR_ORDINALS),
    section_letters=tuple(f"{letter} -" for letter in _AR_LETTERS),
    months=_AR_MONTHS,
    objective_heading="الهدف {number}: {title}",
    translation_pending="[الترجمة قيد الإعداد]",
    closed_meeting="(مغلق)",
    second_half="النصف الثاني من عام {year}",
    phases={
        Phase.PREPARATORY: "العملية التحضيرية",
        Phase.REGIONAL_REVIEW: "الاستعراضات الإقليمية",
        Phase.FOLLOW_UP: "المتابعة",
    },
    note_format="{title} ({organizer}، {date}).",
    list_separator="؛ ",
    annex_cross_cutting="الرسائل الشاملة",
    # A hyphen keeps a day range such as 3-4 in one left-to-right run inside Arabic text.
    range_dash="-",
)

LANGUAGES = {language.code: language for language in (ENGLISH, ARABIC)}

_DIGIT_RANGE = re.compile(r"\d+(?:\s?[-–]\s?\d+)+")


def fix_digit_ranges(text: str) -> str:
    """Keep digit ranges (2024-2026) reading left to right inside right-to-left text.

    After Arabic letters, the bidirectional algorithm lays out "2024-2026" as "2026-2024";
    left-to-right marks around the range keep it in order in Word, LibreOffice, Typst and PDF
    readers alike.
    """
    return _DIGIT_RANGE.sub(lambda match: f"\u200e{match.group(0)}\u200e", text)
