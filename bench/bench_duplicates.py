"""Time the duplicate check (`outcome check`, `outcome status`, every build) on corpora of thousands
of near-identical messages, and measure its peak memory.

Run with `python -m bench.bench_duplicates [SIZE ...]` (default 3,000, 15,000 and 20,000
messages). Each measurement runs in a fresh process, so that its peak memory (ru_maxrss) is its
own: the table gives the seconds and the memory the check added to the process that had read and
merged the sources, and the pairs and groups it found. The shapes:

- `one event`: one summary of near-identical English messages ("Message number 17 about
  detention."), all under objective 13, as a red-team wrote it (nothing to report: one event);
- `40 events`: the same messages, in Arabic and English, spread over 40 events (all alike);
- `synthetic`: bench/synthetic.py's random texts spread over the objectives (nothing alike).

The target (issue 14) is a whole build of 20,000 messages in under 30 s and 1 GB: the exit status
is 1 when the check alone takes more than a third of either.
"""

from __future__ import annotations

import datetime
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import write_corpus, write_events, write_summary

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("one event", "40 events", "synthetic")
SIZES = (3000, 15000, 20000)
SECONDS_TARGET = 10.0
MEGABYTES_TARGET = 333.0


def write_alike(target: Path, messages: int, events: int, arabic: bool) -> Path:
    """Write a sources folder of *messages* near-identical messages under objective 13, spread
    round-robin over *events* events; return it."""
    for number, event in enumerate(write_events(target, events, name="alike", stakeholder_every=0)):
        texts = [
            {"en": f"Message number {index} about detention."}
            | ({"ar": f"الرسالة رقم {index} بشأن الاحتجاز."} if arabic else {})
            for index in range(number, messages, events)
        ]
        alike = [{"id": f"m{index}", "objectives": [13], "text": text} for index, text in enumerate(texts)]
        write_summary(target, event, alike)
    return target


def write_shape(shape: str, messages: int, target: Path) -> Path:
    if shape == "one event":
        return write_alike(target, messages, events=1, arabic=False)
    if shape == "40 events":
        return write_alike(target, messages, events=40, arabic=True)
    return write_corpus(target, messages)


def measure_here(sources: Path) -> dict[str, float]:
    """Read and merge *sources*, then time the duplicate check; return its seconds, the memory it
    added to the process's peak (MB) and what it found."""
    from pipeline.build import validate
    from pipeline.checks.duplicates import find_duplicates
    from pipeline.merge import merge

    corpus = validate(sources).corpus
    timeline = merge(corpus).timeline
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    found = find_duplicates(corpus, timeline)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    megabytes = (after - before) / 1024
    return {
        "seconds": seconds,
        "megabytes": megabytes,
        "pairs": len(found.pairs),
        "groups": len(found.groups),
    }


def measure(shape: str, messages: int, scratch: Path) -> dict[str, float]:
    """Measure one shape and size in a fresh process."""
    sources = write_shape(shape, messages, scratch / f"{shape.replace(' ', '-')}-{messages}")
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_duplicates", "--measure", str(sources)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{shape}, {messages:,} messages: the measurement failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["--measure"]:
        print(json.dumps(measure_here(Path(arguments[1]))))
        return 0
    sizes = [int(argument) for argument in arguments] or list(SIZES)
    print(f"Duplicate check, {datetime.date.today().isoformat()} (fresh process per row)")
    print(f"{'corpus':12} {'messages':>8} {'seconds':>8} {'peak MB':>8} {'pairs':>6} {'groups':>6}")
    missed = False
    with tempfile.TemporaryDirectory(prefix="outcome-bench-") as folder:
        for messages in sizes:
            for shape in SHAPES:
                row = measure(shape, messages, Path(folder))
                figures = f"{row['seconds']:8.2f} {row['megabytes']:8.0f}"
                figures += f" {row['pairs']:6.0f} {row['groups']:6.0f}"
                print(f"{shape:12} {messages:8,} {figures}", flush=True)
                missed |= row["seconds"] > SECONDS_TARGET or row["megabytes"] > MEGABYTES_TARGET
    verdict = "MISSED" if missed else "met"
    print(f"target: the check under {SECONDS_TARGET:.0f} s and {MEGABYTES_TARGET:.0f} MB: {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
