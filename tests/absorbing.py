"""Helpers for the `outcome absorb` tests: build the full corpus, change its Word file as Word would
save it, and run the command."""

from __future__ import annotations

import copy
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from lxml import etree

from pipeline.build import build
from pipeline.cli import main
from pipeline.model import PdfEngine
from pipeline.render.anchors import paragraph_text
from tests.corpus import REGIONAL_REVIEW, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
OLD = "Government-run digital platforms that publish job offers and contracts before departure"
NEW = "Government-run digital platforms that publish job offers and signed contracts before departure"
ARABIC = "أسهمت المنصات الرقمية الحكومية"  # the beginning of OLD's message in Arabic
ABU_DHABI = "summaries/abu-dhabi-dialogue-2024.yaml"  # OLD's summary


def rewrite(
    document: Path,
    change: Callable[[etree._Element], dict[str, bytes] | None],
    part: str = "word/document.xml",
) -> None:
    """Let *change* edit a part of the document in place (and return parts to add), as Word would save it."""
    with zipfile.ZipFile(document) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts[part])
    added = change(root) or {}
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(document, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in {**parts, **added}.items():
            package.writestr(name, data)


def body_of(document: Path) -> etree._Element:
    """Return the body of the Word file *document*."""
    with zipfile.ZipFile(document) as package:
        return etree.fromstring(package.read("word/document.xml"))


def paragraph_of(root: etree._Element, text: str) -> etree._Element:
    """Return the first paragraph whose text holds *text*."""
    return next(p for p in root.iter(f"{W}p") if text in paragraph_text(p))


def set_text(paragraph: etree._Element, text: str) -> None:
    """Give *paragraph* the one text *text*, in its first text run (typed over in Word)."""
    texts = [t for t in paragraph.iter(f"{W}t")]
    texts[0].text = text
    for other in texts[1:]:
        other.text = ""


def setup(tmp_path: Path) -> tuple[Path, Path]:
    """Return the sources (the full corpus, translations recorded) and the build folder."""
    sources = tmp_path / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    CliRunner().invoke(main, ["translations", "confirm", "--all", "--sources", str(sources)])
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    return sources, tmp_path / "build"


def copy_of(built: Path, language: str, tmp_path: Path) -> Path:
    edited = tmp_path / f"edited.{language}.docx"
    shutil.copy(built / f"outcome.{language}.docx", edited)
    return edited


def absorb(edited: Path, sources: Path, built: Path, *options: str) -> Result:
    arguments = ["absorb", str(edited), "--sources", str(sources), "--build", str(built), *options]
    return CliRunner().invoke(main, arguments)


def lines(sources: Path) -> dict[str, list[str]]:
    """Return the lines of every file of the sources, by path."""
    return {
        path.relative_to(sources).as_posix(): path.read_text(encoding="utf-8").splitlines()
        for path in sorted(sources.rglob("*"))
        if path.is_file()
    }


def changed_lines(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """Return (file, old line, new line) for each line that differs (the files keep their length)."""
    assert before.keys() == after.keys()
    assert all(len(before[name]) == len(after[name]) for name in before)
    return [
        (name, old, new)
        for name in before
        for old, new in zip(before[name], after[name], strict=True)
        if old != new
    ]


def _run(model: etree._Element, text: str, tag: str = "t") -> etree._Element:
    run = etree.Element(f"{W}r")
    properties = model.find(f"{W}rPr")
    if properties is not None:
        run.append(copy.deepcopy(properties))
    element = etree.SubElement(run, f"{W}{tag}")
    element.text = text
    element.set(XML_SPACE, "preserve")
    return run


def tracked(root: etree._Element, after: str, insert: str = "", delete: str = "", author: str = "") -> None:
    """Right after the text *after*, delete the text *delete* that follows it and insert *insert*,
    as Word's tracked changes by *author* (typed, untracked, when *author* is empty)."""
    text = next(t for t in root.iter(f"{W}t") if t.text and after in t.text)
    before, rest = text.text.split(after, 1)
    assert rest.startswith(delete), (rest[:40], delete)
    run = text.getparent()
    if not author:
        text.text = before + after + insert + rest[len(delete) :]
        return
    text.text = before + after
    text.set(XML_SPACE, "preserve")
    place = run
    stamp = {f"{W}author": author, f"{W}date": "2026-12-01T09:00:00Z"}
    for kind, words in (("del", delete), ("ins", insert)):
        if words:
            change = etree.Element(f"{W}{kind}", {f"{W}id": str(900 + len(kind)), **stamp})
            change.append(_run(run, words, "delText" if kind == "del" else "t"))
            place.addnext(change)
            place = change
    place.addnext(_run(run, rest[len(delete) :]))


def delete_paragraph(paragraph: etree._Element, author: str) -> None:
    """Mark the whole *paragraph* deleted, its paragraph mark too, as a tracked change by *author*."""
    stamp = {f"{W}id": "950", f"{W}author": author, f"{W}date": "2026-12-01T09:00:00Z"}
    for run in [child for child in paragraph if child.tag == f"{W}r"]:
        wrapper = etree.Element(f"{W}del", stamp)
        run.addprevious(wrapper)
        wrapper.append(run)
        for text in run.iter(f"{W}t"):
            text.tag = f"{W}delText"
    properties = paragraph.find(f"{W}pPr")
    mark = properties.find(f"{W}rPr")
    if mark is None:
        mark = etree.SubElement(properties, f"{W}rPr")
    mark.insert(0, etree.Element(f"{W}del", stamp))
