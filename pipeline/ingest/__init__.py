"""Ingest: turn organisers' summary reports (Word, Markdown) into the summary format.

A library of readers and detectors: `reader` reads a report through pandoc, `sections` finds the
messages under the heading that announces them, `objectives` the GCM objectives a text names,
`language` the language it is written in. `analyse` applies them to one report read; `combine`
(in `draft`) aligns the reports of one event in several languages, message by message, into one
draft summary; unequal counts are an error, never guessed. Collect and normalize use them for
reports dropped into sources/reports/; `ingest` is what `outcome ingest` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import files
from pipeline.errors import Location, PipelineError, Problem, SourceError, display_path
from pipeline.ingest.draft import Draft, IngestedMessage, IngestedReport, combine, draft_summary
from pipeline.ingest.language import clearly_not, detect_language
from pipeline.ingest.objectives import ObjectiveFinder
from pipeline.ingest.reader import read_report
from pipeline.ingest.reingest import merged_with
from pipeline.ingest.sections import LeftOut, find_messages
from pipeline.languages import LANGUAGES
from pipeline.model import Report, event_id_problem
from pipeline.reference import load_reference

__all__ = [
    "Draft",
    "Ingested",
    "IngestedReport",
    "ObjectiveFinder",
    "analyse",
    "combine",
    "detect_language",
    "draft_summary",
    "ingest",
    "read_reports",
    "report_notes",
]

HEADINGS_LOOKED_FOR = (
    "Key messages",
    "Main messages",
    "Recommendations",
    "Conclusions",
    "Good practices",
    "Challenges",
    "الرسائل الرئيسية",
    "التوصيات",
    "الاستنتاجات",
    "Messages clés",
    "Recommandations",
    "Défis",
)


def analyse(report: Report, finder: ObjectiveFinder, language: str | None = None) -> IngestedReport:
    """Return what *report* says: its language (*language*, else detected) and its messages.

    Raise SourceError when no heading announces messages or nothing under it can be one.
    """
    path = report.path
    detected = language is None
    text = " ".join(block.text for block in report.blocks)
    reads_as = None if language is None else clearly_not(text, language)
    if language is None:
        language = detect_language(text)
    sections = find_messages(report.blocks)
    lost = tuple(
        LeftOut(text, "not read by pandoc (beside a text box?): check the report", "")
        for text in report.unread
    )
    if not sections.headings:
        raise SourceError(
            [
                Problem(
                    Location(path),
                    "no heading announces the key messages (looked for headings or bold paragraphs such as "
                    + ", ".join(f"'{heading}'" for heading in HEADINGS_LOOKED_FOR)
                    + ")",
                )
            ]
        )
    if not sections.messages:
        raise SourceError(
            [
                Problem(
                    Location(path),
                    f"nothing under the heading '{sections.headings[0]}' can be a message"
                    + "".join(f"; {item.reason}" for item in sections.left_out if "table" in item.reason),
                )
            ]
        )
    messages = []
    for candidate in sections.messages:
        found = finder.find(candidate.text)
        # Items under a sub-heading such as "Objective 13: alternatives to detention" take its objectives too.
        inherited = finder.find(candidate.subheading).objectives if candidate.subheading else ()
        objectives = found.objectives + tuple(
            number for number in inherited if number not in found.objectives
        )
        messages.append(
            IngestedMessage(
                candidate.text, candidate.kind, objectives, found.ignored, candidate.notes, found.accepted
            )
        )
    return IngestedReport(
        path=path,
        language=language,
        detected=detected,
        messages=tuple(messages),
        headings=sections.headings,
        left_out=sections.left_out + lost,
        illustrative=report.illustrative,
        reads_as=reads_as,
        notes=report.notes,
    )


def read_reports(
    paths: tuple[Path, ...],
    event: str,
    languages: tuple[str, ...],
    finder: ObjectiveFinder,
    force_lang: bool = False,
) -> tuple[Draft, tuple[IngestedReport, ...]]:
    """Read the reports at *paths* of *event* (in the given *languages*, else detected) into one draft.

    A given language the text clearly is not written in is a problem, unless *force_lang*.
    Problems of every report are gathered and raised together as one SourceError.
    """
    problems: list[Problem] = []
    read: list[IngestedReport] = []
    for index, path in enumerate(paths):
        try:
            analysed = analyse(read_report(path), finder, languages[index] if languages else None)
        except SourceError as error:
            problems.extend(error.problems)
            continue
        read.append(analysed)
        if analysed.reads_as and not force_lang:
            actual, given = LANGUAGES[analysed.reads_as].name, LANGUAGES[analysed.language].name
            problems.append(
                Problem(
                    Location(path),
                    f"the report is in {actual}, not {given} (--lang {analysed.language}): leave out --lang, "
                    f"or use --force-lang to read it as {given} all the same",
                )
            )
    if problems:
        raise SourceError(problems)
    return combine(event, tuple(read)), tuple(read)


def report_notes(report: IngestedReport, accepted: bool = False) -> tuple[Problem, ...]:
    """Return what an editor should read about *report*: text left out, mentions not taken, and
    with *accepted* (`outcome ingest`'s report) the words each message's objectives were read from."""
    location = Location(report.path)
    notes = [Problem(location, note) for note in report.notes]
    notes += [
        Problem(location, f"not a message ({item.reason}), under '{item.heading}': {_excerpt(item.text)}")
        for item in report.left_out
    ]
    for number, message in enumerate(report.messages, start=1):
        if accepted and message.accepted:
            read = "; ".join(f"{_numbers(m.numbers)} from '{m.phrase}'" for m in message.accepted)
            notes.append(Problem(location, f"message m{number}: objectives {read}"))
        notes.extend(
            Problem(
                location,
                f"message m{number}: '{mention.phrase}' is not a GCM objective "
                "(a Sustainable Development Goal, or a number above 23); left out",
            )
            for mention in message.ignored
        )
    return tuple(notes)


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(map(str, numbers))


def _excerpt(text: str, length: int = 90) -> str:
    return f'"{text if len(text) <= length else text[: length - 1] + "…"}"'


@dataclass(frozen=True)
class Ingested:
    """What `outcome ingest` made: the draft summary as YAML, where it was written (None: nowhere),
    and what the editor should read about it."""

    draft: Draft
    text: str
    written: Path | None
    notices: tuple[Problem, ...]

    def describe(self) -> str:
        """Return the line that tells what was made, and where it was written."""
        messages = f"{len(self.draft.messages)} messages"
        return f"Wrote {display_path(self.written)}: {messages}." if self.written else f"Read {messages}."


def ingest(
    paths: tuple[Path, ...],
    event: str,
    languages: tuple[str, ...] = (),
    output: Path | None = None,
    force: bool = False,
    force_lang: bool = False,
    explain: bool = False,
) -> Ingested:
    """Read the reports at *paths* of *event* into a draft summary, and write it to *output*;
    with *explain*, the notes also give the words each message's objectives were read from.

    With no *output*, nothing is written (the caller prints `text`). Refuse to replace an existing
    file unless *force*; then keep what an editor typed into it, or refuse (reingest.merged_with).
    """
    if problem := event_id_problem(event):
        raise PipelineError(problem)
    if output is not None and output.exists() and not force:
        raise PipelineError(f"{display_path(output)}: already exists; use --force to replace it")
    draft, read = read_reports(paths, event, languages, ObjectiveFinder(load_reference()), force_lang)
    notices: list[Problem] = []
    for report in read:
        how = "detected" if report.detected else "given"
        if report.reads_as:
            how = f"given with --force-lang, though the text reads as '{report.reads_as}'"
        headings = ", ".join(f"'{heading}'" for heading in report.headings)
        notices.append(
            Problem(
                Location(report.path),
                f"read as '{report.language}' ({how}): {len(report.messages)} messages under {headings}",
            )
        )
        notices.extend(report_notes(report, accepted=explain))
    text = draft.yaml()
    if output is not None and output.exists():
        # --force: what the editor typed into the summary is kept, or the command stops.
        merged, kept = merged_with(draft, output)
        text = draft.yaml(merged)
        notices.extend(kept)
    if output is not None:
        files.write_text(output, text)  # whole or not at all: the summary an editor will edit
    return Ingested(draft, text, output, (*notices, *draft.notes))
