"""Golden cases: each folder of tests/cases/ builds into exactly its expected files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.build import build

CASES = Path(__file__).parent / "cases"
REGENERATE = os.environ.get("REGEN_GOLDEN") == "1"
# The intermediate files each case compares; later stages add theirs here.
COMPARED = ("merged.yaml", "normalized/*.yaml")


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if (path / "sources").is_dir())


def produced_files(build_dir: Path) -> dict[str, str]:
    files = {}
    for pattern in COMPARED:
        for path in sorted(build_dir.glob(pattern)):
            files[path.relative_to(build_dir).as_posix()] = path.read_text(encoding="utf-8")
    return files


@pytest.mark.parametrize("name", case_names())
def test_golden_case(name, tmp_path):
    case = CASES / name
    build(case / "sources", tmp_path / "build")
    produced = produced_files(tmp_path / "build")
    expected_dir = case / "expected"
    if REGENERATE:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, content in produced.items():
            (expected_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / relative).write_text(content, encoding="utf-8")
    expected = produced_files(expected_dir)
    assert sorted(produced) == sorted(expected)
    for relative in expected:
        assert produced[relative] == expected[relative], f"{name}: {relative} differs"
