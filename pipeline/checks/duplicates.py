"""Find messages of different events that may say the same thing (rapidfuzz), so that an editor
can merge them (`same_as`) or set them apart (`distinct_from`).

Messages are compared within the part (main body or annex) and the objective they stand under
(their primary objective, or the cross-cutting messages), in every language both have, after
the normalization used to find objectives (no diacritics, one form of alef and ya, Western
digits) and rapidfuzz's own (lower case, no punctuation); their words are compared in any order
(token sort ratio). A pair at or above the review's `duplicate_threshold` is reported on the
later message.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
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
    """Return each text of *message* as it is compared: normalized, its words sorted once here, so
    that comparing two is a plain ratio (what token_sort_ratio does, without sorting every time)."""
    return {
        code: " ".join(sorted(utils.default_process(normalize_for_matching(text)).split()))
        for code, text in message.text.items()
    }


def possible_duplicates(corpus: Corpus, timeline: tuple[Event, ...]) -> tuple[Duplicate, ...]:
    """Return the pairs of messages of different events that are at least the review's
    `duplicate_threshold` alike, the later one in *timeline*'s order (merge's chronological
    order) marked, in document order."""
    threshold = corpus.review.duplicate_threshold
    rank = {event.id: index for index, event in enumerate(timeline)}
    messages = sorted(
        (message for summary in corpus.summaries for message in summary.messages if message.same_as is None),
        key=lambda message: rank.get(message.event, len(rank)),
    )
    stakeholders = {event.id for event in timeline if event.stakeholder}
    groups: dict[tuple[bool, int | None], list[KeyMessage]] = {}
    for message in messages:  # by part (main body or annex), then objective
        groups.setdefault((message.event in stakeholders, message.primary_objective), []).append(message)
    found = []
    for (_, objective), group in groups.items():
        for (first, later), score in sorted(_alike(group, threshold).items()):
            if group[first].event != group[later].event and not _set_apart(group[first], group[later]):
                found.append(
                    Duplicate(group[first].uid, group[later].uid, score, objective, group[later].location)
                )
    return tuple(found)


def _alike(group: list[KeyMessage], threshold: int) -> dict[tuple[int, int], int]:
    """Return, for each pair (earlier, later) of positions in *group* at least *threshold* alike
    in some language, their best similarity. All pairs are scored at once, in C++ (rapidfuzz's
    cdist), on every core."""
    texts = [_comparable(message) for message in group]
    best: dict[tuple[int, int], int] = {}
    for language in sorted({code for text in texts for code in text}):
        positions = [position for position, text in enumerate(texts) if text.get(language)]
        column = [texts[position][language] for position in positions]
        scores = process.cdist(
            column,
            column,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=threshold,
            dtype=numpy.uint8,
            workers=-1,
        )
        for row, col in zip(*numpy.nonzero(numpy.triu(scores, k=1)), strict=True):
            pair = (positions[row], positions[col])
            best[pair] = max(best.get(pair, 0), int(scores[row, col]))
    return best


def _set_apart(first: KeyMessage, second: KeyMessage) -> bool:
    return first.uid in second.distinct_from or second.uid in first.distinct_from
