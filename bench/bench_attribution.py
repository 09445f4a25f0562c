"""What each attribution of review.yaml costs the PDF: footnotes, endnotes or brackets.

Run with `python -m bench.bench_attribution [MESSAGES ...]` (default 2,000 and 20,000; `make
bench` runs it). For each size and attribution, each language's Typst PDF is drawn cold, in a
process of its own (bench.meter.run), from the same synthetic corpus: the table gives seconds
and peak megabytes, and each attribution's share of the footnotes' time.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from pathlib import Path

from bench.meter import Measure, run
from bench.synthetic import write_corpus
from pipeline.build import build_timestamp, validate
from pipeline.merge import merge
from pipeline.model import Attribution
from pipeline.render.view import document_view

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "outcome.typ"
_DRAW = """\
import pickle, sys
from pathlib import Path
from pipeline.render.pdf import render_pdf_typst
view, timestamp = pickle.loads(Path(sys.argv[1]).read_bytes())
render_pdf_typst(view, Path(sys.argv[2]), Path(sys.argv[3]), timestamp)
"""


def measure(messages: int, folder: Path) -> list[tuple[str, str, Measure]]:
    """Return (attribution, language, measure) for each attribution and language."""
    sources = write_corpus(folder / f"sources-{messages}", messages, events=max(4, messages // 50))
    rows = []
    for attribution in Attribution:
        text = (sources / "review.yaml").read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("attribution:"))
        (sources / "review.yaml").write_text(f"{text}\nattribution: {attribution.value}\n", encoding="utf-8")
        outcome = merge(validate(sources).corpus)
        timestamp = build_timestamp(outcome.review.date)
        for code in outcome.review.languages:
            view = folder / f"view-{messages}-{attribution.value}-{code}.pickle"
            view.write_bytes(pickle.dumps((document_view(outcome, code), timestamp)))
            output = folder / f"{attribution.value}.{code}.pdf"
            command = [sys.executable, "-c", _DRAW, str(view), str(TEMPLATE), str(output)]
            rows.append((attribution.value, code, run(f"{attribution.value} {code}", command)))
            print(f"{messages} messages: {attribution.value} {code}", file=sys.stderr, flush=True)
    return rows


def main(arguments: list[str]) -> int:
    sizes = [int(argument.replace(",", "")) for argument in arguments] or [2_000, 20_000]
    print("Typst PDF by attribution (review.yaml), each language cold in a process of its own")
    print(f"{'messages':>8} {'attribution':12} {'language':8} {'seconds':>8} {'MB':>7} {'vs footnotes':>13}")
    with tempfile.TemporaryDirectory(prefix="outcome-bench-attribution-") as folder:
        for size in sizes:
            rows = measure(size, Path(folder))
            footnotes = {code: m for attribution, code, m in rows if attribution == "footnotes"}
            for attribution, code, m in rows:
                share = m.seconds / footnotes[code].seconds
                row = f"{size:>8,} {attribution:12} {code:8} {m.seconds:8.2f} {m.megabytes:7.0f}"
                print(f"{row} {share:12.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
