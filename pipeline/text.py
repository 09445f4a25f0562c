"""Clean the text editors write, and say what cleaning changed beyond spacing."""

from __future__ import annotations

import re
import unicodedata

# Direction marks and embeddings that Word and web pages leave around numbers and Latin words in
# Arabic text. The renderers set direction themselves, so stray marks only disturb matching and
# reordering. Zero-width (non-)joiners are not among them: they change Arabic and Persian shaping.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Spaces that carry meaning (French punctuation, figures) survive whitespace collapsing.
_COLLAPSIBLE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _is_invisible_control(char: str) -> bool:
    """Control characters other than whitespace, and the byte-order mark."""
    return (unicodedata.category(char) == "Cc" and not char.isspace()) or char == "\ufeff"


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return *text* in NFC with spacing collapsed and invisible controls removed.

    Also return a note for each kind of character removed, so that a change the editor cannot
    see in the source is still reported. Cleaning twice gives the same text as cleaning once.
    """
    notes = []
    bidi = sum(char in BIDI_CONTROLS for char in text)
    if bidi:
        notes.append(f"removed {bidi} bidirectional control character{'s' if bidi > 1 else ''}")
    controls = sum(_is_invisible_control(char) for char in text)
    if controls:
        notes.append(f"removed {controls} invisible control character{'s' if controls > 1 else ''}")
    if bidi or controls:
        text = "".join(char for char in text if char not in BIDI_CONTROLS and not _is_invisible_control(char))
    text = unicodedata.normalize("NFC", text)
    text = _COLLAPSIBLE.sub(" ", text).strip()
    return text, tuple(notes)


def western_digits(text: str) -> str:
    """Return *text* with Arabic-Indic and Persian digits replaced by 0-9."""
    return text.translate(_DIGITS)
