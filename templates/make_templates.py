"""Write the Word templates templates/outcome.<lang>.docx (run by `make templates` only).

The templates are committed; editors change fonts, margins and styles in Word afterwards, and
those changes win over this script until it is run again. The script writes each part of a
minimal WordprocessingML package with lxml: the styles (template_styles.py), A4 pages, a running
header with the symbol, page numbers, a footnotes part holding only the separators, and a body
whose paragraphs carry the docxtpl tags (template_body.py). In the Arabic template, every
paragraph, run, table and section is set right to left directly, as Word itself writes them.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from template_body import body, footer, header
from template_styles import styles
from wordxml import LAYOUTS, Layout, w

PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
HERE = Path(__file__).resolve().parent


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


def settings() -> etree._Element:
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


def core_properties(layout: Layout) -> etree._Element:
    namespaces = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    root = etree.Element(f"{{{namespaces['cp']}}}coreProperties", nsmap=namespaces)
    etree.SubElement(root, f"{{{namespaces['dc']}}}title").text = f"Outcome document template ({layout.code})"
    etree.SubElement(root, f"{{{namespaces['dc']}}}language").text = layout.code
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


def template(layout: Layout) -> bytes:
    """Return the .docx bytes of the template for *layout*'s language."""
    document = w("document", body(layout))
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
        "word/styles.xml": xml(styles(layout)),
        "word/settings.xml": xml(settings()),
        "word/footnotes.xml": xml(footnotes()),
        "word/header1.xml": xml(header(layout, first=False)),
        "word/header2.xml": xml(header(layout, first=True)),
        "word/footer1.xml": xml(footer(layout, first=False)),
        "word/footer2.xml": xml(footer(layout, first=True)),
        "docProps/core.xml": xml(core_properties(layout)),
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
    for layout in LAYOUTS.values():
        path = folder / f"outcome.{layout.code}.docx"
        path.write_bytes(template(layout))
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
