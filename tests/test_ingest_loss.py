"""`outcome ingest` never loses text: raw markup, Word fields, hand-typed translations, a report's
own language, the objectives of each language version; and reports too deep or too costly for
pandoc are refused, never a traceback."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from pipeline import limits, yamlio
from pipeline.cli import main
from pipeline.ingest.pandoc import nesting_depth
from tests import reports


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def texts(path: Path) -> list[dict[str, str]]:
    return [message["text"] for message in yamlio.load(path)["messages"]]


# --- 1. Raw markup in Markdown ---------------------------------------------------------------------

RAW_MARKDOWN = """\
## Key messages

Children must <b>never</b> be detained, `now`{=html} or later (objective 13).

```{=openxml}
<w:p><w:r><w:t>Data must be public.</w:t></w:r></w:p>
```

<div class="x">Local authorities need resources.</div>

<!-- check the figures with the organisers -->

    Indented by four spaces: still a message.
"""


def test_raw_markup_in_markdown_is_kept_as_text(tmp_path):
    Path("report.md").write_text(RAW_MARKDOWN, encoding="utf-8")
    result = run("ingest", "report.md", "--event", "talks-2023", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert texts(Path("out.yaml")) == [
        {"en": "Children must <b>never</b> be detained, now{=html} or later (objective 13)."},
        {"en": "{=openxml} <w:p><w:r><w:t>Data must be public.</w:t></w:r></w:p>"},
        {"en": '<div class="x">Local authorities need resources.</div>'},
        {"en": "Indented by four spaces: still a message."},
    ]
    assert result.stderr.splitlines() == [
        "report.md: note: read as 'en' (detected): 4 messages under 'Key messages'",
        "report.md: note: not a message (an HTML comment, a note for editors), under 'Key messages': "
        '"<!-- check the figures with the organisers -->"',
    ]


def test_raw_markup_inside_a_list_item_is_kept(tmp_path):
    Path("report.md").write_text(
        "# Key messages\n\n- Protect workers `<br>`{=html} everywhere.\n\n  ```{=latex}\n  \\newpage\n  ```\n"
        "- <span>Data</span> matters.\n",
        encoding="utf-8",
    )
    result = run("ingest", "report.md", "--event", "talks-2023", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "en: Protect workers <br>{=html} everywhere. {=latex} \\newpage\n" in result.stdout
    assert "en: <span>Data</span> matters.\n" in result.stdout


# --- 2. Word fields --------------------------------------------------------------------------------


def field_report(path: Path) -> Path:
    """Key messages holding Word fields: a simple REF field and a simple DATE field (whose results
    pandoc drops), and a complex HYPERLINK field (whose result pandoc reads)."""
    document = docx.Document()
    document.add_heading("Key messages", 1)
    cited = document.add_paragraph("As shown in ")
    cited._p.append(simple_field(" REF _Ref1 \\h ", "section 2"))
    cited.add_run(", detention data must be public (objective 1).")
    dated = document.add_paragraph("The network met on ")
    dated._p.append(simple_field(' DATE \\@ "d MMMM yyyy" ', "5 July 2024"))
    dated.add_run(" and agreed on alternatives to detention.")
    linked = document.add_paragraph("Read ")
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>the guidance</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        linked._p.append(parse_xml(run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))
    linked.add_run(" on case management.")
    document.save(path)
    return path


def simple_field(instruction: str, result: str):
    """Return a w:fldSimple element showing *result*, as Word writes a field it need not update."""
    field = parse_xml(f"<w:fldSimple {nsdecls('w')}><w:r><w:t>{result}</w:t></w:r></w:fldSimple>")
    field.set(qn("w:instr"), instruction)
    return field


def test_a_word_fields_displayed_result_stays_in_the_message(tmp_path):
    field_report(Path("report.docx"))
    result = run("ingest", "report.docx", "--event", "talks-2023", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert texts(Path("out.yaml")) == [
        {"en": "As shown in section 2, detention data must be public (objective 1)."},
        {"en": "The network met on 5 July 2024 and agreed on alternatives to detention."},
        {"en": "Read the guidance on case management."},
    ]
    # Nothing is reported as lost any more: the only note is the reading.
    assert result.stderr == "report.docx: note: read as 'en' (detected): 3 messages under 'Key messages'\n"


# --- 6. Nesting, pandoc's memory and time ------------------------------------------------------------


def test_a_report_nested_too_deep_is_refused(tmp_path):
    Path("report.md").write_text("## Key messages\n\n" + ">" * 500 + " deep\n", encoding="utf-8")
    result = run("ingest", "report.md", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.md: refused: the text is nested too deep as pandoc reads it: 1,005 levels, the limit is "
        "200 (quotes, lists, links or emphasis inside one another? a report needs under 30)\n"
        "1 problem in 1 file\n"
    )
    assert result.stdout == ""
    assert not Path("src").exists()


def test_nesting_just_under_the_limit_is_read(tmp_path):
    Path("report.md").write_text("## Key messages\n\n" + ">" * 95 + " deep\n", encoding="utf-8")
    result = run("ingest", "report.md", "--event", "talks-2023", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "en: deep\n" in result.stdout


def test_nesting_depth_counts_brackets_outside_strings_only():
    assert nesting_depth(b"1") == 0
    assert nesting_depth(b'"[[[{"') == 0
    assert nesting_depth(b'[[["a\\\\", {"b]": []}]]]') == 5
    assert nesting_depth(b'[["\\"[", "\\\\"], [[]]]') == 3


NESTED_BRACKETS = "## Key messages\n\n" + "[" * 2000 + " x\n"


def test_pandoc_past_its_memory_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "PANDOC_MEMORY", dataclasses.replace(limits.PANDOC_MEMORY, value=64))
    Path("report.md").write_text(NESTED_BRACKETS, encoding="utf-8")
    Path("out.yaml").write_text("kept\n", encoding="utf-8")
    result = run("ingest", "report.md", "--event", "talks-2023", "-o", "out.yaml", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.md: pandoc needed too much memory to read the file: over 64 MB, the limit is 64 "
        "(is something nested thousands deep?)\n"
        "1 problem in 1 file\n"
    )
    assert Path("out.yaml").read_text(encoding="utf-8") == "kept\n"


def test_pandoc_past_its_time_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "PANDOC_SECONDS", dataclasses.replace(limits.PANDOC_SECONDS, value=1))
    Path("report.md").write_text(NESTED_BRACKETS, encoding="utf-8")
    result = run("ingest", "report.md", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.md: pandoc did not finish reading the file: over 1 s, the limit is 1\n1 problem in 1 file\n"
    )
    assert not Path("src").exists()


# --- 4. A --lang that contradicts the report's text ------------------------------------------------


def test_a_lang_the_text_contradicts_is_refused(tmp_path):
    reports.arabic_report(Path("report.docx"))
    result = run("ingest", "report.docx", "--event", "talks-2023", "--lang", "en", "--sources", "src")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.docx: the report is in Arabic, not English (--lang en): leave out --lang, "
        "or use --force-lang to read it as English all the same\n"
        "1 problem in 1 file\n"
    )
    assert not Path("src").exists()


def test_a_lang_between_latin_languages_is_refused_only_when_clear(tmp_path):
    reports.english_report(Path("report.docx"))
    result = run("ingest", "report.docx", "--event", "talks-2023", "--lang", "fr", "-o", "-")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "report.docx: the report is in English, not French (--lang fr): leave out --lang, "
        "or use --force-lang to read it as French all the same"
    )
    Path("short.md").write_text("# Key messages\n\n- Data (objective 1).\n", encoding="utf-8")
    assert run("ingest", "short.md", "--event", "talks-2023", "--lang", "fr", "-o", "-").exit_code == 0


def test_force_lang_reads_the_report_in_the_lang_given_and_says_so(tmp_path):
    reports.arabic_report(Path("report.docx"))
    result = run(
        "ingest", "report.docx", "--event", "talks-2023", "--lang", "en", "--force-lang", "-o", "out.yaml"
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "report.docx: note: read as 'en' (given with --force-lang, though the text reads as 'ar'): "
        "5 messages under 'الرسائل الرئيسية', 'التوصيات'"
    )
    assert yamlio.load(Path("out.yaml"))["language"] == "en"


def test_force_lang_without_lang_is_a_usage_error(tmp_path):
    reports.arabic_report(Path("report.docx"))
    result = run("ingest", "report.docx", "--event", "talks-2023", "--force-lang", "--sources", "src")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: --force-lang needs --lang\n")
    assert not Path("src").exists()


# --- 5. Language versions that name different objectives ---------------------------------------------


def test_objectives_that_differ_between_language_versions_are_a_note(tmp_path):
    reports.arabic_report(Path("x.ar.docx"))
    reports.english_pair_report(Path("x.en.docx"))
    result = run("ingest", "x.ar.docx", "x.en.docx", "--event", "x", "-o", "x.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        "x.ar.docx: note: message m5: the reports name different objectives "
        "(x.ar.docx: 21; x.en.docx: none); kept 21"
    )
    assert [m["objectives"] for m in yamlio.load(Path("x.yaml"))["messages"]][4] == ["21"]


def test_the_note_names_the_primary_objective_kept(tmp_path):
    Path("r.en.md").write_text(
        "# Key messages\n\n- Protect workers (objectives 6 and 5).\n", encoding="utf-8"
    )
    Path("r.fr.md").write_text(
        "# Messages clés\n\n- Protéger les travailleurs (objectif 5).\n", encoding="utf-8"
    )
    result = run("ingest", "r.en.md", "r.fr.md", "--event", "x", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        "r.en.md: note: message m1: the reports name different objectives (r.en.md: 6, 5; r.fr.md: 5); "
        "kept 6, 5 (6 the primary one)"
    )
    assert "objectives: [6, 5]" in result.stdout
