"""Word templates that link outside themselves are refused before rendering, and LibreOffice runs
with a profile of its own that loads no links and runs no macros, is killed whole on timeout, and
has its PDF checked."""

from __future__ import annotations

import http.server
import re
import shutil
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pikepdf
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import RenderError
from pipeline.render import libreoffice
from pipeline.render.libreoffice import render_pdf_libreoffice
from tests import hostile_docx as hostile
from tests.corpus import TEMPLATES, write_sources
from tests.test_render_pdf import needs_libreoffice

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        Recorder.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """Return the address of a tiny local web server that records every request it receives."""
    Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def with_linked_image(template: Path, target: str) -> None:
    """Add to the Word *template* a picture linked (r:link) to *target* instead of embedded."""
    picture, rel = hostile.linked_picture(target)
    data = {}
    with zipfile.ZipFile(template) as original:
        entries = original.infolist()
        for entry in entries:
            data[entry.filename] = original.read(entry.filename)
    data[hostile.DOCUMENT] = data[hostile.DOCUMENT].replace(b"<w:sectPr", picture.encode() + b"<w:sectPr", 1)
    data[hostile.DOCUMENT_RELS] = data[hostile.DOCUMENT_RELS].replace(
        b"</Relationships>", rel.encode() + b"</Relationships>"
    )
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as package:
        for entry in entries:
            package.writestr(entry, data[entry.filename])


@pytest.mark.parametrize("kind", ["file", "web"])
def test_a_template_with_a_linked_image_is_refused(tmp_path, server, kind):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n secret")
    target = secret.as_uri() if kind == "file" else f"{server}/image.png"
    shutil.copytree(TEMPLATES, "templates", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with_linked_image(Path("templates/outcome.ar.docx"), target)  # the first rendered
    write_sources(Path("sources"))
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--sources",
            "sources",
            "--build",
            "out",
            "--templates",
            "templates",
            "--pdf-engine",
            "libreoffice",
        ],
    )
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr == (
        f"templates/outcome.ar.docx: the template links to '{target}' outside itself (relationship "
        "'rIdLinked', image, in 'word/_rels/document.xml.rels'): insert the picture or object into the "
        "template in Word instead of linking it\n"
    )
    assert not Path("out").exists() or not any(Path("out").rglob("outcome.*"))
    assert Recorder.requests == []


def test_a_template_with_a_field_that_pulls_in_a_file_is_refused(tmp_path):
    shutil.copytree(TEMPLATES, "templates", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    template = Path("templates/outcome.ar.docx")
    field = hostile.split_field(tmp_path / "field.docx", "INCLUDE", 'PICTURE "http://127.0.0.1:9/x.png"')
    with zipfile.ZipFile(field) as package:
        body = package.read(hostile.DOCUMENT).decode()
    paragraph = body[body.index("<w:p xmlns") : body.index("</w:p>", body.index("fldChar")) + 6]
    with_part_changed(template, lambda data: data.replace(b"<w:sectPr", paragraph.encode() + b"<w:sectPr", 1))
    write_sources(Path("sources"))
    result = CliRunner().invoke(
        main, ["build", "--sources", "sources", "--build", "out", "--templates", "templates"]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "templates/outcome.ar.docx: the template has a field that pulls in another file or runs a program "
        "(INCLUDEPICTURE \"http://127.0.0.1:9/x.png\") in 'word/document.xml': select it in Word and press "
        "Ctrl+Shift+F9 to keep its text\n"
    )
    assert not Path("out").exists() or not any(Path("out").rglob("outcome.*"))


def with_part_changed(template: Path, change: Callable[[bytes], bytes]) -> None:
    """Rewrite the document part of the Word *template* through *change*."""
    with zipfile.ZipFile(template) as original:
        entries = [(entry, original.read(entry.filename)) for entry in original.infolist()]
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as package:
        for entry, data in entries:
            package.writestr(entry, change(data) if entry.filename == hostile.DOCUMENT else data)


# --- LibreOffice ----------------------------------------------------------------------------------


@needs_libreoffice
def test_libreoffice_loads_no_linked_image(tmp_path, server):
    """Even given a Word file with linked pictures (not through a template), LibreOffice's own
    profile fetches no address and embeds no local file."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    document = hostile.in_body(
        tmp_path / "linked.docx",
        hostile.linked_picture(f"{server}/image.png")[0]
        + hostile.linked_picture(secret.as_uri())[0].replace("rIdLinked", "rIdLocal"),
        hostile.linked_picture(f"{server}/image.png")[1]
        + hostile.linked_picture(secret.as_uri())[1].replace("rIdLinked", "rIdLocal"),
    )
    render_pdf_libreoffice(document, tmp_path / "linked.pdf")
    assert Recorder.requests == []
    with pikepdf.open(tmp_path / "linked.pdf") as pdf:
        images = [name for page in pdf.pages for name in page.get_images()]
    assert images == []


@needs_libreoffice
def test_the_profile_turns_macros_and_links_off(tmp_path, monkeypatch):
    """LibreOffice keeps the profile's settings: it writes them back when it exits."""
    kept: dict[str, str] = {}
    convert = libreoffice._convert

    def keep(program, document, folder, timeout):  # type: ignore[no-untyped-def]
        produced = convert(program, document, folder, timeout)
        kept["xcu"] = (folder / "profile" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
        return produced

    monkeypatch.setattr(libreoffice, "_convert", keep)
    render_pdf_libreoffice(hostile.sound_report(tmp_path / "report.docx"), tmp_path / "report.pdf")
    for path, prop, _, value in libreoffice.PROFILE_SETTINGS:
        assert re.search(
            rf'<item oor:path="{re.escape(path)}"><prop oor:name="{prop}" oor:op="fuse">'
            rf"<value>{value}</value>",
            kept["xcu"],
        ), (path, prop)


@needs_libreoffice
def test_random_bytes_named_docx_are_not_converted(tmp_path):
    document = tmp_path / "outcome.en.docx"
    document.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(RenderError) as caught:
        render_pdf_libreoffice(document, tmp_path / "outcome.en.pdf")
    assert str(caught.value) == (
        f"{document.name}: not a Word file (no readable word/document.xml), so LibreOffice was not asked "
        "to convert it"
    )
    assert not (tmp_path / "outcome.en.pdf").exists()


@needs_libreoffice
def test_a_pdf_without_the_documents_text_is_refused(tmp_path, monkeypatch):
    """A PDF that opens and has pages but says something else (here: another document's)."""
    other = hostile.sound_report(tmp_path / "other.docx")
    document = tmp_path / "outcome.en.docx"
    docx_document = docx.Document()
    docx_document.add_paragraph("Completely different wording about regional consultations.")
    docx_document.save(document)
    monkeypatch.setattr(libreoffice, "_paragraph_texts", lambda path: _texts_of(other))
    with pytest.raises(RenderError) as caught:
        render_pdf_libreoffice(document, tmp_path / "outcome.en.pdf")
    assert str(caught.value).startswith(
        "outcome.en.docx: LibreOffice's PDF lacks the Word file's text (0 of "
    )
    assert not (tmp_path / "outcome.en.pdf").exists()


def _texts_of(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(path).paragraphs if paragraph.text]


def test_a_timeout_kills_every_process_libreoffice_started_and_removes_its_folder(tmp_path, monkeypatch):
    """A stand-in for soffice that starts a helper, as soffice starts soffice.bin, then hangs: on
    timeout both are killed (not only the program started), and the scratch folder is removed."""
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    helper = tmp_path / "helper.pid"
    program.write_text(f"#!/bin/sh\nsleep 300 </dev/null >/dev/null 2>&1 &\necho $! > {helper}\nsleep 300\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}:/usr/bin:/bin")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    document = hostile.sound_report(tmp_path / "report.docx")
    started = time.monotonic()
    with pytest.raises(RenderError) as caught:
        render_pdf_libreoffice(document, tmp_path / "report.pdf", timeout=3)
    assert time.monotonic() - started < 10
    assert str(caught.value) == "report.docx: LibreOffice did not finish the conversion within 3 s"
    pid = int(helper.read_text())
    time.sleep(0.2)
    status = Path(f"/proc/{pid}/status")
    assert not status.exists() or "State:\tZ" in status.read_text(), "the helper outlived the timeout"
    assert not list(tmp_path.glob("outcome-libreoffice-*"))
    assert not (tmp_path / "report.pdf").exists()
