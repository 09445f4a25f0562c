"""The real `outcome` command on the bundled sources, as an editor runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import yamlio

pytestmark = pytest.mark.slow
OUTCOME = Path(sys.executable).with_name("outcome")


def outcome(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OUTCOME), *args], capture_output=True, text=True, check=False)


def source_texts(sources: Path) -> list[str]:
    """Return every message text of every language written in the summaries."""
    texts = []
    for path in sorted((sources / "summaries").glob("*.yaml")):
        for message in yamlio.load(path)["messages"]:
            text = message["text"]
            texts.extend(text.values() if isinstance(text, dict) else [text])
    return [str(text) for text in texts]


def merged_texts(node) -> list[str]:
    if isinstance(node, dict):
        found = list(node["text"].values()) if "number" in node else []
        return found + [t for key, value in node.items() if key != "text" for t in merged_texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in merged_texts(item)]
    return []


def test_build_on_the_bundled_sources(sources_copy, tmp_path):
    result = outcome("build", "--sources", str(sources_copy), "--build", str(tmp_path / "build"))
    assert result.returncode == 0, result.stderr
    normalized = sorted(p.stem for p in (tmp_path / "build" / "normalized").glob("*.yaml"))
    assert len(normalized) == 14
    merged_file = tmp_path / "build" / "merged.yaml"
    in_merged = merged_texts(yamlio.load(merged_file))
    raw = merged_file.read_text(encoding="utf-8")
    written = source_texts(sources_copy)
    assert len(written) > 100
    for text in written:
        assert in_merged.count(text) == 1, text
        assert raw.count(text) == 1, text
    assert len(in_merged) == len(written)


def line_of(path: Path, fragment: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line
    )


def test_validate_names_every_bad_file_and_line(sources_copy):
    detention = sources_copy / "summaries" / "gcm-talks-detention-2023.yaml"
    detention.write_text(
        detention.read_text(encoding="utf-8").replace("objectives: [13, 11]", "objectives: [13, 27]"),
        encoding="utf-8",
    )
    climate = sources_copy / "summaries" / "gcm-talks-climate-2023.yaml"
    climate.write_text(
        climate.read_text(encoding="utf-8").replace("    objectives: [2, 23]", "    objectves: [2, 23]"),
        encoding="utf-8",
    )
    result = outcome("validate", "--sources", str(sources_copy))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"sources/summaries/gcm-talks-climate-2023.yaml:{line_of(climate, 'objectves')}:5: "
        "unknown key 'objectves' in message 'm3' (did you mean 'objectives'?)",
        f"sources/summaries/gcm-talks-detention-2023.yaml:{line_of(detention, '[13, 27]')}:22: "
        "unknown objective 27 in message 'm3' (expected 1–23)",
        "2 problems in 2 files",
    ]
