"""LibreOffice resolves the redline: Accept All gives the newer document's text and Reject All the
older one's, run in LibreOffice itself through a Basic macro in a throwaway profile.

LibreOffice 7.4 differs from Word in one way, so texts are compared and empty paragraphs left
out: where a moved message stood, Accept All leaves an empty paragraph, and when a paragraph
mark goes it gives the joined paragraph the first paragraph's style (docs/drafts.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from pipeline.render.pdf import libreoffice_command
from tests.redlines import LABEL, make_redline, paragraphs, part
from tests.test_redline import change_sources
from tests.test_redline_cases import both_in_objective_1, swap_them

RESOLVE = """\
Sub Resolve(source As String, target As String, mode As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim none()
  command = IIf(mode = "accept", ".uno:AcceptAllTrackedChanges", ".uno:RejectAllTrackedChanges")
  dispatcher.executeDispatch(document.CurrentController.Frame, command, "", 0, none())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "MS Word 2007 XML"
  document.storeToURL(ConvertToURL(target), save())
  document.close(True)
End Sub
"""
MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    f'script:language="StarBasic">{escape(RESOLVE, {chr(34): "&quot;"})}</script:module>\n'
)


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory):
    """Return a function that accepts or rejects every change of a Word file in LibreOffice."""
    program = libreoffice_command()
    if program is None:
        pytest.skip("LibreOffice not installed (Debian: apt-get install libreoffice-writer-nogui)")
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    subprocess.run(
        [program, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--terminate_after_init"],
        capture_output=True,
        timeout=180,
        check=True,
    )
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(MODULE, encoding="utf-8")

    def resolve(document: Path, accept: bool) -> list[str]:
        target = document.with_suffix(f".{'accepted' if accept else 'rejected'}.docx")
        mode = "accept" if accept else "reject"
        subprocess.run(
            [
                program,
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                f'macro:///Standard.Module1.Resolve("{document}","{target}","{mode}")',
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
        assert target.is_file(), f"LibreOffice wrote no {target.name}"
        return [LABEL.sub("", text) for text in paragraphs(part(target, "word/document.xml")) if text.strip()]

    return resolve


def scenario(folder: Path, name: str) -> Path:
    if name == "fixture":
        result = make_redline(folder, change_sources)
    else:
        result = make_redline(folder, swap_them, start=both_in_objective_1)
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("name", ["fixture", "reordered"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_libreoffice_accepts_and_rejects_every_change(libreoffice, tmp_path, name, language):
    folder = scenario(tmp_path, name)
    redline = folder / "build" / f"redline.zero-draft.current.{language}.docx"
    for accept, version in ((True, "to"), (False, "from")):
        copy = tmp_path / f"{version}.docx"
        shutil.copyfile(redline, copy)
        # Both sides go through LibreOffice, so that its own way of saving is the same on each.
        reference = tmp_path / f"{version}.reference.docx"
        shutil.copyfile(folder / version / f"outcome.{language}.docx", reference)
        assert libreoffice(copy, accept) == libreoffice(reference, True)
