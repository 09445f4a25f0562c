"""Time the PDF engines on the bundled sources and on a synthetic corpus of 2,000 messages.

Run with `make bench`. Prints one row per corpus, engine and language, and the speed ratio of
the engines on each corpus. The target (issue 4) is Typst at least 5 times faster than
LibreOffice on the review's content, the bundled sources: the exit status is 1 when it is
missed. LibreOffice rows are skipped, with a note, when LibreOffice is not installed.
"""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import write_corpus
from pipeline.build import build, build_timestamp
from pipeline.languages import OUTPUT_LANGUAGES
from pipeline.model import PdfEngine
from pipeline.render.pdf import libreoffice_command, render_pdf_libreoffice, render_pdf_typst
from pipeline.render.view import document_view

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
TARGET_RATIO = 5.0


def seconds_of(function: Callable[..., object], *arguments: object) -> float:
    """Time one call. Typst memoizes within a process, so a repeated run would be flattered."""
    start = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - start


def measure(name: str, sources: Path, scratch: Path) -> list[tuple[str, str, str, float]]:
    built = build(sources, scratch / name, TEMPLATES, pdf_engine=PdfEngine.NONE)
    timestamp = build_timestamp(built.corpus.review.date)
    rows = []
    for language in OUTPUT_LANGUAGES:
        view = document_view(built.outcome, language)
        output = scratch / name / f"typst.{language}.pdf"
        seconds = seconds_of(render_pdf_typst, view, TEMPLATES / "outcome.typ", output, timestamp)
        rows.append((name, "typst", language, seconds))
        if libreoffice_command():
            document = scratch / name / f"outcome.{language}.docx"
            output = scratch / name / f"libreoffice.{language}.pdf"
            seconds = seconds_of(render_pdf_libreoffice, document, output)
            rows.append((name, "libreoffice", language, seconds))
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="outcome-bench-") as folder:
        scratch = Path(folder)
        synthetic = write_corpus(scratch / "synthetic-sources", messages=2000)
        rows = measure("bundled (81 messages)", ROOT / "sources", scratch)
        rows += measure("synthetic (2,000 messages)", synthetic, scratch)
    print(f"PDF timings, {datetime.date.today().isoformat()} (seconds, first run in a fresh process)")
    print(f"{'corpus':28} {'engine':12} {'language':8} {'seconds':>8}")
    for corpus, engine, language, seconds in rows:
        print(f"{corpus:28} {engine:12} {language:8} {seconds:8.2f}")
    if not libreoffice_command():
        print("LibreOffice is not installed (Debian: libreoffice-writer-nogui): its rows are missing.")
        return 0
    ratios = {}
    for corpus in dict.fromkeys(row[0] for row in rows):
        typst_time = sum(s for c, e, _, s in rows if c == corpus and e == "typst")
        office_time = sum(s for c, e, _, s in rows if c == corpus and e == "libreoffice")
        ratios[corpus] = office_time / typst_time
        print(f"{corpus}: Typst is {ratios[corpus]:.1f}x faster than LibreOffice")
    bundled = ratios[rows[0][0]]
    verdict = "met" if bundled >= TARGET_RATIO else "MISSED"
    print(f"target: at least {TARGET_RATIO:.0f}x on the bundled sources: {verdict}")
    return 0 if bundled >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
