"""The editors' sources/ build, and no other test reads them.

sources/ belongs to the editors: they add summaries, delete messages and change events as the
review goes on, so a test may check that the bundled sources build, never what they say. Every
other test uses sources of its own (tests/fixtures/, tests/error_cases/_base, tests/corpus.py).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
OUTCOME = Path(sys.executable).with_name("outcome")

# What, next to a "sources" path segment, points into the repository rather than a test's folder.
_REPOSITORY = ("ROOT", "__file__", "parent", "REPOSITORY")


@pytest.mark.slow
def test_the_bundled_sources_build(tmp_path: Path) -> None:
    # The only test that reads sources/: it checks that they build, and nothing of what they say.
    result = subprocess.run(
        [str(OUTCOME), "build", "--sources", str(ROOT / "sources"), "--build", str(tmp_path / "build")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr


def references_to_the_bundled_sources(code: str) -> Iterator[int]:
    """Yield the line of each place in *code* that names the repository's sources/ folder: a
    "sources" path segment joined to the repository's root, the old BUNDLED_SOURCES, or the
    folder's absolute path. (A relative "sources" is a test's own: tests run in their tmp_path.)"""
    tree = ast.parse(code)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "BUNDLED_SOURCES":
            yield node.lineno
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value.replace("\\", "/")
            if str(ROOT / "sources") in value:
                yield node.lineno
            elif value.split("/")[0] == "sources" and node in parents:
                around = ast.unparse(parents[node])
                if any(name in around for name in _REPOSITORY):
                    yield node.lineno


def test_no_other_test_reads_the_bundled_sources() -> None:
    allowed = Path(__file__).resolve()
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.resolve() != allowed
        for line in references_to_the_bundled_sources(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "tests that read the editors' sources/ (use tests/fixtures/ instead)"


@pytest.mark.parametrize(
    "code",
    [
        'ROOT = Path(__file__).resolve().parent.parent\nSOURCES = ROOT / "sources"',
        'summaries = Path(__file__).parent.parent / "sources" / "summaries"',
        'path = ROOT / "sources/events.yaml"',
        'folder = Path(ROOT, "sources")',
        "shutil.copytree(BUNDLED_SOURCES, copy)",
        'events = Path(__file__).parents[1] / "sources" / "events.yaml"',
        f'run("build", "--sources", "{ROOT / "sources"}")',
    ],
)
def test_the_guard_finds_a_reference_to_the_bundled_sources(code: str) -> None:
    assert list(references_to_the_bundled_sources(code)) != []


@pytest.mark.parametrize(
    "code",
    [
        'copy = tmp_path / "sources"',
        'run("validate", "--sources", "sources")',
        'assemble(case, folder / "sources")',
        'FIXTURE = ROOT / "tests" / "fixtures" / "regional-review"',
    ],
)
def test_the_guard_leaves_a_test_s_own_sources_alone(code: str) -> None:
    assert list(references_to_the_bundled_sources(code)) == []
