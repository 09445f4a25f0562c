"""A build that fails, is killed or runs beside another never loses or mixes the outputs."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import outputs
from pipeline.build import build
from pipeline.drafts import freeze
from pipeline.errors import PipelineError, TemplateError
from pipeline.model import PdfEngine
from tests.corpus import TEMPLATES, write_sources

OUTCOME = Path(sys.executable).with_name("outcome")
SUMMARY = Path("summaries") / "talks-2023.yaml"


def snapshot(folder: Path) -> dict[str, str]:
    """Return the hash of every file below *folder*, hidden ones included, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def second_version(sources: Path) -> None:
    """Edit a message of *sources*, as an editor would between two builds."""
    summary = sources / SUMMARY
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("Only in English.", "Only in English, edited."), encoding="utf-8")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(OUTCOME), *map(str, args)], capture_output=True, text=True, check=False)


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


def test_a_second_build_into_the_same_folder_stops_at_once(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.NONE)
    before = snapshot(folder)
    # Another build holds the lock: a process of its own, as it would be.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder / outputs.LOCK_FILE)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert result.returncode == 1
    assert result.stderr == (
        f"build: another build is running (pid {holder.pid}); wait for it to finish, then build again\n"
    )
    assert "Traceback" not in result.stderr
    assert {name: digest for name, digest in snapshot(folder).items() if name != outputs.LOCK_FILE} == before


HOLD_LOCK = """
import fcntl, os, sys, time
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(descriptor, fcntl.LOCK_EX)
os.write(descriptor, f"{os.getpid()}\\n".encode())
print("locked", flush=True)
time.sleep(60)
"""


def test_the_lock_of_a_killed_build_is_taken_over(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    folder.mkdir()
    (folder / outputs.LOCK_FILE).write_text("4194999\n", encoding="ascii")  # nobody holds it any more
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 0, result.stderr
    assert (
        f"build/{outputs.LOCK_FILE}: note: took over the lock of a build that did not finish (pid 4194999)"
        in (result.stderr)
    )
    assert not (folder / outputs.LOCK_FILE).exists()


def test_the_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    folder = tmp_path / "build"
    with outputs.build_lock(folder) as notes:
        assert notes == ()
        with pytest.raises(outputs.BuildRunning, match=f"another build is running \\(pid {os.getpid()}\\)"):
            with outputs.build_lock(folder):
                pass
    assert not folder.exists()  # made for the lock, left empty: removed
    with outputs.build_lock(folder):
        descriptor = os.open(folder / outputs.LOCK_FILE, os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(descriptor)


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


def test_a_build_stopped_while_moving_its_outputs_is_finished_by_the_next(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.NONE)
    second_version(sources)
    expected = tmp_path / "expected"
    build(sources, expected, TEMPLATES, PdfEngine.NONE)
    moved = []
    replace = os.replace

    def stop_after_two(source: Path, target: Path) -> None:
        if outputs.STAGING_DIR not in Path(target).parts:  # a staged output moved into place
            if len(moved) == 2:
                raise KeyboardInterrupt  # Ctrl-C, or a kill, in the middle of the moves
            moved.append(target)
        replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        build(sources, folder, TEMPLATES, PdfEngine.NONE)
    monkeypatch.setattr(outputs.os, "replace", replace)
    assert (folder / outputs.STAGING_DIR / outputs.COMMIT_FILE).is_file()
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 0, result.stderr
    assert "build: note: finished putting in place the outputs of a build that was stopped" in result.stderr
    assert snapshot(folder) == snapshot(expected)


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_each_output_old_or_complete(
    sources: Path, tmp_path: Path
) -> None:
    first, second, folder = tmp_path / "first", tmp_path / "second", tmp_path / "build"
    assert run("build", "--sources", sources, "--build", first).returncode == 0
    second_version(sources)
    assert run("build", "--sources", sources, "--build", second).returncode == 0
    old, new = snapshot(first), snapshot(second)
    assert old.keys() == new.keys() and old != new
    for delay in (0.1, 0.5, 1.0, 1.5, 2.0, 2.6):
        folder.mkdir(exist_ok=True)
        for name in os.listdir(first):
            if not (first / name).is_dir():
                (folder / name).write_bytes((first / name).read_bytes())
        process = subprocess.Popen(
            [str(OUTCOME), "build", "--sources", str(sources), "--build", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, digest in snapshot(folder).items():
            if name.startswith((outputs.STAGING_DIR + "/", outputs.LOCK_FILE, "normalized/")):
                continue
            assert digest in (old.get(name), new.get(name)), f"{name} is neither as it was nor complete"
        # The next build cleans up after the killed one and completes.
        assert run("build", "--sources", str(sources), "--build", folder).returncode == 0
        assert snapshot(folder) == new
        for name in new:
            if not name.startswith("normalized/"):
                (folder / name).unlink()


@pytest.mark.slow
def test_two_builds_at_once_never_mix(sources: Path, tmp_path: Path) -> None:
    other = write_sources(tmp_path / "other")
    second_version(other)
    folder = tmp_path / "build"
    for _ in range(3):
        processes = [
            subprocess.Popen(
                [
                    str(OUTCOME),
                    "build",
                    "--sources",
                    str(each),
                    "--build",
                    str(folder),
                    "--pdf-engine",
                    "none",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for each in (sources, other)
        ]
        results = [(process.wait(), process.communicate()[1]) for process in processes]
        assert all(code == 0 or "another build is running" in err for code, err in results), results
        assert any(code == 0 for code, _ in results)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        found = snapshot(folder)
        assert {name: found[name] for name in manifest["outputs"]} == manifest["outputs"]
        assert not (folder / outputs.STAGING_DIR).exists() and not (folder / outputs.LOCK_FILE).exists()


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
