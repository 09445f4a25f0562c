"""The shape of the code: stages side by side under build, one table of fixed words, small modules."""

from __future__ import annotations

import ast
import re
import zipfile
from dataclasses import fields
from pathlib import Path

import pytest

from pipeline.languages import DOCUMENT_LANGUAGES, Words

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = ROOT / "pipeline"
STAGES = ("pipeline.collect", "pipeline.normalize", "pipeline.merge", "pipeline.render")
MAX_LINES = 300


def imported_modules(path: Path) -> set[str]:
    """Return the pipeline modules *path* imports (packages and modules, as written)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("pipeline")}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str | None:
    return next((stage for stage in STAGES if module == stage or module.startswith(stage + ".")), None)


def python_files() -> list[Path]:
    return sorted(PIPELINE.rglob("*.py"))


# What the rooms beside the stages (checks, drafts) may read of a stage: the language view render
# draws, and the marks of tracked changes it writes.
PUBLIC = ("pipeline.render.view", "pipeline.render.tracked")


def stage_files() -> list[Path]:
    return [path for path in python_files() if stage_of(module_name(path))]


@pytest.mark.parametrize("path", stage_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_stage_imports_another_stage(path):
    own = stage_of(module_name(path))
    others = {stage_of(name) for name in imported_modules(path)} - {None, own}
    assert others == set(), f"{module_name(path)} imports the stage(s) {sorted(others)}"


def test_only_build_calls_the_stages():
    callers = {
        module_name(path)
        for path in python_files()
        if stage_of(module_name(path)) is None
        and any(stage_of(name) and not name.startswith(PUBLIC) for name in imported_modules(path))
    }
    assert callers and all(caller.split(".")[:2] == ["pipeline", "build"] for caller in callers), callers


@pytest.mark.parametrize(
    "path",
    [
        *python_files(),
        *(
            path
            for folder in ("templates", "tests", "bench")
            for path in sorted((ROOT / folder).glob("*.py"))
        ),
    ],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it by stage or data type"


# --- One table of fixed words ---------------------------------------------------------------------


def template_texts() -> dict[str, str]:
    """Return the text of each template: the Word templates' parts and the Typst template."""
    typst = (ROOT / "templates" / "outcome.typ").read_text(encoding="utf-8")
    texts = {"outcome.typ": re.sub(r"(?m)(^|\s)//.*$", "", typst)}  # without its comments
    for template in sorted((ROOT / "templates").glob("outcome.*.docx")):
        with zipfile.ZipFile(template) as package:
            xml = "".join(
                package.read(name).decode("utf-8") for name in package.namelist() if name.startswith("word/")
            )
        texts[template.name] = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    return texts


def printed_words() -> list[tuple[str, str]]:
    """Return (language, word) for each fixed word the templates print from the table."""
    used = {field.name for field in fields(Words)}
    return [
        (code, word)
        for code, language in DOCUMENT_LANGUAGES.items()
        for name in sorted(used)
        if name != "process_text"
        for word in _each(getattr(language.words, name))
        if "{" not in word
    ]


def _each(value: str | tuple[str, ...]) -> tuple[str, ...]:
    """Return the words of a field of Words: one, or several (the attribution sentences)."""
    return value if isinstance(value, tuple) else (value,)


@pytest.mark.parametrize(("code", "word"), printed_words())
def test_no_template_spells_a_fixed_word(code, word):
    for name, text in template_texts().items():
        # Short English words (Date, Event) also occur in tags and variable names; look for whole words.
        assert not re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", text), (
            f"{name} spells the fixed word {word!r}: print {{{{ words.… }}}} from pipeline/languages.py"
        )


def test_templates_print_only_words_of_the_table():
    known = {field.name for field in fields(Words)}
    for name, text in template_texts().items():
        used = set(re.findall(r"\bwords\.(\w+)", text))
        assert used, f"{name} prints no word of the table"
        assert used <= known, f"{name} uses words the table does not have: {sorted(used - known)}"


def test_every_document_language_has_every_word():
    for language in DOCUMENT_LANGUAGES.values():
        for field in fields(Words):
            assert all(word.strip() for word in _each(getattr(language.words, field.name))), (
                language.code,
                field.name,
            )
        assert len(language.months) == 12
        assert language.masthead_dates in DOCUMENT_LANGUAGES
