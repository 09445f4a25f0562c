"""Tell whether a report is written in Arabic, English or French."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset("the and of to in for on with is are that this by from be as an".split())
_FRENCH = frozenset("le la les des et du de en pour dans sur avec est sont une un que au aux par".split())


def detect_language(text: str) -> str:
    """Return "ar", "en" or "fr" for *text*: Arabic by its letters, French or English by common words."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "en"
    arabic = sum("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in letters)
    if arabic / len(letters) > 0.3:
        return "ar"
    words = [word.lower() for word in _WORD.findall(text)]
    english = sum(word in _ENGLISH for word in words)
    french = sum(word in _FRENCH for word in words)
    return "fr" if french > english else "en"
