"""Read an organiser's report (.docx or .md) into a flat list of headings, paragraphs, list items, tables.

pandoc reads both formats (for Word: tracked insertions accepted, content controls and text
boxes included; run by pipeline.ingest.pandoc, within its limits); its JSON tree is flattened
here, every text kept (raw markup as written; an HTML comment as a "comment" block). Before
pandoc sees a file, pipeline.ingest.package checks it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from pipeline.ingest.package import check_file
from pipeline.ingest.pandoc import Json, pandoc_tree
from pipeline.model import Block, Report
from pipeline.text import clean_text

PSEUDO_HEADING_LEVEL = 7  # a bold paragraph standing alone ranks below every real heading
_STANDALONE_BOLD_WORDS = 14


def read_report(path: Path) -> Report:
    """Return the report at *path* as read; raise SourceError if it cannot be read."""
    document, notes = pandoc_tree(path, check_file(path))
    meta = document.get("meta", {})
    titles = [
        Block("title", _clean(inline_text(value["c"])))
        for key, value in meta.items()
        if key in ("title", "subtitle") and value.get("t") == "MetaInlines"
    ]
    # A Markdown report may say `illustrative: true` in its metadata block, like a YAML summary.
    illustrative = meta.get("illustrative", {}).get("c") is True
    blocks = (*titles, *_blocks(document["blocks"]))
    return Report(path, blocks, illustrative, unread_paragraphs(path, blocks), notes)


def unread_paragraphs(path: Path, blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """Return the texts of a Word file's paragraphs that pandoc's reading lost.

    pandoc drops, for instance, the text of a paragraph that also anchors a text box. Each
    paragraph of word/document.xml (tracked deletions, the fallback copies of drawings and the
    content controls showing their placeholder, which pandoc is not given, left out) is looked
    for in what pandoc read, so that such losses are reported, not silent.
    """
    if path.suffix.lower() != ".docx":
        return ()
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"), _SAFE_XML)
    read = " ".join(_clean(block.text) for block in blocks)
    lost = []
    for paragraph in root.iter(f"{{{_W}}}p"):
        texts = [
            text.text or ""
            for text in paragraph.iter(f"{{{_W}}}t")
            if _owning_paragraph(text) is paragraph and not _in_excluded(text, paragraph)
        ]
        written = _ENUMERATOR.sub("", _clean("".join(texts)))
        if written and written not in read:
            lost.append(written)
    return tuple(lost)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EXCLUDED = {f"{{{_W}}}moveFrom", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _owning_paragraph(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != f"{{{_W}}}p":
        parent = parent.getparent()
    return parent


def _in_excluded(element: etree._Element, paragraph: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _EXCLUDED or _is_placeholder(parent):
            return True
        parent = parent.getparent()
    return _is_placeholder(paragraph.getparent())


def _is_placeholder(element: etree._Element | None) -> bool:
    """Return whether *element* is the content of a content control showing its placeholder."""
    if element is None or element.tag != f"{{{_W}}}sdtContent":
        return False
    control = element.getparent()
    shows = None if control is None else control.find(f"{{{_W}}}sdtPr/{{{_W}}}showingPlcHdr")
    return shows is not None and str(shows.get(f"{{{_W}}}val", "1")).lower() not in ("0", "false", "off")


# --- Flattening pandoc's tree ----------------------------------------------------------------------

_ENUMERATOR = re.compile(
    r"^\s*(?:\(?\d{1,3}[.)]|\d{1,3}\s*-|\(?[a-z][.)]|\([ivxl]+\)|[ivxl]+\.|\([أ-ي]\)|[أ-ي]\)|[•·▪‣◦●○■□➢➤✓\-–—*])\s+"
)


def inline_text(inlines: list[Json]) -> str:
    """Return the text of pandoc inlines: formatting dropped, footnotes and images left out."""
    parts: list[str] = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            parts.append(inline_text(content))
        elif kind in ("Span", "Link"):
            parts.append(inline_text(content[1]))
        elif kind == "Cite":
            parts.append(inline_text(content[1]))
        elif kind == "Quoted":
            quotes = ("“", "”") if content[0]["t"] == "DoubleQuote" else ("‘", "’")
            parts.append(quotes[0] + inline_text(content[1]) + quotes[1])
        elif kind in ("Code", "Math", "RawInline"):
            # Raw markup (`<b>`{=html}, an HTML tag or comment) is kept as written: never dropped.
            parts.append(content[1])
        # Note (a footnote) and Image carry no message text.
    return "".join(parts)


def footnotes_of(node: Json) -> tuple[str, ...]:
    """Return the texts of the footnotes (pandoc Note inlines) inside *node*."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("t") == "Note":
            found.append(_clean(" ".join(_item_text([block]) for block in node["c"])))
        else:
            found.extend(footnotes_of(node.get("c")))
    elif isinstance(node, list):
        for child in node:
            found.extend(footnotes_of(child))
    return tuple(note for note in found if note)


def _is_bold_only(inlines: list[Json]) -> bool:
    meaningful = [inline for inline in inlines if inline["t"] not in ("Space", "SoftBreak", "LineBreak")]
    return bool(meaningful) and all(inline["t"] == "Strong" for inline in meaningful)


def _clean(text: str) -> str:
    return clean_text(text)[0]


def _item_text(blocks: list[Json]) -> str:
    """Return the text of a list item: its paragraphs, then its sub-items, joined."""
    parts = []
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            parts.append(inline_text(content))
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            parts.extend(_item_text(item) for item in items)
        elif kind in ("Div", "BlockQuote", "Figure"):
            parts.append(_item_text(content if kind == "BlockQuote" else content[-1]))
        elif kind in ("CodeBlock", "RawBlock"):
            parts.append(content[1])
        elif kind == "Header":
            parts.append(inline_text(content[2]))
        elif kind == "LineBlock":
            parts.extend(inline_text(line) for line in content)
        elif kind in ("Table", "DefinitionList"):
            parts.extend(_table_texts(content))
    return _clean(" ".join(part for part in parts if part))


def _blocks(blocks: list[Json]) -> Iterator[Block]:
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "Header":
            yield Block("heading", _clean(inline_text(content[2])), level=content[0])
        elif kind in ("Para", "Plain"):
            text = _clean(inline_text(content))
            if _COMMENT.fullmatch(text):
                yield Block("comment", text)
            elif text:
                bold = _is_bold_only(content) and len(text.split()) <= _STANDALONE_BOLD_WORDS
                bare = _ENUMERATOR.sub("", text)
                yield Block("paragraph", bare, bold=bold, notes=footnotes_of(content), numbered=bare != text)
        elif kind == "LineBlock":
            text = _clean(" ".join(inline_text(line) for line in content))
            if text:
                yield Block("paragraph", text)
        elif kind in ("BulletList", "OrderedList"):
            for item in content if kind == "BulletList" else content[1]:
                text = _item_text(item)
                if text:
                    yield Block("item", _ENUMERATOR.sub("", text), notes=footnotes_of(item))
        elif kind == "DefinitionList":
            for term, definitions in content:
                text = _clean(" ".join([inline_text(term), *(_item_text(d) for d in definitions)]))
                if text:
                    yield Block("item", text)
        elif kind == "Table":
            yield Block("table", _clean(" ".join(_table_texts(content))), rows=_table_rows(content))
        elif kind == "BlockQuote":
            yield from _blocks(content)
        elif kind in ("Div", "Figure"):
            yield from _blocks(content[1] if kind == "Div" else content[2])
        elif kind in ("CodeBlock", "RawBlock"):
            # Kept as written: a paragraph indented by four spaces is a code block.
            text = _clean(content[1])
            if text:
                yield Block("comment" if _COMMENT.fullmatch(text) else "paragraph", text)
        # A HorizontalRule carries no text.


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _table_rows(content: list[Json]) -> tuple[tuple[str, ...], ...]:
    """Return the texts of a table's cells, row by row: its head, bodies and foot (pandoc's
    Table: attributes, caption, column specs, head, bodies, foot)."""
    head, bodies, foot = content[3], content[4], content[5]
    rows = [*head[1]]
    for body in bodies:
        rows += [*body[2], *body[3]]
    rows += [*foot[1]]
    return tuple(tuple(_item_text(cell[4]) for cell in row[1]) for row in rows)


def _table_texts(node: Json) -> list[str]:
    """Return every text found in a table's cells, in order."""
    texts: list[str] = []
    if isinstance(node, dict):
        if node.get("t") in ("Para", "Plain"):
            texts.append(inline_text(node["c"]))
        else:
            texts.extend(_table_texts(node.get("c")))
    elif isinstance(node, list):
        for child in node:
            texts.extend(_table_texts(child))
    return texts
