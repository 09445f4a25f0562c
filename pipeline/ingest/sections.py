"""Find the key messages of a report: the items under a heading that announces them.

A messages heading is a Word heading, or a bold paragraph standing alone, whose words announce
key messages, recommendations, conclusions, good practices or challenges, in English, French
or Arabic. Its section ends at the next heading of the same or a higher level (a bold
paragraph ranks below every Word heading). Within a section, a sub-heading that announces a
kind ("Recommendations") changes the kind of the items under it. Where a stretch of the section
has list items (or paragraphs with typed numbering), they are the messages and its other
paragraphs (such as "Participants agreed on the following:") are not; otherwise each paragraph
is a message, except one that ends with a colon and introduces the next. Tables are never
messages.
Everything under a messages heading that does not become a message is returned with the
reason, so that nothing is lost without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.objectives import normalize_for_matching
from pipeline.ingest.reader import PSEUDO_HEADING_LEVEL
from pipeline.model import Block, Kind

# Phrases that open a messages heading.
_WRITTEN: dict[Kind, tuple[str, ...]] = {
    Kind.RECOMMENDATION: (
        "recommendations",
        "key recommendations",
        "main recommendations",
        "recommandations",
        "principales recommandations",
        "التوصيات",
        "توصيات",
        "أهم التوصيات",
        "أبرز التوصيات",
        "التوصيات الرئيسية",
    ),
    Kind.GOOD_PRACTICE: (
        "good practices",
        "best practices",
        "promising practices",
        "bonnes pratiques",
        "pratiques prometteuses",
        "meilleures pratiques",
        "الممارسات الجيدة",
        "الممارسات الفضلى",
        "أفضل الممارسات",
        "الممارسات الواعدة",
    ),
    Kind.CHALLENGE: (
        "challenges",
        "key challenges",
        "main challenges",
        "gaps and challenges",
        "défis",
        "principaux défis",
        "enjeux et défis",
        "التحديات",
        "أبرز التحديات",
        "أهم التحديات",
        "الثغرات والتحديات",
    ),
    Kind.KEY_MESSAGE: (
        "key messages",
        "main messages",
        "key message",
        "key takeaways",
        "main takeaways",
        "conclusions",
        "main conclusions",
        "key conclusions",
        "key findings",
        "main findings",
        "key outcomes",
        "messages clés",
        "messages clefs",
        "messages principaux",
        "principaux messages",
        "conclusions principales",
        "principales conclusions",
        "الرسائل الرئيسية",
        "الرسائل الأساسية",
        "أهم الرسائل",
        "أبرز الرسائل",
        "الاستنتاجات",
        "الاستنتاجات الرئيسية",
        "الخلاصات",
        "الخلاصات الرئيسية",
        "النتائج الرئيسية",
    ),
}
# Compared as normalize_for_matching leaves them: lower case, no accents, hamza or diacritics.
_PHRASES = {
    kind: tuple(normalize_for_matching(phrase) for phrase in phrases) for kind, phrases in _WRITTEN.items()
}
_NUMBERING = re.compile(
    r"^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z]|[ا-ي]|اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|"
    r"الف|باء|جيم|دال|هاء|واو)\s*[-.):–]\s*"
)
_FILLER = re.compile(r"^(?:the|les|des|le|la|summary of( the)?|ملخص)\s+")


def heading_kind(text: str) -> Kind | None:
    """Return the kind of messages a heading announces, or None."""
    normalized = normalize_for_matching(text).strip()
    normalized = _NUMBERING.sub("", normalized)
    normalized = _FILLER.sub("", normalized)
    normalized = re.sub(r"[\s:.،؛;]+$", "", re.sub(r"\s+", " ", normalized))
    for kind, phrases in _PHRASES.items():
        for phrase in phrases:
            if normalized == phrase or normalized.startswith(phrase + " "):
                return kind
    return None


@dataclass(frozen=True)
class Candidate:
    """A message found in a report, with its kind, the heading it stands under, and the text of
    the sub-heading above it inside the section (which may name its objectives)."""

    text: str
    kind: Kind
    heading: str
    subheading: str = ""
    notes: tuple[str, ...] = ()  # the organiser's footnotes to it


@dataclass(frozen=True)
class LeftOut:
    """Text under a messages heading that is not a message, and why."""

    text: str
    reason: str
    heading: str


@dataclass(frozen=True)
class Sections:
    messages: tuple[Candidate, ...]
    left_out: tuple[LeftOut, ...]
    headings: tuple[str, ...]


def _heading_of(block: Block) -> tuple[int, str] | None:
    """Return (level, text) when *block* acts as a heading: a Word heading, or bold standing alone.

    A short plain paragraph whose words are exactly a messages heading ("Key messages:") counts
    as well, as organisers often type them so.
    """
    if block.kind == "heading":
        return block.level, block.text
    if block.kind == "paragraph" and block.bold:
        return PSEUDO_HEADING_LEVEL, block.text
    if block.kind == "paragraph" and len(block.text.split()) <= 5 and heading_kind(block.text):
        return PSEUDO_HEADING_LEVEL, block.text
    return None


def find_messages(blocks: tuple[Block, ...]) -> Sections:
    """Return the messages of a report's blocks, what under messages headings is not one, and the headings."""
    messages: list[Candidate] = []
    left_out: list[LeftOut] = []
    headings: list[str] = []
    section_level: int | None = None
    kind = Kind.KEY_MESSAGE
    heading = ""
    subheading = ""
    stretch: list[Block] = []

    def listed(block: Block) -> bool:
        return block.kind == "item" or block.numbered

    def close_stretch() -> None:
        has_items = any(map(listed, stretch))
        for index, block in enumerate(stretch):
            following = stretch[index + 1] if index + 1 < len(stretch) else None
            if block.kind == "table":
                found = table_messages(block.rows)
                if found is None:
                    size = f"{len(block.rows)} rows and {max(map(len, block.rows), default=0)} columns"
                    reason = f"a table of {size}, not one message per row"
                    left_out.append(LeftOut(block.text, reason, heading))
                else:
                    messages.extend(Candidate(text, kind, heading, subheading) for text in found)
            elif block.kind == "comment":
                left_out.append(LeftOut(block.text, "an HTML comment, a note for editors", heading))
            elif has_items and not listed(block):
                introduces = following is not None and listed(following)
                reason = (
                    "introduces the list that follows"
                    if introduces
                    else "a paragraph beside the listed messages"
                )
                left_out.append(LeftOut(block.text, reason, heading))
            elif not has_items and block.text.endswith((":", "：")) and following is not None:
                left_out.append(LeftOut(block.text, "introduces the paragraphs that follow", heading))
            else:
                messages.append(Candidate(block.text, kind, heading, subheading, block.notes))
        stretch.clear()

    for block in blocks:
        if block.kind == "title":
            continue  # the document's title (Word's Title style), never a message
        as_heading = _heading_of(block)
        if as_heading is None:
            if section_level is not None:
                stretch.append(block)
            continue
        level, text = as_heading
        if section_level is not None:
            close_stretch()
            if level <= section_level:
                section_level = None
        announced = heading_kind(text)
        subheading = ""
        if announced is not None:
            headings.append(text)
            kind, heading = announced, text
            if section_level is None:
                section_level = level
        elif section_level is not None:
            subheading = text
            left_out.append(LeftOut(text, "a sub-heading", heading))
    if section_level is not None:
        close_stretch()
    return Sections(tuple(messages), tuple(left_out), tuple(headings))


# A cell that only numbers its row: "1", "1.", "(1)", "١", "a)", "(a)", "(أ)", "iv."
_ROW_NUMBER = re.compile(r"\(?(?:[0-9٠-٩۰-۹]{1,3}|[a-z]|[أ-ي]|[ivxl]+)[.)]?")


def table_messages(rows: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """Return the messages of a table whose rows are messages: one text column, or a column that
    numbers the rows and a text column (a first row that labels the columns left out); None for
    any other table."""
    filled = [tuple(cell.strip() for cell in row) for row in rows if any(cell.strip() for cell in row)]
    if not filled or max(map(len, filled)) > 2:
        return None
    if all(len(row) == 1 for row in filled):
        texts = [row[0] for row in filled]
        return tuple(texts[1:] if len(texts) > 1 and heading_kind(texts[0]) is not None else texts)
    numbered = [len(row) == 2 and bool(_ROW_NUMBER.fullmatch(row[0])) and bool(row[1]) for row in filled]
    if all(numbered[1:]) and len(filled) > 1 and not numbered[0]:
        filled = filled[1:]  # the columns' labels ("No.", "Key message")
    elif not all(numbered):
        return None
    return tuple(row[1] for row in filled)
