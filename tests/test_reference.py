"""The packaged GCM reference data."""

from __future__ import annotations

from pipeline.reference import load_reference


def test_twenty_three_objectives_in_order():
    reference = load_reference()
    assert [o.number for o in reference.objectives] == list(range(1, 24))
    assert reference.objective(13).title["en"] == (
        "Use immigration detention only as a measure of last resort and work towards alternatives"
    )


def test_every_objective_has_english_and_arabic_titles():
    for objective in load_reference().objectives:
        assert objective.title["en"] and objective.title["ar"] and objective.short_title["en"]


def test_arabic_titles_are_marked_as_working_translations():
    reference = load_reference()
    assert not any(o.ar_official for o in reference.objectives)
    assert not any(p.ar_official for p in reference.principles)


def test_objective_eighteen_has_no_french_title_yet():
    assert load_reference().objective(18).title.get("fr") is None


def test_ten_guiding_principles():
    assert [p.letter for p in load_reference().principles] == list("abcdefghij")


def test_round_tables_cover_each_objective_once():
    reference = load_reference()
    covered = sorted(n for table in reference.round_tables for n in table.objectives)
    assert covered == list(range(1, 24))
    for objective in reference.objectives:
        assert objective.number in reference.round_tables[objective.round_table - 1].objectives
