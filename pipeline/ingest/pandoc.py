"""Run pandoc on a report that pipeline.ingest.package has checked, within its limits, and return
its JSON tree.

pandoc runs with a heap cap (GHC's `+RTS -M`, limits.PANDOC_MEMORY) and a time limit
(limits.PANDOC_SECONDS); its tree is refused when nested deeper than limits.REPORT_DEPTH before
it is decoded, since Python's JSON decoder and the flattening in reader.py recurse once per
level. Word's simple fields (`w:fldSimple`), whose displayed result pandoc drops, are unwrapped
first so that their result stays in the text, as Word shows it.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pypandoc
from lxml import etree

from pipeline import limits
from pipeline.errors import Location, Problem, SourceError

Json = Any  # a node of pandoc's JSON tree: {"t": kind, "c": content}, or a list of them

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The parts whose text ingest reads: the body, and the footnotes and endnotes of its messages.
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NOT_STRUCTURE = bytes(sorted(set(range(256)) - set(b'[]{}"')))
_STEP = np.zeros(256, dtype=np.int8)
_STEP[list(b"[{")], _STEP[list(b"]}")] = 1, -1
_HEAP_EXHAUSTED = b"Heap exhausted"
# Markup a Markdown report may hold (HTML, TeX, ```{=openxml} fences, `x`{=html}) is read as the
# text it is, as markup in a summary is: pandoc would otherwise pass it through raw, and a report
# is read for its text only, so it would be lost.
_LITERAL_MARKUP = "-raw_html-native_divs-native_spans-raw_attribute-raw_tex"


def refused(path: Path, message: str) -> SourceError:
    return SourceError([Problem(Location(path), message)])


def pandoc_tree(path: Path, reader: str) -> Json:
    """Return pandoc's JSON tree of the report at *path*, read with *reader* (docx, markdown-smart).

    Raise SourceError when pandoc fails, passes its memory or time limit, or nests too deeply.
    """
    if reader.startswith("markdown"):
        reader += _LITERAL_MARKUP
    memory = limits.PANDOC_MEMORY
    command = [pypandoc.get_pandoc_path(), "+RTS", f"-M{memory.value}m", "-RTS", "--from", reader]
    command += ["--to", "json"]
    if reader == "docx":
        command.append("--track-changes=accept")
    package = _with_simple_fields_unwrapped(path) if reader == "docx" else None
    seconds = limits.PANDOC_SECONDS
    try:
        completed = subprocess.run(
            command if package is not None else [*command, str(path)],
            input=package,
            capture_output=True,
            timeout=seconds.value,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise refused(path, seconds.message()) from None
    if completed.returncode != 0:
        if _HEAP_EXHAUSTED in completed.stderr:
            raise refused(path, memory.message())
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise refused(path, f"pandoc could not read the file: {detail[-1] if detail else 'unknown error'}")
    depth = nesting_depth(completed.stdout)
    if depth > limits.REPORT_DEPTH.value:
        raise refused(path, limits.REPORT_DEPTH.message(depth))
    return json.loads(completed.stdout)


def nesting_depth(document: bytes) -> int:
    """Return how deeply the arrays and objects of the JSON *document* nest (0 for a bare value)."""
    # Brackets inside strings do not count. With the escapes (\\\\, \\") gone, every quote left opens or
    # closes a string; all else but brackets and quotes is dropped first, so the arrays stay small.
    unescaped = document.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = np.frombuffer(unescaped.translate(None, _NOT_STRUCTURE), dtype=np.uint8)
    inside = np.bitwise_xor.accumulate(marks == ord('"'))
    steps = _STEP[marks]
    steps[inside] = 0
    return max(int(steps.cumsum(dtype=np.int32).max()), 0) if steps.size else 0


def _with_simple_fields_unwrapped(path: Path) -> bytes | None:
    """Return the Word package at *path* with each `w:fldSimple` replaced by its result's runs.

    pandoc drops a simple field's result ("section 2" of a REF, the date of a DATE), cutting it
    out of the message. Return None when no part read holds one (pandoc then reads the file).
    """
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        changed = {}
        for name in _TEXT_PARTS:
            if name in names:
                data = package.read(name)
                if b"fldSimple" in data:
                    changed[name] = _unwrapped(data)
        if not changed:
            return None
        rewritten = io.BytesIO()
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as copy:
            for entry in package.infolist():
                if entry.filename in changed:
                    copy.writestr(entry.filename, changed[entry.filename])
                else:
                    with package.open(entry) as source, copy.open(entry.filename, "w") as target:
                        shutil.copyfileobj(source, target)
    return rewritten.getvalue()


def _unwrapped(part: bytes) -> bytes:
    root = etree.fromstring(part, _SAFE_XML)
    for field in list(root.iter(f"{{{_W}}}fldSimple")):
        parent = field.getparent()
        if parent is None:
            continue
        index = parent.index(field)
        parent[index : index + 1] = list(field)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
