"""The few WordprocessingML edits docxtpl cannot make, on lxml elements: footnotes and direction.

Everything about looks (fonts, sizes, spacing, numbering text) comes from the template's
styles; this module only adds what must be set on each element: footnotes with their
references, and right-to-left properties on every paragraph, run, table and section of an
Arabic document (readers such as pandoc ignore direction inherited from styles).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Sequence

from docx.oxml import ns
from lxml import etree

# Clark names ("{namespace}p") of "w:p": asked for hundreds of thousands of times in a large document.
qn = functools.cache(ns.qn)

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
ARABIC_LOCALE = "ar-SA"

# Child order that Word insists on (ECMA-376 part 1, CT_PPr, CT_RPr, CT_TblPr, CT_SectPr).
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
    "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
).split()
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_LATIN = "A-Za-z0-9\u00c0-\u024f"
# In Arabic text: a left-to-right island starts with a Latin letter or digit and runs over Latin
# letters and digits, joined by in-word punctuation or by spaces and commas, and ends with a
# letter or digit (a sentence's final period stays in the Arabic run) or with the left-to-right
# mark that closes a whole left-to-right text.
_JOINING = "/.\\-–_:;'’&+%!?\u200e\u2060"  # in-word punctuation, direction marks, word joiners
_LTR_ISLAND = re.compile(
    rf"[{_LATIN}](?:[{_LATIN}]|[{_JOINING}]+(?=[{_LATIN}\u200e])|[ ,]+(?=[{_LATIN}]))*\u200e?"
)
# In English text: an Arabic island runs over Arabic letters and the spaces and punctuation between them.
_RTL_ISLAND = re.compile(rf"[{_ARABIC}](?:[{_ARABIC}]|[\s.,:;()\-](?=[\s.,:;()\-]*[{_ARABIC}]))*")
_ARABIC_LETTER = re.compile(rf"[{_ARABIC}]")


def ensure(parent: etree._Element, name: str, order: Sequence[str]) -> etree._Element:
    """Return the child w:<name> of *parent*, inserting it at its schema position if absent."""
    tag = qn(f"w:{name}")
    child = parent.find(tag)
    if child is not None:
        return child
    child = etree.SubElement(parent, tag)
    later = _later(name, tuple(order))
    for sibling in parent:
        if sibling is not child and sibling.tag in later:
            sibling.addprevious(child)
            break
    return child


@functools.cache
def _later(name: str, order: tuple[str, ...]) -> frozenset[str]:
    """Return the tags that come after w:<name> in *order*."""
    return frozenset(qn(f"w:{later}") for later in order[order.index(name) + 1 :])


def parent_of(element: etree._Element) -> etree._Element:
    parent = element.getparent()
    if parent is None:
        raise ValueError(f"{element.tag!r} has no parent")
    return parent


def _remove(parent: etree._Element | None, name: str) -> None:
    if parent is not None:
        for child in parent.findall(qn(f"w:{name}")):
            parent.remove(child)


def properties_of(element: etree._Element, name: str) -> etree._Element:
    """Return the w:pPr, w:rPr or w:tblPr of *element*, created as its first child if absent."""
    properties = element.find(qn(f"w:{name}"))
    if properties is None:
        properties = etree.Element(qn(f"w:{name}"))
        element.insert(0, properties)
    return properties


class StyleSheet:
    """Resolve a style's complex-script font and size through basedOn and the document defaults."""

    def __init__(self, styles: etree._Element):
        self._styles = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
        self._defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._inherited: dict[tuple[str | None, str | None], tuple[str | None, str | None]] = {}

    def has(self, style_id: str) -> bool:
        return style_id in self._styles

    def _chain(self, style_id: str | None) -> Iterable[etree._Element]:
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            properties = style.find(qn("w:rPr"))
            if properties is not None:
                yield properties
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(qn("w:val")) if based_on is not None else None

    def complex_script(
        self, run_style: str | None, paragraph_style: str | None
    ) -> tuple[str | None, str | None]:
        """Return the complex-script font name and size (half-points) a run would inherit (the
        styles are read once: a style sheet stands for styles that do not change meanwhile)."""
        key = (run_style, paragraph_style)
        if key not in self._inherited:
            self._inherited[key] = self._complex_script(run_style, paragraph_style)
        return self._inherited[key]

    def _complex_script(
        self, run_style: str | None, paragraph_style: str | None
    ) -> tuple[str | None, str | None]:
        font = size = None
        chains = [*self._chain(run_style), *self._chain(paragraph_style or "Normal")]
        if self._defaults is not None:
            chains.append(self._defaults)
        for properties in chains:
            fonts = properties.find(qn("w:rFonts"))
            if font is None and fonts is not None and fonts.get(qn("w:cs")):
                font = fonts.get(qn("w:cs"))
            for name in ("szCs", "sz"):
                element = properties.find(qn(f"w:{name}"))
                if size is None and element is not None:
                    size = element.get(qn("w:val"))
        return font, size


# --- Direction -----------------------------------------------------------------------------------


def set_direction(part: etree._Element, styles: StyleSheet, rtl: bool) -> None:
    """Set the direction of every paragraph, run, table and section of a part, directly.

    In a right-to-left document every paragraph gets w:bidi (but for a paragraph the template
    made left to right, w:bidi w:val="0", that holds no Arabic), every table w:bidiVisual and
    every section w:bidi; runs are split so that Latin words, symbols and digits stand in
    left-to-right runs. In either document, every run with Arabic letters gets w:rtl, its complex-script font
    and size (from its style, so that style changes made in Word still apply) and an Arabic
    w:lang.
    """
    for paragraph in part.iter(qn("w:p")):
        paragraph_properties = paragraph.find(qn("w:pPr"))
        paragraph_rtl = rtl and not _left_to_right_by_choice(paragraph)
        if paragraph_rtl:
            ensure(properties_of(paragraph, "pPr"), "bidi", PPR_ORDER).attrib.pop(qn("w:val"), None)
        elif not rtl:
            _remove(paragraph_properties, "bidi")
        style_element = None if paragraph_properties is None else paragraph_properties.find(qn("w:pStyle"))
        style = None if style_element is None else style_element.get(qn("w:val"))
        for run in list(paragraph.iter(qn("w:r"))):
            _split_run(run, paragraph_rtl)
        for run in paragraph.iter(qn("w:r")):
            _set_run_direction(run, styles, style, paragraph_rtl)
    for table in part.iter(qn("w:tbl")):
        if rtl:
            ensure(properties_of(table, "tblPr"), "bidiVisual", _TBLPR_ORDER)
        else:
            _remove(table.find(qn("w:tblPr")), "bidiVisual")
    for section in part.iter(qn("w:sectPr")):
        if rtl:
            ensure(section, "bidi", SECTPR_ORDER)
        else:
            _remove(section, "bidi")


def has_arabic(part: etree._Element) -> bool:
    """Tell whether any text of *part* holds an Arabic letter."""
    return any(_ARABIC_LETTER.search(text.text or "") for text in part.iter(*_TEXTS))


def _left_to_right_by_choice(paragraph: etree._Element) -> bool:
    """Tell whether the template made this paragraph left to right (w:bidi w:val="0") and it has no Arabic."""
    bidi = paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
    off = bidi is not None and bidi.get(qn("w:val")) in ("0", "false", "off")
    return off and not any(_ARABIC_LETTER.search(text.text or "") for text in paragraph.iter(qn("w:t")))


_TEXTS = (qn("w:t"), qn("w:delText"))  # text, and text a tracked change deleted


def _run_text(run: etree._Element) -> str:
    return "".join(text.text or "" for text in run.iter(*_TEXTS))


def _split_run(run: etree._Element, rtl: bool) -> None:
    """Split a plain text run (deleted text too) at the edges of islands in the other direction."""
    children = [child for child in run if child.tag != qn("w:rPr")]
    if len(children) != 1 or children[0].tag not in _TEXTS or not children[0].text:
        return
    kind = children[0].tag
    text = children[0].text
    edges = sorted(
        {0, len(text), *(i for m in (_LTR_ISLAND if rtl else _RTL_ISLAND).finditer(text) for i in m.span())}
    )
    if len(edges) <= 2:
        return
    properties = run.find(qn("w:rPr"))
    for start, end in zip(edges, edges[1:], strict=False):
        piece = etree.Element(qn("w:r"))
        if properties is not None:
            piece.append(copy.deepcopy(properties))
        element = etree.SubElement(piece, kind)
        element.text = text[start:end]
        element.set(XML_SPACE, "preserve")
        run.addprevious(piece)
    parent_of(run).remove(run)


def _is_right_to_left(text: str, rtl: bool) -> bool:
    """In a right-to-left document every run but a left-to-right island; else runs with Arabic."""
    if rtl:
        return not _LTR_ISLAND.fullmatch(text)
    return bool(_ARABIC_LETTER.search(text))


def _set_run_direction(
    run: etree._Element, styles: StyleSheet, paragraph_style: str | None, rtl: bool
) -> None:
    properties = run.find(qn("w:rPr"))
    if not _is_right_to_left(_run_text(run), rtl):
        _remove(properties, "rtl")
        return
    properties = properties_of(run, "rPr")
    run_style = properties.find(qn("w:rStyle"))
    font, size = styles.complex_script(
        run_style.get(qn("w:val")) if run_style is not None else None, paragraph_style
    )
    if font:
        ensure(properties, "rFonts", RPR_ORDER).set(qn("w:cs"), font)
    if size and properties.find(qn("w:szCs")) is None:
        own_size = properties.find(qn("w:sz"))
        written = own_size.get(qn("w:val")) if own_size is not None else None
        ensure(properties, "szCs", RPR_ORDER).set(qn("w:val"), written or size)
    ensure(properties, "rtl", RPR_ORDER)
    ensure(properties, "lang", RPR_ORDER).set(qn("w:bidi"), ARABIC_LOCALE)
