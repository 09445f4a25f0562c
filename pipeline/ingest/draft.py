"""A summary made from organisers' reports: the reports of one event in several languages aligned
message by message, written in the summary format, or turned into a normalized Summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import yamlwrite
from pipeline.errors import Location, Problem, SourceError
from pipeline.ingest.objectives import Mention
from pipeline.ingest.sections import LeftOut
from pipeline.languages import SOURCE_LANGUAGES, Localized
from pipeline.model import KeyMessage, Kind, Summary
from pipeline.plain import OMIT_DEFAULT, SKIP, Plain, plain
from pipeline.text import clean_text
from pipeline.translations import text_digest


@dataclass(frozen=True)
class IngestedMessage:
    text: str
    kind: Kind
    objectives: tuple[int, ...]
    ignored: tuple[Mention, ...]
    notes: tuple[str, ...] = ()  # the organiser's footnotes to it
    accepted: tuple[Mention, ...] = ()  # the words its objectives were read from


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
    reads_as: str | None = None  # the language the text clearly reads as, when not the one given
    notes: tuple[str, ...] = ()  # how the report was read, where Word shows it otherwise


@dataclass(frozen=True)
class DraftMessage:
    """A message of a draft summary, its fields in the order the summary format writes them."""

    id: str
    kind: Kind
    objectives: tuple[int, ...]
    text: Localized
    # For each language but the summary's: the record of the text it translates (pipeline.translations).
    translated_from: Localized = field(default=Localized(), metadata=OMIT_DEFAULT)
    note: str = field(default="", metadata=OMIT_DEFAULT)  # the organiser's footnotes, never printed


@dataclass(frozen=True)
class Draft:
    """A summary made from reports, and the notes an editor should read about it."""

    event: str
    language: str
    illustrative: bool = field(default=False, metadata=OMIT_DEFAULT)
    messages: tuple[DraftMessage, ...] = ()
    sources: tuple[Path, ...] = field(default=(), metadata=SKIP)
    notes: tuple[Problem, ...] = field(default=(), metadata=SKIP)
    samples: tuple[Path, ...] = field(default=(), metadata=SKIP)  # the reports marked illustrative

    def yaml(self, data: Plain | None = None) -> str:
        """Return the draft (or *data* made from it) in the summary format, as YAML an editor checks."""
        names = ", ".join(path.name for path in self.sources)
        header = (
            f"Ingested by `outcome ingest` from {names}.\n"
            "Check each message, its objectives (the first is the primary one) and its kind before building."
        )
        return yamlwrite.dumps(plain(self) if data is None else data, header=header)


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
    first = Location(reports[0].path)
    original = min(languages, key=SOURCE_LANGUAGES.index)  # the summary's language
    notes = []
    messages = []
    for index in range(len(reports[0].messages)):
        versions = [report.messages[index] for report in reports]
        objectives: list[int] = []
        for version in versions:
            objectives.extend(number for number in version.objectives if number not in objectives)
        if len({version.objectives for version in versions}) > 1:
            named = "; ".join(
                f"{report.path.name}: {_numbers(report.messages[index].objectives)}" for report in reports
            )
            notes.append(
                Problem(
                    first,
                    f"message m{index + 1}: the reports name different objectives ({named}); "
                    f"kept {_numbers(tuple(objectives))}"
                    + (f" ({objectives[0]} the primary one)" if len(objectives) > 1 else ""),
                )
            )
        if len({version.kind for version in versions}) > 1:
            kept = versions[0].kind.value
            notes.append(
                Problem(first, f"message m{index + 1}: the reports give different kinds; kept '{kept}'")
            )
        texts = {report.language: report.messages[index].text for report in reports}
        records = _records(texts, original)
        note = " / ".join(dict.fromkeys(note for version in versions for note in version.notes))
        messages.append(
            DraftMessage(
                f"m{index + 1}", versions[0].kind, tuple(objectives), Localized(texts), records, note
            )
        )
    return Draft(
        event,
        original,
        illustrative=any(report.illustrative for report in reports),
        messages=tuple(messages),
        sources=tuple(report.path for report in reports),
        notes=tuple(notes),
        samples=tuple(report.path for report in reports if report.illustrative),
    )


def _records(texts: dict[str, str], original: str) -> Localized:
    """Return, for each language but *original*, the record of the *original* text it
    translates, hashed as the summary will be read (cleaned), so that a later change of that
    text marks the translation stale."""
    source, _ = clean_text(texts[original])
    return Localized({code: f"{original} {text_digest(source)}" for code in texts if code != original})


def _numbers(objectives: tuple[int, ...]) -> str:
    return ", ".join(map(str, objectives)) if objectives else "none"


def draft_summary(draft: Draft) -> Summary:
    """Return *draft* as a normalized Summary, its messages located in the first report."""
    location = Location(draft.sources[0])
    return Summary(
        event=draft.event,
        language=draft.language,
        illustrative=draft.illustrative,
        source=draft.sources[0],
        samples=tuple(map(Location, draft.samples)),
        messages=tuple(
            KeyMessage(
                uid=f"{draft.event}#{message.id}",
                event=draft.event,
                id=message.id,
                text=message.text,
                objectives=message.objectives,
                principles=(),
                kind=message.kind,
                note=message.note or None,
                location=location,
            )
            for message in draft.messages
        ),
    )
