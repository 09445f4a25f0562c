"""Every numbered paragraph of the Word file carries its message's id in a hidden bookmark, which
an edit in Word (here: LibreOffice saving the file again) keeps; nothing visible changes."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build
from pipeline.model import PdfEngine
from pipeline.render.anchors import PREFIX, anchor_name, uids_by_anchor
from pipeline.render.pdf import libreoffice_command
from tests.corpus import REGIONAL_REVIEW, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored(document: Path) -> list[tuple[str, str]]:
    """Return (anchor name, paragraph text) for each paragraph that holds an anchor, in order."""
    with zipfile.ZipFile(document) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    found = []
    for paragraph in body.iter(f"{W}p"):
        names = [mark.get(f"{W}name") for mark in paragraph.iter(f"{W}bookmarkStart")]
        names = [name for name in names if name and name.startswith(PREFIX)]
        if names:
            assert len(names) == 1
            found.append((names[0], "".join(paragraph.itertext())))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("anchors")
    sources = folder / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    return build(sources, folder / "build", TEMPLATES, PdfEngine.NONE)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_numbered_paragraph_carries_its_message_id(built, language: str) -> None:
    paragraphs = [*built.outcome.body.paragraphs(), *built.outcome.annex.paragraphs()]
    found = anchored(built.build / f"outcome.{language}.docx")
    assert [name for name, _ in found] == [anchor_name(p.message.uid) for p in paragraphs]
    lookup = uids_by_anchor(message.uid for summary in built.corpus.summaries for message in summary.messages)
    assert [lookup[name] for name, _ in found] == [p.message.uid for p in paragraphs]
    assert all(name.startswith("_") and len(name) <= 40 for name, _ in found)  # hidden, as Word allows


@pytest.mark.skipif(
    libreoffice_command() is None, reason="LibreOffice not installed (Debian: libreoffice-writer-nogui)"
)
def test_the_anchors_survive_the_file_being_saved_again(built, tmp_path: Path) -> None:
    document = built.build / "outcome.en.docx"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            str(libreoffice_command()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    saved = anchored(tmp_path / "outcome.en.docx")
    assert [name for name, _ in saved] == [name for name, _ in anchored(document)]
