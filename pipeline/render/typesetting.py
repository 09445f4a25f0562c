"""The house style of the outcome document, decided once for each language: faces, sizes, line
pitch, spacing, indents. The Word templates (templates/make_templates.py writes their styles from
it) and the Typst template (which reads it from the view's data) both apply it, so that the PDF
and the Word file are one typesetting. docs/typesetting.md gives the UN conventions it follows.

Sizes and spacing are in points; every kind of paragraph has an exact line pitch (baseline to
baseline), which Word writes as "exactly" line spacing and Typst as lines of that height.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    """One kind of paragraph: its type size, line pitch, space before and after, and weight."""

    size: float
    line: float
    before: float = 0
    after: float = 0
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Typesetting:
    """The typesetting of the document in one language."""

    latin_font: str  # the name Word knows; the PDF uses a face with the same metrics (pdf_latin_font)
    pdf_latin_font: str
    arabic_font: str
    justify: bool  # body text and numbered paragraphs
    body: Level
    title: Level
    chapter: Level  # I. Introduction
    cluster: Level  # A. Ensuring that migration is voluntary…
    objective: Level  # Objective 6: …
    footnote: Level
    table: Level
    table_title: Level
    annex_label: Level
    name: Level  # masthead: United Nations
    organ: Level  # masthead: General Assembly
    symbol: Level  # masthead: A/79/…
    masthead: Level  # masthead: distribution, date, original language
    running: Level  # running head and page number
    indent: float  # cm: a numbered paragraph's text starts here, its number hangs before it
    heading_indent: float  # cm: a heading's title starts here, its label hangs before it
    footnote_indent: float  # cm: a footnote's text starts here, its number hangs before it
    margin_top: float  # cm
    margin_bottom: float
    margin_side: float


# Latin text: Times New Roman in Word (LibreOffice draws it with the metric-compatible Liberation
# Serif); Tinos, the same metrics, in the PDF, shipped in pipeline/fonts (pip only).
LATIN_FONT, PDF_LATIN_FONT, ARABIC_FONT = "Times New Roman", "Tinos", "Amiri"

# UN documents: 10 pt text on 12 pt lines, justified, 6 pt between paragraphs; chapter headings
# 14 pt bold, first-degree headings 12 pt bold, second-degree 10 pt bold; footnotes 9 pt.
ENGLISH = Typesetting(
    latin_font=LATIN_FONT,
    pdf_latin_font=PDF_LATIN_FONT,
    arabic_font=ARABIC_FONT,
    justify=True,
    body=Level(10, 12, after=6),
    title=Level(14, 16, before=12, after=12, bold=True),
    chapter=Level(14, 16, before=18, after=12, bold=True),
    cluster=Level(12, 14, before=12, after=6, bold=True),
    objective=Level(10, 12, before=12, after=6, bold=True),
    footnote=Level(9, 10, after=2),
    table=Level(9, 11, before=2, after=2),
    table_title=Level(10, 12, before=12, after=6, bold=True),
    annex_label=Level(14, 16, after=6, bold=True),
    name=Level(12, 14, bold=True),
    organ=Level(16, 18, before=6, bold=True),
    symbol=Level(14, 16, bold=True),
    masthead=Level(9, 11),
    running=Level(8.5, 10),
    indent=1.0,
    heading_indent=1.0,
    footnote_indent=0.5,
    margin_top=2.5,
    margin_bottom=2.5,
    margin_side=2.2,
)

# Arabic: Amiri, whose letters are small for their size, at 14 pt on 24 pt lines (its marks need
# the room); Latin words and digits inside it at the same size. Chapter labels are ordinal words
# («رابعا -»), so headings hang their titles further in.
ARABIC = Typesetting(
    latin_font=LATIN_FONT,
    pdf_latin_font=PDF_LATIN_FONT,
    arabic_font=ARABIC_FONT,
    justify=True,
    body=Level(14, 24, after=6),
    title=Level(16, 28, before=12, after=12, bold=True),
    chapter=Level(16, 28, before=18, after=12, bold=True),
    cluster=Level(14, 26, before=12, after=6, bold=True),
    objective=Level(14, 24, before=12, after=6, bold=True),
    footnote=Level(11, 17, after=2),
    table=Level(11, 18, before=2, after=2),
    table_title=Level(13, 22, before=12, after=6, bold=True),
    annex_label=Level(16, 28, after=6, bold=True),
    name=Level(14, 22, bold=True),
    organ=Level(18, 28, before=6, bold=True),
    symbol=Level(14, 20, bold=True),
    masthead=Level(9, 11),
    running=Level(9, 12),
    indent=1.0,
    heading_indent=1.5,
    footnote_indent=0.6,
    margin_top=2.5,
    margin_bottom=2.5,
    margin_side=2.2,
)

TYPESETTING = {"ar": ARABIC, "en": ENGLISH}
