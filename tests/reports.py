"""Organisers' reports for the ingest tests, written as organisers write them (the texts are made up).

Word files are made with python-docx; tracked changes, content controls and text boxes, which
python-docx cannot make, are added with lxml.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from pipeline.ingest import IngestedReport, ObjectiveFinder, analyse
from pipeline.ingest.reader import read_report
from pipeline.reference import load_reference

FINDER = ObjectiveFinder(load_reference())


def ingest_report(path: Path, language: str | None = None) -> IngestedReport:
    """Read and analyse one report, as `outcome ingest` does."""
    return analyse(read_report(path), FINDER, language)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bold_paragraph(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def rtl(document) -> None:
    """Make every paragraph right to left, as an Arabic organiser's Word does."""
    for paragraph in document.paragraphs:
        paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))


def english_report(path: Path) -> Path:
    """Heading styles, a numbered list with objective and SDG references, background and an agenda table."""
    document = docx.Document()
    document.add_heading("Summary report: GCM Talks on alternatives to detention", 0)
    document.add_heading("Background", 1)
    document.add_paragraph("The GCM Talks looked at GCM objective 13 and at SDG target 10.7.")
    document.add_heading("Agenda", 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Session 1"
    table.cell(0, 1).text = "Objective 13: alternatives to detention"
    table.cell(1, 0).text = "Session 2"
    table.cell(1, 1).text = "Objective 21: return"
    document.add_heading("Key messages", 1)
    document.add_paragraph("Participants agreed on the following key messages:")
    document.add_paragraph(
        "Children should never be detained for migration reasons (objectives 13 and 7).", style="List Number"
    )
    document.add_paragraph(
        "Case management keeps migrants in contact with procedures, as GCM objective 13 asks.",
        style="List Number",
    )
    document.add_paragraph(
        "Data on detention should be public, in line with objective 1 and SDG 10.", style="List Number"
    )
    document.add_heading("Recommendations", 2)
    document.add_paragraph(
        "Open all places of detention to independent monitoring (Obj. 11).", style="List Bullet"
    )
    document.add_paragraph("Guarantee access to legal aid.", style="List Bullet")
    document.add_heading("Closing remarks", 1)
    document.add_paragraph("The organizers thanked participants; objective 23 was mentioned in closing.")
    document.save(path)
    return path


def french_report(path: Path) -> Path:
    """Bold paragraphs as headings, plain paragraphs as messages, then a bulleted list."""
    document = docx.Document()
    bold_paragraph(document, "Contexte")
    document.add_paragraph("La réunion portait sur l’objectif 5 du Pacte mondial et sur l’ODD 8.")
    bold_paragraph(document, "Messages clés")
    document.add_paragraph(
        "Les accords bilatéraux doivent protéger les droits des travailleurs (objectifs 5 et 6)."
    )
    document.add_paragraph("La reconnaissance des compétences reste un obstacle majeur (objectif n° 18).")
    bold_paragraph(document, "Recommandations")
    document.add_paragraph("Associer les syndicats à la négociation des accords.", style="List Bullet")
    document.add_paragraph("Publier les accords, conformément au 23e objectif.", style="List Bullet")
    bold_paragraph(document, "Clôture")
    document.add_paragraph("La séance est levée à 17 heures.")
    document.save(path)
    return path


def arabic_report(path: Path, recommendations: int = 2) -> Path:
    """Right-to-left paragraphs, Arabic-Indic digits, an Arabic ordinal and an SDG reference."""
    document = docx.Document()
    document.add_heading("معلومات أساسية", 1)
    document.add_paragraph("ناقش الاجتماع الهدف 21 من الاتفاق العالمي للهجرة.")
    document.add_heading("الرسائل الرئيسية", 1)
    document.add_paragraph("لا ينبغي احتجاز الأطفال لأسباب تتعلق بالهجرة (الهدف ١٣).", style="List Bullet")
    document.add_paragraph("يجب حماية العمال المهاجرين وفقا للهدفين 5 و6.", style="List Bullet")
    document.add_paragraph(
        "ينبغي نشر البيانات، بما يتسق مع الهدف 10 من أهداف التنمية المستدامة والهدف الأول.",
        style="List Bullet",
    )
    bold_paragraph(document, "التوصيات")
    texts = [
        "فتح جميع أماكن الاحتجاز أمام الرقابة المستقلة.",
        "ضمان الحصول على المساعدة القانونية (الهدف الحادي والعشرين).",
    ]
    for text in texts[:recommendations]:
        document.add_paragraph(text, style="List Number")
    document.add_heading("الكلمات الختامية", 1)
    document.add_paragraph("شكر المنظمون المشاركين.")
    rtl(document)
    document.save(path)
    return path


def english_pair_report(path: Path) -> Path:
    """The English version of arabic_report, message for message."""
    document = docx.Document()
    document.add_heading("Key messages", 1)
    for text in (
        "Children should not be detained for migration reasons (objective 13).",
        "Migrant workers must be protected in line with objectives 5 and 6.",
        "Data should be published, in line with SDG 10 and objective 1.",
    ):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Recommendations", 1)
    for text in ("Open all places of detention to independent monitoring.", "Guarantee access to legal aid."):
        document.add_paragraph(text, style="List Number")
    document.save(path)
    return path


def tracked_report(path: Path) -> Path:
    """Messages as paragraphs: one with a tracked insertion and deletion, one in a content control,
    one in a text box; then a recommendation beside a text box, which pandoc does not read."""
    document = docx.Document()
    document.add_heading("Key messages", 1)
    paragraph = document.add_paragraph("Regular pathways should be expanded")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="Editor" w:date="2024-07-05T00:00:00Z">'
            '<w:r><w:t xml:space="preserve"> for care workers</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="Editor" w:date="2024-07-05T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve"> DELETED WORDS</w:delText></w:r></w:del>'
        )
    )
    paragraph.add_run(" (objective 5).")
    controlled = document.add_paragraph("Consular protection matters (objective 14).")
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val='Message'/></w:sdtPr><w:sdtContent/></w:sdt>"
    )
    controlled._p.addprevious(control)
    control.find(qn("w:sdtContent")).append(controlled._p)
    document.add_paragraph()._p.append(parse_xml(text_box("Remittance costs must fall (objective 20).")))
    document.add_heading("Recommendations", 1)
    anchored = document.add_paragraph("Text beside a text box (objective 9).")
    anchored._p.append(parse_xml(text_box("Cut the cost of remittances.")))
    document.save(path)
    return path


def text_box(text: str) -> str:
    """Return a run holding a text box as Word writes one: DrawingML, with a VML fallback."""
    return (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        '<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2540000" cy="508000"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="508000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def no_heading_report(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Summary of the meeting", 1)
    document.add_paragraph("Participants discussed objective 13.")
    document.save(path)
    return path


ENGLISH_MARKDOWN = """\
# Regional stakeholder consultations: summary report

## Background

The consultations covered GCM objectives 15 and 16 and SDG 10.

## Key messages

1. Health care and education must be open to all migrants (objective 15).
2. Local authorities need resources for inclusion (objective 16).

### Good practices

- Firewalls between services and immigration enforcement (objective 15).

## Challenges

Funding for civil society is short-term.

## Closing

Thanks to the hosts.
"""

ARABIC_MARKDOWN = """\
## الرسائل الرئيسية

- يجب أن يحصل جميع المهاجرين على الرعاية الصحية (الهدف 15).
- للسلطات المحلية دور محوري في الإدماج (الهدف رقم 16).

## التحديات

تعاني منظمات المجتمع المدني من تمويل قصير الأجل.
"""


def zip_bomb(path: Path) -> Path:
    """A .docx whose document part expands from a few kilobytes to 64 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<w:document>" + b" " * (64 * 1024 * 1024) + b"</w:document>")
    return path


def with_doctype(path: Path, source: Path) -> Path:
    """A copy of the Word file *source* whose document part declares a document type."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for entry in original.infolist():
            data = original.read(entry.filename)
            if entry.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "x">]>', 1)
            package.writestr(copy.copy(entry), data)
    return path


def typed_numbering_report(path: Path) -> Path:
    """Bold numbered headings typed by hand, messages numbered by hand, introductory lines."""
    document = docx.Document()
    bold_paragraph(document, "1. KEY MESSAGES")
    document.add_paragraph("Participants agreed on the following:")
    document.add_paragraph("1. Invest in data (objective 1).")
    document.add_paragraph("2. Protect workers (objectives 6 and 7).")
    document.add_paragraph("This concluded the discussion.")
    bold_paragraph(document, "2. NEXT STEPS")
    document.add_paragraph("The network will meet again on objective 23.")
    bold_paragraph(document, "Conclusions")
    document.add_paragraph("The meeting concluded with the following:")
    document.add_paragraph("Cooperation matters (objective 23).")
    document.add_paragraph("Data matters too.")
    document.save(path)
    return path
