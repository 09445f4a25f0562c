"""Ingesting organisers' reports: the messages their authors meant, in order, with their objectives."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.ingest import IngestedReport, combine
from pipeline.ingest.draft import IngestedMessage
from pipeline.ingest.language import detect_language
from pipeline.ingest.sections import heading_kind
from pipeline.model import Kind
from tests import reports

ingest_report = reports.ingest_report


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


def test_items_take_the_objectives_of_their_sub_heading_and_keep_their_footnotes(tmp_path):
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
        ("a sub-heading", "Objective 21"),
    ]
    assert [message.notes for message in report.messages] == [("As UNICEF said in 2023.",), (), ()]


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
