"""Find messages of different events that may say the same thing (rapidfuzz), so that an editor
can merge them (`same_as`) or set them apart (`distinct_from`).

Messages are compared within the part (main body or annex) and the objective they stand under
(their primary objective, or the cross-cutting messages), in every language both have, after
the normalization used to find objectives (no diacritics, one form of alef and ya, Western
digits) and rapidfuzz's own (lower case, no punctuation); their words are compared in any order
(token sort ratio). A pair at or above the review's `duplicate_threshold` is reported on the
later message.

What is kept stays small however many messages look alike (pipeline/limits.py): the best few
earlier look-alikes of each message, and a set of many messages alike as one group.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from numpy.typing import NDArray
from rapidfuzz import fuzz, process, utils

from pipeline.errors import Location
from pipeline.ingest.objectives import normalize_for_matching
from pipeline.limits import DUPLICATE_GROUP, DUPLICATE_MATCHES, DUPLICATE_ROWS
from pipeline.model import Corpus, Event, KeyMessage


@dataclass(frozen=True)
class Duplicate:
    """Two messages that may say the same thing; `later` is the message to mark."""

    earlier: str
    later: str
    similarity: int
    objective: int | None
    location: Location


@dataclass(frozen=True)
class LookAlikes:
    """More than DUPLICATE_GROUP messages of different events alike, each at least `similarity`
    like another of them, in timeline order; reported once, at the first (`location`)."""

    messages: tuple[str, ...]
    similarity: int
    objective: int | None
    location: Location


@dataclass(frozen=True)
class PossibleDuplicates:
    pairs: tuple[Duplicate, ...]
    groups: tuple[LookAlikes, ...]


def possible_duplicates(corpus: Corpus, timeline: tuple[Event, ...]) -> tuple[Duplicate, ...]:
    """Return the pairs of messages of different events that are at least the review's
    `duplicate_threshold` alike, the later one in *timeline*'s order marked, in document order
    (those in a group of look-alikes apart)."""
    return find_duplicates(corpus, timeline).pairs


def find_duplicates(corpus: Corpus, timeline: tuple[Event, ...]) -> PossibleDuplicates:
    """Return the messages of different events that are at least the review's
    `duplicate_threshold` alike, in *timeline*'s order (merge's chronological order): pairs (the
    best DUPLICATE_MATCHES earlier look-alikes of each message), and groups of more than
    DUPLICATE_GROUP, in document order."""
    threshold = corpus.review.duplicate_threshold
    rank = {event.id: index for index, event in enumerate(timeline)}
    messages = sorted(
        (message for summary in corpus.summaries for message in summary.messages if message.same_as is None),
        key=lambda message: rank.get(message.event, len(rank)),
    )
    stakeholders = {event.id for event in timeline if event.stakeholder}
    parts: dict[tuple[bool, int | None], list[KeyMessage]] = {}
    for message in messages:  # by part (main body or annex), then objective
        parts.setdefault((message.event in stakeholders, message.primary_objective), []).append(message)
    pairs: list[Duplicate] = []
    groups: list[LookAlikes] = []
    for (_, objective), group in parts.items():
        matches = sorted(_best_matches(group, threshold))
        roots = _roots(len(group), matches)
        linked: dict[int, list[int]] = {}
        for position, root in enumerate(roots):
            linked.setdefault(root, []).append(position)
        lowest: dict[int, int] = {}
        for first, _, score in matches:
            lowest[roots[first]] = min(lowest.get(roots[first], score), score)
        grouped: set[int] = set()
        for root, members in linked.items():
            if len(members) > DUPLICATE_GROUP:
                grouped.update(members)
                uids = tuple(group[position].uid for position in members)
                groups.append(LookAlikes(uids, lowest[root], objective, group[members[0]].location))
        pairs += (
            Duplicate(group[first].uid, group[later].uid, score, objective, group[later].location)
            for first, later, score in matches
            if later not in grouped
        )
    return PossibleDuplicates(tuple(pairs), tuple(groups))


def _comparable(message: KeyMessage) -> dict[str, str]:
    """Return each text of *message* as it is compared: normalized, its words sorted once here, so
    that comparing two is a plain ratio (what token_sort_ratio does, without sorting every time)."""
    return {
        code: " ".join(sorted(utils.default_process(normalize_for_matching(text)).split()))
        for code, text in message.text.items()
    }


def _best_matches(group: list[KeyMessage], threshold: int) -> Iterator[tuple[int, int, int]]:
    """Yield (earlier, later, similarity) for the best DUPLICATE_MATCHES earlier messages of other
    events, not set apart, at least *threshold* like each message of *group* (positions in it),
    in its best language; the earliest first among equals.

    DUPLICATE_ROWS later messages are scored against all earlier ones at a time, in C++
    (rapidfuzz's cdist) on every core, so memory stays a few MB whatever the group's size."""
    if len({message.event for message in group}) < 2:
        return  # one event's messages are its editor's own business
    texts = [_comparable(message) for message in group]
    position = {message.uid: index for index, message in enumerate(group)}
    event_ids = {event: index for index, event in enumerate(dict.fromkeys(m.event for m in group))}
    events = numpy.array([event_ids[message.event] for message in group], dtype=numpy.int32)
    apart = {  # (later, earlier) positions of the pairs a distinct_from sets apart
        (max(index, position[other]), min(index, position[other]))
        for index, message in enumerate(group)
        for other in message.distinct_from
        if other in position
    }
    languages = {
        code: numpy.array([index for index, text in enumerate(texts) if text.get(code)], dtype=numpy.intp)
        for code in sorted({code for text in texts for code in text})
    }
    for start in range(0, len(group), DUPLICATE_ROWS):
        stop = min(start + DUPLICATE_ROWS, len(group))
        best = numpy.zeros((stop - start, stop), dtype=numpy.uint8)  # later (rows) × earlier
        for code, positions in languages.items():
            rows = positions[(positions >= start) & (positions < stop)]
            columns = positions[positions < stop]
            if rows.size and columns.size:
                scores = process.cdist(
                    [texts[row][code] for row in rows],
                    [texts[column][code] for column in columns],
                    scorer=fuzz.ratio,
                    processor=None,
                    score_cutoff=threshold,
                    dtype=numpy.uint8,
                    workers=-1,
                )
                if rows.size == stop - start and columns.size == stop:  # every message has the language
                    numpy.maximum(best, scores, out=best)
                else:
                    cells = numpy.ix_(rows - start, columns)
                    best[cells] = numpy.maximum(best[cells], scores)
        best[:, start:][numpy.triu_indices(stop - start)] = 0  # a message and the later ones
        best[events[None, :stop] == events[start:stop, None]] = 0
        for first, second in apart:
            if start <= first < stop:
                best[first - start, second] = 0
        yield from _top(best, start)


def _top(best: NDArray[numpy.uint8], start: int) -> Iterator[tuple[int, int, int]]:
    """Yield (earlier, later, similarity) for the DUPLICATE_MATCHES highest scores of each row of
    *best* (row 0 is message *start*), the earliest first among equals (argmax's first)."""
    rows = numpy.flatnonzero(best.any(axis=1))
    scores = best[rows]
    for _ in range(min(DUPLICATE_MATCHES, best.shape[1])):
        columns = scores.argmax(axis=1)
        found = scores[numpy.arange(rows.size), columns]
        for row, column, score in zip(rows, columns, found, strict=True):
            if score:
                yield int(column), start + int(row), int(score)
        scores[numpy.arange(rows.size), columns] = 0


def _roots(size: int, matches: list[tuple[int, int, int]]) -> list[int]:
    """Return, for each position 0 to *size*, the first position of the set *matches* link it to
    (itself when none)."""
    parent = list(range(size))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    for first, later, _ in matches:
        low, high = sorted((root(first), root(later)))
        parent[high] = low
    return [root(position) for position in range(size)]
