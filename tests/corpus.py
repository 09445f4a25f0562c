"""A small sources folder for rendering tests: every kind of paragraph, and text that breaks markup."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "error_cases" / "_base"
TEMPLATES = ROOT / "templates"
# The tests' full corpus: a frozen copy of the sources, test data (tests/fixtures/README.md). The
# editors' sources/ change as the review goes on; only tests/test_bundled_sources.py reads them.
REGIONAL_REVIEW = ROOT / "tests" / "fixtures" / "regional-review"

# Characters that XML, Jinja, docxtpl and Typst would each interpret if they were not escaped.
TRICKY = (
    "Fees & costs < 5% > nothing; \"quoted\" 'single' {{ x }} {% if %} {_{ y }_} "
    "#set text(red) *b* _i_ $m$ [x] \\ @ref <tag> // no comment"
)

SUMMARY = """
event: talks-2023
language: en
messages:
  - id: m1
    text:
      en: Invest in migration data, as A/RES/73/195 asks.
      ar: الاستثمار في بيانات الهجرة، كما يطلب القرار A/RES/73/195 للفترة 2024-2026.
    objectives: [1]
  - id: tricky
    text:
      en: @TRICKY@
      ar: "رسوم وتكاليف & < > {{ x }} {% if %}"
    objectives: [6, 5]
  - id: english-only
    text: Only in English.
    objectives: [13]
  - id: general
    text: {en: A cross-cutting message., ar: رسالة شاملة.}
"""


def write_sources(target: Path) -> Path:
    """Copy the base sources to *target* with the summary above; return *target*."""
    shutil.copytree(BASE, target)
    quoted = '"' + TRICKY.replace("\\", "\\\\").replace('"', '\\"') + '"'  # a YAML double-quoted scalar
    (target / "summaries" / "talks-2023.yaml").write_text(
        SUMMARY.replace("@TRICKY@", quoted), encoding="utf-8"
    )
    return target


def assemble(case: Path, target: Path) -> None:
    """Copy the valid base sources to *target*, then lay the case's files over them.

    A file named `<name>.remove` deletes the file <name>; `expected.txt`, `absent.txt` and `args`
    describe the case and are not copied.
    """
    shutil.copytree(BASE, target)
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if path.is_dir() or relative.name in ("expected.txt", "absent.txt", "args"):
            continue
        if path.suffix == ".remove":
            (target / relative.with_suffix("")).unlink()
        else:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
