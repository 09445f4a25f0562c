"""An organiser's footnote to a key message is kept in the summary as the message's `note`:
shown by `outcome where` and on the status page, never printed in the document."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from click.testing import CliRunner

from pipeline import yamlio
from pipeline.build import build
from pipeline.build.review import where
from pipeline.cli import main
from pipeline.model import PdfEngine
from tests.corpus import BASE, TEMPLATES

NOTE = "As UNICEF said in its 2023 report."


def test_ingest_keeps_the_footnote_as_the_messages_note(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("talks.en.md").write_text(
        f"# Key messages\n\n1. Children should never be detained (objective 13).[^1]\n\n[^1]: {NOTE}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", "talks.en.md", "--event", "talks-2023", "-o", "out.yaml"])
    assert result.exit_code == 0, result.output
    assert yamlio.load(Path("out.yaml"))["messages"][0]["note"] == NOTE
    assert "footnote" not in result.stderr  # kept, not reported as left out


def test_the_note_is_shown_by_where_and_the_status_page_and_not_printed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    summary = sources / "summaries" / "talks-2023.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace(
            "    objectives: [1]\n", f"    objectives: [1]\n    note: {NOTE}\n", 1
        ),
        encoding="utf-8",
    )
    built = build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    paragraph = next(p for p in built.outcome.body.paragraphs() if p.message.uid == "talks-2023#m1")
    assert f"note       {NOTE}" in where(sources, paragraph.number).describe()
    assert NOTE in (tmp_path / "build" / "status.html").read_text(encoding="utf-8")
    for language in ("en", "ar"):
        text = "\n".join(
            p.text for p in docx.Document(str(tmp_path / "build" / f"outcome.{language}.docx")).paragraphs
        )
        assert "UNICEF" not in text
