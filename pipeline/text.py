"""Clean the text editors write, and say what cleaning changed beyond spacing."""

from __future__ import annotations

import re
import unicodedata

from pipeline import glyphs, limits

# Direction marks and embeddings that Word and web pages leave around numbers and Latin words in
# Arabic text. The renderers set direction themselves, so stray marks only disturb matching and
# reordering. Zero-width (non-)joiners are not among them: they change Arabic and Persian shaping.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Spaces that carry meaning (French punctuation, figures) survive whitespace collapsing.
_COLLAPSIBLE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# Unicode tag characters: invisible, yet copied and extracted as text ("ASCII smuggling" hides
# instructions or words in them, which pdftotext and search engines then read).
_TAGS = re.compile("[\U000e0000-\U000e007f]+")
_SMUGGLED_SHOWN = 40  # characters of what tag characters spell, quoted in a note


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
    tags = "".join(_TAGS.findall(text))
    if tags:
        notes.append(_tags_note(tags))
        text = _TAGS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _COLLAPSIBLE.sub(" ", text).strip()
    return text, tuple(notes)


def _tags_note(tags: str) -> str:
    """Return the note for removed tag characters, with the text they spell (tag U+E0041 is 'A')."""
    spelt = "".join(chr(ord(char) - 0xE0000) for char in tags if 0xE0020 <= ord(char) <= 0xE007E)
    shown = spelt if len(spelt) <= _SMUGGLED_SHOWN else spelt[: _SMUGGLED_SHOWN - 1] + "…"
    count = len(tags)
    return f"removed {count} invisible tag character{'s' if count > 1 else ''} (U+E0000–U+E007F)" + (
        f", which spelt {shown!r}" if spelt.strip() else ""
    )


def invisible_only(text: str) -> bool:
    """Tell whether *text* shows nothing: only spaces and characters drawn as nothing (a zero
    width space, a joiner, a variation selector…). Such text is blank."""
    return all(char.isspace() or glyphs.invisible(char) for char in text)


def western_digits(text: str) -> str:
    """Return *text* with Arabic-Indic and Persian digits replaced by 0-9."""
    return text.translate(_DIGITS)


# The markers the renderers write in place of a footnote (render/docx.py, in private-use
# characters no font here has) or of a change (render/tracked.py, between word joiners), then
# replace: a text holding one would be cut or take a footnote's place.
INTERNAL_MARKER = re.compile("(?:\ue000note-\\d+\ue001|\u2060rl\\d+\u2060)")
_SHOWN = 3  # unshowable characters named in one problem


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def text_problems(text: str) -> list[str]:
    """Return why *text* (cleaned) cannot go into the documents, if it cannot: too long, a
    noncharacter, half of a surrogate pair, an internal marker, characters the PDF cannot show."""
    problems = []
    if len(text) > limits.TEXT_LENGTH.value:
        problems.append(limits.TEXT_LENGTH.message(len(text)))
    halves = [char for char in text if 0xD800 <= ord(char) <= 0xDFFF]
    if halves:
        problems.append(_surrogates(text, halves))
    nonchars = list(dict.fromkeys(char for char in text if _noncharacter(ord(char))))
    if nonchars:
        named = ", ".join(f"U+{ord(char):04X}" for char in nonchars)
        problems.append(f"{named}: not a character (a Unicode noncharacter); remove it")
    marker = INTERNAL_MARKER.search(text)
    if marker:
        problems.append(f"holds the pipeline's internal marker {marker.group()!a}; remove it")
    reported = set(halves) | set(nonchars) | set(marker.group() if marker else "")
    unshowable = [char for char in glyphs.unshowable(text) if char not in reported]
    if unshowable:
        named = ", ".join(glyphs.describe(char) for char in unshowable[:_SHOWN])
        more = f" and {len(unshowable) - _SHOWN} more" if len(unshowable) > _SHOWN else ""
        problems.append(
            f"the PDF's fonts ({glyphs.FACES}) cannot show {named}{more}; remove or replace "
            f"{'it' if len(unshowable) == 1 else 'them'}"
        )
    return problems


def _surrogates(text: str, halves: list[str]) -> str:
    """Return the problem of surrogates in *text*: a pair, as "\\ud83d\\ude00" escapes write one
    character, or a lone half."""
    first = text.index(halves[0])
    pair = text[first : first + 2].encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if len(pair) == 1 and pair != "\ufffd":
        return (
            f"U+{ord(halves[0]):04X} U+{ord(halves[1]):04X}: the two halves of one character "
            f"(surrogates, as an escape such as \\ud83d\\ude00 writes them); write the character "
            f"itself, or one escape \\U{ord(pair):08X}"
        )
    return f"U+{ord(halves[0]):04X}: half of a character (a surrogate); remove it"
