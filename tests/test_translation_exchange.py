"""Translators' files out and in: XLIFF 2 (validated against the OASIS schema) and a Word table,
round trips in both directions, refusals with their reasons, and the YAML kept line for line."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.build import build
from pipeline.build.review import check
from pipeline.cli import main
from pipeline.model import PdfEngine
from pipeline.translations import text_digest
from pipeline.translations.xliff import NAMESPACE
from tests.corpus import REGIONAL_REVIEW, TEMPLATES

SCHEMA = Path(__file__).resolve().parent / "schemas" / "xliff-2.0" / "xliff_core_2.0.xsd"
X = f"{{{NAMESPACE}}}"
ENGLISH = "Civil society organizations working with migrants in the region need funding for more than a year."


def run(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(argument) for argument in arguments])
    return result.exit_code, result.output


def copy(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(REGIONAL_REVIEW, sources)
    return sources


def texts(folder: Path) -> dict[str, list[str]]:
    return {
        path.name: path.read_text(encoding="utf-8").splitlines()
        for path in sorted((folder / "summaries").glob("*.yaml"))
    }


def added_lines(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """Return the lines added between two states of the summaries; fail if any line changed or went."""
    added = []
    for name, lines in before.items():
        for line in difflib.ndiff(lines, after[name]):
            assert not line.startswith("- "), (name, line)
            if line.startswith("+ "):
                added.append(line[2:])
    return added


def fill_xliff(path: Path, translate) -> None:  # type: ignore[no-untyped-def]
    tree = etree.parse(str(path))
    for segment in tree.iter(f"{X}segment"):
        target = segment.find(f"{X}target")
        if target is None:
            target = etree.SubElement(segment, f"{X}target")
        target.text = translate(segment.find(f"{X}source").text)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def valid_xliff(path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log


def test_export_to_english_then_import_leaves_no_pending_translation(tmp_path: Path) -> None:
    sources = copy(tmp_path)
    before = texts(sources)
    code, output = run(
        "translations", "export", "--to", "en", "--sources", sources, "--build", tmp_path / "build"
    )
    assert code == 0, output
    exported = tmp_path / "build" / "translations.en.xlf"
    assert f"Wrote {exported}" in output or "translations.en.xlf" in output
    valid_xliff(exported)
    units = list(etree.parse(str(exported)).iter(f"{X}unit"))
    assert [unit.get("name") for unit in units] == ["rsag-stakeholder-consultations-2024#m6"]
    notes = {note.get("category"): note.text for note in units[0].iter(f"{X}note")}
    assert notes["location"].endswith("rsag-stakeholder-consultations-2024.yaml:39:9")
    fill_xliff(exported, lambda source: ENGLISH)
    code, output = run("translations", "import", exported, "--sources", sources)
    assert code == 0, output
    assert "Wrote 1 translation into 1 summary." in output
    added = added_lines(before, texts(sources))
    assert added[0].strip() == f"en: {ENGLISH}"
    assert added[1:] == ["    translated_from:", f"      en: ar {text_digest(added_source(sources))}"]
    built = build(sources, tmp_path / "out", TEMPLATES, PdfEngine.NONE)
    assert not [
        notice for notice in built.notices if "translation" in notice.message and "pending" in notice.message
    ]


def added_source(sources: Path) -> str:
    text = (sources / "summaries" / "rsag-stakeholder-consultations-2024.yaml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "تعاني منظمات المجتمع المدني" in line)
    return line.split(": ", 1)[1]


@pytest.mark.parametrize("form", ["xliff", "docx"])
def test_export_to_arabic_and_back_in_either_format(tmp_path: Path, form: str) -> None:
    sources = copy(tmp_path)
    before = texts(sources)
    code, output = run(
        "translations",
        "export",
        "--to",
        "ar",
        "--format",
        form,
        "--sources",
        sources,
        "--build",
        tmp_path / "build",
    )
    assert code == 0, output
    files = sorted((tmp_path / "build").glob("translations.*"))
    assert [path.name for path in files] == [
        f"translations.en-ar.{'xlf' if form == 'xliff' else 'docx'}",
        f"translations.fr-ar.{'xlf' if form == 'xliff' else 'docx'}",
    ]
    for number, path in enumerate(files):
        if form == "xliff":
            valid_xliff(path)
            fill_xliff(path, lambda source: f"ترجمة الرسالة {len(source)}.")
        else:
            document = docx.Document(str(path))
            table = document.tables[0]
            assert [cell.text for cell in table.rows[0].cells] == [
                "Message",
                "English" if number == 0 else "French",
                "Arabic",
            ]
            for row in table.rows[1:]:
                target = row.cells[2].paragraphs[0]
                assert (
                    target._p.pPr is not None and target._p.pPr.find(f"{{{W}}}bidi") is not None
                )  # right to left
                target.add_run(f"ترجمة الرسالة {len(row.cells[1].text)}.")
            document.save(str(path))
        code, output = run("translations", "import", path, "--sources", sources)
        assert code == 0, output
    added = added_lines(before, texts(sources))
    assert len([line for line in added if "ترجمة الرسالة" in line]) == 4
    assert check(sources, final=False).findings is not None
    assert not [
        f for f in check(sources, final=True).findings if "'ar'" in f.message and "pending" in f.message
    ]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_refused_units_write_nothing_unless_partial(tmp_path: Path) -> None:
    sources = copy(tmp_path)
    before = texts(sources)
    run("translations", "export", "--to", "ar", "--sources", sources, "--build", tmp_path / "build")
    path = tmp_path / "build" / "translations.en-ar.xlf"
    tree = etree.parse(str(path))
    units = list(tree.iter(f"{X}unit"))
    assert len(units) == 3
    segments = [unit.find(f"{X}segment") for unit in units]
    etree.SubElement(segments[0], f"{X}target").text = "ترجمة صحيحة."
    etree.SubElement(segments[1], f"{X}target").text = "Still in English, not translated."
    segments[2].find(f"{X}source").text = "A source changed by hand."
    etree.SubElement(segments[2], f"{X}target").text = "ترجمة."
    ghost = etree.SubElement(units[0].getparent(), f"{X}unit", id="nowhere.m1", name="nowhere#m1")
    segment = etree.SubElement(ghost, f"{X}segment")
    etree.SubElement(segment, f"{X}source").text = "x"
    etree.SubElement(etree.SubElement(segment, f"{X}target"), f"{X}pc", id="1").text = "ترجمة"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    code, output = run("translations", "import", path, "--sources", sources)
    assert code == 1
    for reason in (
        "the translation is in English, not Arabic",
        "its source text changed since the export: export again, and translate the new text",
        "'nowhere#m1': no such message in the sources",
        "nothing written: correct these units, or import with --partial",
    ):
        assert reason in output, output
    assert texts(sources) == before
    code, output = run("translations", "import", path, "--sources", sources, "--partial")
    assert code == 0 and "Wrote 1 translation into 1 summary; refused 3 (listed above)." in output, output
    assert len(added_lines(before, texts(sources))) == 3


def test_an_empty_target_and_inline_codes_are_refused(tmp_path: Path) -> None:
    sources = copy(tmp_path)
    run("translations", "export", "--to", "en", "--sources", sources, "--build", tmp_path / "build")
    path = tmp_path / "build" / "translations.en.xlf"
    fill_xliff(path, lambda source: "   ")
    code, output = run("translations", "import", path, "--sources", sources)
    assert code == 1 and "the translation is empty" in output
    tree = etree.parse(str(path))
    target = next(tree.iter(f"{X}target"))
    etree.SubElement(target, f"{X}ph", id="1")
    target.text = "Funding for civil society."
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    code, output = run("translations", "import", path, "--sources", sources)
    assert code == 1 and "inline codes" in output


def test_a_stale_translation_is_exported_with_its_old_target_and_found_by_the_final_check(
    tmp_path: Path,
) -> None:
    sources = copy(tmp_path)
    code, output = run("translations", "confirm", "--all", "--sources", sources)
    assert code == 0 and "Recorded the source text of " in output, output
    summary = sources / "summaries" / "abu-dhabi-dialogue-2024.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace(
            "have reduced contract substitution.", "have ended contract substitution."
        ),
        encoding="utf-8",
    )
    found = [f for f in check(sources, final=True).findings if "stale translation" in f.message]
    assert [f.subject for f in found] == ["message 'abu-dhabi-dialogue-2024#m1'"]
    code, output = run("check", "--final", "--sources", sources)
    assert code == 1 and "abu-dhabi-dialogue-2024#m1" in output
    run("translations", "export", "--to", "ar", "--sources", sources, "--build", tmp_path / "build")
    exported = sorted((tmp_path / "build").glob("translations.*.xlf"))[0]
    valid_xliff(exported)
    unit = next(
        u
        for u in etree.parse(str(exported)).iter(f"{X}unit")
        if u.get("name") == "abu-dhabi-dialogue-2024#m1"
    )
    assert unit.find(f"{X}segment").get("state") == "initial"
    assert unit.find(f"{X}segment/{X}target").text.startswith("أسهمت المنصات الرقمية")
    assert any(note.get("category") == "stale" for note in unit.iter(f"{X}note"))


def test_confirm_all_records_only_unrecorded_translations(tmp_path: Path) -> None:
    sources = copy(tmp_path)
    before = texts(sources)
    code, output = run("translations", "confirm", "--all", "--sources", sources)
    assert code == 0, output
    added = added_lines(before, texts(sources))
    assert added and all(
        line.strip() == "translated_from:" or line.strip()[:4] in ("en: ", "ar: ", "fr: ") for line in added
    )
    code, output = run("translations", "confirm", "--all", "--sources", sources)
    assert "nothing written" in output
    code, output = run("translations", "confirm", "--sources", sources)
    assert code == 2 and "give a message id" in output


def test_a_word_table_into_english_and_back(tmp_path: Path) -> None:
    sources = copy(tmp_path)
    before = texts(sources)
    code, output = run(
        "translations",
        "export",
        "--to",
        "en",
        "--format",
        "docx",
        "--sources",
        sources,
        "--build",
        tmp_path / "build",
    )
    assert code == 0, output
    path = tmp_path / "build" / "translations.en.docx"
    document = docx.Document(str(path))
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Message", "Arabic", "English"]
    source = table.rows[1].cells[1].paragraphs[0]
    assert source._p.pPr.find(f"{{{W}}}bidi") is not None  # the Arabic column right to left
    table.rows[1].cells[2].paragraphs[0].add_run(ENGLISH)
    document.save(str(path))
    code, output = run("translations", "import", path, "--sources", sources)
    assert code == 0 and "Wrote 1 translation into 1 summary." in output, output
    assert [line.strip() for line in added_lines(before, texts(sources))][0] == f"en: {ENGLISH}"
