"""The body of the Word templates (word/document.xml), their header and footer: paragraphs that
carry the docxtpl tags, the masthead and the timeline table.

The fixed words are tags too (`{{ words.introduction }}`): the pipeline passes them from
pipeline/languages.py, so Word and PDF print the same words.
"""

from __future__ import annotations

from lxml import etree
from wordxml import TAB, Layout, centimetres, paragraph, run, w, words

PAGE = {"w": "11906", "h": "16838"}  # A4 in twentieths of a point


def margins(layout: Layout) -> dict[str, int]:
    """Return the page margins of the typesetting, the header and footer 1.25 cm from the edge."""
    style = layout.style
    side = centimetres(style.margin_side)
    return {
        "top": centimetres(style.margin_top),
        "bottom": centimetres(style.margin_bottom),
        "left": side,
        "right": side,
        "header": centimetres(1.25),
        "footer": centimetres(1.25),
    }


def tag(layout: Layout, text: str) -> etree._Element:
    """Return a paragraph holding only a docxtpl paragraph tag ({%p ... %}), removed when rendered."""
    return paragraph(layout, "BodyText", text)


def numbered(layout: Layout, item: str) -> etree._Element:
    return paragraph(
        layout,
        "NumberedParagraph",
        "{{ " + item + ".label }}",
        TAB,
        "{{ " + item + ".text }}",
        ("{{ " + item + ".marker }}", "TranslationPending"),
        ("{{ " + item + ".note }}", "FootnoteReference"),
    )


def key_messages(layout: Layout, part: str) -> list[etree._Element]:
    """Return the loops over a part's clusters, objective sections and numbered paragraphs."""
    return [
        tag(layout, "{%p for cluster in " + part + ".clusters %}"),
        tag(layout, "{%p if cluster.title %}"),
        paragraph(layout, "Heading2", "{{ cluster.label }}", TAB, "{{ cluster.title }}"),
        tag(layout, "{%p endif %}"),
        tag(layout, "{%p for section in cluster.sections %}"),
        paragraph(layout, "Heading3", "{{ section.heading }}"),
        tag(layout, "{%p for p in section.paragraphs %}"),
        numbered(layout, "p"),
        tag(layout, "{%p endfor %}"),
        tag(layout, "{%p endfor %}"),
        tag(layout, "{%p endfor %}"),
    ]


def cell(width: int, *paragraphs: etree._Element, span: int = 1) -> etree._Element:
    properties = w("tcPr", w("tcW", w=width, type="dxa"), w("gridSpan", val=span) if span > 1 else None)
    return w("tc", properties, *paragraphs)


def row(*cells: etree._Element, header: bool = False) -> etree._Element:
    properties = w("trPr", w("cantSplit"), w("tblHeader") if header else None)
    return w("tr", properties, *cells)


def border(name: str, size: int = 4) -> etree._Element:
    return w(name, val="single", sz=size, space="0", color="auto")


def timeline_table(layout: Layout) -> etree._Element:
    widths = (2700, 4700, 2012)
    full = sum(widths)

    def text_cell(width: int, text: str, style: str = "TableText", span: int = 1) -> etree._Element:
        return cell(width, paragraph(layout, style, text), span=span)

    properties = w(
        "tblPr",
        w("bidiVisual") if layout.rtl else None,
        w("tblW", w=full, type="dxa"),
        w("tblBorders", border("top", 8), border("bottom", 8), border("insideH", 2)),
        w("tblLayout", type="fixed"),
        w(
            "tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        ),
    )
    header = row(
        *(
            text_cell(width, words(key), "TableHeading")
            for width, key in zip(widths, ("organizer", "event", "date"), strict=True)
        ),
        header=True,
    )
    return w(
        "tbl",
        properties,
        w("tblGrid", *(w("gridCol", w=width) for width in widths)),
        header,
        row(text_cell(full, "{%tr for phase in timeline %}", span=3)),
        row(text_cell(full, "{{ phase.title }}", "TablePhase", span=3)),
        row(text_cell(full, "{%tr for event in phase.events %}", span=3)),
        row(
            text_cell(widths[0], "{{ event.organizer }}"),
            cell(widths[1], paragraph(layout, "TableText", "{{ event.title }}", "{{ event.closed }}")),
            text_cell(widths[2], "{{ event.date }}"),
        ),
        row(text_cell(full, "{%tr endfor %}", span=3)),
        row(text_cell(full, "{%tr endfor %}", span=3)),
    )


def _latin(layout: Layout, style: str, *contents: str) -> etree._Element:
    """Return a paragraph that stays left to right, at the left edge, in the Arabic template too."""
    if layout.rtl:
        return paragraph(layout, style, *contents, rtl=False, align="left")
    return paragraph(layout, style, *contents)


def masthead(layout: Layout) -> etree._Element:
    """Return the borderless masthead table: names on one side, symbol and dates on the other."""
    left, right = 5600, 3812
    # UN Arabic mastheads keep symbol, distribution and dates in English, at the left edge.
    properties = w(
        "tblPr",
        w("bidiVisual") if layout.rtl else None,
        w("tblW", w=left + right, type="dxa"),
        w("tblBorders", border("bottom", 12)),
        w("tblLayout", type="fixed"),
    )
    details = [
        _latin(layout, "UNMasthead", words("distribution") + " {{ review.distribution }}"),
        _latin(layout, "UNMasthead", "{{ review.date }}"),
        _latin(layout, "UNMasthead", ""),
    ]
    if layout.rtl:
        details.append(_latin(layout, "UNMasthead", "{{ review.language }}"))
    details.append(_latin(layout, "UNMasthead", words("original") + " {{ review.original_language }}"))
    return w(
        "tbl",
        properties,
        w("tblGrid", w("gridCol", w=left), w("gridCol", w=right)),
        row(
            cell(left, paragraph(layout, "UNName", words("un"))),
            cell(right, _latin(layout, "UNSymbol", "{{ review.symbol }}")),
        ),
        row(cell(left, paragraph(layout, "UNOrgan", "{{ review.organ }}")), cell(right, *details)),
    )


def section_properties(layout: Layout, annex: bool) -> etree._Element:
    references = []
    if not annex:
        references = [
            w("headerReference", type="default", id="rIdHeader"),
            w("headerReference", type="first", id="rIdFirstHeader"),
            w("footerReference", type="default", id="rIdFooter"),
            w("footerReference", type="first", id="rIdFirstFooter"),
        ]
    # Word numbers the footnotes; the annex's are lettered by the pipeline (custom marks), since
    # LibreOffice would apply one section's numbering format to every section.
    footnotes = w("footnotePr", w("numFmt", val="decimal"))
    return w(
        "sectPr",
        *references,
        footnotes,
        w("type", val="nextPage") if annex else None,
        w("pgSz", **PAGE),
        w("pgMar", gutter="0", **margins(layout)),
        w("cols", space="708"),
        w("titlePg") if not annex else None,
        w("bidi") if layout.rtl else None,
        w("docGrid", linePitch="360"),
    )


def body(layout: Layout) -> etree._Element:
    section_break = paragraph(layout, "Normal")
    section_break[0].append(section_properties(layout, annex=False))
    return w(
        "body",
        masthead(layout),
        tag(layout, "{%p if review.session %}"),
        paragraph(layout, "Session", "{{ review.session }}"),
        tag(layout, "{%p endif %}"),
        tag(layout, "{%p if review.draft_label %}"),
        paragraph(layout, "DraftLabel", "{{ review.draft_label }}"),
        tag(layout, "{%p endif %}"),
        paragraph(layout, "Title", "{{ review.title }}"),
        tag(layout, "{%p if review.subtitle %}"),
        paragraph(layout, "Subtitle", "{{ review.subtitle }}"),
        tag(layout, "{%p endif %}"),
        paragraph(layout, "Heading1", "{{ chapter.introduction }}", TAB, words("introduction")),
        tag(layout, "{%p for item in introduction %}"),
        paragraph(layout, "NumberedParagraph", "{{ item.label }}", TAB, "{{ item.text }}"),
        tag(layout, "{%p endfor %}"),
        paragraph(layout, "Heading1", "{{ chapter.process }}", TAB, words("process")),
        paragraph(layout, "NumberedParagraph", "{{ process.label }}", TAB, "{{ process.text }}"),
        paragraph(layout, "TableTitle", words("timeline")),
        timeline_table(layout),
        paragraph(layout, "Heading1", "{{ chapter.messages }}", TAB, words("messages")),
        *key_messages(layout, "body"),
        tag(layout, "{%p if body.cross_cutting %}"),
        paragraph(layout, "Heading1", "{{ chapter.cross_cutting }}", TAB, words("cross_cutting")),
        tag(layout, "{%p for p in body.cross_cutting %}"),
        numbered(layout, "p"),
        tag(layout, "{%p endfor %}"),
        tag(layout, "{%p endif %}"),
        section_break,
        paragraph(layout, "AnnexLabel", words("annex")),
        paragraph(layout, "Title", words("annex_title")),
        tag(layout, "{%p if not annex.count %}"),
        paragraph(layout, "BodyText", words("annex_empty")),
        tag(layout, "{%p endif %}"),
        *key_messages(layout, "annex"),
        tag(layout, "{%p if annex.cross_cutting %}"),
        paragraph(layout, "Heading2", "{{ annex.cross_cutting_label }}", TAB, words("cross_cutting")),
        tag(layout, "{%p for p in annex.cross_cutting %}"),
        numbered(layout, "p"),
        tag(layout, "{%p endfor %}"),
        tag(layout, "{%p endif %}"),
        section_properties(layout, annex=True),
    )


def header(layout: Layout, first: bool) -> etree._Element:
    if first:
        return w("hdr", paragraph(layout, "Header"))
    return w(
        "hdr",
        _latin(layout, "Header", "{{ review.symbol }}"),
        paragraph(layout, "Header", "{{ review.draft }}"),
    )


def footer(layout: Layout, first: bool) -> etree._Element:
    if first:
        return w("ftr", paragraph(layout, "Footer"))
    page = paragraph(layout, "Footer")
    page.append(w("fldSimple", run(layout, "1"), instr=" PAGE "))
    return w("ftr", page)
