"""A build that is stopped, killed or runs beside another never loses or mixes the outputs."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import lock, outputs
from pipeline.build import build
from pipeline.model import PdfEngine
from tests.builds import OUTCOME, run, second_version, snapshot
from tests.corpus import TEMPLATES, write_sources


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return write_sources(tmp_path / "sources")


def two_versions(sources: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Build *sources* into build/, edit them, and build them into expected/; return both folders."""
    build(sources, tmp_path / "build", TEMPLATES, PdfEngine.NONE)
    second_version(sources)
    build(sources, tmp_path / "expected", TEMPLATES, PdfEngine.NONE)
    return tmp_path / "build", tmp_path / "expected"


def stop_moves_after(count: int, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, Path], None]:
    """Stop builds (as a kill would, nothing cleaned up) after they moved *count* outputs into
    place; return os.replace as it was, to put back."""
    replace, moved = os.replace, []

    def stopping(source: Path, target: Path) -> None:
        if outputs.STAGING_DIR not in Path(target).parts:  # a staged output moved into place
            if len(moved) == count:
                raise KeyboardInterrupt
            moved.append(target)
        replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", stopping)
    return replace


def test_a_second_build_into_the_same_folder_stops_at_once(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES, PdfEngine.NONE)
    before = snapshot(folder)
    # Another build holds the lock: a process of its own, as it would be.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder / lock.LOCK_FILE)], stdout=subprocess.PIPE, text=True
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
    assert {name: digest for name, digest in snapshot(folder).items() if name != lock.LOCK_FILE} == before


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
    (folder / lock.LOCK_FILE).write_text("4194999\n", encoding="ascii")  # nobody holds it any more
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 0, result.stderr
    assert (
        f"build/{lock.LOCK_FILE}: note: took over the lock of a build that did not finish (pid 4194999)"
        in (result.stderr)
    )
    assert not (folder / lock.LOCK_FILE).exists()


def test_the_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    folder = tmp_path / "build"
    with lock.build_lock(folder) as notes:
        assert notes == ()
        with pytest.raises(lock.BuildRunning, match=f"another build is running \\(pid {os.getpid()}\\)"):
            with lock.build_lock(folder):
                pass
    assert not folder.exists()  # made for the lock, left empty: removed
    with lock.build_lock(folder):
        descriptor = os.open(folder / lock.LOCK_FILE, os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(descriptor)


def test_a_build_stopped_while_moving_its_outputs_is_finished_by_the_next(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = two_versions(sources, tmp_path)
    replace = stop_moves_after(2, monkeypatch)
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
        found = {
            name: digest
            for name, digest in snapshot(folder).items()
            if not name.startswith((outputs.STAGING_DIR + "/", lock.LOCK_FILE, "normalized/"))
        }
        for name, digest in found.items():
            assert digest in (old.get(name), new.get(name)), f"{name} is neither as it was nor complete"
        if not (folder / outputs.STAGING_DIR / outputs.COMMIT_FILE).exists():  # not killed while moving
            assert found in (strip(old), strip(new)), "old and new outputs mixed"
        # The next build cleans up after the killed one and completes.
        assert run("build", "--sources", str(sources), "--build", folder).returncode == 0
        assert snapshot(folder) == new
        for name in new:
            if not name.startswith("normalized/"):
                (folder / name).unlink()


def strip(outputs_found: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in outputs_found.items() if not name.startswith("normalized/")}


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
        assert not (folder / outputs.STAGING_DIR).exists() and not (folder / lock.LOCK_FILE).exists()


def test_ctrl_c_during_the_moves_lets_them_finish_and_says_so(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = two_versions(sources, tmp_path)
    replace = os.replace
    interrupted = []

    def interrupt_at_the_first_move(source: Path, target: Path) -> None:
        if outputs.STAGING_DIR not in Path(target).parts and not interrupted:
            interrupted.append(target)
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the moves begin
        replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", interrupt_at_the_first_move)
    result = build(sources, folder, TEMPLATES, PdfEngine.NONE)
    assert interrupted
    assert snapshot(folder) == snapshot(expected)  # every output moved, nothing left behind
    assert [notice.note() for notice in result.notices if "stop" in notice.message] == [
        "build: note: asked to stop while moving the outputs into place: finished first"
    ]


@pytest.mark.slow
def test_a_terminated_build_stops_cleanly(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    build(sources, folder, TEMPLATES)
    before = snapshot(folder)
    second_version(sources)
    process = subprocess.Popen(
        [str(OUTCOME), "build", "--sources", str(sources), "--build", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    staging, deadline = folder / outputs.STAGING_DIR, time.monotonic() + 60
    while not staging.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until it writes its outputs
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate()
    if process.returncode == 0:
        pytest.skip("the build finished before it was terminated")
    assert process.returncode == 143, err
    assert err.endswith(
        "stopped before the end: the outputs already in place are as they were, "
        "and nothing half-written is left\n"
    )
    assert snapshot(folder) == before  # no staging folder, no lock


def test_a_stopped_move_is_finished_even_when_the_sources_are_now_broken(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = two_versions(sources, tmp_path)
    replace = stop_moves_after(1, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        build(sources, folder, TEMPLATES, PdfEngine.NONE)
    monkeypatch.setattr(outputs.os, "replace", replace)
    (sources / "review.yaml").write_text("review: [\n", encoding="utf-8")  # an editor's slip meanwhile
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 1 and "review.yaml" in result.stderr
    assert snapshot(folder) == snapshot(expected)  # the stopped build's outputs, all of them


def test_an_unreadable_record_of_moves_is_a_message(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "build"
    (folder / outputs.STAGING_DIR).mkdir(parents=True)
    (folder / outputs.STAGING_DIR / outputs.COMMIT_FILE).write_text("{", encoding="utf-8")
    result = run("build", "--sources", sources, "--build", folder, "--pdf-engine", "none")
    assert result.returncode == 1
    assert result.stderr == (
        "build/.staging/COMMIT: the record of a stopped build's moves cannot be read; look at the outputs "
        "in build, remove build/.staging, then build again\n"
    )
