"""Ingesting organisers' reports: the messages their authors meant, in order, with their objectives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import yamlio
from pipeline.build import build, validate
from pipeline.cli import main
from pipeline.errors import SourceError
from pipeline.ingest import IngestedReport, ObjectiveFinder, analyse, combine
from pipeline.ingest.draft import IngestedMessage
from pipeline.ingest.language import detect_language
from pipeline.ingest.reader import read_report
from pipeline.ingest.sections import heading_kind
from pipeline.model import Kind, PdfEngine
from pipeline.reference import load_reference
from tests import reports
from tests.corpus import BASE, TEMPLATES

FINDER = ObjectiveFinder(load_reference())


def ingest_report(path: Path, language: str | None = None) -> IngestedReport:
    """Read and analyse one report, as `outcome ingest` does."""
    return analyse(read_report(path), FINDER, language)


def summary(report) -> list[tuple[str, tuple[int, ...], str]]:
    return [(message.kind.value, message.objectives, message.text) for message in report.messages]


def test_english_report_with_heading_styles_and_numbered_list(tmp_path):
    report = ingest_report(reports.english_report(tmp_path / "talks.docx"))
    assert report.language == "en" and report.detected
    assert summary(report) == [
        (
            "key-message",
            (13, 7),
            "Children should never be detained for migration reasons (objectives 13 and 7).",
        ),
        (
            "key-message",
            (13,),
            "Case management keeps migrants in contact with procedures, as GCM objective 13 asks.",
        ),
        ("key-message", (1,), "Data on detention should be public, in line with objective 1 and SDG 10."),
        ("recommendation", (11,), "Open all places of detention to independent monitoring (Obj. 11)."),
        ("recommendation", (), "Guarantee access to legal aid."),
    ]
    assert [(item.reason, item.text) for item in report.left_out] == [
        ("introduces the list that follows", "Participants agreed on the following key messages:")
    ]
    assert [reference.phrase for reference in report.messages[2].ignored] == ["SDG 10"]
    assert all("Background" not in text and "Agenda" not in text for _, _, text in summary(report))


def test_french_report_with_bold_paragraph_headings(tmp_path):
    report = ingest_report(reports.french_report(tmp_path / "rapport.docx"))
    assert report.language == "fr"
    assert report.headings == ("Messages clés", "Recommandations")
    assert summary(report) == [
        (
            "key-message",
            (5, 6),
            "Les accords bilatéraux doivent protéger les droits des travailleurs (objectifs 5 et 6).",
        ),
        (
            "key-message",
            (18,),
            "La reconnaissance des compétences reste un obstacle majeur (objectif n° 18).",
        ),
        ("recommendation", (), "Associer les syndicats à la négociation des accords."),
        ("recommendation", (23,), "Publier les accords, conformément au 23e objectif."),
    ]


def test_arabic_report(tmp_path):
    report = ingest_report(reports.arabic_report(tmp_path / "taqrir.docx"))
    assert report.language == "ar"
    assert summary(report) == [
        ("key-message", (13,), "لا ينبغي احتجاز الأطفال لأسباب تتعلق بالهجرة (الهدف ١٣)."),
        ("key-message", (5, 6), "يجب حماية العمال المهاجرين وفقا للهدفين 5 و6."),
        (
            "key-message",
            (1,),
            "ينبغي نشر البيانات، بما يتسق مع الهدف 10 من أهداف التنمية المستدامة والهدف الأول.",
        ),
        ("recommendation", (), "فتح جميع أماكن الاحتجاز أمام الرقابة المستقلة."),
        ("recommendation", (21,), "ضمان الحصول على المساعدة القانونية (الهدف الحادي والعشرين)."),
    ]
    assert [reference.phrase for reference in report.messages[2].ignored] == ["الهدف 10"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            reports.ENGLISH_MARKDOWN,
            [
                (
                    "key-message",
                    (15,),
                    "Health care and education must be open to all migrants (objective 15).",
                ),
                ("key-message", (16,), "Local authorities need resources for inclusion (objective 16)."),
                (
                    "good-practice",
                    (15,),
                    "Firewalls between services and immigration enforcement (objective 15).",
                ),
                ("challenge", (), "Funding for civil society is short-term."),
            ],
        ),
        (
            reports.ARABIC_MARKDOWN,
            [
                ("key-message", (15,), "يجب أن يحصل جميع المهاجرين على الرعاية الصحية (الهدف 15)."),
                ("key-message", (16,), "للسلطات المحلية دور محوري في الإدماج (الهدف رقم 16)."),
                ("challenge", (), "تعاني منظمات المجتمع المدني من تمويل قصير الأجل."),
            ],
        ),
    ],
)
def test_markdown_reports(tmp_path, text, expected):
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    assert summary(ingest_report(path)) == expected


def test_typed_numbering_and_introductory_lines(tmp_path):
    report = ingest_report(reports.typed_numbering_report(tmp_path / "typed.docx"))
    assert summary(report) == [
        ("key-message", (1,), "Invest in data (objective 1)."),
        ("key-message", (6, 7), "Protect workers (objectives 6 and 7)."),
        ("key-message", (23,), "Cooperation matters (objective 23)."),
        ("key-message", (), "Data matters too."),
    ]
    assert [(item.reason, item.text) for item in report.left_out] == [
        ("introduces the list that follows", "Participants agreed on the following:"),
        ("a paragraph beside the listed messages", "This concluded the discussion."),
        ("introduces the paragraphs that follow", "The meeting concluded with the following:"),
    ]


def test_tracked_insertions_content_controls_and_text_boxes_are_read(tmp_path):
    report = ingest_report(reports.tracked_report(tmp_path / "tracked.docx"))
    assert summary(report) == [
        ("key-message", (5,), "Regular pathways should be expanded for care workers (objective 5)."),
        ("key-message", (14,), "Consular protection matters (objective 14)."),
        ("key-message", (20,), "Remittance costs must fall (objective 20)."),
        ("recommendation", (), "Cut the cost of remittances."),
    ]
    # pandoc drops the text of a paragraph that anchors a text box: it is reported, not lost.
    assert [(item.reason, item.text) for item in report.left_out] == [
        ("not read by pandoc (beside a text box?): check the report", "Text beside a text box (objective 9).")
    ]


def test_bilingual_reports_are_aligned_message_by_message(tmp_path):
    arabic = ingest_report(reports.arabic_report(tmp_path / "x.ar.docx"))
    english = ingest_report(reports.english_pair_report(tmp_path / "x.en.docx"))
    draft = combine("x", (english, arabic))
    assert draft.language == "ar"
    assert [m.id for m in draft.messages] == ["m1", "m2", "m3", "m4", "m5"]
    assert draft.messages[0].text["en"].startswith("Children should not")
    assert draft.messages[0].text["ar"].startswith("لا ينبغي")
    assert [m.objectives for m in draft.messages] == [(13,), (5, 6), (1,), (), (21,)]
    assert [m.kind for m in draft.messages][3:] == [Kind.RECOMMENDATION] * 2


def test_unequal_counts_are_reported_never_guessed(tmp_path):
    arabic = ingest_report(reports.arabic_report(tmp_path / "x.ar.docx", recommendations=1))
    english = ingest_report(reports.english_pair_report(tmp_path / "x.en.docx"))
    with pytest.raises(SourceError) as caught:
        combine("x", (arabic, english))
    assert caught.value.problems[0].message == (
        "the reports of event 'x' do not have the same number of messages "
        "(x.ar.docx has 4, x.en.docx has 5): they cannot be aligned message by message; "
        "fix the reports or ingest them one at a time"
    )


def test_different_kinds_are_noted_at_the_first_report():
    def report(name: str, language: str, kind: Kind) -> IngestedReport:
        return IngestedReport(
            Path(name), language, False, (IngestedMessage("Text.", kind, (), ()),), ("H",), ()
        )

    draft = combine("x", (report("x.en.md", "en", Kind.KEY_MESSAGE), report("x.ar.md", "ar", Kind.CHALLENGE)))
    assert [note.note() for note in draft.notes] == [
        "x.en.md: note: message m1: the reports give different kinds; kept 'key-message'"
    ]


SUBHEADINGS = """\
## Key messages

### Objective 13: Alternatives to detention

- Children should never be detained.[^1]
- Case management works (objective 12).

### Objective 21

- Returns must be dignified.

## Next steps

- Not a message.

[^1]: As UNICEF said in 2023.
"""


def test_items_take_the_objectives_of_their_sub_heading_and_footnotes_are_listed(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(SUBHEADINGS, encoding="utf-8")
    report = ingest_report(path)
    assert summary(report) == [
        ("key-message", (13,), "Children should never be detained."),
        ("key-message", (12, 13), "Case management works (objective 12)."),
        ("key-message", (21,), "Returns must be dignified."),
    ]
    assert [(item.reason, item.text) for item in report.left_out] == [
        ("a sub-heading", "Objective 13: Alternatives to detention"),
        ("a footnote of a message", "As UNICEF said in 2023."),
        ("a sub-heading", "Objective 21"),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Key messages", Kind.KEY_MESSAGE),
        ("KEY MESSAGES:", Kind.KEY_MESSAGE),
        ("III. Key messages", Kind.KEY_MESSAGE),
        ("3. Main messages from the consultation", Kind.KEY_MESSAGE),
        ("Summary of key messages", Kind.KEY_MESSAGE),
        ("Conclusions and way forward", Kind.KEY_MESSAGE),
        ("Key Recommendations and Next Steps", Kind.RECOMMENDATION),
        ("B. Good practices", Kind.GOOD_PRACTICE),
        ("Gaps and challenges", Kind.CHALLENGE),
        ("Messages clés", Kind.KEY_MESSAGE),
        ("Principaux messages", Kind.KEY_MESSAGE),
        ("Recommandations", Kind.RECOMMENDATION),
        ("Bonnes pratiques", Kind.GOOD_PRACTICE),
        ("Défis", Kind.CHALLENGE),
        ("الرسائل الرئيسية", Kind.KEY_MESSAGE),
        ("ثالثاً: الرسائل الرئيسية", Kind.KEY_MESSAGE),
        ("التوصيات:", Kind.RECOMMENDATION),
        ("الاستنتاجات", Kind.KEY_MESSAGE),
        ("الممارسات الجيدة", Kind.GOOD_PRACTICE),
        ("أبرز التحديات", Kind.CHALLENGE),
        ("Background", None),
        ("Agenda", None),
        ("Closing remarks", None),
        ("The messages of the Secretary-General", None),
        ("معلومات أساسية", None),
    ],
)
def test_headings_that_announce_messages(heading, kind):
    assert heading_kind(heading) is kind


# --- Bad input ----------------------------------------------------------------------------------


def problem_of(path: Path) -> str:
    """Return the one problem ingesting *path* reports, the path as the user wrote it (relative)."""
    with pytest.raises(SourceError) as caught:
        ingest_report(path.relative_to(Path.cwd()))
    (problem,) = caught.value.problems
    return str(problem)


def test_legacy_doc(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert problem_of(path) == (
        f"{path.name}: a legacy Word 97-2003 document: open it in Word and save it as .docx, then ingest that"
    )


def test_encrypted_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert problem_of(path) == (
        f"{path.name}: an encrypted (password-protected) or legacy Word file: remove the password in Word "
        "(File > Info > Protect Document) or save it as .docx, then ingest it again"
    )


def test_corrupt_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 this is not a complete zip")
    assert problem_of(path) == f"{path.name}: a corrupt or unreadable Word file (not a valid .docx package)"


def test_empty_file(tmp_path):
    path = tmp_path / "report.md"
    path.write_bytes(b"  \n")
    assert problem_of(path) == f"{path.name}: the file is empty"


def test_lock_file(tmp_path):
    path = tmp_path / "~$report.docx"
    path.write_bytes(b"lock")
    assert problem_of(path) == (
        f"{path.name}: a Word lock file (Word keeps it while the document is open): use the document itself"
    )


def test_report_without_a_messages_heading_says_what_was_looked_for(tmp_path):
    path = reports.no_heading_report(tmp_path / "report.docx")
    assert problem_of(path) == (
        f"{path.name}: no heading announces the key messages (looked for headings or bold paragraphs such as "
        "'Key messages', 'Main messages', 'Recommendations', 'Conclusions', 'Good practices', 'Challenges', "
        "'الرسائل الرئيسية', 'التوصيات', 'الاستنتاجات', 'Messages clés', 'Recommandations', 'Défis')"
    )


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    path = reports.zip_bomb(tmp_path / "report.docx")
    assert re.fullmatch(
        r"report\.docx: refused: the part 'word/document\.xml' expands \d+ times \(a zip bomb\?\)",
        problem_of(path),
    )


def test_document_type_declaration_is_refused(tmp_path):
    source = reports.english_report(tmp_path / "source.docx")
    path = reports.with_doctype(tmp_path / "report.docx", source)
    assert problem_of(path) == f"{path.name}: refused: the part 'word/document.xml' declares a document type"


def test_unsupported_format(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert problem_of(path) == f"{path.name}: unsupported format '.pdf' (expected .docx or .md)"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The participants agreed that the protection of migrants is a priority.", "en"),
        ("Les participants ont convenu que la protection des migrants est une priorité.", "fr"),
        ("اتفق المشاركون على أن حماية المهاجرين أولوية.", "ar"),
        ("اتفق المشاركون على A/RES/73/195 and the GCM.", "ar"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


# --- The command ----------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_ingest_writes_the_summary_to_the_sources(tmp_path):
    reports.english_report(Path("talks.docx"))
    result = run("ingest", "talks.docx", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote src/summaries/talks-2023.yaml: 5 messages.\n"
    assert result.stderr.splitlines() == [
        "talks.docx: note: read as 'en' (detected): 5 messages under 'Key messages', 'Recommendations'",
        "talks.docx: note: not a message (introduces the list that follows), under 'Key messages': "
        '"Participants agreed on the following key messages:"',
        "talks.docx: note: message m3: 'SDG 10' is not a GCM objective (a Sustainable Development Goal, "
        "or a number above 23); left out",
    ]
    written = yamlio.load(Path("src/summaries/talks-2023.yaml"))
    assert written["event"] == "talks-2023" and written["language"] == "en"
    assert [m["objectives"] for m in written["messages"]] == [["13", "7"], ["13"], ["1"], ["11"], []]
    assert written["messages"][3]["kind"] == "recommendation"


def test_ingest_refuses_to_overwrite_without_force(tmp_path):
    reports.english_report(Path("talks.docx"))
    Path("out.yaml").write_text("kept\n", encoding="utf-8")
    result = run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml")
    assert result.exit_code == 1
    assert result.stderr == "out.yaml: already exists; use --force to replace it\n"
    assert Path("out.yaml").read_text(encoding="utf-8") == "kept\n"
    assert run("ingest", "talks.docx", "--event", "talks-2023", "-o", "out.yaml", "--force").exit_code == 0
    assert yamlio.load(Path("out.yaml"))["event"] == "talks-2023"


def test_ingest_to_standard_output(tmp_path):
    path = Path("report.md")
    path.write_text(reports.ARABIC_MARKDOWN, encoding="utf-8")
    result = run("ingest", "report.md", "--event", "hearings-2024", "--lang", "ar", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Ingested by `outcome ingest` from report.md.\n")
    assert "language: ar\n" in result.stdout and "objectives: [15]" in result.stdout
    assert not Path("sources").exists()


def test_ingest_of_a_bad_report_writes_nothing(tmp_path):
    Path("report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    result = run("ingest", "report.doc", "--event", "talks-2023", "--sources", "src")
    assert result.exit_code == 1
    assert result.stderr == (
        "report.doc: a legacy Word 97-2003 document: open it in Word and save it as .docx, then ingest that\n"
        "1 problem in 1 file\n"
    )
    assert not Path("src").exists()


def test_ingest_usage_errors(tmp_path):
    reports.english_report(Path("talks.docx"))
    assert run("ingest", "talks.docx", "--event", "x", "--lang", "en", "--lang", "fr").exit_code == 2
    assert run("ingest", "talks.docx", "--event", "../x").exit_code == 2
    assert run("ingest", "talks.docx", "--event", "Talks 2023").exit_code == 2
    assert run("ingest", "talks.docx").exit_code == 2


def test_an_event_id_follows_the_rule_of_the_timeline(tmp_path):
    reports.english_report(Path("talks.docx"))
    result = run("ingest", "talks.docx", "--event", "Talks 2023", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--event': event id 'Talks 2023' is not a valid file name stem "
        "(expected lower-case letters, digits and single hyphens, e.g. gcm-talks-detention-2023)\n"
    )


def test_ingest_two_languages_into_one_summary(tmp_path):
    reports.arabic_report(Path("x.ar.docx"))
    reports.english_pair_report(Path("x.en.docx"))
    result = run("ingest", "x.ar.docx", "x.en.docx", "--event", "x", "-o", "x.yaml")
    assert result.exit_code == 0, result.output
    messages = yamlio.load(Path("x.yaml"))["messages"]
    assert len(messages) == 5 and set(messages[0]["text"]) == {"ar", "en"}


# --- Reports dropped into the sources -------------------------------------------------------------


def test_build_reads_reports_dropped_into_the_sources(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    (sources / "summaries" / "talks-2023.yaml").unlink()
    (sources / "reports").mkdir()
    reports.english_report(sources / "reports" / "talks-2023.en.docx")
    (sources / "reports" / "~$lks-2023.en.docx").write_bytes(b"lock")
    result = build(sources, tmp_path / "build", TEMPLATES, pdf_engine=PdfEngine.NONE)
    summary = next(s for s in result.corpus.summaries if s.event == "talks-2023")
    assert [m.uid for m in summary.messages] == [f"talks-2023#m{n}" for n in range(1, 6)]
    assert summary.messages[0].text["en"].startswith("Children should never")
    messages = [n.message for n in result.notices]
    assert "ignored: a Word lock file (the report is open in Word)" in messages
    assert (
        "not a message (introduces the list that follows), under 'Key messages': "
        '"Participants agreed on the following key messages:"'
    ) in messages
    assert (
        yamlio.load(tmp_path / "build" / "normalized" / "talks-2023.yaml")["source"]
        == "reports/talks-2023.en.docx"
    )


def test_a_yaml_summary_takes_precedence_over_reports(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    (sources / "reports").mkdir()
    reports.english_report(sources / "reports" / "talks-2023.en.docx")
    normalized = validate(sources)
    assert [n.message for n in normalized.notices] == [
        "not used: sources/summaries/talks-2023.yaml takes precedence over the reports"
    ]
    summary = next(s for s in normalized.corpus.summaries if s.event == "talks-2023")
    assert summary.messages[0].text["en"] == "Invest in migration data."


def test_report_problems_stop_the_build_with_their_file(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(BASE, sources)
    (sources / "summaries" / "talks-2023.yaml").unlink()
    (sources / "reports").mkdir()
    reports.no_heading_report(sources / "reports" / "talks-2023.en.docx")
    (sources / "reports" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        validate(sources)
    assert [(p.location.path.name, p.message.split(" (")[0]) for p in caught.value.problems] == [
        ("notes.txt", "unexpected file in reports/"),
        ("talks-2023.en.docx", "no heading announces the key messages"),
    ]
