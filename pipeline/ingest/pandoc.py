"""Run pandoc on a report that pipeline.ingest.package has checked, within its limits, and return
its JSON tree.

pandoc runs with a heap cap (GHC's `+RTS -M`, limits.PANDOC_MEMORY) and a time limit
(limits.PANDOC_SECONDS); its tree is refused when nested deeper than limits.REPORT_DEPTH before
it is decoded, since Python's JSON decoder and the flattening in reader.py recurse once per
level. Word's simple fields (`w:fldSimple`), whose displayed result pandoc drops, are unwrapped
first so that their result stays in the text, as Word shows it.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pypandoc
from lxml import etree

from pipeline import limits
from pipeline.errors import Location, Problem, SourceError
from pipeline.ingest.package import TEXT_PARTS

Json = Any  # a node of pandoc's JSON tree: {"t": kind, "c": content}, or a list of them

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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


def pandoc_identity() -> str:
    """Return which pandoc reads the reports (pypandoc's choice: PYPANDOC_PANDOC, its own, or one
    on PATH), with its size and time: what was read with another pandoc is read again."""
    program = os.path.realpath(str(pypandoc.get_pandoc_path()))
    try:
        status = os.stat(program)
    except OSError:
        return program
    return f"{program}:{status.st_size}:{status.st_mtime_ns}"


def pandoc_tree(path: Path, reader: str) -> tuple[Json, tuple[str, ...]]:
    """Return pandoc's JSON tree of the report at *path*, read with *reader* (docx, markdown-smart),
    and the notes on how what it read differs from what Word shows (see `prepared`).

    Raise SourceError when pandoc fails, passes its memory or time limit, or nests too deeply.
    """
    if reader.startswith("markdown"):
        reader += _LITERAL_MARKUP
    memory = limits.PANDOC_MEMORY
    command = [pypandoc.get_pandoc_path(), "+RTS", f"-M{memory.value}m", "-RTS", "--from", reader]
    command += ["--to", "json"]
    if reader == "docx":
        command.append("--track-changes=accept")
    package, notes = prepared(path) if reader == "docx" else Prepared(None, ())
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
        raise refused(path, f"pandoc could not read the file: {pandoc_error(completed.stderr)}")
    depth = nesting_depth(completed.stdout)
    if depth > limits.REPORT_DEPTH.value:
        raise refused(path, limits.REPORT_DEPTH.message(depth))
    return json.loads(completed.stdout), notes


def pandoc_error(stderr: bytes) -> str:
    """Return the first meaningful line of pandoc's error output, without the Haskell call stack
    (`HasCallStack backtrace:`, `throw, called at libraries/…`) that follows it."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        line = line.strip().removeprefix("pandoc: ")
        if line and not line.startswith(("CallStack", "HasCallStack")) and ", called at " not in line:
            return line
    return "unknown error"


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


class Prepared(NamedTuple):
    """The copy of a Word package given to pandoc (None: the file as it is), and what the editor
    should know of how it differs from what Word shows."""

    package: bytes | None
    notes: tuple[str, ...]


def prepared(path: Path) -> Prepared:
    """Return the Word package at *path* as pandoc should read it, with the notes to give.

    In the text parts, each `w:fldSimple` is replaced by its result's runs (pandoc drops a simple
    field's result, "section 2" of a REF, cutting it out of the message); the content of a content
    control that shows only its placeholder ("Click or tap here to enter text.") is left out.
    UTF-16 parts, which pandoc cannot decode, are given to it in UTF-8. Tracked changes (which
    pandoc accepts) and text that is hard to see are counted for the notes.
    """
    notes: list[str] = []
    tracked: dict[str, int] = {}
    changed: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            data = package.read(name) if name in TEXT_PARTS or name.endswith((".xml", ".rels")) else b""
            if name in TEXT_PARTS:
                root = etree.fromstring(data, _SAFE_XML)
                count = sum(1 for _ in root.iter(*_TRACKED))
                if count:
                    tracked[name] = count
                edited = _unwrap_simple_fields(root) + _leave_out_placeholders(root, name, notes)
                notes.extend(_hard_to_see(root, name))
                if edited or not _is_utf8(data):
                    changed[name] = _serialized(root)
            elif data and not _is_utf8(data):
                changed[name] = _serialized(etree.fromstring(data, _SAFE_XML))
        if tracked:
            total = sum(tracked.values())
            where = ", ".join(f"{name}: {count}" for name, count in tracked.items())
            notes.insert(
                0,
                f"the report still has {total} tracked change{'s' if total > 1 else ''} ({where}), read "
                "as accepted (insertions kept, deletions left out): accept or reject them in Word to be sure",
            )
        if not changed:
            return Prepared(None, tuple(notes))
        rewritten = io.BytesIO()
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as copy:
            for entry in package.infolist():
                if entry.filename in changed:
                    copy.writestr(entry.filename, changed[entry.filename])
                else:
                    with package.open(entry) as source, copy.open(entry.filename, "w") as target:
                        shutil.copyfileobj(source, target)
    return Prepared(rewritten.getvalue(), tuple(notes))


_TRACKED = tuple(f"{{{_W}}}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo"))
_OFF = frozenset({"0", "false", "off"})


def _is_utf8(data: bytes) -> bool:
    # A part in UTF-16 starts with its byte order mark or with '<' and a zero byte.
    return not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<\0", b"\0<"))


def _serialized(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _unwrap_simple_fields(root: etree._Element) -> int:
    fields = list(root.iter(f"{{{_W}}}fldSimple"))
    for field in fields:
        parent = field.getparent()
        if parent is not None:
            index = parent.index(field)
            parent[index : index + 1] = list(field)
    return len(fields)


def _leave_out_placeholders(root: etree._Element, part: str, notes: list[str]) -> int:
    """Empty the text of each content control showing its placeholder; note what was left out."""
    emptied = 0
    for control in list(root.iter(f"{{{_W}}}sdt")):
        shows = control.find(f"{{{_W}}}sdtPr/{{{_W}}}showingPlcHdr")
        content = control.find(f"{{{_W}}}sdtContent")
        if shows is None or content is None or str(shows.get(f"{{{_W}}}val", "1")).lower() in _OFF:
            continue
        texts = list(content.iter(f"{{{_W}}}t"))
        placeholder = " ".join("".join(text.text or "" for text in texts).split())
        for text in texts:
            text.text = ""
        if placeholder:
            emptied += 1
            title = control.find(f"{{{_W}}}sdtPr/{{{_W}}}alias")
            tag = control.find(f"{{{_W}}}sdtPr/{{{_W}}}tag")
            named = next((str(e.get(f"{{{_W}}}val")) for e in (title, tag) if e is not None), "")
            notes.append(
                f"a content control{f' {_quoted(named)}' if named else ''} in {part} shows only its "
                f"placeholder {_quoted(placeholder)}: left out (type the text into it in Word if it belongs "
                "in the report)"
            )
    return emptied


def _hard_to_see(root: etree._Element, part: str) -> list[str]:
    """Return a note for each run whose text is white with no shading behind it, or 1 pt or smaller."""
    notes = []
    for run in root.iter(f"{{{_W}}}r"):
        text = " ".join("".join(t.text or "" for t in run.iterchildren(f"{{{_W}}}t")).split())
        properties = run.find(f"{{{_W}}}rPr")
        if not text or properties is None:
            continue
        size = _value(properties, "sz")
        tiny = size.isdigit() and int(size) <= 2  # half-points: 1 pt or smaller
        white = _value(properties, "color").upper() == "FFFFFF"
        if tiny or (white and not _shaded(run)):
            notes.append(
                f"text that is hard to see (white, or 1 pt) in {part}: {_quoted(text)} was read as text"
            )
    return notes


def _shaded(run: etree._Element) -> bool:
    """Return whether the run, its paragraph or its table cell has a shading or highlight behind it."""
    for element in (run, *run.iterancestors(f"{{{_W}}}p", f"{{{_W}}}tc")):
        for properties in element.iterchildren(*_PROPERTIES):
            if (
                properties.find(f"{{{_W}}}shd") is not None
                or properties.find(f"{{{_W}}}highlight") is not None
            ):
                return True
    return False


_PROPERTIES = tuple(f"{{{_W}}}{tag}" for tag in ("rPr", "pPr", "tcPr"))


def _value(properties: etree._Element, tag: str) -> str:
    found = properties.find(f"{{{_W}}}{tag}")
    return "" if found is None else str(found.get(f"{{{_W}}}val", ""))


def _quoted(text: str, length: int = 60) -> str:
    return "'" + (text if len(text) <= length else text[: length - 1] + "…") + "'"
