"""Render one language's outcome document as Word, from a docxtpl template, strictly.

docxtpl runs with autoescaping, StrictUndefined and a sandboxed Jinja environment; the template's
variables are checked before rendering, template errors name the template, and every message
text is read back from the written file and compared with what was meant to be written.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import jinja2
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from pipeline import files
from pipeline.errors import RenderError, TemplateError, display_path
from pipeline.plain import Plain, plain
from pipeline.render import anchors, wordml, wordnotes
from pipeline.render.fontembed import embed_fonts
from pipeline.render.template_check import check_template
from pipeline.render.view import DocumentView, Footnote

# docxtpl rewrites these sequences in the rendered XML; a character reference keeps them literal.
_DOCXTPL_ESCAPES = {"{_{": "{&#95;{", "}_}": "}&#95;}", "{_%": "{&#95;%", "%_}": "%&#95;}"}
_NOTE_TOKEN = "\ue000note-{}\ue001"  # private use: no source can hold it (text.INTERNAL_MARKER)


def _safe(text: str) -> Markup:
    """Return *text* escaped for XML, with docxtpl's own escape sequences kept as written."""
    escaped = str(escape(text))
    for sequence, replacement in _DOCXTPL_ESCAPES.items():
        escaped = escaped.replace(sequence, replacement)
    return Markup(escaped)


def template_context(view: DocumentView) -> tuple[dict[str, Plain], dict[str, Footnote]]:
    """Return the template's variables for *view*, and the footnote of each footnote token.

    Each footnote becomes a token that add_footnotes turns into a real footnote once docxtpl has
    rendered; every string is escaped for XML.
    """
    notes: dict[str, Footnote] = {}

    def token(footnote: Footnote) -> Plain:
        token = _NOTE_TOKEN.format(len(notes) + 1)
        notes[token] = footnote
        return _safe(token)

    context = plain(view, {Footnote: token, str: _safe})
    assert isinstance(context, dict)
    return context, notes


def _environment() -> jinja2.Environment:
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


def _open_template(template: Path) -> DocxTemplate:
    if not template.is_file():
        raise TemplateError(f"{display_path(template)}: template not found")
    try:
        document = DocxTemplate(template)
        document.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise TemplateError(f"{display_path(template)}: not a Word template ({error})") from None
    return document


def _unbalanced_tags(document: DocxTemplate) -> list[str]:
    """Return the texts of template paragraphs whose {{ }} or {% %} are not closed within the paragraph.

    docxtpl would otherwise join such a tag with the next one and drop what lies between, silently.
    """
    word = document.docx
    parts = [word.element.body]
    for section in word.sections:
        parts += [section.header._element, section.footer._element]
    found = []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
            if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                found.append(text)
    return found


def _preflight(
    document: DocxTemplate, template: Path, context: dict[str, Plain], environment: jinja2.Environment
) -> None:
    """Refuse a template whose tags are broken or use variables the pipeline does not provide."""
    broken = _unbalanced_tags(document)
    if broken:
        raise TemplateError(
            f"{display_path(template)}: a tag is not closed in the paragraph {broken[0]!r} "
            "(write {{ name }} and {% ... %} whole, within one paragraph)"
        )
    try:
        used = document.get_undeclared_template_variables(jinja_env=environment)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{display_path(template)}: template syntax error: {error.message}") from None
    unknown = sorted(used - set(context))
    if unknown:
        raise TemplateError(
            f"{display_path(template)}: the template uses unknown variable(s) {', '.join(unknown)} "
            f"(known: {', '.join(sorted(context))})"
        )


Edit = Callable[[list[etree._Element]], None]


def render_docx(
    view: DocumentView,
    template: Path,
    output: Path,
    timestamp: datetime.datetime,
    edit: Edit | None = None,
    written: Sequence[str | None] | None = None,
) -> None:
    """Write *view* to *output* through the docxtpl *template*; dates inside the file are *timestamp*.

    *edit*, when given, changes the body and footnotes once footnotes are made and before the
    direction is set (the redline's tracked changes); the paragraphs are then not read back,
    since they say more than the view. *written* is then what each message paragraph says once
    every change is accepted (None: nothing, it is deleted), for its anchor (pipeline.render.anchors).
    """
    check_template(template)
    document = _open_template(template)
    environment = _environment()
    context, notes = template_context(view)
    _preflight(document, template, context, environment)
    try:
        document.render(context, jinja_env=environment, autoescape=True)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"{display_path(template)}: template syntax error: {error.message} "
            f"near: {' '.join(' '.join(getattr(error, 'docx_context', [])).split())[:200]}"
        ) from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"{display_path(template)}: {error.message}") from None
    word = document.docx
    styles = wordml.StyleSheet(word.styles.element)
    for style_id in (wordml.FOOTNOTE_TEXT_STYLE, wordml.FOOTNOTE_REFERENCE_STYLE):
        if not styles.has(style_id):
            raise TemplateError(f"{display_path(template)}: the template has no style with id '{style_id}'")
    footnotes_part = _footnotes_part(word, template)
    footnotes = etree.fromstring(footnotes_part.blob)
    kind = _NOTE_KINDS[view.attribution]
    notes_part, notes_element = footnotes_part, footnotes
    if kind == "endnote":
        notes_part = _endnotes_part(word, footnotes)
        notes_element = etree.fromstring(notes_part.blob)
    paragraphs = (*view.body.paragraphs, *view.annex.paragraphs)
    anchoring = anchors.Anchoring([word.element.body, notes_element])
    if len(paragraphs) != len(notes):  # one note token per message paragraph, in document order
        raise RenderError(
            f"{display_path(output)}: {len(notes)} note tokens for {len(paragraphs)} paragraphs"
        )
    if paragraphs:
        texts = written or [paragraph.written for paragraph in paragraphs]
        uids = [paragraph.uid for paragraph in paragraphs]
        anchoring.messages(word.element.body, list(notes), uids, texts)
    try:
        wordnotes.add_footnotes(word.element.body, notes_element, notes, view.rtl, kind)
    except TemplateError as error:
        raise TemplateError(f"{display_path(template)}: {error}") from None
    if edit is not None:
        edit([word.element.body, notes_element])
    front = [("introduction", n, item.label, item.text) for n, item in enumerate(view.introduction, start=1)]
    anchoring.others(word.element.body, front)
    parts = [word.element, *dict.fromkeys((footnotes, notes_element))]
    for section in word.sections:
        for header_footer in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            if not header_footer.is_linked_to_previous:
                parts.append(header_footer._element)
    for part in parts:
        wordml.set_direction(part, styles, view.rtl)
    for part, element in dict.fromkeys(((footnotes_part, footnotes), (notes_part, notes_element))):
        part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
    _set_properties(word, view, timestamp)
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    if any(wordml.has_arabic(part) for part in parts):
        data = embed_fonts(data)  # so that the Arabic shows in Amiri where Amiri is not installed
    files.write_bytes(output, _reproducible_zip(data, timestamp))
    if edit is None:
        _verify(output, view)


def _footnotes_part(word: docx.document.Document, template: Path) -> Part:
    for relationship in word.part.rels.values():
        if relationship.reltype == RT.FOOTNOTES:
            part: Part = relationship.target_part
            return part
    raise TemplateError(
        f"{display_path(template)}: the template has no footnotes part (make it in Word with "
        "References > Insert Footnote, then delete the footnote)"
    )


_NOTE_KINDS = {"footnotes": "footnote", "endnotes": "endnote", "brackets": "brackets"}


def _endnotes_part(word: docx.document.Document, footnotes: etree._Element) -> Part:
    """Return the document's endnotes part, made (with the footnotes' separators) when the
    template has none, and named in the settings beside the footnotes' separators."""
    for relationship in word.part.rels.values():
        if relationship.reltype == RT.ENDNOTES:
            existing: Part = relationship.target_part
            return existing
    endnotes = wordnotes.endnotes_part(footnotes)
    blob = etree.tostring(endnotes, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, blob, word.part.package)
    word.part.relate_to(part, RT.ENDNOTES)
    # Numbered 1, 2, 3 as the footnotes are (Word's own default for endnotes is i, ii, iii).
    settings = word.settings.element
    footnote_settings = settings.find(qn("w:footnotePr"))
    if footnote_settings is not None and settings.find(qn("w:endnotePr")) is None:
        endnote_settings = etree.Element(qn("w:endnotePr"))
        etree.SubElement(endnote_settings, qn("w:numFmt")).set(qn("w:val"), "decimal")
        for separator in footnote_settings.findall(qn("w:footnote")):
            etree.SubElement(endnote_settings, qn("w:endnote")).set(qn("w:id"), separator.get(qn("w:id"), ""))
        footnote_settings.addnext(endnote_settings)
    for section in word.element.body.iter(qn("w:sectPr")):
        numbering = wordml.ensure(section, "endnotePr", wordml.SECTPR_ORDER)
        wordml.ensure(numbering, "numFmt", ("pos", "numFmt", "numStart", "numRestart")).set(
            qn("w:val"), "decimal"
        )
    return part


def _set_properties(word: docx.document.Document, view: DocumentView, timestamp: datetime.datetime) -> None:
    properties = word.core_properties
    properties.title = view.review.title
    properties.subject = view.review.symbol
    properties.language = view.language
    properties.created = properties.modified = timestamp
    properties.revision = 1
    properties.last_modified_by = ""


def _reproducible_zip(data: bytes, timestamp: datetime.datetime) -> bytes:
    """Return the zip *data* with every entry dated *timestamp*, in the same order, compressed alike."""
    date_time = (
        max(timestamp.year, 1980),
        timestamp.month,
        timestamp.day,
        timestamp.hour,
        timestamp.minute,
        0,
    )
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()


def _verify(output: Path, view: DocumentView) -> None:
    """Read the written file back and check that each numbered paragraph says exactly what it should."""
    paragraphs = {paragraph.text for paragraph in docx.Document(str(output)).paragraphs}
    for item in (*view.body.paragraphs, *view.annex.paragraphs):
        # A note called again, or lettered, shows its mark as text after the paragraph's.
        called = item.note.mark if item.note.shared or item.note.lettered else ""
        expected = f"{item.label}\t{item.text}{item.marker}{called}"
        if expected not in paragraphs:  # a set: linear in the paragraphs, not quadratic
            raise RenderError(
                f"{display_path(output)}: paragraph {item.label} ({item.uid}) was not written as given: "
                "check that the template keeps {{ p.label }}, a tab, {{ p.text }} and {{ p.marker }} "
                "in one paragraph"
            )
