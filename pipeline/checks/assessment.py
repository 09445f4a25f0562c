"""Everything the checks and the status report look at, worked out once: the corpus, the merged
outcome, its view in each language, its word counts and its possible duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.checks.duplicates import Duplicate, LookAlikes, find_duplicates
from pipeline.checks.words import WordCount, count_words
from pipeline.errors import Location
from pipeline.model import Corpus, KeyMessage, OutcomeDocument
from pipeline.render.view import DocumentView, document_view

REVIEW_FILE = "review.yaml"


@dataclass(frozen=True)
class Assessment:
    corpus: Corpus
    outcome: OutcomeDocument
    views: tuple[DocumentView, ...]
    words: tuple[WordCount, ...]
    duplicates: tuple[Duplicate, ...]
    look_alikes: tuple[LookAlikes, ...]  # groups of many messages alike, apart from the pairs

    @property
    def messages(self) -> tuple[KeyMessage, ...]:
        """Return every message of every summary, in the order of the summaries."""
        return tuple(message for summary in self.corpus.summaries for message in summary.messages)

    @property
    def review_file(self) -> Location:
        return Location(self.corpus.folder / REVIEW_FILE)


def assess(corpus: Corpus, outcome: OutcomeDocument) -> Assessment:
    """Return the assessment of *outcome*, merged from *corpus*."""
    views = tuple(document_view(outcome, code) for code in corpus.review.languages)
    duplicates = find_duplicates(corpus, outcome.timeline)
    return Assessment(
        corpus=corpus,
        outcome=outcome,
        views=views,
        words=tuple(count_words(view, corpus.review.word_limit) for view in views),
        duplicates=duplicates.pairs,
        look_alikes=duplicates.groups,
    )
