"""What translators are given and what they give back: one unit per message, in XLIFF 2 or in a
two-column Word table (pipeline.translations.xliff, pipeline.translations.table)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Location
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import Corpus, KeyMessage, Summary
from pipeline.translations import stale_languages


@dataclass(frozen=True)
class Unit:
    """A message to translate into *target*: its text in *source*, and the translation it has
    (empty when it has none, the stale one when its source changed since)."""

    uid: str
    source: str
    source_text: str
    target: str
    target_text: str
    stale: bool
    event: str
    event_title: str
    objectives: tuple[int, ...]
    location: Location


@dataclass(frozen=True)
class Returned:
    """A unit as a translator's file gives it back: where in that file, and what it says."""

    uid: str
    source: str
    source_text: str
    target: str
    target_text: str
    where: Location
    markup: bool = False  # the target holds inline codes (XLIFF elements) the pipeline cannot keep


def source_language(summary: Summary, message: KeyMessage) -> str | None:
    """Return the language *message* is translated from: its summary's, else the first it has."""
    if message.text.get(summary.language):
        return summary.language
    return next((code for code in SOURCE_LANGUAGES if message.text.get(code)), None)


def units(corpus: Corpus, target: str, every: bool = False) -> tuple[list[Unit], list[KeyMessage]]:
    """Return the units of the messages that need a *target* text (missing or stale; every
    message with *every*), and the messages left out because they come from a report (their
    summary is a Word or Markdown file: ingest it first, to have a YAML to write into)."""
    titles = {event.id: event.title for event in corpus.timeline}
    found: list[Unit] = []
    from_reports: list[KeyMessage] = []
    for summary in corpus.summaries:
        for message in summary.messages:
            source = source_language(summary, message)
            if source is None or source == target:
                continue
            stale = target in stale_languages(message)
            if not every and message.text.get(target) and not stale:
                continue
            if message.location.path.suffix != ".yaml":
                from_reports.append(message)
                continue
            title = titles.get(summary.event)
            found.append(
                Unit(
                    uid=message.uid,
                    source=source,
                    source_text=message.text.get(source) or "",
                    target=target,
                    target_text=message.text.get(target) or "",
                    stale=stale,
                    event=summary.event,
                    event_title=(title.get(source) or title.get("en") or "") if title else "",
                    objectives=message.objectives,
                    location=message.location,
                )
            )
    return found, from_reports


def default_path(build: Path, target: str, source: str, several: bool, suffix: str) -> Path:
    """Return build/translations.<target>.<suffix>, or, when the messages come from several
    languages (one file each: XLIFF names one source language), translations.<source>-<target>."""
    name = f"{source}-{target}" if several else target
    return build / f"translations.{name}.{suffix}"
