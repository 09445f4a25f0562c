"""Which characters the PDF can show: those of its two faces, Amiri and Tinos (Typst is given no
other font and ignores the system's), and the invisible ones shaping handles without a glyph.

Typst refuses to write a PDF/A whose text has a character no font can draw ("could not be
displayed with font"); validate refuses the same text first, where the editor wrote it.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import fontpkg_amiri
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fonttools ships no types

AMIRI_FOLDER = fontpkg_amiri.ROOT / "files"
TINOS_FOLDER = Path(__file__).resolve().parent / "fonts"
FACES = "Tinos, Amiri"

# Format characters (Cf) that have a visible form: the fonts must draw them, and cannot.
_VISIBLE_FORMAT = frozenset(
    [
        *range(0x0600, 0x0606),
        0x06DD,
        0x070F,
        0x0890,
        0x0891,
        0x08E2,
        0x110BD,
        0x110CD,
        *range(0x13430, 0x13440),
    ]
)
# Default-ignorable marks outside Cf: variation selectors, the grapheme joiner, Mongolian free
# variation selectors, Khmer inherent vowels. Typst draws nothing for them.
_IGNORABLE_MARKS = frozenset(
    [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x034F, *range(0x180B, 0x1810), 0x17B4, 0x17B5]
)


_UNNAMED = {"Co": "a private-use character", "Cn": "not a character Unicode assigns"}


@functools.cache
def covered() -> frozenset[int]:
    """Return the code points some face of the PDF has a glyph for (read from the fonts' cmaps)."""
    points: set[int] = set()
    for folder in (TINOS_FOLDER, AMIRI_FOLDER):
        for path in sorted(folder.glob("*.ttf")):
            font = TTFont(path, lazy=True)
            try:
                points.update(font.getBestCmap())
            finally:
                font.close()
    return frozenset(points)


def invisible(char: str) -> bool:
    """Tell whether *char* is shown as nothing, so that no glyph is needed (ZWJ, a variation
    selector, a language tag…)."""
    code = ord(char)
    if code in _IGNORABLE_MARKS:
        return True
    return unicodedata.category(char) == "Cf" and code not in _VISIBLE_FORMAT


def unshowable(text: str) -> list[str]:
    """Return the characters of *text* the PDF cannot show, each once, in the order written."""
    points = covered()
    return list(dict.fromkeys(char for char in text if ord(char) not in points and not invisible(char)))


def describe(char: str) -> str:
    """Return how a message names *char*: "'😀' (U+1F600 GRINNING FACE)"."""
    name = unicodedata.name(char, "") or _UNNAMED.get(unicodedata.category(char), "")
    shown = f"'{char}' " if unicodedata.category(char)[0] not in "CZM" else ""
    return f"{shown}(U+{ord(char):04X}{' ' + name if name else ''})"
