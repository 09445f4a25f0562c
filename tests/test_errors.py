"""Every error message, as exact text, from one bad-input case each (tests/error_cases/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.corpus import assemble

CASES = Path(__file__).parent / "error_cases"
BASE = CASES / "_base"


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir() and path.name != "_base")


def test_base_is_valid(tmp_path):
    shutil.copytree(BASE, tmp_path / "sources")
    result = CliRunner().invoke(main, ["validate", "--sources", "sources"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", case_names())
def test_error_case(name, tmp_path):
    case = CASES / name
    assemble(case, tmp_path / "sources")
    result = CliRunner().invoke(main, ["validate", "--sources", "sources"])
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == expected
