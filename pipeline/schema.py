"""Turn located YAML values into typed values, recording each problem where it was written.

Every reader here records problems instead of raising, so that one run reports every problem in
every file (a stage raises once, at its end).
"""

from __future__ import annotations

import datetime
import difflib
import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pipeline import yamlio
from pipeline.errors import Location, Problem, SourceError
from pipeline.model import SOURCE_LANGUAGES, EventDate, Localized, Precision
from pipeline.text import clean_text, western_digits
from pipeline.yamlio import YMap, YNull, YSeq, YStr, YValue

E = TypeVar("E", bound=enum.Enum)

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_FORMS = "YYYY-MM, YYYY-MM-DD or a range START/END of either"


@dataclass
class Diagnostics:
    """The problems (errors) and notices (reported, not fatal) found while reading sources."""

    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    def problem(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def notice(self, location: Location, message: str) -> None:
        self.notices.append(Problem(location, message))


def load_yaml(path: Path, diagnostics: Diagnostics) -> YValue | None:
    """Return the located content of *path*, recording its problems; None if unreadable or empty."""
    try:
        content = yamlio.load(path)
    except SourceError as error:
        diagnostics.problems.extend(error.problems)
        return None
    if content is None:
        diagnostics.problem(Location(path), "the file is empty")
    return content


def closest(word: str, choices) -> str | None:
    """Return the one of *choices* most like *word*, if any is close enough to be a misspelling."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def expectation(word: str, choices) -> str:
    """Return "did you mean 'x'?" for a close choice, else "expected one of: a, b, c"."""
    suggestion = closest(word, choices)
    return f"did you mean '{suggestion}'?" if suggestion else f"expected one of: {', '.join(choices)}"


def kind_of(value: YValue) -> str:
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    if isinstance(value, YNull):
        return "nothing"
    return f"'{value}'"


def _in(context: str) -> str:
    return f" in {context}" if context else ""


def _of(name: str, context: str) -> str:
    return f"{name} of {context}" if context else name


class Fields:
    """The keys of one mapping; `check` reports unknown keys and missing required keys."""

    def __init__(self, value: YValue, what: str, diagnostics: Diagnostics):
        self.location = value.location
        self.valid = isinstance(value, YMap)
        self._map: YMap = value if isinstance(value, YMap) else YMap(value.location)
        self._diagnostics = diagnostics
        if not self.valid:
            diagnostics.problem(
                value.location, f"expected {what} as a mapping of keys, found {kind_of(value)}"
            )

    def check(
        self, allowed: tuple[str, ...], required: tuple[str, ...], context: str, noun: str = "key"
    ) -> None:
        """Report keys not in *allowed* (suggesting the closest) and keys of *required* not given."""
        suggested = set()
        for key, key_location in self._map.key_locations.items():
            if key in allowed:
                continue
            suggested.add(closest(key, allowed))
            self._diagnostics.problem(
                key_location, f"unknown {noun} '{key}' in {context} ({expectation(key, allowed)})"
            )
        for key in required:
            # A misspelt key was already reported with this key as its suggestion.
            if key not in suggested and self.get(key) is None:
                self._diagnostics.problem(self.key_location(key), f"{context} has no '{key}'")

    def get(self, key: str) -> YValue | None:
        """Return the value of *key*, or None when it is absent or empty."""
        value = self._map.get(key)
        return None if isinstance(value, YNull) else value

    def keys(self) -> list[str]:
        return list(self._map)

    def key_location(self, key: str) -> Location:
        return self._map.key_locations.get(key, self.location)


def text(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> str | None:
    """Return cleaned text; report a value that is not text, or text that is blank."""
    if not isinstance(value, YStr):
        diagnostics.problem(value.location, f"expected text for {name}{_in(context)}, found {kind_of(value)}")
        return None
    cleaned, notes = clean_text(value)
    for note in notes:
        diagnostics.notice(value.location, f"{name}{_in(context)}: {note}")
    if not cleaned:
        diagnostics.problem(value.location, f"{name}{_in(context)} is blank")
        return None
    return cleaned


def localized(
    value: YValue,
    name: str,
    diagnostics: Diagnostics,
    context: str = "",
    required: tuple[str, ...] = (),
    default_language: str | None = None,
) -> Localized | None:
    """Return a Localized from a mapping `{ar: ..., en: ...}`.

    With *default_language*, plain text is accepted as text in that language. Languages in
    *required* must have text.
    """
    label = _of(name, context)
    if isinstance(value, YStr) and default_language:
        content = text(value, label, diagnostics)
        return Localized(**{default_language: content}) if content else None
    fields = Fields(value, label, diagnostics)
    if not fields.valid:
        return None
    fields.check(SOURCE_LANGUAGES, (), label, noun="language")
    texts = {}
    for language in SOURCE_LANGUAGES:
        entry = fields.get(language)
        if entry is not None:
            texts[language] = text(entry, _of(f"{name}.{language}", context), diagnostics)
    missing = [language for language in required if language not in texts]
    if missing:
        diagnostics.problem(
            fields.location,
            f"{label} has no text in {' or '.join(missing)} (expected text in {' and '.join(required)})",
        )
    elif not texts and all(key in SOURCE_LANGUAGES for key in fields.keys()):
        diagnostics.problem(fields.location, f"{label} is empty (expected text in ar, en or fr)")
    result = Localized(**{language: content for language, content in texts.items() if content})
    return result if result.languages else None


def boolean(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> bool | None:
    if isinstance(value, YStr) and not value.quoted:
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
    diagnostics.problem(
        value.location, f"expected true or false for {name}{_in(context)}, found {kind_of(value)}"
    )
    return None


def integer(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> int | None:
    """Return a whole number written in Western, Arabic-Indic or Persian digits."""
    if isinstance(value, YStr):
        digits = western_digits(value.strip())
        if digits.isascii() and digits.isdigit():
            return int(digits)
    diagnostics.problem(
        value.location, f"expected a whole number for {name}{_in(context)}, found {kind_of(value)}"
    )
    return None


def choice(
    value: YValue, enumeration: type[E], name: str, diagnostics: Diagnostics, context: str = ""
) -> E | None:
    """Return the member of *enumeration* whose value is written, or report the allowed values."""
    allowed = [member.value for member in enumeration]
    for member in enumeration:
        if isinstance(value, YStr) and member.value == value:
            return member
    written = str(value) if isinstance(value, YStr) else ""
    diagnostics.problem(
        value.location,
        f"unknown {name} {kind_of(value)}{_in(context)} ({expectation(written, allowed)})",
    )
    return None


def sequence(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> YSeq | None:
    if isinstance(value, YSeq):
        return value
    diagnostics.problem(value.location, f"expected a list for {name}{_in(context)}, found {kind_of(value)}")
    return None


def iso_date(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> datetime.date | None:
    if isinstance(value, YStr):
        match = _DAY.fullmatch(value.strip())
        if match:
            try:
                return datetime.date(*map(int, match.groups()))
            except ValueError:
                pass
    diagnostics.problem(
        value.location, f"malformed {name} {kind_of(value)}{_in(context)} (expected YYYY-MM-DD)"
    )
    return None


def _date_end(written: str) -> EventDate | None:
    try:
        if match := _DAY.fullmatch(written):
            day = datetime.date(*map(int, match.groups()))
            return EventDate(day, day, Precision.DAY)
        if match := _MONTH.fullmatch(written):
            return EventDate.month(*map(int, match.groups()))
    except ValueError:
        return None
    return None


def event_date(value: YValue, name: str, diagnostics: Diagnostics, context: str = "") -> EventDate | None:
    """Return the month, day or range written as 2024-07, 2024-07-02 or 2024-07-03/2024-07-04."""
    if isinstance(value, YStr):
        ends = [_date_end(part.strip()) for part in value.split("/")]
        if len(ends) in (1, 2) and all(ends):
            first, last = ends[0], ends[-1]
            if first.precision is last.precision and first.start <= last.end:
                return EventDate(first.start, last.end, first.precision)
    diagnostics.problem(
        value.location, f"malformed {name} {kind_of(value)}{_in(context)} (expected {DATE_FORMS})"
    )
    return None
