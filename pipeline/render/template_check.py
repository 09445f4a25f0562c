"""Refuse a Word template that would load something from outside itself: a linked picture or
object (r:link, an External relationship to a local file or a web address), an attached template,
or a field that pulls in another file. docxtpl would copy such a link into every document, where
Word and LibreOffice follow it: the build must never embed a local file or fetch an address.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from pipeline import limits
from pipeline.errors import TemplateError, display_path
from pipeline.ooxml import relationships, scan_part


def check_template(template: Path) -> None:
    """Raise TemplateError if the Word *template* links to a file or address outside itself.

    A template that is missing or not a zip is left to the renderer, which says so.
    """
    if not zipfile.is_zipfile(template):
        return
    name = display_path(template)
    try:
        with zipfile.ZipFile(template) as package:
            for part in sorted(package.namelist()):
                if part.endswith(".rels"):
                    for link in relationships(package, part):
                        if link.outside:
                            raise TemplateError(
                                f"{name}: the template links to '{link.target}' outside itself "
                                f"(relationship '{link.id}', {link.kind}, in '{part}'): insert the "
                                "picture or object into the template in Word instead of linking it"
                            )
                elif part.startswith("word/") and part.endswith(".xml"):
                    with package.open(part) as stream:
                        scan = scan_part(stream, limits.WORD_ELEMENTS.value, limits.WORD_PARAGRAPHS.value)
                    if scan.fields:
                        raise TemplateError(
                            f"{name}: the template has a field that pulls in another file or runs a "
                            f"program ({scan.fields[0][:80]}) in '{part}': select it in Word and press "
                            "Ctrl+Shift+F9 to keep its text"
                        )
    except (zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError) as error:
        raise TemplateError(f"{name}: not a Word template ({error})") from None
