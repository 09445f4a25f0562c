"""Objective references in English, French and Arabic: one row per phrase."""

from __future__ import annotations

import pytest

from pipeline.ingest.objectives import ObjectiveFinder
from pipeline.reference import load_reference

find_objectives = ObjectiveFinder(load_reference()).find

CASES = [
    # English
    ("Objective 13", [13]),
    ("objective 13", [13]),
    ("GCM objective 13", [13]),
    ("GCM Objective 21 on return", [21]),
    ("objectives 7, 13 and 17", [7, 13, 17]),
    ("objectives 2, 5, 6, 12 and 18", [2, 5, 6, 12, 18]),
    ("Obj. 22", [22]),
    ("obj. 3 and obj. 7", [3, 7]),
    ("objectives 1 to 3", [1, 2, 3]),
    ("objectives 1-3", [1, 2, 3]),
    ("objectives 10 through 12", [10, 11, 12]),
    ("(objective 8)", [8]),
    ("in line with GCM objectives 5 & 6", [5, 6]),
    ("Objective No. 4", [4]),
    ("objectives 7,13", [7, 13]),
    ("(21) Dignified return and reintegration", [21]),
    ("(13) Alternatives to detention", [13]),
    ("objective 13 and SDG 10", [13]),
    # French
    ("objectif 18", [18]),
    ("Objectif 21 du Pacte mondial", [21]),
    ("l'objectif 13 du Pacte", [13]),
    ("l’objectif 13 du Pacte", [13]),
    ("objectifs 2 et 5", [2, 5]),
    ("objectifs 2, 5 et 6", [2, 5, 6]),
    ("objectif n° 1", [1]),
    ("objectif nº 21", [21]),
    ("objectif no 21", [21]),
    ("objectifs 1 à 3", [1, 2, 3]),
    ("le 21e objectif", [21]),
    ("le 1er objectif", [1]),
    # Arabic
    ("الهدف 13", [13]),
    ("الهدف ١٣", [13]),
    ("الهدف ۱۳", [13]),
    ("الهدفين 5 و6", [5, 6]),
    ("الهدفان 5 و 6", [5, 6]),
    ("الأهداف 2 و5 و23", [2, 5, 23]),
    ("الاهداف 1، 3، 7", [1, 3, 7]),
    ("الهدف رقم 16", [16]),
    ("الهدف الـ17", [17]),
    ("الهدف (21)", [21]),
    ("للهدف 8", [8]),
    ("بالهدف 9", [9]),
    ("والهدف 10 من الاتفاق العالمي", [10]),
    ("الهدف 21 من الاتفاق العالمي للهجرة", [21]),
    ("الهدف الحادي والعشرين", [21]),
    ("الهدف الحادي والعشرون", [21]),
    ("الهدف الحادى والعشرين", [21]),
    ("الهدف الثالث عشر", [13]),
    ("الهدف الأول", [1]),
    ("الهدف العشرين", [20]),
    ("الأهداف من 1 إلى 3", [1, 2, 3]),
    ("الهدف \u200f13\u200f", [13]),
    ("الهدفِ 13", [13]),
    # Not GCM objectives
    ("SDG 10", []),
    ("SDG target 10.7", []),
    ("target 10.7", []),
    ("Sustainable Development Goal 10", []),
    ("objective 10 of the SDGs", []),
    ("ODD 10", []),
    ("objectif 10 des ODD", []),
    ("الهدف 10 من أهداف التنمية المستدامة", []),
    ("الغاية 10.7", []),
    ("الغاية 10,7", []),
    ("الغاية 10.ج من أهداف التنمية المستدامة", []),
    ("ODD 10.c", []),
    ("target 10.c", []),
    ("objective 27", []),
    ("الهدف 30", []),
    ("the objectives of the 2030 Agenda", []),
    ("اهداف الاستعراض الإقليمي", []),
    ("المبادئ التوجيهية", []),
    ("the objective of the meeting was to share practices", []),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES)
def test_objective_references(phrase, expected):
    assert list(find_objectives(phrase).objectives) == expected


def test_the_table_has_sixty_phrases_in_three_languages():
    assert len(CASES) >= 60


def test_sdg_and_out_of_range_references_are_reported_apart():
    found = find_objectives(
        "Objective 13, SDG 10 and objective 27 all matter; الهدف 10 من أهداف التنمية المستدامة."
    )
    assert found.objectives == (13,)
    assert [(r.phrase, r.numbers) for r in found.ignored] == [
        ("SDG 10", (10,)),
        ("objective 27", (27,)),
        ("الهدف 10", (10,)),
    ]


def test_order_of_first_mention_without_repeats():
    assert find_objectives("objective 21, then objectives 5 and 21 again").objectives == (21, 5)


def test_sdg_targets_with_letters_are_reported_whole():
    found = find_objectives("Objective 19 (ODD 10.c), الغاية 10.ج, target 17.a.")
    assert found.objectives == (19,)
    assert [r.phrase for r in found.ignored] == ["ODD 10.c", "الغاية 10.ج", "target 17.a"]
