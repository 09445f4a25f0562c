"""Readers of single located YAML values: text, text in several languages, true or false, whole
numbers, dates, choices among an enumeration, identifiers.

Each reader takes the value, its name (the key it is written under) and the scope it is read in,
and returns the typed value, or records each problem where it was written (a reader may record a
problem and still return what it could read, so that later checks see it; the record it belongs
to is then not built). Readers that need a parameter are made by a function of it: `choice(Kind)`.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable
from typing import TypeVar

from pipeline import limits
from pipeline.errors import excerpt
from pipeline.languages import SOURCE_LANGUAGES, Localized
from pipeline.model import EventDate, Precision
from pipeline.records import Reader, Scope, expectation, kind_of, mapping, sequence
from pipeline.text import clean_text, invisible_only, text_problems, western_digits
from pipeline.yamlio import YMap, YNull, YStr, YValue

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_FORMS = "YYYY-MM, YYYY-MM-DD or a range START/END of either"
_COMMENT_SHOWN = 24  # characters of a comment quoted in a problem


def _any_of(choices: tuple[str, ...]) -> str:
    """Return "a, b or c"."""
    return ", ".join(choices[:-1]) + " or " + choices[-1] if len(choices) > 1 else "".join(choices)


def _of(name: str, context: str) -> str:
    return f"{name} of {context}" if context else name


def text(value: YValue, name: str, scope: Scope) -> str | None:
    """Return cleaned text; report a value that is not text, or text that is blank."""
    if not isinstance(value, YStr):
        scope.problem(value.location, f"expected text for {name}{scope.where}, found {kind_of(value)}")
        return None
    cleaned, notes = clean_text(value)
    for note in notes:
        scope.notice(value.location, f"{name}{scope.where}: {note}")
    if invisible_only(cleaned):
        hidden = ", ".join(dict.fromkeys(f"U+{ord(char):04X}" for char in cleaned))
        scope.problem(
            value.location,
            f"{name}{scope.where} is blank"
            + (f" (only invisible characters: {excerpt(hidden)})" if hidden else ""),
        )
        return None
    refused = text_problems(cleaned)
    for problem in refused:
        scope.problem(value.location, f"{name}{scope.where}: {problem}")
    return None if refused else cleaned


def free_text(value: YValue, name: str, scope: Scope) -> str | None:
    """Return cleaned text that is prose (a message, a title), where a ` #` the editor typed would
    silently end it: refuse a plain scalar that a comment follows on its line."""
    if _cut_by_comment(value, name, scope):
        return None
    return text(value, name, scope)


def _cut_by_comment(value: YValue, name: str, scope: Scope) -> bool:
    """Report text that a comment ends (or, after an empty value, replaces); tell if there was."""
    if not isinstance(value, YStr | YNull) or value.comment is None:
        return False
    comment = value.comment.text
    shown = comment if len(comment) <= _COMMENT_SHOWN else comment[: _COMMENT_SHOWN - 1] + "…"
    scope.problem(
        value.comment.location,
        f"{name}{scope.where}: the text stops at ' {shown}': YAML reads what follows as a comment; "
        "put the whole text in quotes",
    )
    return True


def identifier(pattern: re.Pattern[str], complaint: str) -> Reader[str]:
    """Return a reader of text that must match *pattern*; *complaint* says what it is not: {} is
    the text, {name} and {where} the key and the record it is written in."""

    def read(value: YValue, name: str, scope: Scope) -> str | None:
        written = text(value, name, scope)
        if written and not pattern.fullmatch(written):
            scope.problem(value.location, complaint.format(excerpt(written), name=name, where=scope.where))
        return written

    return read


def sequence_of(one: Reader[T]) -> Reader[tuple[T, ...]]:
    """Return a reader of a list whose items *one* reads."""

    def read(value: YValue, name: str, scope: Scope) -> tuple[T, ...] | None:
        items = sequence(value, name, scope)
        if items is None:
            return None
        read = [one(item, f"an item of {name}", scope) for item in items]
        return tuple(item for item in read if item is not None)

    return read


def identifiers(pattern: re.Pattern[str], complaint: str) -> Reader[tuple[str, ...]]:
    """Return a reader of a list of texts that must each match *pattern* (see `identifier`)."""
    return sequence_of(identifier(pattern, complaint))


def localized(
    required: tuple[str, ...] | Callable[[Scope], tuple[str, ...]] = (), default_language: str | None = None
) -> Reader[Localized]:
    """Return a reader of a mapping `{ar: ..., en: ...}` with text in each of the *required* languages.

    *required* may depend on the record's values read before (a function of the scope). With
    *default_language*, plain text is accepted as text in that language.
    """

    def read(value: YValue, name: str, scope: Scope) -> Localized | None:
        label = _of(name, scope.context)
        if isinstance(value, YStr) and default_language:
            content = free_text(value, label, scope.within(""))
            return Localized({default_language: content}) if content else None
        fields = mapping(value, label, scope)
        if fields is None:
            return None
        fields.check(SOURCE_LANGUAGES, (), label, scope, noun="language")
        texts = {}
        for language in SOURCE_LANGUAGES:
            entry = fields.get(language)
            written = fields.mapping.get(language)
            if isinstance(written, YNull):
                _cut_by_comment(written, _of(f"{name}.{language}", scope.context), scope.within(""))
            if entry is not None:
                texts[language] = free_text(entry, _of(f"{name}.{language}", scope.context), scope.within(""))
        needed = required(scope) if callable(required) else required
        missing = [language for language in needed if language not in texts]
        if missing:
            scope.problem(
                fields.location,
                f"{label} has no text in {' or '.join(missing)} (expected text in {' and '.join(needed)})",
            )
        elif not texts and all(key in SOURCE_LANGUAGES for key in fields.keys()):
            scope.problem(fields.location, f"{label} is empty (expected text in {_any_of(SOURCE_LANGUAGES)})")
        result = Localized(texts)
        return result if result.languages else None

    return read


def optional_localized(value: YValue, name: str, scope: Scope) -> Localized:
    """Read text in several languages that may be left out or empty (a subtitle, a session):
    `{}` is no text, as merged.yaml writes it."""
    return optional_localized_in(())(value, name, scope)


def optional_localized_in(
    required: Callable[[Scope], tuple[str, ...]] | tuple[str, ...],
) -> Callable[[YValue, str, Scope], Localized]:
    """Return a reader of text that may be empty (`{}`) but, when given, is given in each of the
    *required* languages."""

    def read(value: YValue, name: str, scope: Scope) -> Localized:
        if isinstance(value, YMap) and not value:
            return Localized()
        return localized(required)(value, name, scope) or Localized()

    return read


def boolean(value: YValue, name: str, scope: Scope) -> bool | None:
    """Return true or false, written so (in small letters, unquoted): YAML's other spellings
    (`True`, `FALSE`, `yes`) mean different things to different readers."""
    if isinstance(value, YStr) and not value.quoted:
        if value == "true":
            return True
        if value == "false":
            return False
        if value.lower() in ("true", "false"):
            scope.problem(
                value.location, f"{name}{scope.where}: found '{value}'; write true or false, in small letters"
            )
            return None
    scope.problem(value.location, f"expected true or false for {name}{scope.where}, found {kind_of(value)}")
    return None


def digits_of(value: YValue) -> str | None:
    """Return the whole number *value* writes (in Western, Arabic-Indic or Persian digits) as
    Western digits without leading zeros; None if it is not one."""
    if not isinstance(value, YStr):
        return None
    digits = western_digits(value.strip())
    return (digits.lstrip("0") or "0") if digits.isascii() and digits.isdigit() else None


def integer(value: YValue, name: str, scope: Scope) -> int | None:
    """Return a whole number written in Western, Arabic-Indic or Persian digits; refuse one too
    long to be a count (limits.NUMBER_DIGITS) before converting it."""
    digits = digits_of(value)
    if digits is None:
        scope.problem(
            value.location, f"expected a whole number for {name}{scope.where}, found {kind_of(value)}"
        )
        return None
    if len(digits) > limits.NUMBER_DIGITS.value:
        scope.problem(value.location, f"{name}{scope.where}: {limits.NUMBER_DIGITS.message(len(digits))}")
        return None
    return int(digits)


def percentage(value: YValue, name: str, scope: Scope) -> int | None:
    """Return a whole number from 0 to 100."""
    number = integer(value, name, scope)
    if number is not None and number > 100:
        scope.problem(value.location, f"{name}{scope.where} is {number} (expected 0 to 100)")
        return None
    return number


def choice(enumeration: type[E]) -> Reader[E]:
    """Return a reader of the member of *enumeration* whose value is written."""

    def read(value: YValue, name: str, scope: Scope) -> E | None:
        allowed = [member.value for member in enumeration]
        for member in enumeration:
            if isinstance(value, YStr) and member.value == value:
                return member
        written = str(value) if isinstance(value, YStr) else ""
        scope.problem(
            value.location,
            f"unknown {name} {kind_of(value)}{scope.where} ({expectation(written, allowed)})",
        )
        return None

    return read


def one_of(choices: tuple[str, ...]) -> Reader[str]:
    """Return a reader of text that must be one of *choices* (a language code)."""

    def read(value: YValue, name: str, scope: Scope) -> str | None:
        written = text(value, name, scope)
        if written and written not in choices:
            scope.problem(
                value.location, f"unknown {name} '{excerpt(written)}' ({expectation(written, choices)})"
            )
            return None
        return written

    return read


def iso_date(value: YValue, name: str, scope: Scope) -> datetime.date | None:
    if isinstance(value, YStr):
        match = _DAY.fullmatch(value.strip())
        if match:
            try:
                return datetime.date(*map(int, match.groups()))
            except ValueError:
                pass
    scope.problem(value.location, f"malformed {name} {kind_of(value)}{scope.where} (expected YYYY-MM-DD)")
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


def event_date(value: YValue, name: str, scope: Scope) -> EventDate | None:
    """Return the month, day or range written as 2024-07, 2024-07-02 or 2024-07-03/2024-07-04."""
    if isinstance(value, YStr):
        ends = [_date_end(part.strip()) for part in value.split("/")]
        if len(ends) in (1, 2):
            first, last = ends[0], ends[-1]
            if first and last and first.precision is last.precision and first.start <= last.end:
                return EventDate(first.start, last.end, first.precision)
    scope.problem(value.location, f"malformed {name} {kind_of(value)}{scope.where} (expected {DATE_FORMS})")
    return None
