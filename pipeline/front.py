"""Read the hand-written chapters (sources/front/<name>.<language>.md) as plain paragraphs.

The files are Markdown kept deliberately simple: paragraphs separated by blank lines, and HTML
comments for notes to editors. Each paragraph is numbered in the document, so a chapter has as
many paragraphs in every language. Headings and lists are refused with their line, because the
chapter heading and numbering come from the template. A metadata block at the top may mark the
chapter as sample content (`---`, `illustrative: true`, `---`), as a summary or report is marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import Diagnostics, Location, not_a_file
from pipeline.model import FrontMatter
from pipeline.records import Scope
from pipeline.text import clean_text, invisible_only

FRONT_DIR = "front"
CHAPTERS = ("introduction",)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING = re.compile(r"#{1,6}\s")
_LIST_ITEM = re.compile(r"([-*+]|\d+[.)])\s")


def read_front(
    sources: Path, languages: tuple[str, ...], diagnostics: Diagnostics
) -> tuple[FrontMatter, ...]:
    """Return each chapter of CHAPTERS in each of *languages*, recording what is missing or wrong."""
    folder = sources / FRONT_DIR
    expected = {f"{name}.{language}.md": (name, language) for name in CHAPTERS for language in languages}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.name in expected:
                continue
            if _known_language(path):
                diagnostics.notice(Location(path), "not used: its language is not in the review's languages")
            else:
                diagnostics.problem(
                    Location(path),
                    f"unexpected file in {FRONT_DIR}/ (expected {', '.join(sorted(expected))})",
                )
    chapters = []
    for file_name, (name, language) in sorted(expected.items()):
        path = folder / file_name
        refused = not_a_file(path)
        if refused or not path.is_file():
            diagnostics.problem(
                Location(path),
                refused or f"missing file (the {name} of the '{language}' document comes from it)",
            )
            continue
        scope = Scope(diagnostics)
        illustrative, content = _metadata(path, scope)
        paragraphs = None if content is None else _paragraphs(path, content, scope)
        if paragraphs is not None:
            chapters.append(
                FrontMatter(
                    name=name,
                    language=language,
                    paragraphs=paragraphs,
                    illustrative=illustrative,
                    location=Location(path),
                )
            )
    _check_same_length(chapters, diagnostics)
    return tuple(chapters)


def _check_same_length(chapters: list[FrontMatter], diagnostics: Diagnostics) -> None:
    """Record a problem for each chapter whose languages have different numbers of paragraphs:
    paragraphs are numbered from the introduction on, and the numbers must agree across languages."""
    for name in CHAPTERS:
        versions = [chapter for chapter in chapters if chapter.name == name]
        if len({len(version.paragraphs) for version in versions}) <= 1:
            continue
        counts = ", ".join(
            f"{version.location.path.name} has {len(version.paragraphs)}" for version in versions
        )
        for version in versions:
            diagnostics.problem(
                version.location,
                f"the {name} must have as many paragraphs in every language, since paragraphs are "
                f"numbered ({counts})",
            )


def _known_language(path: Path) -> bool:
    """Tell whether *path* is a chapter in a language that is not built (kept, not an error)."""
    parts = path.name.split(".")
    return len(parts) == 3 and parts[0] in CHAPTERS and parts[2] == "md"


def _metadata(path: Path, scope: Scope) -> tuple[bool, str | None]:
    """Return whether the chapter is marked illustrative, and its content with the metadata block
    blanked out (line numbers stay true); the content is None when the file cannot be read."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        scope.problem(Location(path), f"not UTF-8 text ({error.reason}); save the file as UTF-8")
        return False, None
    lines = content.splitlines()
    if not lines or lines[0].strip() != "---":
        return False, content
    end = next((index for index, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        scope.problem(Location(path, 1, 1), "the metadata block is not closed (expected a line '---')")
        return False, None
    illustrative = False
    for number, line in enumerate(lines[1:end], start=2):
        key, _, value = line.partition(":")
        if not line.strip():
            continue
        if key.strip() != "illustrative" or value.strip() not in ("true", "false"):
            scope.problem(
                Location(path, number, 1),
                f"unknown metadata {line.strip()!r} (expected 'illustrative: true' or 'illustrative: false')",
            )
        illustrative = illustrative or value.strip() == "true"
    return illustrative, "\n" * (end + 1) + "\n".join(lines[end + 1 :])


def paragraph_lines(path: Path) -> list[range]:
    """Return the lines (numbered from 1) of each paragraph of the chapter *path*, as read_front
    reads its paragraphs (for `outcome absorb`, which writes one back)."""
    _, content = _metadata(path, Scope(Diagnostics()))
    return [range(first, first + len(block)) for first, block in _blocks(content or "")]


def _blocks(content: str) -> Iterator[tuple[int, list[str]]]:
    """Yield each paragraph of *content*, comments apart: its first line's number and its lines."""
    # Blank out comments but keep their line breaks, so that line numbers stay true.
    content = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), content)
    block: list[str] = []
    for number, line in enumerate([*content.splitlines(), ""], start=1):
        if line.strip():
            block.append(line.strip())
        elif block:
            yield number - len(block), block
            block = []


def _paragraphs(path: Path, content: str, scope: Scope) -> tuple[str, ...] | None:
    """Return the paragraphs of *content*, or None when it has problems (recorded in *scope*)."""
    for first, block in _blocks(content):
        for number, line in enumerate(block, start=first):
            if _HEADING.match(line):
                scope.problem(
                    Location(path, number, 1),
                    "headings are not used here: the chapter heading comes from the template",
                )
            elif _LIST_ITEM.match(line):
                scope.problem(Location(path, number, 1), "lists are not supported here; write paragraphs")
    paragraphs: list[str] = []
    for first, block in _blocks(content):
        text, notes = clean_text(" ".join(block))
        for note in notes:
            scope.notice(Location(path, first, 1), note)
        if invisible_only(text):
            scope.problem(Location(path, first, 1), "the paragraph is blank (only invisible characters)")
        paragraphs.append(text)
    if scope.failed:
        return None
    if not paragraphs:
        scope.problem(Location(path), "the file has no paragraph")
        return None
    return tuple(paragraphs)
