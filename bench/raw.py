"""The raw engines on the outcome document's content, without the pipeline: pandoc Markdown →
DOCX, Typst on a minimal template, LibreOffice DOCX → PDF. Each runs cold, one document per
process, as the pipeline runs them (Typst memoizes within a process: a repeated run would be
flattered).

The content is the document view's (pipeline.render.view): every heading, numbered paragraph
and footnote text, in the same fonts; nothing of the house style (masthead, timeline, mirrored
tables, running heads) that the pipeline adds.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pypandoc

from bench.meter import Measure, run
from pipeline.render.pdf import FONT_FOLDER, LATIN_FONT_FOLDER
from pipeline.render.view import DocumentView, ParagraphView

# The whole of the raw Typst document: headings, numbered paragraphs, one footnote each.
TYPST_TEMPLATE = """\
#let data = json(bytes(sys.inputs.data))
#set page(paper: "a4", margin: 2.5cm)
#set text(font: ("Tinos", "Amiri"), lang: data.lang, dir: if data.rtl { rtl } else { ltr }, size: 12pt)
#set par(justify: true)
#for section in data.sections [
  == #section.heading
  #for p in section.paragraphs [
    #par[#p.label#h(1em)#p.text#footnote(p.note)]
  ]
]
"""

_TYPST_RUN = """\
import sys, typst
pdf = typst.compile(sys.argv[1], font_paths=sys.argv[3:5], ignore_system_fonts=True,
                    sys_inputs={"data": open(sys.argv[2], encoding="utf-8").read()})
open(sys.argv[5], "wb").write(pdf)
"""


def _sections(view: DocumentView) -> list[tuple[str, tuple[ParagraphView, ...]]]:
    sections: list[tuple[str, tuple[ParagraphView, ...]]] = []
    for part in (view.body, view.annex):
        for cluster in part.clusters:
            sections.extend((section.heading, section.paragraphs) for section in cluster.sections)
        if part.cross_cutting:
            sections.append((part.cross_cutting_label, part.cross_cutting))
    return sections


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@])")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown(view: DocumentView) -> str:
    """Return the view's headings, paragraphs and footnotes as pandoc Markdown."""
    lines = ["---", f"lang: {view.language}", f"dir: {'rtl' if view.rtl else 'ltr'}", "---", ""]
    notes = []
    for heading, paragraphs in _sections(view):
        lines += [f"## {_escape(heading)}", ""]
        for paragraph in paragraphs:
            notes.append(paragraph.note.text)
            label = paragraph.label.replace(".", "\\.")  # "1." would start a list
            lines += [f"{label} {_escape(paragraph.text)}[^{len(notes)}]", ""]
    lines += [f"[^{number}]: {_escape(note)}" for number, note in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def typst_data(view: DocumentView) -> str:
    """Return the view's headings, paragraphs and footnotes as the raw Typst template's JSON."""
    sections = [
        {
            "heading": heading,
            "paragraphs": [{"label": p.label, "text": p.text, "note": p.note.text} for p in paragraphs],
        }
        for heading, paragraphs in _sections(view)
    ]
    data = {"lang": view.language, "rtl": view.rtl, "sections": sections}
    return json.dumps(data, ensure_ascii=False)


def pandoc(view: DocumentView, folder: Path) -> Measure:
    """Time pandoc turning the view's Markdown into a Word file."""
    source = folder / f"raw.{view.language}.md"
    source.write_text(markdown(view), encoding="utf-8")
    output = folder / f"raw.{view.language}.docx"
    command = [pypandoc.get_pandoc_path(), str(source), "-o", str(output)]
    return run(f"pandoc md→docx {view.language}", command)


def typst(view: DocumentView, folder: Path) -> Measure:
    """Time Typst compiling the view on the raw template, in a process of its own."""
    template = folder / "raw.typ"
    template.write_text(TYPST_TEMPLATE, encoding="utf-8")
    data = folder / f"raw.{view.language}.json"
    data.write_text(typst_data(view), encoding="utf-8")
    output = folder / f"raw.{view.language}.pdf"
    fonts = [str(FONT_FOLDER), str(LATIN_FONT_FOLDER)]
    command = [sys.executable, "-c", _TYPST_RUN, str(template), str(data), *fonts, str(output)]
    return run(f"typst {view.language}", command)


_LIBREOFFICE_RUN = """\
import sys
from pathlib import Path
from pipeline.render.libreoffice import render_pdf_libreoffice
render_pdf_libreoffice(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def libreoffice(document: Path, language: str, folder: Path) -> Measure:
    """Time LibreOffice converting the pipeline's Word file to PDF (a fresh profile, as the
    pipeline runs it)."""
    output = folder / f"libreoffice.{language}.pdf"
    command = [sys.executable, "-c", _LIBREOFFICE_RUN, str(document), str(output)]
    return run(f"libreoffice docx→pdf {language}", command)
