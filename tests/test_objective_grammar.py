"""Objective references however they are written: hand-written phrasings in each language
(tests/fixtures/objective-phrasings.yaml), and phrases generated from the grammar for random
objective sets (number → words → sentence), which detection must give back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest import ordinals
from pipeline.ingest.objectives import ObjectiveFinder
from pipeline.reference import load_reference

FINDER = ObjectiveFinder(load_reference())
PHRASINGS = yaml.safe_load(
    (Path(__file__).resolve().parent / "fixtures" / "objective-phrasings.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [(phrase, expected) for language in ("en", "fr", "ar") for phrase, expected in PHRASINGS[language]],
)
def test_hand_written_phrasings(phrase: str, expected: list[int]) -> None:
    assert list(FINDER.find(phrase).objectives) == expected


def test_at_least_thirty_phrasings_per_language() -> None:
    assert all(len(PHRASINGS[language]) >= 30 for language in ("en", "fr", "ar"))


def _word(forms: dict[str, int], number: int, draw: st.DrawFn) -> str:
    return draw(st.sampled_from(sorted(form for form, value in forms.items() if value == number)))


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def phrases(draw: st.DrawFn) -> tuple[str, list[int]]:
    """Return a sentence naming a random set of objectives, and that set in the order written."""
    numbers = draw(st.lists(st.integers(1, 23), min_size=1, max_size=4, unique=True))
    language = draw(st.sampled_from(["en", "fr", "ar"]))
    style = draw(st.sampled_from(["digits", "words"]))
    if language == "en":
        if style == "digits":
            listed = [str(n) for n in numbers]
            head = "objective" if len(numbers) == 1 else "objectives"
            phrase = f"GCM {head} {_english_list(listed)}"
        elif draw(st.booleans()):
            words = [_word(ordinals.ENGLISH_ORDINALS, n, draw) for n in numbers]
            phrase = f"the {_english_list(words)} {'objective' if len(numbers) == 1 else 'objectives'}"
        else:
            words = [_word(ordinals.ENGLISH_CARDINALS, n, draw) for n in numbers]
            phrase = f"{'objective' if len(numbers) == 1 else 'objectives'} {_english_list(words)}"
        return f"Participants stressed action under {phrase}, with care.", numbers
    if language == "fr":
        if style == "digits":
            listed = [str(n) for n in numbers]
            phrase = (
                f"{'l’objectif' if len(numbers) == 1 else 'les objectifs'} {_joined(listed, ', ', ' et ')}"
            )
        elif draw(st.booleans()) or 1 in numbers:
            words = [_word(ordinals.FRENCH_ORDINALS, n, draw) for n in numbers]
            head = "objectif" if len(numbers) == 1 else "objectifs"
            phrase = f"{'le' if len(numbers) == 1 else 'les'} {_joined(words, ', ', ' et ')} {head}"
        else:
            words = [_word(ordinals.FRENCH_CARDINALS, n, draw) for n in numbers]
            phrase = (
                f"{'l’objectif' if len(numbers) == 1 else 'les objectifs'} {_joined(words, ', ', ' et ')}"
            )
        return f"Les participants ont insisté sur {phrase}, avec force.", numbers
    head = {1: "الهدف", 2: "الهدفين"}.get(len(numbers), "الأهداف")
    if style == "digits":
        digits = draw(st.booleans())
        listed = [str(n).translate(_ARABIC_INDIC) if digits else str(n) for n in numbers]
    else:
        listed = [_word(ordinals.ARABIC_ORDINALS, n, draw) for n in numbers]
    phrase = f"{head} {_joined(listed, '، ', ' و')}"
    return f"شدد المشاركون على العمل في إطار {phrase} بعناية.", numbers


def _english_list(items: list[str]) -> str:
    return _joined(items, ", ", " and ")


def _joined(items: list[str], separator: str, last: str) -> str:
    return items[0] if len(items) == 1 else separator.join(items[:-1]) + last + items[-1]


@given(phrases())
def test_detection_gives_back_the_objectives_a_generated_phrase_names(case: tuple[str, list[int]]) -> None:
    phrase, numbers = case
    assert list(FINDER.find(phrase).objectives) == numbers, phrase


def test_outcome_ingest_verbose_shows_the_words_each_objective_was_read_from(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.chdir(tmp_path)
    Path("talks.ar.md").write_text(
        "# الرسائل الرئيسية\n\n1. يجب حماية العمال وفق الهدفين الخامس والسادس.\n"
        "2. الهدف الثامن من أهداف التنمية المستدامة.\n"
        "3. تناول المشاركون الأهداف الأول والثاني من ١٩ إلى ٢١.\n",
        encoding="utf-8",
    )
    arguments = ["ingest", "talks.ar.md", "--event", "talks-2023", "-o", "-"]
    quiet = CliRunner().invoke(main, arguments)
    assert "from 'الهدفين الخامس والسادس'" not in quiet.stderr
    result = CliRunner().invoke(main, [*arguments, "--verbose"])
    assert result.exit_code == 0, result.output
    assert "talks.ar.md: note: message m1: objectives 5, 6 from 'الهدفين الخامس والسادس'" in result.stderr
    assert "message m2: 'الهدف الثامن' is not a GCM objective" in result.stderr
    # Quoted as written (hamza and Arabic-Indic digits kept), so that the editor finds the words.
    assert "message m3: objectives 1, 2 from 'الأهداف الأول والثاني'" in result.stderr
