"""Find the GCM objectives a text refers to, in English, French or Arabic.

"Objective 13", "GCM objectives 7, 13 and 17", "objectifs 2 et 5", "الهدف ١٣", "الهدفين 5 و6",
"الهدف الحادي والعشرين"… Sustainable Development Goal references (SDG 10, ODD 10, "الهدف 10 من
أهداف التنمية المستدامة", target 10.7) and numbers above 23 are not GCM objectives; they are
returned apart, so that the ingest report can say what it left out. The round-table labels
("(21) Dignified return and reintegration") come from the GCM reference the finder is made with.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass

from pipeline.gcm import Reference
from pipeline.ingest import ordinals
from pipeline.text import BIDI_CONTROLS, western_digits


@dataclass(frozen=True)
class Mention:
    """A phrase that names objectives: what was written and the numbers it names."""

    phrase: str
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Found:
    """The GCM objectives of a text, in order of first mention, and the mentions left out."""

    objectives: tuple[int, ...]
    ignored: tuple[Mention, ...]
    accepted: tuple[Mention, ...] = ()  # the words each objective was read from


# --- Normalizing -----------------------------------------------------------------------------------

_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ـ": None})


class _Matching(dict[int, str | None]):
    """The table that str.translate applies to a decomposed text: direction marks, diacritics
    (Mn) and tatweel removed, digits made Western, alef and ya unified; each character's entry
    is worked out the first time it is met."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value: str | None = None
        if char not in BIDI_CONTROLS and unicodedata.category(char) != "Mn":
            value = western_digits(char).translate(_ALEF) or None
        self[code] = value
        return value


_MATCHING = _Matching()


def normalize_for_matching(text: str) -> str:
    """Return *text* lower-cased, with Western digits, unified alef and ya, no diacritics or tatweel.

    Typographic apostrophes become "'" and no-break spaces plain ones, so that one pattern
    matches what Word and keyboards produce.
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_MATCHING))
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").lower()


# --- Patterns --------------------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?!\d)(?!\.\d)(?!,\d(?!\d))"  # 13 or 7,13, not 10.7 or 10,7 (SDG targets)
_LATIN_SEPARATOR = r"(?:\s*(?:,\s*(?:and\b|or\b|et\b|ou\b)?|;|&|\band\b|\bet\b|\bor\b|\bou\b)\s*)"
_LATIN_RANGE = r"(?:\s*(?:-|–|—|\bto\b|\bthrough\b|\ba\b|\bau\b)\s*)"  # "à" loses its accent
_LATIN_LIST = rf"{_NUMBER}(?:(?:{_LATIN_SEPARATOR}|{_LATIN_RANGE}){_NUMBER})*"

_ENGLISH = re.compile(
    rf"\b(?:gcm\s+)?(?:objectives?|obj\.)\s*(?:no\.?\s*|number\s*|#\s*)?\(?(?P<list>{_LATIN_LIST})\)?",
)
_FRENCH = re.compile(
    rf"\b(?:l')?objectifs?\s*(?:n\s?[°ºo]\.?\s*|numero\s*)?\(?(?P<list>{_LATIN_LIST})\)?",
)
_FRENCH_ORDINAL = re.compile(r"\b(?P<list>\d{1,2})\s*(?:e|eme|er|ier)\s+objectif\b")

# Arabic: الهدف/للهدف/بالهدف/والهدف…, the dual الهدفان/الهدفين and the plural الأهداف, then
# optional رقم, الـ or a parenthesis, then numbers joined by و, commas or a range.
_AR_HEAD = r"(?:[وفبلك]?ال|[وف]?لل)(?:هدف(?:ان|ين)?|اهداف)"
_AR_SEPARATOR = r"(?:\s*(?:،|,|؛|;)?\s*و?\s*)"
_AR_RANGE = r"(?:\s*(?:-|–|الي|حتي)\s*)"
_AR_LIST = rf"{_NUMBER}(?:(?:{_AR_RANGE}|{_AR_SEPARATOR}){_NUMBER})*"
_ARABIC = re.compile(
    rf"(?<![\w])(?:{_AR_HEAD})\s*(?:رقم\s*|ال\s*|\(\s*|من\s+)?(?P<list>{_AR_LIST})\s*\)?",
)

# Words that make a numbered goal a Sustainable Development Goal: right after the numbers
# ("objective 10 of the SDGs", "الهدف 10 من أهداف التنمية المستدامة", "objectif 10 des ODD"), or
# right before them ("SDG objective 10"). Patterns see text without accents (normalize_for_matching).
_SDG_AFTER = re.compile(
    r"^\W{0,3}(?:of\s+the\s+(?:sdgs?\b|sustainable\s+development)|\(sdgs?\b(?!\s*\d)|من\s+اهداف\s+التنمية|"
    r"(?:من\s+)?(?:اهداف\s+)?التنمية\s+المستدامة|des\s+odd\b|\(odd\b(?!\s*\d)|"
    r"(?:des\s+objectifs\s+)?d[eu]\s+developpement\s+durable)"
)
_SDG_BEFORE = re.compile(r"(?:\bsdgs?|\bodd)\W{0,3}$")


# Sustainable Development Goals and targets named on their own: reported as left out, so that an
# editor sees they were read and deliberately not taken for GCM objectives.
# A target's number: 10.7, or a letter for a means of implementation (10.c, «10.ج»).
_TARGET = r"\d{1,2}[.,-](?:\d{1,2}|[a-z](?![a-z])|[ا-ي](?![ا-ي]))"
_SDG_MENTION = re.compile(
    rf"\b(?:sdgs?|odd)\s*(?:target\s*|cible\s*)?(?P<list>\d{{1,2}})(?:[.,](?:\d{{1,2}}|[a-z]))?\b"
    r"|\bsustainable\s+development\s+goal\s+(?P<goal>\d{1,2})\b"
    rf"|\b(?:target|cible)\s+(?P<target>{_TARGET})"
    rf"|الغاية\s+(?P<arabic_target>{_TARGET})"
)


# --- Matching --------------------------------------------------------------------------------------


def _numbers(written: str) -> list[int]:
    """Return the numbers of a list such as "7, 13 and 17", "1 to 3" or "5 و6", ranges expanded."""
    numbers: list[int] = []
    tokens = re.findall(r"\d+|-|–|—|\bto\b|\bthrough\b|\ba\b|\bau\b|الي|حتي", written)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.isdigit():
            is_range = (
                index + 2 < len(tokens) and not tokens[index + 1].isdigit() and tokens[index + 2].isdigit()
            )
            if is_range:
                first, last = int(token), int(tokens[index + 2])
                numbers.extend(
                    range(first, last + 1) if first <= last and last - first < 23 else (first, last)
                )
                index += 3
                continue
            numbers.append(int(token))
        index += 1
    return numbers


class ObjectiveFinder:
    """Find the GCM objectives of the *reference* that texts refer to."""

    def __init__(self, reference: Reference):
        self.numbers = reference.objective_numbers
        labels = {normalize_for_matching(o.short_title["en"]): o.number for o in reference.objectives}
        alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        # The round-table style "(21) Dignified return and reintegration".
        self._short_labels = re.compile(rf"\((?P<list>\d{{1,2}})\)\s*(?P<label>{alternatives})\b")

    def find(self, text: str) -> Found:
        """Return the GCM objectives *text* refers to, and the mentions that are not GCM objectives."""
        normalized = normalize_for_matching(text)
        matches: list[tuple[int, int, list[int]]] = []
        for pattern in (_ENGLISH, _FRENCH, _FRENCH_ORDINAL, _ARABIC, self._short_labels):
            for match in pattern.finditer(normalized):
                matches.append((match.start(), match.end(), _numbers(match.group("list"))))
        for pattern in (ordinals.ARABIC_WORDS, ordinals.ENGLISH_WORDS, ordinals.FRENCH_WORDS):
            for match in pattern.finditer(normalized):
                matches.append((match.start(), match.end(), ordinals.numbers_in(match)))
        for match in _SDG_MENTION.finditer(normalized):
            goal = match.group("list") or match.group("goal")
            matches.append((match.start(), match.end(), [-int(goal)] if goal else [-1]))
        objectives: list[int] = []
        ignored: list[Mention] = []
        accepted: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for start, end, numbers in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
            if any(start < last and end > first for first, last in taken):
                continue  # a shorter match inside one already read
            taken.append((start, end))
            written = text_span(text, normalized, start, end)
            if numbers and numbers[0] < 0:  # a Sustainable Development Goal or target named as such
                ignored.append(Mention(written, tuple(-number for number in numbers if number != -1)))
                continue
            if _SDG_AFTER.search(normalized[end : end + 60]) or _SDG_BEFORE.search(
                normalized[max(0, start - 30) : start]
            ):
                ignored.append(Mention(written, tuple(numbers)))
                continue
            outside = tuple(number for number in numbers if number not in self.numbers)
            if outside:
                ignored.append(Mention(written, outside))
            inside = tuple(number for number in numbers if number in self.numbers)
            if inside:
                accepted.append(Mention(written, inside))
            objectives.extend(number for number in inside if number not in objectives)
        return Found(tuple(objectives), tuple(ignored), tuple(accepted))


def text_span(text: str, normalized: str, start: int, end: int) -> str:
    """Return the phrase of *normalized* from *start* to *end* as written in *text* (each character
    normalized alone says where it went; as normalized when that does not add up), without a
    closing parenthesis that only ends the sentence's aside."""
    phrase = normalized[start:end].strip()
    if len(text) == len(normalized):
        phrase = text[start:end].strip()
    else:
        ends = list(itertools.accumulate(len(normalize_for_matching(char)) for char in text))
        if ends and ends[-1] == len(normalized):
            first = bisect.bisect_right(ends, start)
            last = bisect.bisect_left(ends, end)
            phrase = text[first : last + 1].strip()
    return phrase[:-1].rstrip() if phrase.endswith(")") and "(" not in phrase else phrase
