"""Write the Word templates templates/outcome.<lang>.docx (run by `make templates` only).

The templates are committed; editors change fonts, margins and styles in Word afterwards, and
those changes win over this script until it is run again. The script writes each part of a
minimal WordprocessingML package with lxml: the styles every paragraph uses (with explicit
Latin and complex-script fonts, since theme fonts would override document defaults), A4 pages,
a running header with the symbol, page numbers, a footnotes part holding only the separators,
and a body whose paragraphs carry the docxtpl tags. In the Arabic template, every paragraph,
run, table and section is set right to left directly, as Word itself writes them.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
TAB = object()  # a tab inside a paragraph's runs

HERE = Path(__file__).resolve().parent
LATIN_FONT = "Times New Roman"
ARABIC_FONT = "Amiri"
# A4 in twentieths of a point; margins of 2.5 cm top and bottom, 2.2 cm left and right.
PAGE = {"w": "11906", "h": "16838"}
MARGINS = {"top": "1418", "bottom": "1418", "left": "1247", "right": "1247", "header": "709", "footer": "709"}
INDENT = "567"  # 1 cm: numbers and labels hang in it


def w(tag: str, *children, **attributes) -> etree._Element:
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


class Language:
    def __init__(self, code: str, rtl: bool, size: int, size_cs: int, words: dict[str, str]):
        self.code, self.rtl, self.size, self.size_cs, self.words = code, rtl, size, size_cs, words


ENGLISH = Language(
    "en",
    rtl=False,
    size=22,
    size_cs=24,
    words={
        "un": "United Nations",
        "introduction": "Introduction",
        "process": "The regional review process",
        "process_text": (
            "The second regional review of the Global Compact for Safe, Orderly and Regular Migration in "
            "the Arab region drew on {{ process.events }} meetings held from {{ process.first }} to "
            "{{ process.last }}: dialogues of Member States and regional consultative processes, GCM Talks "
            "of the regional workstreams of the United Nations Network on Migration, and consultations with "
            "stakeholders. The key messages of their summary reports follow, grouped by the clusters of "
            "objectives reviewed by the round tables of the International Migration Review Forum; those of "
            "the stakeholder consultations are annexed. A footnote to each key message names the meeting it "
            "comes from. The table below lists the events of the review and of its follow-up; closed "
            "meetings are marked."
        ),
        "timeline": "Timeline of the regional review process",
        "organizer": "Organizer",
        "event": "Event",
        "date": "Date",
        "messages": "Key messages",
        "cross_cutting": "Cross-cutting messages",
        "annex": "Annex",
        "annex_title": "Key messages of the stakeholder consultations",
        "annex_empty": "No summary of a stakeholder consultation has been received yet.",
    },
)
ARABIC = Language(
    "ar",
    rtl=True,
    size=22,
    size_cs=28,
    words={
        "un": "الأمم المتحدة",
        "introduction": "مقدمة",
        "process": "عملية الاستعراض الإقليمي",
        "process_text": (
            "استندت الجولة الثانية من الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة "
            "والنظامية في المنطقة العربية إلى {{ process.events }} اجتماعا عقدت في الفترة من "
            "{{ process.first }} إلى {{ process.last }}: حوارات الدول الأعضاء والعمليات التشاورية "
            "الإقليمية، ومحادثات الاتفاق العالمي التي نظمتها مسارات العمل الإقليمية لشبكة الأمم المتحدة "
            "للهجرة، ومشاورات أصحاب المصلحة. وترد أدناه الرسائل الرئيسية الواردة في تقاريرها الموجزة، "
            "مصنفة حسب مجموعات الأهداف التي استعرضتها الموائد المستديرة لمنتدى استعراض الهجرة الدولية، "
            "بينما ترد في المرفق الرسائل الرئيسية لمشاورات أصحاب المصلحة. وتذكر حاشية كل رسالة الاجتماع "
            "الذي صدرت عنه. ويعرض الجدول التالي أحداث الاستعراض ومتابعته، مع الإشارة إلى الاجتماعات المغلقة."
        ),
        "timeline": "الجدول الزمني لعملية الاستعراض الإقليمي",
        "organizer": "المنظم",
        "event": "الحدث",
        "date": "التاريخ",
        "messages": "الرسائل الرئيسية",
        "cross_cutting": "الرسائل الشاملة",
        "annex": "المرفق",
        "annex_title": "الرسائل الرئيسية لمشاورات أصحاب المصلحة",
        "annex_empty": "لم يرد بعد أي تقرير موجز عن مشاورات أصحاب المصلحة.",
    },
)


# --- Styles --------------------------------------------------------------------------------------


def run_properties(language: Language, size=None, size_cs=None, bold=False, italic=False):
    """Return a w:rPr with explicit fonts (theme fonts would win otherwise) and sizes."""
    children = [
        w("rFonts", ascii=LATIN_FONT, hAnsi=LATIN_FONT, eastAsia=LATIN_FONT, cs=ARABIC_FONT),
        w("b") if bold else None,
        w("bCs") if bold else None,
        w("i") if italic else None,
        w("iCs") if italic else None,
        w("sz", val=size or language.size),
        w("szCs", val=size_cs or language.size_cs),
        w("rtl") if language.rtl else None,
        w("lang", val="en-GB", bidi="ar-SA"),
    ]
    return w("rPr", *children)


PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "widowControl",
    "tabs",
    "bidi",
    "spacing",
    "ind",
    "jc",
]


def ppr(*children) -> etree._Element:
    """Return a w:pPr with *children* in the order the schema requires."""
    present = [child for child in children if child is not None]
    return w("pPr", *sorted(present, key=lambda child: PPR_ORDER.index(etree.QName(child).localname)))


def paragraph_style(language, style_id, name, based_on="Normal", next_style=None, properties=(), **font):
    paragraph_properties = ppr(*properties, w("bidi") if language.rtl else None) if properties else None
    return w(
        "style",
        w("name", val=name),
        w("basedOn", val=based_on) if based_on else None,
        w("next", val=next_style) if next_style else None,
        w("qFormat"),
        paragraph_properties,
        run_properties(language, **font),
        type="paragraph",
        styleId=style_id,
    )


def spacing(before=0, after=120, line=None):
    attributes = {"before": before, "after": after}
    if line:
        attributes.update(line=line, lineRule="auto")
    return w("spacing", **attributes)


def hanging():
    """Return the tab stop and indentation that hang a number or label in the first centimetre."""
    return [w("tabs", w("tab", val="left", pos=INDENT)), w("ind", left=INDENT, hanging=INDENT)]


def styles(language: Language) -> etree._Element:
    line = "300" if language.rtl else "264"
    both = w("jc", val="both")
    start, end = ("left", "right")  # in a right-to-left paragraph Word reads "left" as the start side
    return w(
        "styles",
        w(
            "docDefaults",
            w("rPrDefault", run_properties(language)),
            w("pPrDefault", w("pPr", spacing(after=0, line=line))),
        ),
        w(
            "style",
            w("name", val="Normal"),
            w("qFormat"),
            ppr(w("bidi") if language.rtl else None, spacing(after=0, line=line)),
            run_properties(language),
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
            w(
                "tblPr",
                w("tblInd", w="0", type="dxa"),
                w(
                    "tblCellMar",
                    w("top", w="0", type="dxa"),
                    w("left", w="108", type="dxa"),
                    w("bottom", w="0", type="dxa"),
                    w("right", w="108", type="dxa"),
                ),
            ),
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
        paragraph_style(
            language, "UNName", "UN Name", properties=[spacing(after=0)], bold=True, size=24, size_cs=28
        ),
        paragraph_style(
            language,
            "UNSymbol",
            "UN Symbol",
            properties=[spacing(after=0), w("jc", val=end)],
            bold=True,
            size=28,
            size_cs=32,
        ),
        paragraph_style(
            language,
            "UNOrgan",
            "UN Organ",
            properties=[spacing(before=120, after=0)],
            bold=True,
            size=32,
            size_cs=36,
        ),
        paragraph_style(
            language, "UNMasthead", "UN Masthead", properties=[spacing(after=0)], size=20, size_cs=22
        ),
        paragraph_style(
            language, "Session", "Session", properties=[spacing(before=240, after=0)], size=20, size_cs=24
        ),
        paragraph_style(
            language,
            "DraftLabel",
            "Draft Label",
            properties=[spacing(before=240, after=0)],
            bold=True,
            italic=True,
        ),
        paragraph_style(
            language,
            "Title",
            "Title",
            next_style="Subtitle",
            properties=[w("keepNext"), spacing(before=360, after=120)],
            bold=True,
            size=28,
            size_cs=34,
        ),
        paragraph_style(
            language,
            "Subtitle",
            "Subtitle",
            properties=[w("keepNext"), spacing(after=240)],
            size=24,
            size_cs=28,
        ),
        paragraph_style(
            language,
            "Heading1",
            "heading 1",
            next_style="BodyText",
            properties=[w("keepNext"), *hanging(), spacing(before=360, after=120)],
            bold=True,
            size=24,
            size_cs=30,
        ),
        paragraph_style(
            language,
            "Heading2",
            "heading 2",
            next_style="BodyText",
            properties=[w("keepNext"), *hanging(), spacing(before=240, after=120)],
            bold=True,
            size=22,
            size_cs=28,
        ),
        paragraph_style(
            language,
            "Heading3",
            "heading 3",
            next_style="NumberedParagraph",
            properties=[w("keepNext"), spacing(before=200, after=100), w("ind", left=INDENT)],
            bold=True,
            italic=not language.rtl,
            size=22,
            size_cs=28,
        ),
        paragraph_style(
            language, "BodyText", "Body Text", properties=[spacing(after=120), w("ind", left=INDENT), both]
        ),
        paragraph_style(
            language,
            "NumberedParagraph",
            "Numbered Paragraph",
            properties=[*hanging(), spacing(after=120), both],
        ),
        paragraph_style(
            language,
            "TableTitle",
            "Table Title",
            properties=[w("keepNext"), spacing(before=240, after=120)],
            bold=True,
            size=20,
            size_cs=26,
        ),
        paragraph_style(
            language,
            "TableHeading",
            "Table Heading",
            properties=[spacing(before=40, after=40)],
            italic=not language.rtl,
            bold=language.rtl,
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            language,
            "TablePhase",
            "Table Phase",
            properties=[w("keepNext"), spacing(before=80, after=40)],
            bold=True,
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            language,
            "TableText",
            "Table Text",
            properties=[spacing(before=40, after=40), w("jc", val=start)],
            size=18,
            size_cs=24,
        ),
        paragraph_style(
            language,
            "AnnexLabel",
            "Annex Label",
            properties=[w("pageBreakBefore"), spacing(after=120)],
            bold=True,
            size=28,
            size_cs=34,
        ),
        paragraph_style(
            language,
            "FootnoteText",
            "footnote text",
            properties=[spacing(after=40, line="240"), w("ind", left=INDENT, hanging=INDENT)],
            size=17,
            size_cs=22,
        ),
        paragraph_style(
            language, "Header", "header", properties=[spacing(after=0), w("jc", val=end)], size=17, size_cs=22
        ),
        paragraph_style(
            language,
            "Footer",
            "footer",
            properties=[spacing(after=0), w("jc", val="center")],
            size=17,
            size_cs=22,
        ),
        w(
            "style",
            w("name", val="footnote reference"),
            w("basedOn", val="DefaultParagraphFont"),
            w("rPr", w("vertAlign", val="superscript")),
            type="character",
            styleId="FootnoteReference",
        ),
        w(
            "style",
            w("name", val="Translation Pending"),
            w("basedOn", val="DefaultParagraphFont"),
            w("rPr", w("i"), w("iCs"), w("color", val="595959")),
            type="character",
            styleId="TranslationPending",
        ),
    )


# --- Body ----------------------------------------------------------------------------------------


def run(language: Language, content, style: str | None = None) -> etree._Element:
    properties = []
    if style:
        properties.append(w("rStyle", val=style))
    if language.rtl:
        properties += [w("rtl"), w("lang", bidi="ar-SA")]
    rpr = w("rPr", *properties) if properties else None
    if content is TAB:
        return w("r", rpr, w("tab"))
    text = w("t", content)
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return w("r", rpr, text)


def paragraph(
    language: Language, style: str, *contents, rtl: bool | None = None, align: str | None = None
) -> etree._Element:
    """Return a paragraph of *style*; contents are text, TAB, or (text, character style) pairs."""
    rtl = language.rtl if rtl is None else rtl
    # A left-to-right paragraph of the Arabic template says so explicitly (w:bidi w:val="0").
    properties = ppr(
        w("pStyle", val=style),
        w("bidi") if rtl else (w("bidi", val="0") if language.rtl else None),
        w("jc", val=align) if align else None,
    )
    runs = []
    for content in contents:
        text, character_style = content if isinstance(content, tuple) else (content, None)
        runs.append(
            run(language, text, character_style)
            if rtl or not language.rtl
            else run(ENGLISH, text, character_style)
        )
    return w("p", properties, *runs)


def tag(language: Language, text: str) -> etree._Element:
    """Return a paragraph holding only a docxtpl paragraph tag ({%p ... %}), removed when rendered."""
    return paragraph(language, "BodyText", text)


def numbered(language: Language, item: str) -> etree._Element:
    return paragraph(
        language,
        "NumberedParagraph",
        "{{ " + item + ".label }}",
        TAB,
        "{{ " + item + ".text }}",
        ("{{ " + item + ".marker }}", "TranslationPending"),
        ("{{ " + item + ".note }}", "FootnoteReference"),
    )


def key_messages(language: Language, part: str) -> list[etree._Element]:
    """Return the loops over a part's clusters, objective sections and numbered paragraphs."""
    return [
        tag(language, "{%p for cluster in " + part + ".clusters %}"),
        tag(language, "{%p if cluster.title %}"),
        paragraph(language, "Heading2", "{{ cluster.label }}", TAB, "{{ cluster.title }}"),
        tag(language, "{%p endif %}"),
        tag(language, "{%p for section in cluster.sections %}"),
        paragraph(language, "Heading3", "{{ section.heading }}"),
        tag(language, "{%p for p in section.paragraphs %}"),
        numbered(language, "p"),
        tag(language, "{%p endfor %}"),
        tag(language, "{%p endfor %}"),
        tag(language, "{%p endfor %}"),
    ]


def cell(language: Language, width: int, *paragraphs, span: int = 1) -> etree._Element:
    properties = w("tcPr", w("tcW", w=width, type="dxa"), w("gridSpan", val=span) if span > 1 else None)
    return w("tc", properties, *paragraphs)


def row(*cells, header: bool = False) -> etree._Element:
    properties = w("trPr", w("cantSplit"), w("tblHeader") if header else None)
    return w("tr", properties, *cells)


def border(name: str, size: int = 4) -> etree._Element:
    return w(name, val="single", sz=size, space="0", color="auto")


def timeline_table(language: Language) -> etree._Element:
    widths = (2700, 4700, 2012)
    words = language.words

    def text_cell(width, text, style="TableText", span=1):
        return cell(language, width, paragraph(language, style, text), span=span)

    properties = w(
        "tblPr",
        w("bidiVisual") if language.rtl else None,
        w("tblW", w=sum(widths), type="dxa"),
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
            text_cell(width, words[key], "TableHeading")
            for width, key in zip(widths, ("organizer", "event", "date"), strict=True)
        ),
        header=True,
    )
    return w(
        "tbl",
        properties,
        w("tblGrid", *(w("gridCol", w=width) for width in widths)),
        header,
        row(text_cell(sum(widths), "{%tr for phase in timeline %}", span=3)),
        row(text_cell(sum(widths), "{{ phase.title }}", "TablePhase", span=3)),
        row(text_cell(sum(widths), "{%tr for event in phase.events %}", span=3)),
        row(
            text_cell(widths[0], "{{ event.organizer }}"),
            cell(
                language,
                widths[1],
                paragraph(language, "TableText", "{{ event.title }}", "{{ event.closed }}"),
            ),
            text_cell(widths[2], "{{ event.date }}"),
        ),
        row(text_cell(sum(widths), "{%tr endfor %}", span=3)),
        row(text_cell(sum(widths), "{%tr endfor %}", span=3)),
    )


def masthead(language: Language) -> etree._Element:
    """Return the borderless masthead table: names on one side, symbol and dates on the other."""
    left, right = 5600, 3812
    # UN Arabic mastheads keep symbol, distribution and dates in English, at the left edge.
    latin = dict(rtl=False, align="left") if language.rtl else {}
    properties = w(
        "tblPr",
        w("bidiVisual") if language.rtl else None,
        w("tblW", w=left + right, type="dxa"),
        w("tblBorders", border("bottom", 12)),
        w("tblLayout", type="fixed"),
    )
    details = [
        paragraph(language, "UNMasthead", "Distr.: {{ review.distribution }}", **latin),
        paragraph(language, "UNMasthead", "{{ review.date }}", **latin),
        paragraph(language, "UNMasthead", "", **latin),
    ]
    if language.rtl:
        details.append(paragraph(language, "UNMasthead", "{{ review.language }}", **latin))
    details.append(paragraph(language, "UNMasthead", "Original: {{ review.original_language }}", **latin))
    return w(
        "tbl",
        properties,
        w("tblGrid", w("gridCol", w=left), w("gridCol", w=right)),
        row(
            cell(language, left, paragraph(language, "UNName", language.words["un"])),
            cell(language, right, paragraph(language, "UNSymbol", "{{ review.symbol }}", **latin)),
        ),
        row(
            cell(language, left, paragraph(language, "UNOrgan", "{{ review.organ }}")),
            cell(language, right, *details),
        ),
    )


def section_properties(language: Language, annex: bool) -> etree._Element:
    references = []
    if not annex:
        references = [
            w("headerReference", type="default", id="rIdHeader"),
            w("headerReference", type="first", id="rIdFirstHeader"),
            w("footerReference", type="default", id="rIdFooter"),
            w("footerReference", type="first", id="rIdFirstFooter"),
        ]
    # Footnotes are numbered through the whole document. UN annexes letter theirs, but LibreOffice
    # applies one section's footnote format to every section, so the PDF would differ from Word.
    footnotes = w("footnotePr", w("numFmt", val="decimal"))
    return w(
        "sectPr",
        *references,
        footnotes,
        w("type", val="nextPage") if annex else None,
        w("pgSz", **PAGE),
        w("pgMar", gutter="0", **MARGINS),
        w("cols", space="708"),
        w("titlePg") if not annex else None,
        w("bidi") if language.rtl else None,
        w("docGrid", linePitch="360"),
    )


def body(language: Language) -> etree._Element:
    words = language.words
    section_break = paragraph(language, "Normal")
    section_break[0].append(section_properties(language, annex=False))
    return w(
        "body",
        masthead(language),
        tag(language, "{%p if review.session %}"),
        paragraph(language, "Session", "{{ review.session }}"),
        tag(language, "{%p endif %}"),
        tag(language, "{%p if review.draft_label %}"),
        paragraph(language, "DraftLabel", "{{ review.draft_label }}"),
        tag(language, "{%p endif %}"),
        paragraph(language, "Title", "{{ review.title }}"),
        tag(language, "{%p if review.subtitle %}"),
        paragraph(language, "Subtitle", "{{ review.subtitle }}"),
        tag(language, "{%p endif %}"),
        paragraph(language, "Heading1", "{{ chapter.introduction }}", TAB, words["introduction"]),
        tag(language, "{%p for text in introduction %}"),
        paragraph(language, "BodyText", "{{ text }}"),
        tag(language, "{%p endfor %}"),
        paragraph(language, "Heading1", "{{ chapter.process }}", TAB, words["process"]),
        paragraph(language, "BodyText", words["process_text"]),
        paragraph(language, "TableTitle", words["timeline"]),
        timeline_table(language),
        paragraph(language, "Heading1", "{{ chapter.messages }}", TAB, words["messages"]),
        *key_messages(language, "body"),
        tag(language, "{%p if body.cross_cutting %}"),
        paragraph(language, "Heading1", "{{ chapter.cross_cutting }}", TAB, words["cross_cutting"]),
        tag(language, "{%p for p in body.cross_cutting %}"),
        numbered(language, "p"),
        tag(language, "{%p endfor %}"),
        tag(language, "{%p endif %}"),
        section_break,
        paragraph(language, "AnnexLabel", words["annex"]),
        paragraph(language, "Title", words["annex_title"]),
        tag(language, "{%p if not annex.count %}"),
        paragraph(language, "BodyText", words["annex_empty"]),
        tag(language, "{%p endif %}"),
        *key_messages(language, "annex"),
        tag(language, "{%p if annex.cross_cutting %}"),
        paragraph(language, "Heading2", "{{ annex.cross_cutting_label }}", TAB, words["cross_cutting"]),
        tag(language, "{%p for p in annex.cross_cutting %}"),
        numbered(language, "p"),
        tag(language, "{%p endfor %}"),
        tag(language, "{%p endif %}"),
        section_properties(language, annex=True),
    )


def header(language: Language, first: bool) -> etree._Element:
    if first:
        return w("hdr", paragraph(language, "Header"))
    return w(
        "hdr",
        paragraph(
            language,
            "Header",
            "{{ review.symbol }}",
            **(dict(rtl=False, align="left") if language.rtl else {}),
        ),
        paragraph(language, "Header", "{{ review.draft_label }}"),
    )


def footer(language: Language, first: bool) -> etree._Element:
    if first:
        return w("ftr", paragraph(language, "Footer"))
    page = paragraph(language, "Footer")
    field = w("fldSimple", run(language, "1"), instr=" PAGE ")
    page.append(field)
    return w("ftr", page)


def footnotes() -> etree._Element:
    """Return the footnotes part with only the separators Word expects (ids -1 and 0)."""
    return w(
        "footnotes",
        w(
            "footnote",
            w("p", w("pPr", w("spacing", after="0", line="240", lineRule="auto")), w("r", w("separator"))),
            type="separator",
            id="-1",
        ),
        w(
            "footnote",
            w(
                "p",
                w("pPr", w("spacing", after="0", line="240", lineRule="auto")),
                w("r", w("continuationSeparator")),
            ),
            type="continuationSeparator",
            id="0",
        ),
    )


def settings(language: Language) -> etree._Element:
    return w(
        "settings",
        w("defaultTabStop", val="567"),
        w("characterSpacingControl", val="doNotCompress"),
        w("footnotePr", w("footnote", id="-1"), w("footnote", id="0")),
        w(
            "compat",
            w(
                "compatSetting",
                name="compatibilityMode",
                uri="http://schemas.microsoft.com/office/word",
                val="15",
            ),
        ),
        w("themeFontLang", val="en-GB", bidi="ar-SA"),
    )


# --- Package -------------------------------------------------------------------------------------


def xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def content_types() -> etree._Element:
    types = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
    for extension, content_type in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(types, f"{{{CT}}}Default", Extension=extension, ContentType=content_type)
    for name, content_type in (
        ("/word/document.xml", WML + "document.main+xml"),
        ("/word/styles.xml", WML + "styles+xml"),
        ("/word/settings.xml", WML + "settings+xml"),
        ("/word/footnotes.xml", WML + "footnotes+xml"),
        ("/word/header1.xml", WML + "header+xml"),
        ("/word/header2.xml", WML + "header+xml"),
        ("/word/footer1.xml", WML + "footer+xml"),
        ("/word/footer2.xml", WML + "footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ):
        etree.SubElement(types, f"{{{CT}}}Override", PartName=name, ContentType=content_type)
    return types


def relationships(*entries: tuple[str, str, str]) -> etree._Element:
    root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    for identifier, kind, target in entries:
        etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=identifier, Type=kind, Target=target)
    return root


def core_properties(language: Language) -> etree._Element:
    namespaces = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    root = etree.Element(f"{{{namespaces['cp']}}}coreProperties", nsmap=namespaces)
    etree.SubElement(
        root, f"{{{namespaces['dc']}}}title"
    ).text = f"Outcome document template ({language.code})"
    etree.SubElement(root, f"{{{namespaces['dc']}}}language").text = language.code
    for name in ("created", "modified"):
        date = etree.SubElement(root, f"{{{namespaces['dcterms']}}}{name}")
        date.set(f"{{{namespaces['xsi']}}}type", "dcterms:W3CDTF")
        date.text = "2024-01-01T00:00:00Z"
    return root


def app_properties() -> etree._Element:
    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{namespace}}}Properties", nsmap={None: namespace})
    etree.SubElement(root, f"{{{namespace}}}Application").text = "gcm-outcome-pipeline"
    return root


def template(language: Language) -> bytes:
    """Return the .docx bytes of the template for *language*."""
    document = w("document", body(language))
    parts = {
        "[Content_Types].xml": xml(content_types()),
        "_rels/.rels": xml(
            relationships(
                ("rId1", REL + "officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                ("rId3", REL + "extended-properties", "docProps/app.xml"),
            )
        ),
        "word/document.xml": xml(document),
        "word/_rels/document.xml.rels": xml(
            relationships(
                ("rIdStyles", REL + "styles", "styles.xml"),
                ("rIdSettings", REL + "settings", "settings.xml"),
                ("rIdFootnotes", REL + "footnotes", "footnotes.xml"),
                ("rIdHeader", REL + "header", "header1.xml"),
                ("rIdFirstHeader", REL + "header", "header2.xml"),
                ("rIdFooter", REL + "footer", "footer1.xml"),
                ("rIdFirstFooter", REL + "footer", "footer2.xml"),
            )
        ),
        "word/styles.xml": xml(styles(language)),
        "word/settings.xml": xml(settings(language)),
        "word/footnotes.xml": xml(footnotes()),
        "word/header1.xml": xml(header(language, first=False)),
        "word/header2.xml": xml(header(language, first=True)),
        "word/footer1.xml": xml(footer(language, first=False)),
        "word/footer2.xml": xml(footer(language, first=True)),
        "docProps/core.xml": xml(core_properties(language)),
        "docProps/app.xml": xml(app_properties()),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(
                zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()


def main(folder: Path) -> None:
    for language in (ARABIC, ENGLISH):
        path = folder / f"outcome.{language.code}.docx"
        path.write_bytes(template(language))
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
