"""Tell which language of the language table a report is written in."""

from __future__ import annotations

import re

from pipeline.languages import LANGUAGES

_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_ARABIC = next(language.code for language in LANGUAGES.values() if language.script == "Arab")
_LATIN = [language for language in LANGUAGES.values() if language.script == "Latn"]


def detect_language(text: str) -> str:
    """Return the code of the language *text* is written in: Arabic by its letters, a Latin-script
    language by its common words (the first in the table when none stands out)."""
    letters = [char for char in text if char.isalpha()]
    if letters and sum(bool(_ARABIC_SCRIPT.match(char)) for char in letters) / len(letters) > 0.3:
        return _ARABIC
    words = [word.lower() for word in _WORD.findall(text)]
    counts = [sum(word in language.common_words for word in words) for language in _LATIN]
    return _LATIN[counts.index(max(counts))].code


def clearly_not(text: str, language: str) -> str | None:
    """Return the code of the language *text* is clearly written in when that is not *language*.

    Arabic and Latin script are told apart with certainty; two Latin-script languages only when
    the other one's common words are at least five and twice as many as *language*'s, so that a
    short or mixed text is never called a contradiction.
    """
    detected = detect_language(text)
    if detected == language:
        return None
    if _ARABIC in (detected, language):
        return detected
    words = [word.lower() for word in _WORD.findall(text)]
    count = {
        code: sum(word in LANGUAGES[code].common_words for word in words) for code in (detected, language)
    }
    return detected if count[detected] >= max(5, 2 * count[language]) else None
