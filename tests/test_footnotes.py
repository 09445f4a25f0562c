"""Footnotes as a UN editor writes them: the full reference the first time a meeting is cited,
"Ibid." for the meeting of the note just before in a new section, a short form later; a paragraph
that follows one from the same meeting calls its note again; no two notes in a row say the same;
the annex's notes lettered, in the Word file and the PDF."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given

from pipeline.languages import ARABIC, ENGLISH, Localized
from pipeline.render.notes import footnotes
from tests.test_merge import corpora, event, merged, message, review, summary
from tests.test_render_docx import NS, W, part, text_of
from tests.test_render_pdf import needs_poppler, pdf_text


@pytest.fixture(scope="module")
def built(rendered) -> Path:
    return rendered


def notes_of(outcome, language=ENGLISH):
    return footnotes(outcome, language, lambda text: (text or Localized()).get(language.code) or "")


def test_full_then_shared_then_ibid_then_short():
    day = datetime.date(2024, 1, 1)
    events = (event("a", day), event("b", day + datetime.timedelta(days=1)))
    messages_a = [
        message("a", "one", (1,)),  # round table 4, objective 1
        message("a", "two", (1,)),  # the same section: calls the note of "one"
        message("a", "three", (3,)),  # a new section, the same meeting: Ibid.
        message("a", "four", (7,)),  # after an Ibid. of the same meeting: calls it again
    ]
    outcome = merged(
        review(),
        events,
        (summary("a", messages_a), summary("b", [message("b", "x", (23,)), message("b", "y", ())])),
    )
    notes = notes_of(outcome)
    order = [p.message.uid for p in outcome.body.paragraphs()]
    written = [(notes[uid].text, notes[uid].shared, notes[uid].mark) for uid in order]
    full_a = "Event (Organizer, 1\u00a0January\u00a02024)."
    full_b = "Event (Organizer, 2\u00a0January\u00a02024)."
    assert written == [
        (full_a, False, "1"),
        (full_a, True, "1"),
        ("Ibid.", False, "2"),
        ("Ibid.", True, "2"),
        (full_b, False, "3"),
        ("Ibid.", False, "4"),
    ]


def test_each_message_paragraph_calls_a_footnote_naming_its_event(built):
    """The four body messages come from one meeting, each in a section of its own: the full
    reference, "Ibid." in the next section, then that note called again; the annex's note is
    lettered."""
    for language, full, ibid, annex in (
        (
            "en",
            "GCM Talks (IOM, July\u00a02023).",
            "Ibid.",
            "Stakeholder hearings (ESCWA, 2\u00a0July\u00a02024).",
        ),
        (
            "ar",
            "محادثات الاتفاق العالمي (المنظمة الدولية للهجرة، تموز/\u2060يوليه\u00a02023).",
            "المرجع نفسه.",
            "جلسات الاستماع لأصحاب المصلحة (الإسكوا، 2\u00a0تموز/\u2060يوليه\u00a02024).",
        ),
    ):
        document = built / f"outcome.{language}.docx"
        body = part(document, "word/document.xml")
        footnotes = part(document, "word/footnotes.xml")
        styles = [(p, p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val")) for p in body.iter(f"{{{W}}}p")]
        chapter_three = [index for index, (_, style) in enumerate(styles) if style == "Heading1"][2]
        before = [p for p, style in styles[:chapter_three] if style == "NumberedParagraph"]
        paragraphs = [p for p, style in styles[chapter_three:] if style == "NumberedParagraph"]
        assert len(before) == 3 and not any(p.findall(".//w:footnoteReference", NS) for p in before)
        notes = {n.get(f"{{{W}}}id"): text_of(n) for n in footnotes.findall("w:footnote", NS)}
        calls = []
        for paragraph in paragraphs:
            (mark,) = [
                run
                for run in paragraph.iter(f"{{{W}}}r")
                if run.find("w:rPr/w:rStyle", NS) is not None
                and run.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "FootnoteReference"
            ]
            reference = mark.find("w:footnoteReference", NS)
            called = notes[reference.get(f"{{{W}}}id")] if reference is not None else "(again)"
            calls.append((called, text_of(mark)))
        letter = {"en": "a", "ar": "أ"}[language]
        assert calls == [
            (full, ""),
            (ibid, ""),
            ("(again)", "2"),
            ("(again)", "2"),
            (letter + annex, letter),  # a lettered note: its mark written before its text
        ]


def test_a_later_citation_is_short_and_the_annex_is_lettered_on_its_own():
    day = datetime.date(2024, 1, 1)
    events = (
        event("a", day),
        event("b", day + datetime.timedelta(days=1)),
        event("s", day, stakeholder=True),
    )
    summaries = (
        summary("a", [message("a", "one", (2,)), message("a", "three", (6,))]),  # objectives 2 and 6: RT 1
        summary("b", [message("b", "two", (5,))]),  # objective 5, between them
        summary("s", [message("s", "h", (13,)), message("s", "i", (21,))]),
    )
    outcome = merged(review(), events, summaries)
    for language, short, ibid, first in (
        (ENGLISH, "Event, 1\u00a0January\u00a02024.", "Ibid.", "a"),
        (ARABIC, "حدث، 1\u00a0كانون\u00a0الثاني/\u2060يناير\u00a02024.", "المرجع نفسه.", "أ"),
    ):
        notes = notes_of(outcome, language)
        body = [notes[p.message.uid] for p in outcome.body.paragraphs()]
        annex = [notes[p.message.uid] for p in outcome.annex.paragraphs()]
        assert [note.mark for note in body] == ["1", "2", "3"] and body[2].text == short
        assert [(note.text, note.mark) for note in annex][1] == (ibid, language.note_letter(2))
        assert annex[0].mark == first and annex[0].lettered and not body[0].lettered


@given(corpora())
def test_no_two_notes_in_a_row_say_the_same(corpus):
    events, summaries, group_by = corpus
    outcome = merged(review(group_by), events, summaries)
    notes = notes_of(outcome)
    for section in (outcome.body, outcome.annex):
        written = [notes[p.message.uid] for p in section.paragraphs()]
        own = [note.text for note in written if not note.shared]
        assert all(first != second for first, second in zip(own, own[1:], strict=False))
        assert all(
            note.shared or note.id == f"{'body' if section is outcome.body else 'annex'}-{n}"
            for n, note in enumerate((w for w in written if not w.shared), start=1)
        )


@needs_poppler
def test_the_pdf_letters_the_annex_notes_and_says_ibid(built):
    text = pdf_text(built / "outcome.en.pdf")
    body, annex = text.split("Key messages of the stakeholder consultations")
    assert "Ibid." in body
    # The annex's one message calls note "a", and the note reads "a" then its reference.
    assert "End child detention.a" in annex
    assert (
        "\na\n" in annex and "Stakeholder hearings (ESCWA, 2 July 2024)." in annex
    )  # as pdftotext spaces it
