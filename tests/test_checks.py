"""`outcome check [--final]`: each finding word for word, from one small case each (tests/check_cases/)."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import numpy
import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz, process

from pipeline.build import validate
from pipeline.checks.duplicates import (
    Duplicate,
    LookAlikes,
    PossibleDuplicates,
    _comparable,
    find_duplicates,
    possible_duplicates,
)
from pipeline.cli import main
from pipeline.errors import display_path
from pipeline.limits import DUPLICATE_GROUP
from pipeline.merge import merge
from pipeline.model import Corpus, Event, KeyMessage
from pipeline.reference import REFERENCE_FILE
from tests.corpus import BASE, assemble

CASES = Path(__file__).parent / "check_cases"


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


def lines_of(path: Path) -> list[str]:
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8").replace("{reference}", display_path(REFERENCE_FILE))
    return text.splitlines()


@pytest.mark.parametrize("name", case_names())
def test_check_case(name, tmp_path):
    case = CASES / name
    assemble(case, tmp_path / "sources")
    args = (case / "args").read_text(encoding="utf-8").split() if (case / "args").is_file() else []
    result = CliRunner().invoke(main, ["check", "--sources", "sources", *args])
    printed = result.stdout.splitlines()
    for line in lines_of(case / "expected.txt"):
        assert line in printed, f"{name}: missing {line!r} in:\n{result.stdout}"
    for fragment in lines_of(case / "absent.txt"):
        assert not any(fragment in line for line in printed), (
            f"{name}: {fragment!r} printed:\n{result.stdout}"
        )
    errors = sum(": error: " in line or line.startswith("error: ") for line in printed)
    warnings = sum(": warning: " in line or line.startswith("warning: ") for line in printed)
    assert (
        printed[-1]
        == f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    )
    assert result.exit_code == (1 if errors else 0), result.output


def test_errors_come_before_warnings(tmp_path):
    assemble(CASES / "final-version", tmp_path / "sources")
    printed = CliRunner().invoke(main, ["check", "--sources", "sources", "--final"]).stdout.splitlines()[:-1]
    levels = [re.search(r"\b(error|warning): ", line).group(1) for line in printed]
    assert levels == sorted(levels) and "error" in levels and "warning" in levels


def test_the_final_check_turns_pending_work_into_errors(tmp_path):
    assemble(CASES / "before-a-deadline", tmp_path / "sources")
    result = CliRunner().invoke(main, ["check", "--sources", "sources", "--final"])
    assert result.exit_code == 1
    assert (
        "sources/summaries/talks-2023.yaml:9:9: error: message 'talks-2023#m2': has no 'ar' text: "
        "the Arabic document marks its translation as pending"
    ) in result.stdout.splitlines()


def test_duplicates_are_sought_across_events_only_and_at_the_threshold(tmp_path):
    sources = tmp_path / "sources"
    assemble(CASES / "duplicate", sources)
    talks = (sources / "summaries" / "talks-2023.yaml").read_text(encoding="utf-8")
    # The same text twice within one event is the editor's own business, not a cross-event duplicate.
    (sources / "summaries" / "talks-2023.yaml").write_text(
        talks + "  - id: m3\n    text: {en: Invest in migration data.}\n    objectives: [1]\n",
        encoding="utf-8",
    )
    review = (sources / "review.yaml").read_text(encoding="utf-8")
    corpus = validate(sources).corpus
    found = possible_duplicates(corpus, merge(corpus).timeline)
    assert [(pair.earlier, pair.later, pair.similarity) for pair in found] == [
        ("talks-2023#m1", "conference-2024#m1", 100),
        ("talks-2023#m3", "conference-2024#m1", 87),  # English only: "of the" more
    ]
    (sources / "review.yaml").write_text(review + "duplicate_threshold: 100\n", encoding="utf-8")
    (sources / "summaries" / "conference-2024.yaml").write_text(
        "event: conference-2024\nlanguage: en\nmessages:\n"
        "  - id: m1\n    text: Invest in data on migration.\n    objectives: [1]\n",
        encoding="utf-8",
    )
    corpus = validate(sources).corpus
    assert possible_duplicates(corpus, merge(corpus).timeline) == ()


def write_look_alikes(sources: Path, messages: int, events: int) -> Path:
    """Write the base sources with *messages* near-identical messages under objective 13 ("Message
    number 17 about detention."), in Arabic and English, spread round-robin over *events* events
    dated one day apart; return *sources*."""
    shutil.copytree(BASE, sources)
    rows = []
    for number in range(events):
        rows.append(
            f"  - id: e{number:03d}\n    organizer: {{en: IOM, ar: المنظمة}}\n"
            f"    title: {{en: Event {number}, ar: حدث {number}}}\n"
            f"    date: 2023-{1 + number // 28:02d}-{1 + number % 28:02d}\n    phase: preparatory\n"
        )
        lines = [f"event: e{number:03d}\nlanguage: en\nmessages:\n"]
        for index in range(number, messages, events):
            lines.append(
                f"  - id: m{index}\n    objectives: [13]\n    text: {{en: Message number {index} about "
                f"detention., ar: الرسالة رقم {index} بشأن الاحتجاز.}}\n"
            )
        (sources / "summaries" / f"e{number:03d}.yaml").write_text("".join(lines), encoding="utf-8")
    with (sources / "events.yaml").open("a", encoding="utf-8") as events_file:
        events_file.write("".join(rows))
    return sources


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path): (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*")}


def test_each_message_keeps_its_three_best_look_alikes(tmp_path):
    # Five events say the same: the fifth message is reported against the three earliest only.
    corpus = validate(write_look_alikes(tmp_path / "sources", messages=5, events=5)).corpus
    corpus = replace(
        corpus,
        summaries=tuple(
            replace(
                summary,
                messages=tuple(replace(message, text={"en": "Same text."}) for message in summary.messages),
            )
            for summary in corpus.summaries
        ),
    )
    found = possible_duplicates(corpus, merge(corpus).timeline)
    assert [(pair.earlier, pair.later, pair.similarity) for pair in found] == [
        ("e000#m0", "e001#m1", 100),
        ("e000#m0", "e002#m2", 100),
        ("e000#m0", "e003#m3", 100),
        ("e000#m0", "e004#m4", 100),
        ("e001#m1", "e002#m2", 100),
        ("e001#m1", "e003#m3", 100),
        ("e001#m1", "e004#m4", 100),
        ("e002#m2", "e003#m3", 100),
        ("e002#m2", "e004#m4", 100),  # not ("e003#m3", "e004#m4"): three per message
    ]


def test_six_look_alikes_are_one_finding(tmp_path):
    write_look_alikes(tmp_path / "sources", messages=6, events=6)
    before = files_of(tmp_path)
    result = CliRunner().invoke(main, ["check", "--sources", "sources"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if "same" in line] == [
        "sources/summaries/e000.yaml:4:9: warning: 6 messages under objective 13: may say the same "
        "(each at least 97 % like another of them): 'e000#m0', 'e001#m1', 'e002#m2', 'e003#m3', "
        "'e004#m4', 'e005#m5'; mark each repeat 'same_as: <the message it repeats>' to merge them, "
        "or 'distinct_from: [<message>]' to set it apart"
    ]
    assert files_of(tmp_path) == before


@pytest.mark.slow
def test_fifteen_thousand_look_alikes_are_one_finding_not_a_hundred_million_pairs(tmp_path):
    # A red-team's corpus: 15,000 messages alike took 495 s and 20 GB to compare, all pairs kept.
    write_look_alikes(tmp_path / "sources", messages=15_000, events=40)
    before = files_of(tmp_path)
    result = CliRunner().invoke(main, ["check", "--sources", "sources"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if "same" in line] == [
        "sources/summaries/e000.yaml:4:9: warning: 14,954 messages under objective 13: may say the same "
        "(each at least 94 % like another of them): 'e000#m0', 'e000#m40', 'e000#m80', 'e000#m120', "
        "'e000#m160', 'e000#m200' and 14,948 more; mark each repeat 'same_as: <the message it "
        "repeats>' to merge them, or 'distinct_from: [<message>]' to set it apart"
    ]
    assert files_of(tmp_path) == before


def test_the_bounded_check_finds_what_comparing_every_pair_finds(tmp_path):
    # 600 messages: more than two rows of scores at a time, some with one language only, repeated
    # phrases (groups), rare ones (pairs), and some set apart; against a plain all-pairs reference.
    rng = random.Random(13)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(300)]
    phrases = [" ".join(rng.sample(vocabulary, 8)) for _ in range(120)]
    corpus = validate(write_look_alikes(tmp_path / "sources", messages=600, events=30)).corpus
    saying: dict[str, list[str]] = {}  # the messages written so far from each phrase

    def rewritten(message: KeyMessage) -> KeyMessage:
        phrase = rng.choice(phrases[: rng.choice((10, 120))])
        words = phrase.split()
        words[rng.randrange(8)] = rng.choice(vocabulary)
        text = {"en": " ".join(words)} | ({"ar": " ".join(reversed(words))} if rng.random() < 0.7 else {})
        earlier = saying.setdefault(phrase, [])
        apart = tuple(rng.sample(earlier, 1)) if earlier and rng.random() < 0.3 else ()
        earlier.append(message.uid)
        return replace(message, text=text, objectives=rng.choice(((1,), (2,), ())), distinct_from=apart)

    corpus = replace(
        corpus,
        summaries=tuple(
            replace(summary, messages=tuple(map(rewritten, summary.messages))) for summary in corpus.summaries
        ),
    )
    timeline = merge(corpus).timeline
    found = find_duplicates(corpus, timeline)
    assert found.pairs and found.groups  # the case covers both
    assert found == _every_pair(corpus, timeline)


def _every_pair(corpus: Corpus, timeline: tuple[Event, ...]) -> PossibleDuplicates:
    """Score every pair, keep the best three earlier look-alikes of each message, then group: what
    find_duplicates must find, written plainly."""
    threshold = corpus.review.duplicate_threshold
    rank = {event.id: index for index, event in enumerate(timeline)}
    messages = sorted(
        (message for summary in corpus.summaries for message in summary.messages),
        key=lambda message: rank[message.event],
    )
    stakeholders = {event.id for event in timeline if event.stakeholder}
    parts: dict[tuple[bool, int | None], list[KeyMessage]] = {}
    for message in messages:
        parts.setdefault((message.event in stakeholders, message.primary_objective), []).append(message)
    pairs, groups = [], []
    for (_, objective), group in parts.items():
        texts = [_comparable(message) for message in group]
        matches = []
        for later, message in enumerate(group):
            scores = []
            for first in range(later):
                other = group[first]
                if other.event == message.event or other.uid in message.distinct_from:
                    continue
                if message.uid in other.distinct_from:
                    continue
                common = [code for code in texts[later] if code in texts[first]]
                score = max(
                    int(
                        process.cdist(
                            [texts[later][code]],
                            [texts[first][code]],
                            scorer=fuzz.ratio,
                            processor=None,
                            score_cutoff=threshold,
                            dtype=numpy.uint8,
                        )[0, 0]
                    )
                    for code in common
                )
                if score:
                    scores.append((-score, first))
            matches += [(first, later, -score) for score, first in sorted(scores)[:3]]
        matches.sort()
        linked = {position: {position} for position in range(len(group))}
        for first, later, _ in matches:
            if linked[first] is not linked[later]:
                merged = linked[first] | linked[later]
                for position in merged:
                    linked[position] = merged
        grouped = set()
        for members in {id(members): members for members in linked.values()}.values():
            if len(members) > DUPLICATE_GROUP:
                grouped |= members
                ordered = sorted(members)
                similarity = min(score for _, later, score in matches if later in members)
                uids = tuple(group[position].uid for position in ordered)
                groups.append(LookAlikes(uids, similarity, objective, group[ordered[0]].location))
        pairs += [
            Duplicate(group[first].uid, group[later].uid, score, objective, group[later].location)
            for first, later, score in matches
            if later not in grouped
        ]
    return PossibleDuplicates(tuple(pairs), tuple(groups))
