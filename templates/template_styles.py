"""The styles of the Word templates (word/styles.xml): document defaults, then one row per style.

Every style names its Latin and complex-script fonts and sizes explicitly, since theme fonts
would override document defaults; in the Arabic template every paragraph style is right to left.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree
from wordxml import Layout, centimetres, hanging, ppr, run_properties, spacing, w

from pipeline.render.typesetting import Level


def paragraph_style(
    layout: Layout,
    style_id: str,
    name: str,
    level: Level,
    *properties: etree._Element | None,
    next_style: str | None = None,
    justify: bool = False,
) -> etree._Element:
    """Return a paragraph style: *level*'s type and spacing, and *properties* (keep with next,
    indents, alignment). In the Arabic template every paragraph style is right to left."""
    paragraph_properties = ppr(
        *properties,
        w("bidi") if layout.rtl else None,
        spacing(level),
        w("jc", val="both") if justify and layout.style.justify else None,
    )
    return w(
        "style",
        w("name", val=name),
        w("basedOn", val="Normal"),
        w("next", val=next_style) if next_style else None,
        w("qFormat"),
        paragraph_properties,
        run_properties(layout, level),
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
    rtl, style = layout.rtl, layout.style
    end = "right"  # in a right-to-left paragraph Word reads "right" as the end side, "left" as the start

    def keep() -> etree._Element:  # a new element each time: an element has one parent
        return w("keepNext")

    def text_indent() -> etree._Element:
        return w("ind", left=centimetres(style.indent))

    body = style.body
    table_heading = replace(style.table, italic=not rtl, bold=rtl)
    return [
        paragraph_style(layout, "UNName", "UN Name", style.name),
        paragraph_style(layout, "UNSymbol", "UN Symbol", style.symbol, w("jc", val=end)),
        paragraph_style(layout, "UNOrgan", "UN Organ", style.organ),
        paragraph_style(layout, "UNMasthead", "UN Masthead", style.masthead),
        paragraph_style(layout, "Session", "Session", replace(body, before=12, after=0)),
        paragraph_style(
            layout, "DraftLabel", "Draft Label", replace(body, before=12, after=0, bold=True, italic=not rtl)
        ),
        paragraph_style(layout, "Title", "Title", style.title, keep(), next_style="Subtitle"),
        paragraph_style(
            layout,
            "Subtitle",
            "Subtitle",
            replace(body, size=body.size + 2, line=body.line + 2, after=12),
            keep(),
        ),
        paragraph_style(
            layout,
            "Heading1",
            "heading 1",
            style.chapter,
            keep(),
            *hanging(style.heading_indent),
            next_style="BodyText",
        ),
        paragraph_style(
            layout,
            "Heading2",
            "heading 2",
            style.cluster,
            keep(),
            *hanging(style.heading_indent),
            next_style="BodyText",
        ),
        paragraph_style(
            layout,
            "Heading3",
            "heading 3",
            style.objective,
            keep(),
            text_indent(),
            next_style="NumberedParagraph",
        ),
        paragraph_style(layout, "BodyText", "Body Text", body, text_indent(), justify=True),
        paragraph_style(
            layout, "NumberedParagraph", "Numbered Paragraph", body, *hanging(style.indent), justify=True
        ),
        paragraph_style(layout, "TableTitle", "Table Title", style.table_title, keep()),
        paragraph_style(layout, "TableHeading", "Table Heading", table_heading),
        paragraph_style(layout, "TablePhase", "Table Phase", replace(style.table, bold=True), keep()),
        paragraph_style(layout, "TableText", "Table Text", style.table, w("jc", val="left")),
        paragraph_style(layout, "AnnexLabel", "Annex Label", style.annex_label, w("pageBreakBefore"), keep()),
        paragraph_style(
            layout, "FootnoteText", "footnote text", style.footnote, *hanging(style.footnote_indent)
        ),
        paragraph_style(layout, "Header", "header", style.running, w("jc", val=end)),
        paragraph_style(layout, "Footer", "footer", style.running, w("jc", val="center")),
    ]


def styles(layout: Layout) -> etree._Element:
    """Return word/styles.xml: document defaults, the default styles, then the template's own."""
    margins = [
        w(side, w="0" if side in ("top", "bottom") else "108", type="dxa")
        for side in ("top", "left", "bottom", "right")
    ]
    return w(
        "styles",
        w(
            "docDefaults",
            w("rPrDefault", run_properties(layout, layout.style.body)),
            w("pPrDefault", w("pPr", spacing(replace(layout.style.body, after=0)))),
        ),
        w(
            "style",
            w("name", val="Normal"),
            w("qFormat"),
            ppr(w("bidi") if layout.rtl else None, spacing(replace(layout.style.body, after=0))),
            run_properties(layout, layout.style.body),
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
