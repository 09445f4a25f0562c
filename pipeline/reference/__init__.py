"""The GCM reference data packaged with the pipeline (gcm.yaml): objectives, principles, round tables."""

from __future__ import annotations

import functools
from pathlib import Path

from pipeline import yamlio
from pipeline.model import Localized, Objective, Principle, Reference, RoundTable

REFERENCE_FILE = Path(__file__).with_name("gcm.yaml")


def _text(entry: dict, key: str) -> str | None:
    return str(entry[key]) or None


@functools.cache
def load_reference() -> Reference:
    """Return the objectives, guiding principles and round tables of gcm.yaml."""
    data = yamlio.load(REFERENCE_FILE)
    objectives = tuple(
        Objective(
            number=int(entry["id"]),
            title=Localized(ar=_text(entry, "ar"), en=_text(entry, "en"), fr=_text(entry, "fr")),
            short_title=Localized(
                ar=_text(entry, "ar_short"), en=_text(entry, "en_short"), fr=_text(entry, "fr_short")
            ),
            round_table=int(entry["imrf_rt"]),
            ar_official=entry["ar_official"] == "true",
        )
        for entry in data["objectives"]
    )
    principles = tuple(
        Principle(
            letter=str(entry["id"]),
            title=Localized(ar=_text(entry, "ar"), en=_text(entry, "en"), fr=_text(entry, "fr")),
            ar_official=entry["ar_official"] == "true",
        )
        for entry in data["guiding_principles"]
    )
    round_tables = tuple(
        RoundTable(
            number=int(entry["id"]),
            title=Localized(ar=_text(entry, "title_ar"), en=_text(entry, "title_en")),
            objectives=tuple(int(number) for number in entry["objectives"]),
        )
        for entry in data["round_tables"]
    )
    return Reference(objectives, principles, round_tables)
