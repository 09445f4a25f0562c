"""WordprocessingML elements for the template generator (make_templates.py): the w:* element
builder, each language's type sizes and direction, run and paragraph properties, paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from lxml import etree

from pipeline.languages import ARABIC, ENGLISH, DocumentLanguage
from pipeline.render.typesetting import TYPESETTING, Level, Typesetting

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TAB: Final = object()  # a tab inside a paragraph's runs

Child = etree._Element | str | None
Content = str | object | tuple[str, str | None]  # text, TAB, or text with a character style


def w(tag: str, *children: Child, **attributes: object) -> etree._Element:
    """Return the element w:<tag> with w:-qualified *attributes* and *children* (elements or text)."""
    element = etree.Element(f"{{{W}}}{tag}", nsmap={"w": W, "r": R})
    for name, value in attributes.items():
        namespace = R if name == "id" and tag.endswith("Reference") else W
        element.set(f"{{{namespace}}}{name}", str(value))
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            element.text = child
        else:
            element.append(child)
    return element


@dataclass(frozen=True)
class Layout:
    """A document language as the templates set it: its direction and its typesetting."""

    language: DocumentLanguage
    style: Typesetting

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def rtl(self) -> bool:
        return self.language.rtl


LAYOUTS = {code: Layout(language, TYPESETTING[code]) for code, language in (("ar", ARABIC), ("en", ENGLISH))}


def points(value: float) -> int:
    """Return *value* points in twentieths of a point (twips), as Word measures spacing."""
    return round(value * 20)


def centimetres(value: float) -> int:
    """Return *value* centimetres in twips."""
    return round(value * 1440 / 2.54)


def run_properties(layout: Layout, level: Level) -> etree._Element:
    """Return a w:rPr with explicit fonts (theme fonts would win otherwise) and the size of *level*
    for Latin and Arabic alike (Latin words inside Arabic at the Arabic size)."""
    half_points = round(level.size * 2)
    return w(
        "rPr",
        w(
            "rFonts",
            ascii=layout.style.latin_font,
            hAnsi=layout.style.latin_font,
            eastAsia=layout.style.latin_font,
            cs=layout.style.arabic_font,
        ),
        w("b") if level.bold else None,
        w("bCs") if level.bold else None,
        w("i") if level.italic else None,
        w("iCs") if level.italic else None,
        w("sz", val=half_points),
        w("szCs", val=half_points),
        # No w:rtl here: the schema does not allow it in a style, and each Arabic run has its own.
        w("lang", val="en-GB", bidi="ar-SA"),
    )


PPR_ORDER = "pStyle keepNext keepLines pageBreakBefore widowControl tabs bidi spacing ind jc".split()


def ppr(*children: etree._Element | None) -> etree._Element:
    """Return a w:pPr with *children* in the order the schema requires."""
    present = [child for child in children if child is not None]
    return w("pPr", *sorted(present, key=lambda child: PPR_ORDER.index(etree.QName(child).localname)))


def spacing(level: Level) -> etree._Element:
    """Return the w:spacing of *level*: space before and after, and its exact line pitch."""
    return w(
        "spacing",
        before=points(level.before),
        after=points(level.after),
        line=points(level.line),
        lineRule="exact",
    )


def hanging(indent: float) -> list[etree._Element]:
    """Return the tab stop and indentation that hang a number or label in *indent* centimetres."""
    position = centimetres(indent)
    return [w("tabs", w("tab", val="left", pos=position)), w("ind", left=position, hanging=position)]


def run(layout: Layout, content: Content, style: str | None = None) -> etree._Element:
    properties = []
    if style:
        properties.append(w("rStyle", val=style))
    if layout.rtl:
        properties += [w("rtl"), w("lang", bidi="ar-SA")]
    rpr = w("rPr", *properties) if properties else None
    if content is TAB:
        return w("r", rpr, w("tab"))
    text = w("t", str(content))
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return w("r", rpr, text)


def paragraph(
    layout: Layout, style: str, *contents: Content, rtl: bool | None = None, align: str | None = None
) -> etree._Element:
    """Return a paragraph of *style*; contents are text, TAB, or (text, character style) pairs."""
    rtl = layout.rtl if rtl is None else rtl
    # A left-to-right paragraph of the Arabic template says so explicitly (w:bidi w:val="0").
    properties = ppr(
        w("pStyle", val=style),
        w("bidi") if rtl else (w("bidi", val="0") if layout.rtl else None),
        w("jc", val=align) if align else None,
    )
    runs = []
    for content in contents:
        text, character_style = content if isinstance(content, tuple) else (content, None)
        runs.append(run(layout if rtl or not layout.rtl else LAYOUTS["en"], text, character_style))
    return w("p", properties, *runs)


def words(name: str) -> str:
    """Return the tag that prints the fixed word *name* of pipeline/languages.py."""
    return "{{ words." + name + " }}"
