"""The styles of the Word templates (word/styles.xml): document defaults, then one row per style.

Every style names its Latin and complex-script fonts and sizes explicitly, since theme fonts
would override document defaults; in the Arabic template every paragraph style is right to left.
"""

from __future__ import annotations

from lxml import etree
from wordxml import INDENT, Layout, hanging, ppr, run_properties, spacing, w


def paragraph_style(
    layout: Layout,
    style_id: str,
    name: str,
    next_style: str | None = None,
    properties: list[etree._Element] | None = None,
    *,
    size: int | None = None,
    size_cs: int | None = None,
    bold: bool = False,
    italic: bool = False,
) -> etree._Element:
    bidi = w("bidi") if layout.rtl else None
    paragraph_properties = ppr(*properties, bidi) if properties else None
    return w(
        "style",
        w("name", val=name),
        w("basedOn", val="Normal"),
        w("next", val=next_style) if next_style else None,
        w("qFormat"),
        paragraph_properties,
        run_properties(layout, size, size_cs, bold, italic),
        type="paragraph",
        styleId=style_id,
    )


def character_style(style_id: str, name: str, *properties: etree._Element) -> etree._Element:
    return w(
        "style",
        w("name", val=name),
        w("basedOn", val="DefaultParagraphFont"),
        w("rPr", *properties),
        type="character",
        styleId=style_id,
    )


def paragraph_styles(layout: Layout) -> list[etree._Element]:
    """Return the paragraph styles the template's paragraphs use, in the order Word lists them."""
    rtl = layout.rtl
    end = "right"  # in a right-to-left paragraph Word reads "right" as the end side, "left" as the start
    return [
        paragraph_style(
            layout, "UNName", "UN Name", None, [spacing(after=0)], bold=True, size=24, size_cs=28
        ),
        paragraph_style(
            layout,
            "UNSymbol",
            "UN Symbol",
            None,
            [spacing(after=0), w("jc", val=end)],
            bold=True,
            size=28,
            size_cs=32,
        ),
        paragraph_style(
            layout,
            "UNOrgan",
            "UN Organ",
            None,
            [spacing(before=120, after=0)],
            bold=True,
            size=32,
            size_cs=36,
        ),
        paragraph_style(layout, "UNMasthead", "UN Masthead", None, [spacing(after=0)], size=20, size_cs=22),
        paragraph_style(
            layout, "Session", "Session", None, [spacing(before=240, after=0)], size=20, size_cs=24
        ),
        paragraph_style(
            layout, "DraftLabel", "Draft Label", None, [spacing(before=240, after=0)], bold=True, italic=True
        ),
        paragraph_style(
            layout,
            "Title",
            "Title",
            "Subtitle",
            [w("keepNext"), spacing(before=360, after=120)],
            bold=True,
            size=28,
            size_cs=34,
        ),
        paragraph_style(
            layout, "Subtitle", "Subtitle", None, [w("keepNext"), spacing(after=240)], size=24, size_cs=28
        ),
        paragraph_style(
            layout,
            "Heading1",
            "heading 1",
            "BodyText",
            [w("keepNext"), *hanging(), spacing(before=360, after=120)],
            bold=True,
            size=24,
            size_cs=30,
        ),
        paragraph_style(
            layout,
            "Heading2",
            "heading 2",
            "BodyText",
            [w("keepNext"), *hanging(), spacing(before=240, after=120)],
            bold=True,
            size=22,
            size_cs=28,
        ),
        paragraph_style(
            layout,
            "Heading3",
            "heading 3",
            "NumberedParagraph",
            [w("keepNext"), spacing(before=200, after=100), w("ind", left=INDENT)],
            bold=True,
            italic=not rtl,
            size=22,
            size_cs=28,
        ),
        paragraph_style(layout, "BodyText", "Body Text", None, [spacing(after=120), w("ind", left=INDENT)]),
        paragraph_style(
            layout,
            "NumberedParagraph",
            "Numbered Paragraph",
            None,
            [*hanging(), spacing(after=120), w("jc", val="both")],
        ),
        paragraph_style(
            layout,
            "TableTitle",
            "Table Title",
            None,
            [w("keepNext"), spacing(before=240, after=120)],
            bold=True,
            size=20,
            size_cs=26,
        ),
        paragraph_style(
            layout,
            "TableHeading",
            "Table Heading",
            None,
            [spacing(before=40, after=40)],
            italic=not rtl,
            bold=rtl,
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            layout,
            "TablePhase",
            "Table Phase",
            None,
            [w("keepNext"), spacing(before=80, after=40)],
            bold=True,
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            layout,
            "TableText",
            "Table Text",
            None,
            [spacing(before=40, after=40), w("jc", val="left")],
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            layout,
            "AnnexLabel",
            "Annex Label",
            None,
            [w("pageBreakBefore"), spacing(after=120)],
            bold=True,
            size=28,
            size_cs=34,
        ),
        paragraph_style(
            layout,
            "FootnoteText",
            "footnote text",
            None,
            [spacing(after=40, line="240"), w("ind", left=INDENT, hanging=INDENT)],
            size=17,
            size_cs=22,
        ),
        paragraph_style(
            layout, "Header", "header", None, [spacing(after=0), w("jc", val=end)], size=17, size_cs=22
        ),
        paragraph_style(
            layout, "Footer", "footer", None, [spacing(after=0), w("jc", val="center")], size=17, size_cs=22
        ),
    ]


def styles(layout: Layout) -> etree._Element:
    """Return word/styles.xml: document defaults, the default styles, then the template's own."""
    line = "300" if layout.rtl else "264"
    margins = [
        w(side, w="0" if side in ("top", "bottom") else "108", type="dxa")
        for side in ("top", "left", "bottom", "right")
    ]
    return w(
        "styles",
        w(
            "docDefaults",
            w("rPrDefault", run_properties(layout)),
            w("pPrDefault", w("pPr", spacing(after=0, line=line))),
        ),
        w(
            "style",
            w("name", val="Normal"),
            w("qFormat"),
            ppr(w("bidi") if layout.rtl else None, spacing(after=0, line=line)),
            run_properties(layout),
            type="paragraph",
            default="1",
            styleId="Normal",
        ),
        w(
            "style",
            w("name", val="Default Paragraph Font"),
            w("uiPriority", val="1"),
            w("semiHidden"),
            type="character",
            default="1",
            styleId="DefaultParagraphFont",
        ),
        w(
            "style",
            w("name", val="Normal Table"),
            w("semiHidden"),
            w("tblPr", w("tblInd", w="0", type="dxa"), w("tblCellMar", *margins)),
            type="table",
            default="1",
            styleId="TableNormal",
        ),
        w(
            "style",
            w("name", val="No List"),
            w("semiHidden"),
            type="numbering",
            default="1",
            styleId="NoList",
        ),
        *paragraph_styles(layout),
        character_style("FootnoteReference", "footnote reference", w("vertAlign", val="superscript")),
        character_style(
            "TranslationPending", "Translation Pending", w("i"), w("iCs"), w("color", val="595959")
        ),
    )
