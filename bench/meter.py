"""Time and peak memory: of each stage of a build (a Progress that measures), and of a whole
command with every process it starts.

Linux only: the peak of a stage is the process's resident high-water mark (VmHWM), reset at
the start of each stage through /proc/self/clear_refs; the peak of a command is the largest sum
of the resident memory of its processes, sampled every 20 ms.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measure:
    """What one stage, output or command took: seconds of wall time and peak resident megabytes."""

    name: str
    seconds: float
    megabytes: float


def _high_water() -> float:
    """Return this process's peak resident memory since the last reset, in megabytes."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def _reset_high_water() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:  # not Linux, or not allowed: the peak is then the process's, since it began
        pass


class Meter:
    """A Progress (pipeline.progress) that records each stage's time and peak memory; within the
    stages named in *split*, each step (an output being written) is measured on its own."""

    def __init__(self, split: Sequence[str] = ("rendering",)) -> None:
        self.split = frozenset(split)
        self.measures: list[Measure] = []
        self.stage_name = ""
        self.current: tuple[str, float] | None = None

    def stage(self, name: str) -> None:
        self._end()
        self.stage_name = name
        self._begin(name)

    def step(self, what: str) -> None:
        if self.stage_name in self.split:
            self._end()
            self._begin(f"{self.stage_name} {what}")

    def close(self) -> None:
        """End the last stage."""
        self._end()

    def _begin(self, name: str) -> None:
        _reset_high_water()
        self.current = (name, time.perf_counter())

    def _end(self) -> None:
        if self.current is not None:
            name, began = self.current
            self.measures.append(Measure(name, time.perf_counter() - began, _high_water()))
        self.current = None


def _session_megabytes(session: int) -> float:
    """Return the resident memory of every process of *session*, in megabytes."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text(encoding="ascii", errors="replace")
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == session:  # field 6 of stat: the session id
                total += int(Path(entry.path, "statm").read_text(encoding="ascii").split()[1])
        except (OSError, ValueError, IndexError):  # the process ended meanwhile
            continue
    return total * _PAGE / 2**20


def run(name: str, command: Sequence[str], **options: object) -> Measure:
    """Run *command* in a session of its own; return its wall time and the peak of the summed
    memory of its processes. Raise CalledProcessError when it fails."""
    began = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True, **options)  # type: ignore[call-overload]
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, _session_megabytes(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    returncode = process.wait()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    if returncode:
        raise subprocess.CalledProcessError(returncode, list(command))
    return Measure(name, seconds, peak)
