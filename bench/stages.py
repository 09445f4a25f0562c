"""Build once, in this process, and print each stage's time and peak memory as JSON.

Run by bench.bench_build in a fresh process per corpus: `python -m bench.stages SOURCES BUILD`.
The languages are rendered one after the other here (jobs=1), so that each renderer and each
language has its own row; `outcome build` itself renders them in parallel.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from bench.meter import Meter
from pipeline.build import build
from pipeline.model import PdfEngine

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def main(sources: Path, build_dir: Path) -> None:
    meter = Meter()
    build(sources, build_dir, TEMPLATES, PdfEngine.TYPST, progress=meter, jobs=1)
    meter.close()
    json.dump([dataclasses.asdict(measure) for measure in meter.measures], sys.stdout)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
