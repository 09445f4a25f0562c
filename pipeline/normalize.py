"""Normalize: turn each event's summary, as collect read it, into clean, validated messages with
stable ids: a YAML summary through its record table, organisers' reports through ingest."""

from __future__ import annotations

import re
from typing import Any

from pipeline import schema
from pipeline.errors import Diagnostics, Location, SourceError, excerpt
from pipeline.gcm import Reference
from pipeline.ingest import analyse, combine, detect_language, draft_summary, report_notes
from pipeline.ingest.objectives import ObjectiveFinder
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import EVENT_ID, Corpus, KeyMessage, Kind, ReportFile, Sources, Summary, SummaryFile
from pipeline.records import Field, Placed, Reader, Record, Scope, closest, sequence
from pipeline.text import text_problems
from pipeline.translations import read_translated_from, stale, stale_note
from pipeline.yamlio import YValue

MESSAGE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
MESSAGE_UID = re.compile(rf"{EVENT_ID.pattern}#{MESSAGE_ID.pattern}")
_UID_COMPLAINT = (
    "{name}{where} is '{0}', which does not name a message "
    "(expected <event-id>#<message-id>, e.g. gcm-talks-detention-2023#m2)"
)


def normalize(sources: Sources, reference: Reference, diagnostics: Diagnostics) -> Corpus | None:
    """Return the corpus: every summary collect found, read and cleaned (YAML summaries, then
    reports). Summaries with problems are left out, their problems recorded in *diagnostics*;
    such a corpus is for the checks only (build.validate refuses it). None when review.yaml could
    not be read."""
    summaries = []
    unread = list(sources.unread)
    for source in sources.summaries:
        summary = read_summary(source, reference, diagnostics)
        if summary is not None:
            summaries.append(summary)
        else:
            unread.append((source.event, source.path))
    finder = ObjectiveFinder(reference)
    for event in dict.fromkeys(report.event for report in sources.reports):
        reports = tuple(report for report in sources.reports if report.event == event)
        summary = _summary_of_reports(event, reports, finder, diagnostics)
        if summary is not None:
            summaries.append(summary)
        else:
            unread.append((event, reports[0].report.path))
    _check_same_as(summaries, {event.id for event in sources.timeline if event.stakeholder}, diagnostics)
    _check_unprintable(sources, summaries, diagnostics)
    if sources.review is None:
        return None
    return Corpus(
        folder=sources.folder,
        review=sources.review,
        timeline=sources.timeline,
        front=sources.front,
        summaries=tuple(summaries),
        reference=reference,
        unread=tuple(dict.fromkeys(unread)),
    )


def _summary_of_reports(
    event: str, reports: tuple[ReportFile, ...], finder: ObjectiveFinder, diagnostics: Diagnostics
) -> Summary | None:
    """Return the summary made from an event's reports (one per language), as `outcome ingest` would.

    Every report is analysed, so that the problems of each are reported.
    """
    analysed = []
    for source in reports:
        try:
            analysed.append(analyse(source.report, finder, source.language))
        except SourceError as error:
            diagnostics.problems.extend(error.problems)
    if len(analysed) < len(reports):
        return None
    try:
        draft = combine(event, tuple(analysed))
    except SourceError as error:
        diagnostics.problems.extend(error.problems)
        return None
    for report in analysed:
        detected = detect_language(" ".join(message.text for message in report.messages))
        if detected != report.language:
            diagnostics.notice(
                Location(report.path), f"named '{report.language}' but its messages read as '{detected}'"
            )
        diagnostics.notices.extend(report_notes(report))
    diagnostics.notices.extend(draft.notes)
    return draft_summary(draft)


def _check_unprintable(sources: Sources, summaries: list[Summary], diagnostics: Diagnostics) -> None:
    """Report text from reports and front chapters that the documents cannot hold (the YAML
    sources' text is checked as it is read, in schema.text)."""
    reports = {(report.event, report.language): report.report.path for report in sources.reports}
    for summary in summaries:
        if summary.source not in reports.values():
            continue
        for message in summary.messages:
            for language, written in message.text.items():
                path = reports.get((summary.event, language))
                location = Location(path) if path else message.location
                for problem in text_problems(written):
                    diagnostics.problem(location, f"message '{message.id}': {problem}")
    for chapter in sources.front:
        for number, paragraph in enumerate(chapter.paragraphs, start=1):
            for problem in text_problems(paragraph):
                diagnostics.problem(chapter.location, f"paragraph {number}: {problem}")


def _check_same_as(summaries: list[Summary], stakeholders: set[str], diagnostics: Diagnostics) -> None:
    """Report a `same_as` that names no message, the message itself, a message that is itself the
    same as another (name that one instead), or a message of the other part (main body or annex)."""
    messages = {message.uid: message for summary in summaries for message in summary.messages}
    for message in messages.values():
        target = message.same_as
        if target is None:
            continue
        subject = f"same_as '{target}' in message '{message.uid}'"
        if target == message.uid:
            diagnostics.problem(message.location, f"{subject} names the message itself")
        elif target not in messages:
            suggestion = closest(target, messages)
            diagnostics.problem(
                message.location,
                f"{subject} names no message" + (f" (did you mean '{suggestion}'?)" if suggestion else ""),
            )
        elif (further := messages[target].same_as) is not None:
            diagnostics.problem(
                message.location, f"{subject} names a message that is the same as '{further}': name that one"
            )
        elif (message.event in stakeholders) != (messages[target].event in stakeholders):
            parts = ("the annex", "the main body")
            mine, theirs = parts if message.event in stakeholders else parts[::-1]
            diagnostics.problem(
                message.location,
                f"{subject} names a message of {theirs}, while this one stands in {mine}: "
                "a message can only be the same as one of its own part",
            )


def read_summary(source: SummaryFile, reference: Reference, diagnostics: Diagnostics) -> Summary | None:
    """Return the summary in a YAML file, or None when it has problems (recorded)."""
    return summary_record(source, reference).read(source.content, Scope(diagnostics))


def summary_record(source: SummaryFile, reference: Reference) -> Record[Summary]:
    """Return how the summary in *source* is read."""

    def event(value: YValue, name: str, scope: Scope) -> str | None:
        written = schema.text(value, name, scope)
        if written and written != source.event:
            scope.problem(
                value.location,
                f"event '{excerpt(written)}' does not match the file name (expected '{source.event}')",
            )
        return written

    def make(values: dict[str, Any], placed: Placed) -> Summary:
        return Summary(
            event=source.event,
            language=values["language"],
            illustrative=values["illustrative"],
            source=source.path,
            messages=values["messages"],
            samples=(placed.keys.get("illustrative", Location(source.path)),)
            if values["illustrative"]
            else (),
        )

    return Record(
        "the summary",
        {
            "event": Field(event),
            "language": Field(schema.one_of(SOURCE_LANGUAGES)),
            "illustrative": Field(schema.boolean, default=False),
            "messages": Field(_messages(source.event, reference), after="language"),
        },
        make,
    )


def _messages(event: str, reference: Reference) -> Reader[tuple[KeyMessage, ...]]:
    def read(value: YValue, name: str, scope: Scope) -> tuple[KeyMessage, ...] | None:
        entries = sequence(value, name, scope)
        if entries is None:
            return None
        if not entries:
            scope.problem(value.location, "messages is empty (expected at least one message)")
        record = message_record(event, scope.values.get("language"), reference)
        messages: list[KeyMessage] = []
        first_seen: dict[str, int] = {}
        for entry in entries:
            message = record.read(entry, scope)
            if message is None:
                continue
            if message.id in first_seen:
                scope.problem(
                    message.location,
                    f"duplicate message id '{message.id}' (first at line {first_seen[message.id]})",
                )
                continue
            first_seen[message.id] = message.location.line
            messages.append(message)
            for translation in stale(message):
                scope.notice(message.location, stale_note(message.uid, translation))
        return tuple(messages)

    return read


def message_record(event: str, language: str | None, reference: Reference) -> Record[KeyMessage]:
    """Return how a message of *event*'s summary, written in *language*, is read."""
    return Record(
        "a message",
        {
            "id": Field(
                schema.identifier(
                    MESSAGE_ID, "message id '{}' has characters other than letters, digits, '.', '_' and '-'"
                )
            ),
            "text": Field(schema.localized(default_language=language)),
            "objectives": Field(_objectives(reference), default=()),
            "principles": Field(_principles(reference), default=()),
            "kind": Field(schema.choice(Kind), default=Kind.KEY_MESSAGE),
            "same_as": Field(schema.identifier(MESSAGE_UID, _UID_COMPLAINT), default=None),
            "distinct_from": Field(schema.identifiers(MESSAGE_UID, _UID_COMPLAINT), default=()),
            "translated_from": Field(read_translated_from, default=(), after="text"),
            "note": Field(schema.free_text, default=None),
        },
        lambda values, placed: KeyMessage(
            uid=f"{event}#{values['id']}", event=event, location=placed.location, **values
        ),
        named_by=("id", "message"),
    )


def _objectives(reference: Reference) -> Reader[tuple[int, ...]]:
    numbers = reference.objective_numbers
    expected = f"expected {numbers[0]}–{numbers[-1]}"

    def read(value: YValue, name: str, scope: Scope) -> tuple[int, ...] | None:
        objectives: list[int] = []
        for item in sequence(value, name, scope) or []:
            digits = schema.digits_of(item)
            if digits and len(digits) > len(str(numbers[-1])):  # never converted: it may be huge
                shown = excerpt(digits, 20) + (f" ({len(digits):,} digits)" if len(digits) > 20 else "")
                scope.problem(item.location, f"unknown objective {shown} in {scope.context} ({expected})")
                continue
            number = schema.integer(item, "an objective", scope)
            if number is None:
                continue
            if number not in numbers:
                scope.problem(item.location, f"unknown objective {number} in {scope.context} ({expected})")
            elif number in objectives:
                scope.problem(item.location, f"objective {number} is listed twice in {scope.context}")
            else:
                objectives.append(number)
        return tuple(objectives)

    return read


def _principles(reference: Reference) -> Reader[tuple[str, ...]]:
    letters = reference.principle_letters
    expected = f"expected a letter {letters[0]}–{letters[-1]}"

    def read(value: YValue, name: str, scope: Scope) -> tuple[str, ...] | None:
        principles: list[str] = []
        for item in sequence(value, name, scope) or []:
            letter = schema.text(item, "a guiding principle", scope)
            if letter is None:
                continue
            if letter not in letters:
                scope.problem(
                    item.location, f"unknown guiding principle '{letter}' in {scope.context} ({expected})"
                )
            elif letter in principles:
                scope.problem(
                    item.location, f"guiding principle '{letter}' is listed twice in {scope.context}"
                )
            else:
                principles.append(letter)
        return tuple(principles)

    return read
