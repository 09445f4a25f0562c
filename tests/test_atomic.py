"""A build that fails never loses the outputs: staged, checked, moved into place; hand edits kept."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.drafts import freeze
from pipeline.errors import PipelineError, TemplateError
from pipeline.model import PdfEngine
from tests.builds import SUMMARY, run, second_version, snapshot
from tests.corpus import TEMPLATES, write_sources


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return write_sources(tmp_path / "sources")


def test_a_failed_build_leaves_the_previous_outputs_as_they_were(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES)
    before = snapshot(folder)
    broken = tmp_path / "templates"
    broken.mkdir()
    for template in TEMPLATES.iterdir():
        if template.is_file():
            (broken / template.name).write_bytes(template.read_bytes())
    (broken / "outcome.typ").write_text("#let x = (\n", encoding="utf-8")  # fails after the Word files
    second_version(sources)
    with pytest.raises(TemplateError, match="Typst could not compile it"):
        build(sources, folder, broken)
    assert snapshot(folder) == before  # no staging folder, no lock, nothing replaced


def test_a_failed_build_into_a_new_folder_writes_nothing(sources: Path, tmp_path: Path) -> None:
    (sources / SUMMARY).write_text("event: talks-2023\nmessages: [\n", encoding="utf-8")
    result = run("build", "--sources", sources, "--build", tmp_path / "build")
    assert result.returncode == 1
    assert "talks-2023.yaml:3" in result.stderr
    assert not (tmp_path / "build").exists()


def test_an_output_changed_by_hand_is_moved_aside_not_overwritten(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.NONE)
    edited = folder / "outcome.en.docx"
    edited.write_bytes(edited.read_bytes() + b"an editor's change")
    changed = edited.read_bytes()
    second_version(sources)
    result = build(sources, folder, TEMPLATES, PdfEngine.NONE)
    asides = sorted(folder.glob("outcome.en.edited-*.docx"))
    assert len(asides) == 1 and asides[0].read_bytes() == changed
    assert [notice.note() for notice in result.notices if "by hand" in notice.message] == [
        f"build/outcome.en.docx: note: changed since the last build (by hand?): kept as {asides[0].name}; "
        "this build's output is in its place"
    ]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"]["outcome.en.docx"] == hashlib.sha256(edited.read_bytes()).hexdigest()
    # The next build finds nothing changed by hand.
    again = build(sources, folder, TEMPLATES, PdfEngine.NONE)
    assert not [notice for notice in again.notices if "by hand" in notice.message]


def test_outputs_the_build_no_longer_makes_are_removed(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.TYPST)
    (sources / "summaries" / "hearings-2024.yaml").unlink()
    (sources / "events.yaml").write_text(
        (sources / "events.yaml")
        .read_text(encoding="utf-8")
        .replace("    stakeholder: true", "    stakeholder: true\n    awaiting_summary: true"),
        encoding="utf-8",
    )
    result = build(sources, folder, TEMPLATES, PdfEngine.NONE)
    assert not list(folder.glob("*.pdf")), "a PDF of the previous build would be stale"
    removed = sorted(n.location.path.name for n in result.notices if n.message.startswith("removed"))
    assert removed == ["hearings-2024.yaml", "outcome.ar.pdf", "outcome.en.pdf"]
    assert sorted(path.name for path in (folder / "normalized").iterdir()) == [
        name.split("/")[1] for name in snapshot(folder) if name.startswith("normalized/")
    ]


def test_a_draft_is_recorded_whole(sources: Path, tmp_path: Path) -> None:
    build_dir, drafts = tmp_path / "build", tmp_path / "drafts"
    result = run(
        "freeze",
        "zero",
        "--sources",
        sources,
        "--build",
        build_dir,
        "--drafts",
        drafts,
        "--pdf-engine",
        "none",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in drafts.iterdir()) == ["zero"]  # nothing half-written beside it
    assert sorted(path.name for path in (drafts / "zero").iterdir()) == ["manifest.json", "merged.yaml"]
    with pytest.raises(PipelineError, match="exists already"):
        freeze("zero", build_dir, drafts)


def test_a_folder_where_an_output_goes_stops_the_build_before_anything_moves(
    sources: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.NONE)
    (folder / "outcome.en.docx").unlink()
    (folder / "outcome.en.docx").mkdir()
    (folder / "outcome.en.docx" / "notes.txt").write_text("keep", encoding="utf-8")
    before = snapshot(folder)
    second_version(sources)
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 1
    assert result.stderr == (
        "build/outcome.en.docx: a folder stands where the build writes a file: move it away or rename it, "
        "then build again (the previous outputs are unchanged)\n"
    )
    assert snapshot(folder) == before
    # Once it is moved away, the next build goes through.
    (folder / "outcome.en.docx").rename(tmp_path / "notes")
    assert run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none").returncode == 0


def test_the_build_folder_cannot_be_the_sources(sources: Path, tmp_path: Path) -> None:
    for inside in (sources, sources / "build"):
        result = run("build", "--sources", sources, "--build", inside, "--pdf-engine", "none")
        assert result.returncode == 1
        assert result.stderr == (
            f"{inside.relative_to(tmp_path)}: the build folder must not be the sources folder or inside it "
            "(sources); build into another folder, such as build/\n"
        )
    assert not (sources / "build").exists() and not (sources / "merged.yaml").exists()


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_outputs_get_the_usual_permissions(sources: Path, tmp_path: Path, umask: int) -> None:
    mask = os.umask(umask)
    try:
        build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
        freeze("zero", tmp_path / "build", tmp_path / "drafts")
    finally:
        os.umask(mask)
    for path in (
        tmp_path / "build" / "outcome.en.docx",
        tmp_path / "build" / "status.html",
        tmp_path / "drafts" / "zero",
    ):
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_the_build_folder_cannot_be_the_templates(sources: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    before = snapshot(templates)
    result = run(
        "build", "--sources", sources, "--build", templates, "--templates", templates, "--pdf-engine", "none"
    )
    assert result.returncode == 1
    assert result.stderr == (
        "templates: the build folder must not be the templates folder or inside it (templates); "
        "build into another folder, such as build/\n"
    )
    assert snapshot(templates) == before


def test_a_system_error_is_a_message_not_a_traceback(sources: Path, tmp_path: Path) -> None:
    (tmp_path / "build" / ".outcome.lock").mkdir(parents=True)  # where the lock file goes
    result = run("build", "--sources", sources, "--build", tmp_path / "build", "--pdf-engine", "none")
    assert result.returncode == 1
    assert result.stderr == "build/.outcome.lock: Is a directory\n"
