"""Helpers for the redline tests: make a redline from the small sources after a change, and read
a Word part's paragraphs with every tracked change accepted or rejected."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from lxml import etree

from pipeline.cli import main
from tests.corpus import BASE, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL = re.compile(r"^\d+(?:\.| -)\t")
PARTS = ("word/document.xml", "word/footnotes.xml")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--templates", str(TEMPLATES)])


def make_redline(
    folder: Path,
    change: Callable[[Path], None],
    *options: str,
    start: Callable[[Path], None] = lambda sources: None,
) -> Result:
    """Freeze the base sources in *folder* (first changed by *start*) as 'zero-draft', its build
    copied to from/; let *change* edit the sources folder, build them to to/, and return the result
    of the redline to current."""
    shutil.copytree(BASE, folder / "sources")
    start(folder / "sources")
    cwd = Path.cwd()
    try:
        os.chdir(folder)
        assert run("freeze", "zero-draft", "--pdf-engine", "none").exit_code == 0
        shutil.copytree(folder / "build", folder / "from")
        change(folder / "sources")
        built = run("build", "--pdf-engine", "none", "--build", "to")
        assert built.exit_code == 0, built.output
        return run("redline", "zero-draft", "current", *options)
    finally:
        os.chdir(cwd)


def paragraphs(xml: bytes, accept: bool | None = None) -> list[str]:
    """Return the texts of the paragraphs of a part, with every change accepted (True), rejected
    (False), or none there to resolve (None)."""
    root = etree.fromstring(xml)
    gone = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    texts = []
    for paragraph in root.iter(f"{W}p"):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        marks = {etree.QName(child).localname for child in mark} if mark is not None else set()
        if accept is not None and marks & gone:
            continue
        text = []
        for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            wrappers = {etree.QName(a).localname for a in element.iterancestors() if a is not paragraph}
            if accept is not None and wrappers & gone:
                continue
            text.append("\t" if element.tag == f"{W}tab" else element.text or "")
        texts.append("".join(text))
    return texts


def part(document: Path, name: str) -> bytes:
    with zipfile.ZipFile(document) as package:
        return package.read(name)


def assert_resolves(folder: Path, language: str, name: str) -> None:
    """Check that accepting every change in the redline gives the newer document (to/), and
    rejecting every change the older one (from/), paragraph numbers apart."""
    redline = part(folder / "build" / f"redline.zero-draft.current.{language}.docx", name)
    newer = part(folder / "to" / f"outcome.{language}.docx", name)
    older = part(folder / "from" / f"outcome.{language}.docx", name)
    assert paragraphs(redline, accept=True) == paragraphs(newer)

    def unnumbered(texts: list[str]) -> list[str]:
        return [LABEL.sub("", text) for text in texts]

    assert unnumbered(paragraphs(redline, accept=False)) == unnumbered(paragraphs(older))
