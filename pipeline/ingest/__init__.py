"""Ingest: turn organisers' summary reports (Word, Markdown) into the summary format.

`ingest_report` reads one report: its language, its messages with their kind and objectives,
and what under a messages heading did not become a message. `combine` aligns the reports of one
event in several languages, message by message, into one draft summary; unequal counts are an
error, never guessed. The same functions serve `outcome ingest` and reports dropped into
sources/reports/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import yamlio
from pipeline.errors import Location, PipelineError, Problem, SourceError, display_path
from pipeline.ingest.language import detect_language
from pipeline.ingest.objectives import Reference, find_objectives
from pipeline.ingest.reader import read_report, unread_paragraphs
from pipeline.ingest.sections import LeftOut, find_messages
from pipeline.model import SOURCE_LANGUAGES, KeyMessage, Kind, Localized, Summary

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


@dataclass(frozen=True)
class IngestedMessage:
    text: str
    kind: Kind
    objectives: tuple[int, ...]
    ignored: tuple[Reference, ...]


@dataclass(frozen=True)
class IngestedReport:
    """What one report says: its language (given or detected) and its messages."""

    path: Path
    language: str
    detected: bool
    messages: tuple[IngestedMessage, ...]
    headings: tuple[str, ...]
    left_out: tuple[LeftOut, ...]
    illustrative: bool = False


@dataclass(frozen=True)
class DraftMessage:
    id: str
    text: Localized
    kind: Kind
    objectives: tuple[int, ...]


@dataclass(frozen=True)
class Draft:
    """A summary made from reports, and the notes an editor should read about it."""

    event: str
    language: str
    messages: tuple[DraftMessage, ...]
    sources: tuple[Path, ...]
    notes: tuple[str, ...] = field(default=())
    illustrative: bool = False


def ingest_report(path: Path, language: str | None = None) -> IngestedReport:
    """Read the report at *path*; raise SourceError when it is unreadable or announces no messages."""
    read = read_report(path)
    blocks = read.blocks
    detected = language is None
    if language is None:
        language = detect_language(" ".join(block.text for block in blocks))
    sections = find_messages(blocks)
    lost = tuple(
        LeftOut(text, "not read by pandoc (beside a text box?): check the report", "")
        for text in unread_paragraphs(path, blocks)
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
            [Problem(Location(path), f"nothing under the heading '{sections.headings[0]}' can be a message")]
        )
    messages = []
    for candidate in sections.messages:
        found = find_objectives(candidate.text)
        # Items under a sub-heading such as "Objective 13: alternatives to detention" take its objectives too.
        inherited = find_objectives(candidate.subheading).objectives if candidate.subheading else ()
        objectives = found.objectives + tuple(
            number for number in inherited if number not in found.objectives
        )
        messages.append(IngestedMessage(candidate.text, candidate.kind, objectives, found.ignored))
    return IngestedReport(
        path=path,
        language=language,
        detected=detected,
        messages=tuple(messages),
        headings=sections.headings,
        left_out=sections.left_out + lost,
        illustrative=read.illustrative,
    )


def combine(event: str, reports: tuple[IngestedReport, ...]) -> Draft:
    """Return one draft summary from the reports of *event*, one per language, aligned by position."""
    languages = [report.language for report in reports]
    duplicated = sorted({language for language in languages if languages.count(language) > 1})
    if duplicated:
        raise SourceError(
            [
                Problem(Location(r.path), f"another report of event '{event}' is also in '{r.language}'")
                for r in reports
                if r.language in duplicated
            ]
        )
    counts = {report.path.name: len(report.messages) for report in reports}
    if len(set(counts.values())) > 1:
        written = ", ".join(f"{name} has {count}" for name, count in counts.items())
        raise SourceError(
            [
                Problem(
                    Location(report.path),
                    f"the reports of event '{event}' do not have the same number of messages ({written}): "
                    "they cannot be aligned message by message; fix the reports or ingest them one at a time",
                )
                for report in reports
            ]
        )
    notes = []
    messages = []
    first = reports[0]
    for index in range(len(first.messages)):
        versions = [report.messages[index] for report in reports]
        objectives: list[int] = []
        for version in versions:
            objectives.extend(number for number in version.objectives if number not in objectives)
        kinds = {version.kind for version in versions}
        if len(kinds) > 1:
            notes.append(
                f"message m{index + 1}: the reports give different kinds; kept '{versions[0].kind.value}'"
            )
        texts = {report.language: report.messages[index].text for report in reports}
        messages.append(
            DraftMessage(f"m{index + 1}", Localized(**texts), versions[0].kind, tuple(objectives))
        )
    language = min(languages, key=SOURCE_LANGUAGES.index)
    return Draft(
        event,
        language,
        tuple(messages),
        tuple(report.path for report in reports),
        tuple(notes),
        illustrative=any(report.illustrative for report in reports),
    )


def ingest(
    reports: tuple[Path, ...], event: str, languages: tuple[str, ...] = ()
) -> tuple[Draft, tuple[IngestedReport, ...]]:
    """Read *reports* of *event* (in the given *languages*, else detected) into one draft summary.

    Problems of every report are gathered and raised together as one SourceError.
    """
    problems: list[Problem] = []
    read: list[IngestedReport] = []
    for index, path in enumerate(reports):
        try:
            read.append(ingest_report(path, languages[index] if languages else None))
        except SourceError as error:
            problems.extend(error.problems)
    if problems:
        raise SourceError(problems)
    return combine(event, tuple(read)), tuple(read)


def report_notes(report: IngestedReport) -> tuple[Problem, ...]:
    """Return what an editor should read about *report*: text left out, references not taken."""
    location = Location(report.path)
    notes = [
        Problem(location, f"not a message ({item.reason}), under '{item.heading}': {_excerpt(item.text)}")
        for item in report.left_out
    ]
    for number, message in enumerate(report.messages, start=1):
        notes.extend(
            Problem(
                location,
                f"message m{number}: '{reference.phrase}' is not a GCM objective "
                "(a Sustainable Development Goal, or a number above 23); left out",
            )
            for reference in message.ignored
        )
    return tuple(notes)


def _excerpt(text: str, length: int = 90) -> str:
    return f'"{text if len(text) <= length else text[: length - 1] + "…"}"'


def write_draft(draft: Draft, output: Path, force: bool = False) -> None:
    """Write *draft* as a summary YAML file; refuse to replace an existing file unless *force*."""
    if output.exists() and not force:
        raise PipelineError(f"{display_path(output)}: already exists; use --force to replace it")
    yamlio.dump(draft_data(draft), output, header=draft_header(draft))


def draft_header(draft: Draft) -> str:
    names = ", ".join(path.name for path in draft.sources)
    return (
        f"Ingested by `outcome ingest` from {names}.\n"
        "Check each message, its objectives (the first is the primary one) and its kind before building."
    )


def draft_data(draft: Draft) -> dict:
    """Return *draft* in the summary format, as plain data for YAML."""
    data = {"event": draft.event, "language": draft.language}
    if draft.illustrative:
        data["illustrative"] = True
    return {
        **data,
        "messages": [
            {
                "id": message.id,
                "kind": message.kind.value,
                "objectives": list(message.objectives),
                "text": {language: message.text.get(language) for language in message.text.languages},
            }
            for message in draft.messages
        ],
    }


def draft_summary(draft: Draft) -> Summary:
    """Return *draft* as a normalized Summary, its messages located in the first report."""
    location = Location(draft.sources[0])
    return Summary(
        event=draft.event,
        language=draft.language,
        illustrative=draft.illustrative,
        messages=tuple(
            KeyMessage(
                uid=f"{draft.event}#{message.id}",
                event=draft.event,
                id=message.id,
                text=message.text,
                objectives=message.objectives,
                principles=(),
                kind=message.kind,
                location=location,
            )
            for message in draft.messages
        ),
        location=location,
    )
