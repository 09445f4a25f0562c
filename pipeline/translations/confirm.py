"""`outcome translations confirm UID`: an editor who has brought a message's translations up to
date with its text says so; each translation's record then names the text as it is now."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.build import read_sources
from pipeline.errors import PipelineError, display_path
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import KeyMessage, Summary
from pipeline.records import closest
from pipeline.translations import record
from pipeline.translations.yamledit import SummaryFile


@dataclass(frozen=True)
class Confirmed:
    """What was written: the summary file and, per language, its new record."""

    path: Path
    uid: str
    records: dict[str, str]

    def describe(self) -> str:
        done = ", ".join(
            f"'{language}' as translated from '{value}'" for language, value in self.records.items()
        )
        return f"{display_path(self.path)}: message '{self.uid}': confirmed {done}."


def find_message(sources: Path, uid: str) -> tuple[Summary, KeyMessage]:
    """Return the summary and the message whose id is *uid* (`<event>#<id>`)."""
    corpus, _ = read_sources(sources)
    messages = {
        message.uid: (summary, message) for summary in corpus.summaries for message in summary.messages
    }
    if uid not in messages:
        suggestion = closest(uid, sorted(messages))
        raise PipelineError(
            f"no message '{uid}' in {display_path(sources)} (expected <event-id>#<message-id>"
            + (f"; did you mean '{suggestion}'?)" if suggestion else ")")
        )
    return messages[uid]


def confirm(sources: Path, uid: str) -> Confirmed:
    """Record that each translation of the message *uid* was made from its current text (the
    text in its summary's language), in the summary's YAML; every other line kept."""
    summary, message = find_message(sources, uid)
    path = message.location.path
    if path.suffix != ".yaml":
        raise PipelineError(
            f"{display_path(path)}: message '{uid}' comes from a report; ingest it into a YAML summary "
            "first (outcome ingest), then confirm its translations there"
        )
    source = summary.language
    if not message.text.get(source):
        raise PipelineError(
            f"{message.location}: message '{uid}' has no '{source}' text (its summary's language): "
            "nothing its translations could be made from"
        )
    records = {
        language: record(message.text, language, source)
        for language in SOURCE_LANGUAGES
        if language != source and message.text.get(language)
    }
    if not records:
        raise PipelineError(f"{message.location}: message '{uid}' has no translation to confirm")
    edited = SummaryFile(path)
    edited.set_entries(message.id, "translated_from", records)
    edited.save()
    return Confirmed(path, uid, records)


@dataclass(frozen=True)
class Baseline:
    """What `confirm --all` recorded: per summary file, the messages."""

    recorded: dict[Path, list[str]]

    def describe(self) -> str:
        count = sum(map(len, self.recorded.values()))
        if not count:
            return "Every translation already has its record: nothing written."
        return (
            f"Recorded the source text of {count} message{'s' * (count != 1)}' translations in "
            f"{len(self.recorded)} summar{'ies' if len(self.recorded) != 1 else 'y'}."
        )


def confirm_unrecorded(sources: Path) -> Baseline:
    """Record, for every translation that has no record yet (typed by hand before records
    existed), the text it matches now; a translation that has a record, stale or not, is left
    as it is (a stale one is confirmed by its own id, once corrected)."""
    corpus, _ = read_sources(sources)
    recorded: dict[Path, list[str]] = {}
    for summary in corpus.summaries:
        path = summary.source
        if path.suffix != ".yaml":
            continue
        edited = SummaryFile(path)
        for message in summary.messages:
            source = summary.language
            known = {translation.language for translation in message.translated_from}
            records = {
                language: record(message.text, language, source)
                for language in SOURCE_LANGUAGES
                if language not in (source, *known)
                and message.text.get(language)
                and message.text.get(source)
            }
            if records:
                edited.set_entries(message.id, "translated_from", records)
                recorded.setdefault(path, []).append(message.uid)
        if path in recorded:
            edited.save()
    return Baseline(recorded)
