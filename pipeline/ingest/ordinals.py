"""Objectives named by words: ordinals and cardinals in Arabic, English and French, in lists.

"the twenty-third objective", "the fifth and sixth objectives", "objective five", «au titre du
premier objectif», «les deuxième et troisième objectifs», «الهدف الخامس», «وفق الهدفين الخامس
والسادس», «الأهداف الخامس والسادس والسابع», «الغاية الثالثة», «من الهدف الخامس إلى الهدف السابع».
The words are generated from their parts (units, teens, twenties; masculine and feminine, with
and without «ال»), so that every number from 1 to 23 has every form; patterns see text as
pipeline.ingest.objectives.normalize_for_matching leaves it (no accents or hamza, «ى» as «ي»).
"""

from __future__ import annotations

import re

# --- Arabic ----------------------------------------------------------------------------------------

_AR_UNITS = (  # (masculine, feminine), 1–9, as the ordinals read
    ("اول", "اولي"),
    ("ثاني", "ثانية"),
    ("ثالث", "ثالثة"),
    ("رابع", "رابعة"),
    ("خامس", "خامسة"),
    ("سادس", "سادسة"),
    ("سابع", "سابعة"),
    ("ثامن", "ثامنة"),
    ("تاسع", "تاسعة"),
)
_AR_COMPOUND_ONE = ("حادي", "حادية")  # 11, 21


def _arabic_forms() -> dict[str, int]:
    """Return every Arabic ordinal form from 1 to 23 (with «ال»; the list pattern makes it optional)."""
    forms: dict[str, int] = {}
    for number, (masculine, feminine) in enumerate(_AR_UNITS, start=1):
        forms[f"ال{masculine}"] = forms[f"ال{feminine}"] = number
    forms["العاشر"] = forms["العاشرة"] = 10
    for number in range(11, 20):
        masculine, feminine = _AR_COMPOUND_ONE if number == 11 else _AR_UNITS[number - 11]
        forms[f"ال{masculine} عشر"] = forms[f"ال{feminine} عشرة"] = number
        forms[f"ال{feminine} عشر"] = number  # as often written
    for ten in ("العشرون", "العشرين"):
        forms[ten] = 20
        for number in (21, 22, 23):
            masculine, feminine = _AR_COMPOUND_ONE if number == 21 else _AR_UNITS[number - 21]
            forms[f"ال{masculine} و{ten}"] = forms[f"ال{feminine} و{ten}"] = number
    return forms


ARABIC_ORDINALS = _arabic_forms()
_AR_ORDINAL = "|".join(
    re.escape(form.removeprefix("ال")) for form in sorted(ARABIC_ORDINALS, key=len, reverse=True)
)
_AR_WORD = rf"(?:ال)?(?:{_AR_ORDINAL})"
_AR_WORD_LIST = rf"{_AR_WORD}(?:\s*[،,]?\s*و\s*{_AR_WORD}|\s*[،,]\s*{_AR_WORD})*"
# الهدف, للهدف, بالهدف, والهدف…; the dual الهدفان/الهدفين; the plural الاهداف; and, named as the
# GCM does in Arabic, الغاية? No: «الغاية» is an SDG target, never an objective.
_AR_HEAD = r"(?:[وفبلك]?ال|[وف]?لل)(?:هدف(?:ان|ين)?|اهداف)"
ARABIC_WORDS = re.compile(
    rf"(?<![\w])(?:من\s+)?{_AR_HEAD}\s+(?:رقم\s+)?(?P<list>{_AR_WORD_LIST})"
    rf"(?:\s*(?:الي|حتي)\s+(?:{_AR_HEAD}\s+)?(?P<last>{_AR_WORD}))?(?![\w])"
)

# --- English ---------------------------------------------------------------------------------------

_EN_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_EN_ORDINAL_TEENS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_EN_CARDINAL_UNITS = "one two three four five six seven eight nine".split()
_EN_CARDINAL_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()


def _english(units: list[str], teens: list[str], twenty: str) -> dict[str, int]:
    forms = {word: number for number, word in enumerate(units, start=1)}
    forms.update({word: number for number, word in enumerate(teens, start=10)})
    forms[twenty] = 20
    for number in (21, 22, 23):
        for joint in ("-", " "):
            forms[f"twenty{joint}{units[number - 21]}"] = number
    return forms


ENGLISH_ORDINALS = _english(_EN_ORDINAL_UNITS, _EN_ORDINAL_TEENS, "twentieth")
ENGLISH_CARDINALS = _english(_EN_CARDINAL_UNITS, _EN_CARDINAL_TEENS, "twenty")
_EN_ORDINAL = "|".join(re.escape(form) for form in sorted(ENGLISH_ORDINALS, key=len, reverse=True))
_EN_CARDINAL = "|".join(re.escape(form) for form in sorted(ENGLISH_CARDINALS, key=len, reverse=True))
_EN_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
ENGLISH_WORDS = re.compile(
    rf"\b(?P<list>(?:{_EN_ORDINAL})(?:{_EN_JOIN}(?:{_EN_ORDINAL}))*)\s+(?:gcm\s+)?objectives?\b"
    rf"|\bobjectives?\s+(?:no\.?\s*|number\s+)?(?P<cardinals>(?:{_EN_CARDINAL})(?:{_EN_JOIN}(?:{_EN_CARDINAL}))*)\b"
)

# --- French ----------------------------------------------------------------------------------------

_FR_UNITS = "premier deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme".split()
_FR_TEENS = (
    "dixieme onzieme douzieme treizieme quatorzieme quinzieme seizieme dix-septieme dix-huitieme dix-neuvieme"
).split()


def _french() -> dict[str, int]:
    forms = {word: number for number, word in enumerate(_FR_UNITS, start=1)}
    forms.update({"premiere": 1, "second": 2, "seconde": 2})
    forms.update({word: number for number, word in enumerate(_FR_TEENS, start=10)})
    forms.update({"dix septieme": 17, "dix huitieme": 18, "dix neuvieme": 19, "vingtieme": 20})
    for number, unit in ((21, "et unieme"), (22, "deuxieme"), (23, "troisieme")):
        forms[f"vingt {unit}"] = forms[f"vingt-{unit.replace(' ', '-')}"] = number
    return forms


FRENCH_ORDINALS = _french()
_FR_ORDINAL = "|".join(re.escape(form) for form in sorted(FRENCH_ORDINALS, key=len, reverse=True))
_FR_JOIN = r"(?:\s*,\s*(?:et\s+|ou\s+)?|\s+et\s+|\s+ou\s+)"
# Cardinals after the head: «l'objectif vingt-trois», «objectifs douze et treize» ("un" is left
# out: «l'objectif un peu…» is not objective 1).
_FR_CARDINAL_WORDS = (
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
FRENCH_CARDINALS = {word: number for number, word in enumerate(_FR_CARDINAL_WORDS, start=2)}
for _joint in ("-", " "):
    FRENCH_CARDINALS.update({f"dix{_joint}sept": 17, f"dix{_joint}huit": 18, f"dix{_joint}neuf": 19})
    FRENCH_CARDINALS.update({f"vingt{_joint}deux": 22, f"vingt{_joint}trois": 23})
FRENCH_CARDINALS.update({"vingt": 20, "vingt et un": 21, "vingt-et-un": 21})
_FR_CARDINAL = "|".join(re.escape(form) for form in sorted(FRENCH_CARDINALS, key=len, reverse=True))
FRENCH_WORDS = re.compile(
    rf"(?<![\w-])(?P<list>(?:{_FR_ORDINAL})(?:{_FR_JOIN}(?:{_FR_ORDINAL}))*)\s+objectifs?\b"
    rf"|\bobjectifs?\s+(?:n\s?[°ºo]\.?\s*|numero\s+)?(?P<cardinals>(?:{_FR_CARDINAL})(?:{_FR_JOIN}(?:{_FR_CARDINAL}))*)(?![\w-])"
)


def numbers_in(match: re.Match[str]) -> list[int]:
    """Return the numbers a match of ARABIC_WORDS, ENGLISH_WORDS or FRENCH_WORDS names, in order
    (an Arabic range «من الهدف الخامس إلى السابع» expanded)."""
    pattern = match.re
    if pattern is ARABIC_WORDS:
        found = [ARABIC_ORDINALS["ال" + word] for word in re.findall(_AR_ORDINAL, match.group("list"))]
        if match.group("last") and found:
            last = ARABIC_ORDINALS["ال" + match.group("last").removeprefix("ال")]
            if found[-1] < last <= 23:
                found.extend(range(found[-1] + 1, last + 1))
        return found
    if pattern is ENGLISH_WORDS:
        if match.group("cardinals"):
            return [ENGLISH_CARDINALS[word] for word in re.findall(_EN_CARDINAL, match.group("cardinals"))]
        return [ENGLISH_ORDINALS[word] for word in re.findall(_EN_ORDINAL, match.group("list"))]
    if match.group("cardinals"):
        return [FRENCH_CARDINALS[word] for word in re.findall(_FR_CARDINAL, match.group("cardinals"))]
    return [FRENCH_ORDINALS[word] for word in re.findall(_FR_ORDINAL, match.group("list"))]
