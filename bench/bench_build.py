"""Time the whole pipeline and each of its stages at three sizes, beside the raw engines.

Run with `make bench` (or `python -m bench.bench_build --sizes 100,2000`). For each size it
writes a synthetic corpus (bench.synthetic: Arabic and English texts, objectives over all 23,
one event in five a stakeholder one, a footnote per paragraph), then measures, each in a fresh
process:
- every stage of a build (bench.stages: the languages drawn one after the other, one row each);
- the whole `outcome build`, as an editor runs it (the languages drawn in parallel);
- the raw engines on the same content (bench.raw): pandoc Markdown → DOCX, Typst on a minimal
  template, and LibreOffice DOCX → PDF where installed, up to --libreoffice-up-to messages.

It prints a table of seconds and peak megabytes, the growth factor between sizes beside the
growth of the corpus, the ratios to the raw engines, and the targets of docs/benchmarks.md;
with --plot it draws time against messages for each stage (matplotlib).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import raw
from bench.meter import Measure, run
from bench.synthetic import write_corpus
from pipeline.build import validate
from pipeline.merge import merge
from pipeline.render.libreoffice import libreoffice_command
from pipeline.render.view import document_view

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 2_000, 20_000)
MESSAGES_PER_EVENT = 50
# The targets of issue 14 (docs/benchmarks.md).
RAW_RATIO = 1.2
LARGEST_SECONDS = 30.0
LARGEST_MEGABYTES = 1024.0
TYPST_VS_LIBREOFFICE = 5.0
BRACKETS = "outcome build, attribution: brackets (no notes)"


@dataclass(frozen=True)
class Size:
    """Everything measured on one corpus."""

    messages: int
    stages: list[Measure]
    whole: Measure
    raw: list[Measure]


def measure(messages: int, scratch: Path, libreoffice_up_to: int) -> Size:
    """Measure the pipeline and the raw engines on a corpus of *messages* messages."""
    folder = scratch / f"{messages}"
    sources = write_corpus(folder / "sources", messages, events=max(4, messages // MESSAGES_PER_EVENT))
    _say(f"{messages} messages: the stages, one process")
    completed = subprocess.run(
        [sys.executable, "-m", "bench.stages", str(sources), str(folder / "stages")],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    stages = [Measure(**row) for row in json.loads(completed.stdout)]
    _say(f"{messages} messages: outcome build")
    outcome = Path(sys.executable).with_name("outcome")
    command = [str(outcome), "build", "--sources", str(sources), "--build", str(folder / "build"), "--quiet"]
    whole = run(
        "outcome build (both languages, Word and PDF)",
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _say(f"{messages} messages: outcome build, attribution in brackets")
    bracketed = folder / "bracketed"
    shutil.copytree(sources, bracketed)
    with open(bracketed / "review.yaml", "a", encoding="utf-8") as review:
        review.write("attribution: brackets\n")
    command = [
        str(outcome),
        "build",
        "--sources",
        str(bracketed),
        "--build",
        str(folder / "build-b"),
        "--quiet",
    ]
    brackets = run(BRACKETS, command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _say(f"{messages} messages: the raw engines")
    outcome_document = merge(validate(sources).corpus)
    engines = []
    for code in outcome_document.review.languages:
        view = document_view(outcome_document, code)
        engines += [raw.pandoc(view, folder), raw.typst(view, folder)]
        if libreoffice_command() and messages <= libreoffice_up_to:
            engines.append(raw.libreoffice(folder / "build" / f"outcome.{code}.docx", code, folder))
    shutil.rmtree(folder, ignore_errors=True)
    return Size(messages, stages, whole, [brackets, *engines])


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _total(measures: Sequence[Measure], prefix: str) -> float:
    return sum(m.seconds for m in measures if m.name.startswith(prefix))


def table(sizes: Sequence[Size]) -> str:
    """Return the results as a text table: a row per stage or engine, a column pair per size,
    and the growth of time between consecutive sizes."""
    names = list(dict.fromkeys(m.name for size in sizes for m in (*size.stages, size.whole, *size.raw)))
    header = f"{'':46}" + "".join(f"{f'{s.messages:,} messages':>20}" for s in sizes)
    growth_header = "".join(
        f"{f'×{b.messages / a.messages:g} msgs':>13}" for a, b in zip(sizes, sizes[1:], strict=False)
    )
    units = f"{'':46}" + f"{'s':>11}{'MB':>9}" * len(sizes) + f"{'time grows':>13}" * (len(sizes) - 1)
    lines = [header + growth_header, units]
    for name in names:
        found = [next((m for m in (*s.stages, s.whole, *s.raw) if m.name == name), None) for s in sizes]
        cells = "".join(f"{m.seconds:11.2f}{m.megabytes:9.0f}" if m else f"{'–':>11}{'':9}" for m in found)
        growth = "".join(
            f"{f'×{b.seconds / a.seconds:.1f}':>13}" if a and b and a.seconds > 0 else f"{'–':>13}"
            for a, b in zip(found, found[1:], strict=False)
        )
        lines.append(f"{name[:46]:46}{cells}{growth}")
    return "\n".join(lines)


def verdicts(sizes: Sequence[Size]) -> list[str]:
    """Return a line per target: the measure, and whether it is met."""
    lines = []
    for size in sizes:
        engines = _total(size.raw, "pandoc") + _total(size.raw, "typst ")
        ratio = size.whole.seconds / engines
        lines.append(
            f"{size.messages:>6,} messages: outcome build {size.whole.seconds:.2f} s, raw engines (pandoc + "
            f"Typst, both languages, one after the other) {engines:.2f} s: ×{ratio:.2f} "
            f"(target ≤ ×{RAW_RATIO}: {'met' if ratio <= RAW_RATIO else 'MISSED'})"
        )
        office = _total(size.raw, "libreoffice")
        typst_pdf = _total(size.stages, "rendering outcome.ar.pdf") + _total(
            size.stages, "rendering outcome.en.pdf"
        )
        if office and typst_pdf:
            speed = office / typst_pdf
            lines.append(
                f"{'':>16}LibreOffice {office:.2f} s, the pipeline's Typst PDFs {typst_pdf:.2f} s: "
                f"Typst ×{speed:.1f} faster (target ≥ ×{TYPST_VS_LIBREOFFICE:g}: "
                f"{'met' if speed >= TYPST_VS_LIBREOFFICE else 'MISSED'})"
            )
    for size in sizes:
        bracketed = next(m for m in size.raw if m.name == BRACKETS)
        lines.append(
            f"{size.messages:>6,} messages, attribution in brackets: {bracketed.seconds:.2f} s, "
            f"{bracketed.megabytes:.0f} MB (in footnotes: {size.whole.seconds:.2f} s, "
            f"{size.whole.megabytes:.0f} MB)"
        )
    largest = max(sizes, key=lambda size: size.messages)
    fast = largest.whole.seconds < LARGEST_SECONDS
    small = largest.whole.megabytes < LARGEST_MEGABYTES
    lines.append(
        f"{largest.messages:,} messages: {largest.whole.seconds:.1f} s (target < {LARGEST_SECONDS:g} s: "
        f"{'met' if fast else 'MISSED'}), {largest.whole.megabytes:.0f} MB at the peak "
        f"(target < {LARGEST_MEGABYTES:g} MB: {'met' if small else 'MISSED'})"
    )
    return lines


def machine() -> str:
    """Return a line that names the machine, the date and the versions measured."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{datetime.date.today().isoformat()}, {cpu}, {cores} cores, {memory:.0f} GB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def plot(sizes: Sequence[Size], path: Path) -> None:
    """Draw the time of each stage, of the whole build and of the raw engines against messages."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(12, 6.5), dpi=100)
    axes.set_prop_cycle(color=[pyplot.get_cmap("tab20")(index % 20) for index in range(40)])
    counts = [size.messages for size in sizes]
    names = list(dict.fromkeys(m.name for size in sizes for m in (*size.stages, size.whole, *size.raw)))
    for name in names:
        found = [next((m for m in (*s.stages, s.whole, *s.raw) if m.name == name), None) for s in sizes]
        points = [(c, m.seconds) for c, m in zip(counts, found, strict=True) if m and m.seconds > 0]
        if len(points) < 2:
            continue
        whole = name.startswith("outcome build")
        style = "-" if whole else ("--" if any(name == m.name for s in sizes for m in s.raw) else ":")
        axes.plot(*zip(*points, strict=True), style, marker="o", linewidth=3 if whole else 1.2, label=name)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("key messages")
    axes.set_ylabel("seconds (wall time)")
    axes.set_title("outcome build, its stages (dotted) and the raw engines (dashed)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="messages per corpus, comma-separated"
    )
    parser.add_argument(
        "--libreoffice-up-to", type=int, default=2_000, help="largest corpus LibreOffice converts"
    )
    parser.add_argument("--plot", type=Path, help="draw the timings in this PNG file")
    parser.add_argument("--json", type=Path, help="write the measures in this JSON file")
    parser.add_argument("--from", dest="earlier", type=Path, help="print and plot this JSON file's measures")
    arguments = parser.parse_args(argv)
    counts = sorted({int(count.replace("_", "")) for count in arguments.sizes.split(",")})
    if arguments.earlier:
        results = json.loads(arguments.earlier.read_text(encoding="utf-8"))
        where = results["machine"]
        sizes = [
            Size(
                size["messages"],
                [Measure(**m) for m in size["stages"]],
                Measure(**size["whole"]),
                [Measure(**m) for m in size["raw"]],
            )
            for size in results["sizes"]
        ]
    else:
        with tempfile.TemporaryDirectory(prefix="outcome-bench-") as folder:
            # A first build, as on a fresh machine: what it reads is kept in a cache of its own.
            os.environ["OUTCOME_CACHE"] = str(Path(folder) / "cache")
            sizes = [measure(count, Path(folder), arguments.libreoffice_up_to) for count in counts]
        where = machine()
    print(f"outcome build, stage by stage and beside the raw engines: {where}")
    print("(seconds of wall time; MB: peak resident memory, of all its processes for a command)")
    print(table(sizes))
    print()
    print("\n".join(verdicts(sizes)))
    if not libreoffice_command():
        print("LibreOffice is not installed (Debian: libreoffice-writer-nogui): its rows are missing.")
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        results = {"machine": where, "sizes": [asdict(size) for size in sizes]}
        arguments.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if arguments.plot:
        plot(sizes, arguments.plot)
        print(f"plot: {arguments.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
