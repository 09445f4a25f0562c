"""Hostile Word files, built the way attackers and careless tools build them: part by part with
zipfile, from a sound report that python-docx writes (every builder writes *path* and returns
it); and what `outcome ingest` says of them.
"""

from __future__ import annotations

import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from click.testing import CliRunner

from pipeline.cli import main

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
MESSAGES = ("Children should never be detained (objective 13).", "Data should be public (objective 1).")


def sound_report(path: Path) -> Path:
    """A report `outcome ingest` reads: a Key messages heading and two messages."""
    document = docx.Document()
    document.add_heading("Key messages", 1)
    for message in MESSAGES:
        document.add_paragraph(message, style="List Bullet")
    document.save(path)
    return path


def rebuilt(
    path: Path,
    change: Callable[[str, bytes], bytes] = lambda name, data: data,
    extra: tuple[tuple[str, bytes], ...] = (),
    drop: tuple[str, ...] = (),
    rename: dict[str, str] | None = None,
) -> Path:
    """Rewrite the sound report as *path*: each part passed through *change*, the parts *drop*
    left out, some renamed, and the *extra* parts added at the end (even under a name already used)."""
    source = sound_report(path.with_name("sound-" + path.name))
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the point
            for entry in original.infolist():
                if entry.filename not in drop:
                    name = (rename or {}).get(entry.filename, entry.filename)
                    package.writestr(name, change(entry.filename, original.read(entry.filename)))
            for name, data in extra:
                package.writestr(name, data)
    source.unlink()
    return path


def in_body(path: Path, xml: str, rels: str = "") -> Path:
    """The sound report with *xml* added at the end of its body (and *rels* to its relationships)."""

    def change(name: str, data: bytes) -> bytes:
        if name == DOCUMENT:
            return data.replace(b"<w:sectPr", xml.encode() + b"<w:sectPr", 1)
        if name == DOCUMENT_RELS and rels:
            return data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
        return data

    return rebuilt(path, change)


def relationship(rid: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{RELATIONSHIP}{kind}" Target="{target}"{mode}/>'


def linked_picture(target: str) -> tuple[str, str]:
    """Return a paragraph with a picture linked (r:link) to *target* instead of embedded, as Word's
    Insert > Link to File makes it, and its relationship."""
    blip = (
        f'<w:p {W}><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="9" name="Linked"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
        'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="9" name="x.png"/>'
        f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip {R} r:link="rIdLinked"/><a:stretch>'
        '<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" '
        'cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    return blip, relationship("rIdLinked", "image", target)


def linked_image(path: Path, target: str) -> Path:
    """The sound report with a linked picture (see linked_picture)."""
    return in_body(path, *linked_picture(target))


def split_field(path: Path, *pieces: str) -> Path:
    """A complex field whose instruction is split across runs, with its last result as text."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in pieces)
    return in_body(
        path,
        f'<w:p {W}><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )


def encrypted(path: Path, name: str) -> Path:
    """The sound report with the zip's 'encrypted' flag set on the part *name*, in both of the
    zip's headers (the bytes themselves stay readable: only the flag matters to readers)."""
    rebuilt(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(name)
    data[info.header_offset + 6] |= 0x1  # the local header's flags
    position = data.index(b"PK\x01\x02")  # each entry of the central directory
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name.encode():
            data[position + 8] |= 0x1
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))
    return path


# --- What `outcome ingest` says ----------------------------------------------------------------

KEPT = "kept: an earlier summary\n"


def refusal(path: Path) -> str:
    """Return what `outcome ingest` says on standard error about *path*, checking that it exits 1
    without a traceback and leaves the existing output as it was."""
    Path("out.yaml").write_text(KEPT, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", path.name, "--event", "talks-2023", "-o", "out.yaml", "--force"]
    )
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # reported, not a traceback
    assert Path("out.yaml").read_text(encoding="utf-8") == KEPT
    assert sorted(p.name for p in Path.cwd().iterdir()) == sorted([path.name, "out.yaml"])
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[1:] == ["1 problem in 1 file"], result.stderr
    prefix = f"{path.name}: "
    assert lines[0].startswith(prefix)
    return lines[0].removeprefix(prefix)


def accepted(path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", path.name, "--event", "talks-2023", "-o", "out.yaml"])
    assert result.exit_code == 0, result.output
    assert Path("out.yaml").read_text(encoding="utf-8").count("kind: key-message") == 2
