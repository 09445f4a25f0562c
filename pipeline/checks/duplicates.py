"""Find messages of different events that may say the same thing (rapidfuzz), so that an editor
can merge them (`same_as`) or set them apart (`distinct_from`).

Messages are compared within the objective they stand under (their primary objective, or the
cross-cutting messages), in every language both have, after the normalization used to find
objectives (no diacritics, one form of alef and ya, Western digits) and rapidfuzz's own (lower
case, no punctuation); their words are compared in any order (token sort ratio). A pair at or
above the review's `duplicate_threshold` is reported on the later message.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from pipeline.errors import Location
from pipeline.ingest.objectives import normalize_for_matching
from pipeline.model import Corpus, Event, KeyMessage


@dataclass(frozen=True)
class Duplicate:
    """Two messages that may say the same thing; `later` is the message to mark."""

    earlier: str
    later: str
    similarity: int
    objective: int | None
    location: Location


def _comparable(message: KeyMessage) -> dict[str, str]:
    """Return each text of *message* as it is compared."""
    return {code: utils.default_process(normalize_for_matching(text)) for code, text in message.text.items()}


def possible_duplicates(corpus: Corpus, timeline: tuple[Event, ...]) -> tuple[Duplicate, ...]:
    """Return the pairs of messages of different events that are at least the review's
    `duplicate_threshold` alike, in document order of the later one. *timeline* gives the
    events' order (merge's chronological order)."""
    threshold = corpus.review.duplicate_threshold
    rank = {event.id: index for index, event in enumerate(timeline)}
    messages = sorted(
        (message for summary in corpus.summaries for message in summary.messages if message.same_as is None),
        key=lambda message: rank.get(message.event, len(rank)),
    )
    groups: dict[int | None, list[KeyMessage]] = {}
    for message in messages:
        groups.setdefault(message.primary_objective, []).append(message)
    found = []
    for objective, group in groups.items():
        texts = [_comparable(message) for message in group]
        languages = {language for text in texts for language in text}
        columns = {language: [text.get(language, "") for text in texts] for language in languages}
        for index, later in enumerate(group):
            best: dict[int, int] = {}
            for language, text in texts[index].items():
                earlier = columns[language][:index]
                for _, score, position in process.extract(
                    text, earlier, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
                ):
                    best[position] = max(best.get(position, 0), round(score))
            for position, score in sorted(best.items()):
                first = group[position]
                if first.event == later.event or _set_apart(first, later):
                    continue
                found.append(Duplicate(first.uid, later.uid, score, objective, later.location))
    return tuple(found)


def _set_apart(first: KeyMessage, second: KeyMessage) -> bool:
    return first.uid in second.distinct_from or second.uid in first.distinct_from
