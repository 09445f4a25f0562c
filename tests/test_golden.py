"""Golden cases: each folder of tests/cases/ builds into exactly its expected files.

Word files are compared part by part as pretty-printed XML, never as bytes; when they differ,
the produced files are kept under build/test-debug/<case>/ to open in Word.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import build

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
TEMPLATES = ROOT / "templates"
DEBUG = ROOT / "build" / "test-debug"
REGENERATE = os.environ.get("REGEN_GOLDEN") == "1"
TEXT_OUTPUTS = ("merged.yaml", "normalized/*.yaml")
DOCX_PARTS = (
    "word/document.xml",
    "word/footnotes.xml",
    "word/header1.xml",
    "word/footer1.xml",
    "docProps/core.xml",
)


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if (path / "sources").is_dir())


def pretty(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")


def produced_files(build_dir: Path) -> dict[str, str]:
    files = {}
    for pattern in TEXT_OUTPUTS:
        for path in sorted(build_dir.glob(pattern)):
            files[path.relative_to(build_dir).as_posix()] = path.read_text(encoding="utf-8")
    for document in sorted(build_dir.glob("outcome.*.docx")):
        with zipfile.ZipFile(document) as package:
            for part in DOCX_PARTS:
                files[f"{document.name}/{part}"] = pretty(package.read(part))
    return files


def expected_files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("name", case_names())
def test_golden_case(name, tmp_path):
    case = CASES / name
    build(case / "sources", tmp_path / "build", TEMPLATES)
    produced = produced_files(tmp_path / "build")
    expected_dir = case / "expected"
    if REGENERATE:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, content in produced.items():
            (expected_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / relative).write_text(content, encoding="utf-8")
    expected = expected_files(expected_dir)
    differing = sorted(
        relative
        for relative in set(produced) | set(expected)
        if produced.get(relative) != expected.get(relative)
    )
    if differing:
        shutil.rmtree(DEBUG / name, ignore_errors=True)
        shutil.copytree(tmp_path / "build", DEBUG / name)
    assert differing == [], (
        f"{name}: outputs differ from tests/cases/{name}/expected/; see build/test-debug/{name}/"
    )
