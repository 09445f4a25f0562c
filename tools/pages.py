"""Write docs/pages/: the first pages of the four documents built from the bundled sources, as
images (`make pages`), so that a reader sees the house style without building. The Word files
are drawn by LibreOffice, the PDFs by Typst; the bundled sources are illustrative samples.

Needs LibreOffice and poppler's pdftoppm (Debian: apt-get install libreoffice-writer-nogui
poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.render.pdf import render_pdf_libreoffice

PAGES = 2  # the first pages: masthead, chapters I and II, the start of the key messages
RESOLUTION = "50"  # dots per inch: small files, enough to see the layout


def main(build: Path, target: Path) -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found (Debian: apt-get install poppler-utils)")
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        for language in ("ar", "en"):
            word = Path(scratch) / f"outcome.{language}.docx.pdf"
            render_pdf_libreoffice(build / f"outcome.{language}.docx", word)
            for kind, pdf in (("docx", word), ("pdf", build / f"outcome.{language}.pdf")):
                for page in range(1, PAGES + 1):
                    image = target / f"{language}-{kind}-{page}"  # pdftoppm adds .png
                    command = ["pdftoppm", "-r", RESOLUTION, "-f", str(page), "-l", str(page)]
                    subprocess.run([*command, "-singlefile", "-png", str(pdf), str(image)], check=True)
    for image in sorted(target.glob("*.png")):
        print(f"wrote {image}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
