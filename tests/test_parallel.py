"""The languages drawn in processes of their own: when, and what an error there looks like."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.render import parallel
from tests.builds import run
from tests.corpus import TEMPLATES, write_sources


def test_a_large_document_is_drawn_one_process_per_language_and_core(monkeypatch) -> None:
    monkeypatch.delenv("OUTCOME_JOBS", raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2, 3})
    assert parallel.processes(None, 2, parallel.PARALLEL_FROM - 1) == 1
    assert parallel.processes(None, 2, parallel.PARALLEL_FROM) == 2
    assert parallel.processes(None, 1, 10 * parallel.PARALLEL_FROM) == 1
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0})
    assert parallel.processes(None, 2, 10 * parallel.PARALLEL_FROM) == 1


def test_outcome_jobs_sets_the_processes(monkeypatch) -> None:
    monkeypatch.setenv("OUTCOME_JOBS", "2")
    assert parallel.processes(None, 2, 1) == 2
    assert parallel.processes(1, 2, 1) == 1  # the caller's choice first
    for setting in ("two", "0", "²"):
        monkeypatch.setenv("OUTCOME_JOBS", setting)
        with pytest.raises(PipelineError, match="expected a whole number of processes, 1 or more"):
            parallel.processes(None, 2, 1)


def test_an_error_in_a_drawing_process_is_the_editors_message(tmp_path: Path, monkeypatch) -> None:
    sources = write_sources(tmp_path / "sources")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "outcome.typ").write_text("#let x = (\n", encoding="utf-8")
    monkeypatch.setenv("OUTCOME_JOBS", "2")
    completed = run("build", "--sources", sources, "--build", tmp_path / "build", "--templates", templates)
    assert completed.returncode == 1
    assert "outcome.typ: Typst could not compile it" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not (tmp_path / "build" / "outcome.en.pdf").exists()


def test_errors_and_results_cross_the_processes() -> None:
    assert parallel.run(_square, [2, 3, 4], 2) == [4, 9, 16]
    with pytest.raises(PipelineError, match="no negative numbers: -1"):
        parallel.run(_square, [1, -1], 2)


def _square(number: int) -> int:
    if number < 0:
        raise PipelineError(f"no negative numbers: {number}")
    return number * number


def test_a_drawing_process_told_to_stop_cleans_up_first(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=parallel._work, args=(sender, _wait_then_clean, str(tmp_path)))
    process.start()
    started = tmp_path / "started"
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    parallel._stop(process)
    assert (tmp_path / "cleaned").read_text(encoding="utf-8") == "cleaned up"
    assert process.exitcode is not None
    receiver.close()


def _wait_then_clean(folder: str) -> None:
    try:
        Path(folder, "started").write_text("", encoding="utf-8")
        time.sleep(60)
    finally:  # what LibreOffice's runner does: stop soffice, remove its folder
        Path(folder, "cleaned").write_text("cleaned up", encoding="utf-8")
