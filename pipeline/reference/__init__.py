"""Load the GCM reference data packaged with the pipeline (gcm.yaml): objectives, guiding
principles and IMRF round tables, their titles in each language of the language table."""

from __future__ import annotations

from pathlib import Path

from pipeline import yamlio
from pipeline.errors import Location, PipelineError
from pipeline.gcm import Objective, Principle, Reference, RoundTable
from pipeline.languages import SOURCE_LANGUAGES, Localized
from pipeline.yamlio import YMap, YSeq, YStr, YValue

REFERENCE_FILE = Path(__file__).with_name("gcm.yaml")


def load_reference(path: Path = REFERENCE_FILE) -> Reference:
    """Return the objectives, guiding principles and round tables of gcm.yaml.

    The file ships with the pipeline and is not an editor's source, so it is read directly, not
    through record tables; a malformed one is a broken installation, reported with its place as
    a PipelineError.
    """
    data = _mapping(yamlio.load(path), path)
    objectives = tuple(
        Objective(
            number=_number(entry, "id"),
            title=_titles(entry, "{}"),
            short_title=_titles(entry, "{}_short"),
            round_table=_number(entry, "imrf_rt"),
            ar_official=_text(entry, "ar_official") == "true",
            location=entry.location,
        )
        for entry in _entries(data, "objectives")
    )
    principles = tuple(
        Principle(
            letter=_text(entry, "id"),
            title=_titles(entry, "{}"),
            ar_official=_text(entry, "ar_official") == "true",
            location=entry.location,
        )
        for entry in _entries(data, "guiding_principles")
    )
    round_tables = tuple(
        RoundTable(
            number=_number(entry, "id"),
            title=_titles(entry, "title_{}"),
            objectives=_numbers(entry, "objectives"),
            ar_official=_text(entry, "ar_official") == "true",
            location=entry.location,
        )
        for entry in _entries(data, "round_tables")
    )
    return Reference(objectives, principles, round_tables)


def _broken(location: Location, message: str) -> PipelineError:
    return PipelineError(f"{location}: {message} (the GCM reference data is damaged; reinstall the pipeline)")


def _mapping(value: YValue | None, path: Path) -> YMap:
    if not isinstance(value, YMap):
        raise _broken(Location(path), "expected a mapping")
    return value


def _sequence(entry: YMap, key: str) -> YSeq:
    value = entry.get(key)
    if not isinstance(value, YSeq):
        raise _broken(entry.location, f"expected a list for '{key}'")
    return value


def _entries(data: YMap, key: str) -> list[YMap]:
    entries = []
    for entry in _sequence(data, key):
        if not isinstance(entry, YMap):
            raise _broken(entry.location, f"expected a mapping in '{key}'")
        entries.append(entry)
    return entries


def _text(entry: YMap, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, YStr):
        raise _broken(entry.location, f"expected text for '{key}'")
    return str(value)


def _number(entry: YMap, key: str) -> int:
    written = _text(entry, key)
    if not written.isdigit():
        raise _broken(entry.location, f"expected a number for '{key}'")
    return int(written)


def _numbers(entry: YMap, key: str) -> tuple[int, ...]:
    numbers = []
    for item in _sequence(entry, key):
        if not (isinstance(item, YStr) and item.isdigit()):
            raise _broken(item.location, f"expected a number in '{key}'")
        numbers.append(int(item))
    return tuple(numbers)


def _titles(entry: YMap, key: str) -> Localized:
    """Return the texts of *key* (a pattern such as "title_{}") in each language written."""
    texts = {}
    for code in SOURCE_LANGUAGES:
        value = entry.get(key.format(code))
        if isinstance(value, YStr):
            texts[code] = str(value)
    return Localized(texts)
