"""The same sources give the same documents, byte for byte, wherever, whenever and however built:
another folder, another clock, time zone, language and hash seed, the languages drawn one after
the other or in two processes at once; with either PDF engine."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.render.pdf import libreoffice_command
from tests.corpus import TEMPLATES, write_sources

FAKETIME = shutil.which("faketime")
DOCUMENTS = ("outcome.ar.docx", "outcome.en.docx", "outcome.ar.pdf", "outcome.en.pdf")
# Two builds as different as a machine allows: folder depth, clock, time zone, language, hash seed.
SETTINGS = (
    {"place": "a", "clock": None, "TZ": "UTC", "LANG": "C.UTF-8", "PYTHONHASHSEED": "1", "OUTCOME_JOBS": "1"},
    {
        "place": "b/deeper/checkout",
        "clock": "2031-05-05 23:59:30",
        "TZ": "Pacific/Kiritimati",
        "LANG": "ar_EG.UTF-8",
        "PYTHONHASHSEED": "4242",
        "OUTCOME_JOBS": "2",
    },
)


def build_once(root: Path, settings: dict[str, str | None], engine: str) -> Path:
    folder = root / str(settings["place"])
    sources = write_sources(folder / "sources")
    environment = {
        **os.environ,
        "TZ": str(settings["TZ"]),
        "LANG": str(settings["LANG"]),
        "LC_ALL": str(settings["LANG"]),
    }
    environment["PYTHONHASHSEED"] = str(settings["PYTHONHASHSEED"])
    environment["OUTCOME_JOBS"] = str(settings["OUTCOME_JOBS"])
    environment.pop("SOURCE_DATE_EPOCH", None)
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "build",
        "--sources",
        str(sources),
        "--build",
        str(folder / "build"),
    ]
    command += ["--templates", str(TEMPLATES), "--pdf-engine", engine]
    if settings["clock"] and FAKETIME:
        command = [FAKETIME, str(settings["clock"]), *command]
    completed = subprocess.run(
        command, cwd=folder, env=environment, capture_output=True, text=True, timeout=600
    )
    assert completed.returncode == 0, completed.stderr
    return folder / "build"


def digests(build: Path) -> dict[str, str]:
    return {name: hashlib.sha256((build / name).read_bytes()).hexdigest() for name in DOCUMENTS}


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["typst", "libreoffice"])
def test_two_builds_anywhere_and_anytime_give_the_same_bytes(engine, tmp_path):
    if engine == "libreoffice" and libreoffice_command() is None:
        pytest.skip("LibreOffice not installed (Debian: apt-get install libreoffice-writer-nogui)")
    if FAKETIME is None:
        pytest.skip("faketime not installed (Debian: apt-get install faketime), to build under another clock")
    first, second = (build_once(tmp_path, settings, engine) for settings in SETTINGS)
    assert digests(first) == digests(second)
    manifests = [
        json.loads((build / "manifest.json").read_text(encoding="utf-8")) for build in (first, second)
    ]
    assert manifests[0]["outputs"] == manifests[1]["outputs"]
    assert manifests[0]["inputs"] == manifests[1]["inputs"]
    assert set(DOCUMENTS) <= set(manifests[0]["outputs"]) and "sources/review.yaml" in manifests[0]["inputs"]
    if engine == "libreoffice":
        assert "libreoffice" in manifests[0]["tools"]
