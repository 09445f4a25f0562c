"""build/manifest.json: the SHA-256 of every input and output of a build, and the versions of the
tools that made it, so that a version handed out can be told apart and made again exactly.

Written last, once every output is in place. build/status.html is not listed: it tells where the
review stands on the day it is made, and changes from day to day.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
from collections.abc import Iterable, Mapping
from pathlib import Path

import pypandoc

from pipeline.fingerprint import MANIFEST_FILE
from pipeline.model import PdfEngine
from pipeline.reference import REFERENCE_FILE


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[Path]:
    """Return the files below *folder*, sorted, hidden files and folders left out."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def packages() -> dict[str, str]:
    """Return every installed Python package and its version, by name."""
    found = {dist.metadata["Name"].lower(): dist.version for dist in importlib.metadata.distributions()}
    return dict(sorted(found.items()))


def write_manifest(
    sources: Path,
    templates: Iterable[Path],
    build: Path,
    outputs: Iterable[Path],
    pdf_engine: PdfEngine,
    engines: Mapping[str, str],
) -> Path:
    """Write build/manifest.json listing *sources*' files, the *templates* and the GCM reference
    (inputs), the *outputs*, and the versions of Python, pandoc and the *engines* that rendered
    them; return its path."""
    inputs = {f"sources/{path.relative_to(sources).as_posix()}": sha256(path) for path in _files(sources)}
    inputs |= {f"templates/{path.name}": sha256(path) for path in sorted(templates)}
    inputs["pipeline/reference/gcm.yaml"] = sha256(REFERENCE_FILE)
    manifest = {
        "inputs": inputs,
        "outputs": {path.relative_to(build).as_posix(): sha256(path) for path in sorted(outputs)},
        "pdf_engine": pdf_engine.value,
        "tools": {"python": platform.python_version(), "pandoc": pypandoc.get_pandoc_version(), **engines},
        "packages": packages(),
    }
    path = build / MANIFEST_FILE
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
    return path
