"""Normalize: read each event's summary into clean, validated messages with stable ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import schema
from pipeline.collect import Corpus, ReportSource, SummarySource
from pipeline.errors import Location, Problem, SourceError
from pipeline.ingest import draft_summary, ingest, report_notes
from pipeline.ingest.language import detect_language
from pipeline.model import SOURCE_LANGUAGES, KeyMessage, Kind, Summary
from pipeline.schema import Diagnostics, Fields, load_yaml

SUMMARY_KEYS = ("event", "language", "illustrative", "messages")
SUMMARY_REQUIRED = ("event", "language", "messages")
MESSAGE_KEYS = ("id", "text", "objectives", "principles", "kind")
MESSAGE_REQUIRED = ("id", "text")
MESSAGE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
OBJECTIVES = range(1, 24)
PRINCIPLES = tuple("abcdefghij")


@dataclass(frozen=True)
class Normalized:
    """The corpus with every summary read and cleaned, and all problems found so far."""

    corpus: Corpus
    summaries: tuple[Summary, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Problem, ...]


def normalize(corpus: Corpus) -> Normalized:
    """Read and clean the summary of every event that collect found: YAML summaries, then reports."""
    diagnostics = Diagnostics()
    summaries = []
    for source in corpus.summaries:
        summary = read_summary(source, diagnostics)
        if summary is not None:
            summaries.append(summary)
    for event in dict.fromkeys(report.event for report in corpus.reports):
        reports = tuple(report for report in corpus.reports if report.event == event)
        summary = read_reports(event, reports, diagnostics)
        if summary is not None:
            summaries.append(summary)
    return Normalized(
        corpus=corpus,
        summaries=tuple(summaries),
        problems=corpus.problems + tuple(diagnostics.problems),
        notices=corpus.notices + tuple(diagnostics.notices),
    )


def read_reports(event: str, reports: tuple[ReportSource, ...], diagnostics: Diagnostics) -> Summary | None:
    """Return the summary made from an event's reports (one per language), as `outcome ingest` would."""
    try:
        draft, read = ingest(
            tuple(report.path for report in reports), event, tuple(report.language for report in reports)
        )
    except SourceError as error:
        diagnostics.problems.extend(error.problems)
        return None
    for report in read:
        detected = detect_language(" ".join(message.text for message in report.messages))
        if detected != report.language:
            diagnostics.notice(
                Location(report.path), f"named '{report.language}' but its messages read as '{detected}'"
            )
        diagnostics.notices.extend(report_notes(report))
    for note in draft.notes:
        diagnostics.notice(Location(reports[0].path), note)
    return draft_summary(draft)


def read_summary(source: SummarySource, diagnostics: Diagnostics) -> Summary | None:
    """Return the summary in a YAML file, or None when it has problems (recorded)."""
    content = load_yaml(source.path, diagnostics)
    if content is None:
        return None
    before = len(diagnostics.problems)
    fields = Fields(content, "the summary", diagnostics)
    if not fields.valid:
        return None
    fields.check(SUMMARY_KEYS, SUMMARY_REQUIRED, "the summary")
    event_value = fields.get("event")
    if event_value is not None:
        event = schema.text(event_value, "event", diagnostics)
        if event and event != source.event:
            diagnostics.problem(
                event_value.location,
                f"event '{event}' does not match the file name (expected '{source.event}')",
            )
    language = _language(fields.get("language"), diagnostics)
    illustrative = False
    if fields.get("illustrative") is not None:
        illustrative = schema.boolean(fields.get("illustrative"), "illustrative", diagnostics)
    messages = _messages(fields.get("messages"), source.event, language, diagnostics)
    if len(diagnostics.problems) != before:
        return None
    return Summary(
        event=source.event,
        language=language,
        illustrative=illustrative,
        messages=messages,
        location=fields.location,
    )


def _language(value, diagnostics: Diagnostics) -> str | None:
    if value is None:
        return None
    language = schema.text(value, "language", diagnostics)
    if language and language not in SOURCE_LANGUAGES:
        diagnostics.problem(
            value.location,
            f"unknown language '{language}' ({schema.expectation(language, SOURCE_LANGUAGES)})",
        )
        return None
    return language


def _messages(value, event: str, language: str | None, diagnostics: Diagnostics) -> tuple[KeyMessage, ...]:
    if value is None:
        return ()
    entries = schema.sequence(value, "messages", diagnostics)
    if entries is None:
        return ()
    if not entries:
        diagnostics.problem(value.location, "messages is empty (expected at least one message)")
    messages = []
    first_seen: dict[str, int] = {}
    for entry in entries:
        message = _message(entry, event, language, diagnostics)
        if message is None:
            continue
        if message.id in first_seen:
            diagnostics.problem(
                message.location,
                f"duplicate message id '{message.id}' (first at line {first_seen[message.id]})",
            )
            continue
        first_seen[message.id] = message.location.line
        messages.append(message)
    return tuple(messages)


def _message(entry, event: str, language: str | None, diagnostics: Diagnostics) -> KeyMessage | None:
    before = len(diagnostics.problems)
    fields = Fields(entry, "a message", diagnostics)
    if not fields.valid:
        return None
    id_value = fields.get("id")
    message_id = None
    if id_value is not None:
        message_id = schema.text(id_value, "id", diagnostics, "a message")
        if message_id and not MESSAGE_ID.fullmatch(message_id):
            diagnostics.problem(
                id_value.location,
                f"message id '{message_id}' has characters other than letters, digits, '.', '_' and '-'",
            )
    context = f"message '{message_id}'" if message_id else "a message"
    fields.check(MESSAGE_KEYS, MESSAGE_REQUIRED, context)
    text = None
    if fields.get("text") is not None:
        text = schema.localized(fields.get("text"), "text", diagnostics, context, default_language=language)
    kind = Kind.KEY_MESSAGE
    if fields.get("kind") is not None:
        kind = schema.choice(fields.get("kind"), Kind, "kind", diagnostics, context)
    message = KeyMessage(
        uid=f"{event}#{message_id}",
        event=event,
        id=message_id,
        text=text,
        objectives=_objectives(fields.get("objectives"), context, diagnostics),
        principles=_principles(fields.get("principles"), context, diagnostics),
        kind=kind,
        location=id_value.location if id_value is not None else fields.location,
    )
    return message if len(diagnostics.problems) == before else None


def _objectives(value, context: str, diagnostics: Diagnostics) -> tuple[int, ...]:
    if value is None:
        return ()
    items = schema.sequence(value, "objectives", diagnostics, context) or []
    objectives: list[int] = []
    for item in items:
        number = schema.integer(item, "an objective", diagnostics, context)
        if number is None:
            continue
        if number not in OBJECTIVES:
            diagnostics.problem(item.location, f"unknown objective {number} in {context} (expected 1–23)")
        elif number in objectives:
            diagnostics.problem(item.location, f"objective {number} is listed twice in {context}")
        else:
            objectives.append(number)
    return tuple(objectives)


def _principles(value, context: str, diagnostics: Diagnostics) -> tuple[str, ...]:
    if value is None:
        return ()
    items = schema.sequence(value, "principles", diagnostics, context) or []
    principles: list[str] = []
    for item in items:
        letter = schema.text(item, "a guiding principle", diagnostics, context)
        if letter is None:
            continue
        if letter not in PRINCIPLES:
            diagnostics.problem(
                item.location, f"unknown guiding principle '{letter}' in {context} (expected a letter a–j)"
            )
        elif letter in principles:
            diagnostics.problem(item.location, f"guiding principle '{letter}' is listed twice in {context}")
        else:
            principles.append(letter)
    return tuple(principles)
