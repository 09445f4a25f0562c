"""`outcome translations export` and `import`: the messages that need a translation out to
translators (XLIFF 2 or a Word table), their translations back into the summaries' YAML."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.build import validate
from pipeline.errors import Location, PipelineError, SourceError, display_path
from pipeline.ingest.language import clearly_not
from pipeline.languages import LANGUAGES, SOURCE_LANGUAGES
from pipeline.model import KeyMessage, Summary
from pipeline.text import clean_text, text_problems
from pipeline.translations import record, xliff
from pipeline.translations import table as word_table
from pipeline.translations.units import Returned, Unit, default_path, source_language, units
from pipeline.translations.yamledit import SummaryFile, restored_on_error

SUFFIXES = {"xliff": "xlf", "docx": "docx"}


@dataclass(frozen=True)
class Exported:
    """The files written, the units in each, and the messages left out (from reports)."""

    written: tuple[tuple[Path, tuple[Unit, ...]], ...]
    from_reports: tuple[KeyMessage, ...]

    def describe(self) -> str:
        if not self.written:
            return "Nothing to translate: every message has its text in that language."
        lines = []
        for path, exported in self.written:
            stale = sum(unit.stale for unit in exported)
            language = LANGUAGES[exported[0].target].name
            lines.append(
                f"Wrote {display_path(path)}: {len(exported)} message{'s' * (len(exported) != 1)} to "
                f"translate into {language}" + (f" ({stale} stale)" if stale else "") + "."
            )
        return "\n".join(lines)


def export(sources: Path, target: str, form: str, every: bool, output: Path | None, build: Path) -> Exported:
    """Write the messages of *sources* that need a *target* text (all of them with *every*), one
    file per source language, as XLIFF 2 or a Word table (*form*)."""
    corpus = validate(sources).corpus
    found, from_reports = units(corpus, target, every)
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in found:
        groups[unit.source].append(unit)
    if output is not None and len(groups) > 1:
        raise PipelineError(
            f"the messages come from several languages ({', '.join(sorted(groups))}) and XLIFF names one "
            "per file: export without -o (one file each, build/translations.<source>-<target>.*)"
        )
    written = []
    for source, group in sorted(groups.items()):
        path = output or default_path(build, target, source, len(groups) > 1, SUFFIXES[form])
        (xliff.write if form == "xliff" else word_table.write)(group, path)
        written.append((path, tuple(group)))
    return Exported(tuple(written), tuple(from_reports))


@dataclass(frozen=True)
class Refusal:
    where: Location
    uid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: '{self.uid}': {self.reason}"


@dataclass
class Imported:
    """What an import wrote (per summary file, the messages) and what it refused."""

    written: dict[Path, list[str]] = field(default_factory=dict)
    refused: list[Refusal] = field(default_factory=list)

    def describe(self) -> str:
        count = sum(map(len, self.written.values()))
        lines = [str(refusal) for refusal in self.refused]
        lines.append(
            f"Wrote {count} translation{'s' * (count != 1)} into {len(self.written)} "
            f"summar{'ies' if len(self.written) != 1 else 'y'}"
            + (f"; refused {len(self.refused)} (listed above)." if self.refused else ".")
        )
        return "\n".join(lines)


def read_returned(path: Path) -> list[Returned]:
    """Return the units of a translator's file: XLIFF (.xlf, .xliff) or a Word table (.docx)."""
    suffix = path.suffix.lower()
    if suffix in (".xlf", ".xliff"):
        return xliff.read(path)
    if suffix == ".docx":
        return word_table.read(path)
    raise PipelineError(f"{display_path(path)}: expected an XLIFF file (.xlf) or a Word table (.docx)")


def import_translations(sources: Path, path: Path, partial: bool = False) -> Imported:
    """Write the translations of the translator's file at *path* into the summaries of *sources*,
    each with the record of the source text it was made from; every unit is checked first, and
    nothing is written when one is refused, unless *partial*."""
    returned = read_returned(path)
    corpus = validate(sources).corpus
    messages = {
        message.uid: (summary, message) for summary in corpus.summaries for message in summary.messages
    }
    result = Imported()
    accepted: list[tuple[Returned, Summary, KeyMessage, str]] = []
    seen: set[tuple[str, str]] = set()
    for unit in returned:
        reason, text = _check(unit, messages, seen)
        if reason is not None:
            result.refused.append(Refusal(unit.where, unit.uid, reason))
        else:
            summary, message = messages[unit.uid]
            accepted.append((unit, summary, message, text))
    if result.refused and not partial:
        listed = "\n".join(map(str, result.refused))
        raise PipelineError(f"{listed}\nnothing written: correct these units, or import with --partial")
    _write(sources, accepted, result)
    return result


def _check(
    unit: Returned, messages: dict[str, tuple[Summary, KeyMessage]], seen: set[tuple[str, str]]
) -> tuple[str | None, str]:
    """Return why *unit* is refused (None when it is not), and its target text, cleaned."""
    if unit.uid not in messages:
        return "no such message in the sources (exported from other sources, or its id changed)", ""
    if (unit.uid, unit.target) in seen:
        return "given twice in the file", ""
    seen.add((unit.uid, unit.target))
    summary, message = messages[unit.uid]
    if unit.target not in SOURCE_LANGUAGES or unit.target == unit.source:
        return f"cannot translate into '{unit.target}' from '{unit.source}'", ""
    if message.location.path.suffix != ".yaml":
        return "the message comes from a report: ingest it into a YAML summary first (outcome ingest)", ""
    if unit.source != source_language(summary, message) or unit.source_text != message.text.get(unit.source):
        return "its source text changed since the export: export again, and translate the new text", ""
    if unit.markup:
        return "the translation holds inline codes (tags) a summary cannot keep: write the text alone", ""
    text, _ = clean_text(unit.target_text)
    if not text.strip():
        return "the translation is empty", ""
    if problems := text_problems(text):
        return f"the translation {problems[0]}", ""
    if (written := clearly_not(text, unit.target)) is not None:
        return f"the translation is in {LANGUAGES[written].name}, not {LANGUAGES[unit.target].name}", ""
    return None, text


def _write(
    sources: Path, accepted: list[tuple[Returned, Summary, KeyMessage, str]], result: Imported
) -> None:
    """Write the accepted translations, file by file; if the sources no longer validate after,
    put every file back as it was."""
    by_file: dict[Path, list[tuple[Returned, Summary, KeyMessage, str]]] = defaultdict(list)
    for entry in accepted:
        by_file[entry[2].location.path].append(entry)
    try:
        with restored_on_error(by_file):
            for path, entries in by_file.items():
                edited = SummaryFile(path)
                for unit, summary, message, text in entries:
                    edited.set_entries(message.id, "text", {unit.target: text}, first=summary.language)
                    made_from = record(message.text, unit.target, unit.source)
                    edited.set_entries(message.id, "translated_from", {unit.target: made_from})
                    result.written.setdefault(path, []).append(message.uid)
                edited.save()
            validate(sources)
    except SourceError as error:
        raise PipelineError(
            f"{error}\nthe translations would leave these problems: nothing written"
        ) from None
