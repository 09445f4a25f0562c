"""`make outcome` builds nothing when nothing changed, and rebuilds when anything the outputs
depend on changed: a source, a template, the code, a package, an option, the day."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import fingerprint, readcache
from pipeline.build import build
from pipeline.errors import SourceError
from pipeline.model import PdfEngine
from tests.corpus import ROOT, TEMPLATES, write_sources

DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    sources = write_sources(tmp_path / "sources")
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE, today=DAY)
    return sources, tmp_path / "build"


def found(sources: Path, **changes: object) -> dict[str, object]:
    options: dict[str, object] = {
        "templates": TEMPLATES,
        "pdf_engine": "none",
        "final": False,
        "today": DAY,
        **changes,
    }
    return fingerprint.fingerprint(sources, **options)  # type: ignore[arg-type]


def test_nothing_changed_means_up_to_date(built: tuple[Path, Path]) -> None:
    sources, folder = built
    assert fingerprint.up_to_date(folder, found(sources))


EDITS = {
    "a summary": lambda s: (s / "summaries" / "talks-2023.yaml").write_text(
        (s / "summaries" / "talks-2023.yaml").read_text(encoding="utf-8").replace("Only in", "Solely in"),
        encoding="utf-8",
    ),
    "events.yaml": lambda s: (s / "events.yaml").write_text(
        (s / "events.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    ),
    "review.yaml": lambda s: (s / "review.yaml").write_text(
        (s / "review.yaml").read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8"
    ),
    "the front matter": lambda s: (s / "front" / "introduction.en.md").write_text(
        (s / "front" / "introduction.en.md").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    ),
    "a new report": lambda s: (
        (s / "reports").mkdir() or (s / "reports" / "talks-2023.en.md").write_bytes(b"x")
    ),
    "a deleted summary": lambda s: (s / "summaries" / "hearings-2024.yaml").unlink(),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_a_changed_source_rebuilds(built: tuple[Path, Path], edit: str) -> None:
    sources, folder = built
    EDITS[edit](sources)
    assert not fingerprint.up_to_date(folder, found(sources))


def test_a_changed_template_rebuilds(built: tuple[Path, Path], tmp_path: Path) -> None:
    sources, folder = built
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    assert found(sources, templates=templates)["templates"] == found(sources)["templates"]
    (templates / "outcome.typ").write_text("// changed\n", encoding="utf-8")
    assert found(sources, templates=templates)["templates"] != found(sources)["templates"]


def test_changed_code_or_reference_data_rebuilds(built: tuple[Path, Path], tmp_path: Path) -> None:
    sources, folder = built
    code = tmp_path / "pipeline"
    shutil.copytree(fingerprint.CODE, code, ignore=shutil.ignore_patterns("__pycache__", "fonts"))
    before = found(sources, code=code)
    (code / "reference" / "gcm.yaml").write_text("changed\n", encoding="utf-8")
    assert found(sources, code=code)["code"] != before["code"]


def test_another_package_version_rebuilds(built: tuple[Path, Path], tmp_path: Path) -> None:
    sources, folder = built
    site = tmp_path / "site-packages"
    (site / "typst-0.13.0.dist-info").mkdir(parents=True)
    before = found(sources, site_folders=[str(site)])
    (site / "typst-0.13.0.dist-info").rename(site / "typst-0.14.0.dist-info")
    assert found(sources, site_folders=[str(site)])["packages"] != before["packages"]


@pytest.mark.parametrize(
    "option", [{"pdf_engine": "typst"}, {"final": True}, {"today": DAY + datetime.timedelta(days=1)}]
)
def test_other_options_or_another_day_rebuild(built: tuple[Path, Path], option: dict[str, object]) -> None:
    sources, folder = built
    assert not fingerprint.up_to_date(folder, found(sources, **option))


def test_another_source_date_epoch_rebuilds(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sources, folder = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the dates written in the outputs
    assert not fingerprint.up_to_date(folder, found(sources))


def test_a_summary_in_a_linked_folder_rebuilds(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources")
    (sources / "summaries").rename(tmp_path / "elsewhere")
    (sources / "summaries").symlink_to(tmp_path / "elsewhere")
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE, today=DAY)
    assert fingerprint.up_to_date(tmp_path / "build", found(sources))
    EDITS["a summary"](sources)
    assert not fingerprint.up_to_date(tmp_path / "build", found(sources))
    (tmp_path / "elsewhere" / "loop").symlink_to(tmp_path / "elsewhere")  # a loop: read once, no more
    assert "summaries/loop/talks-2023.yaml" not in found(sources)["sources"]


def test_the_status_page_gone_rebuilds(built: tuple[Path, Path]) -> None:
    sources, folder = built
    (folder / "status.html").unlink()
    assert not fingerprint.up_to_date(folder, found(sources))


def test_an_output_changed_or_gone_rebuilds(built: tuple[Path, Path]) -> None:
    sources, folder = built
    (folder / "outcome.en.docx").write_bytes(b"edited")
    assert not fingerprint.up_to_date(folder, found(sources))
    (folder / "outcome.en.docx").unlink()
    assert not fingerprint.up_to_date(folder, found(sources))


def test_a_stopped_build_rebuilds(built: tuple[Path, Path]) -> None:
    sources, folder = built
    (folder / ".staging").mkdir()
    assert not fingerprint.up_to_date(folder, found(sources))


@pytest.mark.slow
def test_make_outcome_builds_only_when_something_changed(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources")
    folder = tmp_path / "build"

    def make() -> str:
        completed = subprocess.run(
            [
                "make",
                "-s",
                "-C",
                str(ROOT),
                "outcome",
                f"SOURCES={sources}",
                f"BUILD={folder}",
                "PDF_ENGINE=none",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return completed.stdout

    assert "Built " in make()
    assert make() == f"{folder}/ is up to date with {sources}/: nothing changed since the last build.\n"
    EDITS["a summary"](sources)
    assert "Built " in make()


def test_after_an_edit_only_the_edited_summary_is_read_again(
    tmp_path: Path, sources_copy: Path, monkeypatch
) -> None:
    monkeypatch.setenv("OUTCOME_CACHE", str(tmp_path / "cache"))
    sources = sources_copy
    read: list[str] = []
    reading = readcache.ReadCache.read_again

    def spy(self: readcache.ReadCache, path: Path, reader: Callable[[], object]) -> object:
        read.append(path.relative_to(sources).as_posix())
        return reading(self, path, reader)

    monkeypatch.setattr(readcache.ReadCache, "read_again", spy)
    every = sorted(
        path.relative_to(sources).as_posix()
        for folder in ("summaries", "reports")
        for path in (sources / folder).glob("*")
    )

    def build_and_tell() -> list[str]:
        read.clear()
        build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE, today=DAY)
        return sorted(read)

    assert build_and_tell() == every
    assert build_and_tell() == []  # nothing changed: nothing read again
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(
        text.replace("reduced contract substitution.", "ended contract substitution."), encoding="utf-8"
    )
    assert build_and_tell() == ["summaries/abu-dhabi-dialogue-2024.yaml"]
    assert "ended contract substitution." in (tmp_path / "build" / "merged.yaml").read_text(encoding="utf-8")
    report = sorted((sources / "reports").glob("*.en.md"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build_and_tell() == [report.relative_to(sources).as_posix()]
    # Other code (or packages, Python, pandoc) reads everything again.
    monkeypatch.setattr(fingerprint, "reading_version", lambda found: "another version of the code")
    assert build_and_tell() == every


def test_a_file_that_fails_to_read_is_read_again_and_reported_each_time(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OUTCOME_CACHE", str(tmp_path / "cache"))
    sources = write_sources(tmp_path / "sources")
    (sources / "summaries" / "talks-2023.yaml").write_text("event: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SourceError, match=r"talks-2023.yaml:2:1: YAML syntax error: expected .,."):
            build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE, today=DAY)
    # The other files were kept; the one that failed was not.
    others = [path for folder in ("summaries", "reports") for path in (sources / folder).glob("*")]
    assert len([path for path in (tmp_path / "cache").rglob("*") if path.is_file()]) == len(others) - 1


def test_outcome_cache_off_keeps_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OUTCOME_CACHE", "off")
    assert readcache.cache_folder() is None
    monkeypatch.setenv("OUTCOME_CACHE", str(tmp_path / "elsewhere"))
    assert readcache.cache_folder() == tmp_path / "elsewhere" / "reads"
    monkeypatch.delenv("OUTCOME_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert readcache.cache_folder() == tmp_path / "xdg" / "gcm-outcome" / "reads"


def test_pruning_removes_old_entries_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "reads"
    cache = readcache.ReadCache(folder, "v")
    source = tmp_path / "summary.yaml"
    source.write_text("event: x\n", encoding="utf-8")
    assert cache.read("summary", source, lambda: "read") == "read"
    assert cache.read("summary", source, lambda: "read again") == "read"  # from the cache
    (entry,) = [path for path in folder.rglob("*") if path.is_file()]
    assert entry.stat().st_mode & 0o077 == 0  # the user's alone
    stranger = entry.parent / "notes.txt"  # not an entry: the cache folder may have been misnamed
    stranger.write_text("keep me", encoding="utf-8")
    old = time.time() - (readcache.CACHE_DAYS + 1) * 86400
    for path in (entry, stranger):
        os.utime(path, (old, old))
    cache.prune()
    assert not entry.exists() and stranger.exists()


def test_a_damaged_entry_is_read_again(tmp_path: Path) -> None:
    cache = readcache.ReadCache(tmp_path / "reads", "v")
    source = tmp_path / "summary.yaml"
    source.write_text("event: x\n", encoding="utf-8")
    cache.read("summary", source, lambda: "read")
    (entry,) = [path for path in (tmp_path / "reads").rglob("*") if path.is_file()]
    entry.write_bytes(b"\x80\x09 not a pickle")
    assert cache.read("summary", source, lambda: "read again") == "read again"
