"""Tell, in a few milliseconds and without loading the pipeline, whether a build is up to date.

A build writes build/.fingerprint.json: the hash of everything its outputs depend on (every file
of the sources folder, the templates, the pipeline's own code and reference data, the installed
packages' versions, the LibreOffice program when it makes the PDFs), the options it was run with,
and the day (the status page counts the days to the deadline). `make outcome` runs this module
first; when every hash still matches it says so and builds nothing, and anything else rebuilds.

Only the standard library is imported here: the check must cost little more than Python's start.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

# The build folder's own files (pipeline.outputs writes them).
FINGERPRINT_FILE = ".fingerprint.json"
MANIFEST_FILE = "manifest.json"
STAGING_DIR = ".staging"
CODE = Path(__file__).resolve().parent  # the pipeline package: code, reference data, fonts


def _files(folder: Path) -> Iterator[Path]:
    """Yield the files below *folder*, hidden files and folders and Python caches left out;
    linked folders are followed (the build reads through them), each folder once."""
    seen: set[tuple[int, int]] = set()
    for root, folders, names in os.walk(folder, followlinks=True):
        status = os.stat(root)
        if (status.st_dev, status.st_ino) in seen:  # a link back up: a loop
            folders[:] = []
            continue
        seen.add((status.st_dev, status.st_ino))
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name != "__pycache__")
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root, name)


def _digest(paths: Iterable[Path], root: Path) -> dict[str, str]:
    found = {}
    for path in paths:
        if not path.is_file():  # a named pipe or /dev/zero would block or never end; a link loop
            found[path.relative_to(root).as_posix()] = "not a file"  # the build will say why
            continue
        try:
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            found[path.relative_to(root).as_posix()] = "unreadable"  # the build will say why
    return found


def _packages(site_folders: Iterable[str]) -> list[str]:
    """Return the installed distributions with their versions, as their metadata folders name them."""
    return sorted(
        name
        for folder in site_folders
        if os.path.isdir(folder)
        for name in os.listdir(folder)
        if name.endswith((".dist-info", ".egg-info"))
    )


def _site_folders() -> list[str]:
    """Return the folders packages are installed in (not the current folder, which `python -m`
    puts first on the path and which may hold the project's own egg-info)."""
    return [folder for folder in sys.path if folder.endswith(("site-packages", "dist-packages"))]


def _program(*names: str) -> str:
    """Return where the first of the programs *names* on PATH is, with its size and time, and
    those of the binary beside it that does the work (LibreOffice's soffice.bin)."""
    found = next((path for name in names if (path := shutil.which(name))), None)
    if found is None:
        return "absent"
    target = os.path.realpath(found)
    described = []
    for path in (target, f"{target}.bin"):
        if os.path.isfile(path):
            status = os.stat(path)
            described.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return " ".join(described)


def fingerprint(
    sources: Path,
    templates: Path,
    pdf_engine: str,
    final: bool,
    today: datetime.date,
    code: Path = CODE,
    site_folders: Iterable[str] | None = None,
) -> dict[str, object]:
    """Return what the outputs of a build with these inputs and options depend on."""
    return {
        "sources": _digest(_files(sources), sources) if sources.is_dir() else {},
        "templates": _digest((path for path in sorted(templates.glob("*")) if path.is_file()), templates),
        "code": hashlib.sha256(json.dumps(_digest(_files(code), code), sort_keys=True).encode()).hexdigest(),
        "packages": _packages(_site_folders() if site_folders is None else site_folders),
        "python": sys.version,
        "pdf_engine": pdf_engine,
        "libreoffice": _program("soffice", "libreoffice") if pdf_engine == "libreoffice" else "",
        # pypandoc runs a pandoc on PATH before its own, to read the reports.
        "pandoc": _program("pandoc"),
        "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),  # the dates in the outputs
        "final": final,
        "day": today.isoformat(),
        "folders": [str(sources.resolve()), str(templates.resolve())],
    }


def reading_version(found: dict[str, object]) -> str:
    """Return what reading a source depends on besides the file itself, from fingerprint()'s
    *found*: the code, the packages, Python and pandoc (pipeline.readcache)."""
    reading = {key: found[key] for key in ("code", "packages", "python", "pandoc")}
    return hashlib.sha256(json.dumps(reading, sort_keys=True).encode("utf-8")).hexdigest()


def text(found: dict[str, object], unlisted: dict[str, str] | None = None) -> str:
    """Return the content of build/.fingerprint.json: what the build depended on (*found*) and the
    hashes of the outputs its manifest does not list (the status page)."""
    return json.dumps({"depends": found, "unlisted": unlisted or {}}, indent=1, sort_keys=True) + "\n"


def up_to_date(build: Path, found: dict[str, object]) -> bool:
    """Return whether the last build into *build* had the same fingerprint and left every output."""
    try:
        recorded = json.loads((build / FINGERPRINT_FILE).read_text(encoding="utf-8"))
        outputs = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))["outputs"]
        same = recorded["depends"] == json.loads(text(found))["depends"]
        outputs = {**outputs, **recorded["unlisted"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not same or (build / STAGING_DIR).exists():
        return False
    # The outputs must still be there as built (a hand edit or a deletion rebuilds).
    for name, digest in outputs.items():
        try:
            if hashlib.sha256((build / name).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True


def templates_folder(templates: Path | None) -> Path:
    """Return the templates folder a command uses: *templates* if given, else templates/ here if
    there is one, else the project's."""
    if templates is not None:
        return templates
    local = Path("templates")
    return local if local.is_dir() else CODE.parent / "templates"


def main(arguments: list[str] | None = None) -> int:
    """Exit 0 and say so when the build folder is up to date with the sources, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.fingerprint", description=main.__doc__)
    parser.add_argument("--sources", type=Path, default=Path("sources"))
    parser.add_argument("--build", type=Path, default=Path("build"))
    parser.add_argument("--templates", type=Path, default=None)
    parser.add_argument("--pdf-engine", default="typst")
    parser.add_argument("--final", action="store_true")
    options = parser.parse_args(arguments)
    templates = templates_folder(options.templates)
    found = fingerprint(options.sources, templates, options.pdf_engine, options.final, datetime.date.today())
    if up_to_date(options.build, found):
        print(
            f"{options.build}/ is up to date with {options.sources}/: nothing changed since the last build."
        )
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
