"""The rules of `outcome check`: each returns its findings about an assessed outcome.

Warnings say what an editor should look at before a deadline; with `final`, what must not reach
the General Assembly becomes an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.checks.assessment import Assessment
from pipeline.checks.findings import Finding, Level
from pipeline.checks.parity import parity
from pipeline.languages import LANGUAGES
from pipeline.limits import DUPLICATE_GROUP
from pipeline.translations import stale

PLACEHOLDERS = ("…", "...")
_SAMPLE = "marked 'illustrative: true': sample content, to be replaced by the real text"


def findings(
    assessment: Assessment, final: bool = False, problems: tuple[Finding, ...] = ()
) -> tuple[Finding, ...]:
    """Return every finding about *assessment*, with the *problems* found reading the sources,
    errors first, each group by place."""
    rules = (_objectives, _translations, _duplicates, _length, _dates, subheadings)
    found = [*problems, *(finding for rule in rules for finding in rule(assessment, final))]
    found += parity(assessment.views)
    if final:
        found += _final(assessment)
    return tuple(sorted(found))


def _level(final: bool) -> Level:
    return Level.ERROR if final else Level.WARNING


def _objectives(assessment: Assessment, final: bool) -> Iterator[Finding]:
    for message in assessment.messages:
        if not message.objectives:
            yield Finding(
                Level.WARNING,
                message.location,
                f"message '{message.uid}'",
                "names no objective: it stands among the cross-cutting messages",
            )
    named = {number for message in assessment.messages for number in message.objectives}
    for objective in assessment.corpus.reference.objectives:
        if objective.number not in named:
            yield Finding(
                Level.WARNING,
                None,
                f"objective {objective.number} ({objective.short_title.get('en', '')})",
                "no event addressed it",
            )


def _translations(assessment: Assessment, final: bool) -> Iterator[Finding]:
    languages = assessment.corpus.review.languages
    for message in assessment.messages:
        if message.same_as is not None:
            continue  # not printed: the message it repeats stands for it
        outdated = {translation.language: translation for translation in stale(message)}
        for code in languages:
            if not message.text.get(code):
                yield Finding(
                    _level(final),
                    message.location,
                    f"message '{message.uid}'",
                    f"has no '{code}' text: the {LANGUAGES[code].name} document marks its "
                    "translation as pending",
                )
            elif code in outdated:
                yield Finding(
                    _level(final),
                    message.location,
                    f"message '{message.uid}'",
                    f"has a stale translation: its '{code}' text was made from an earlier "
                    f"'{outdated[code].source}' text; update it, then run `outcome translations confirm "
                    f"{message.uid}` (the {LANGUAGES[code].name} document marks it as pending)",
                )


def _duplicates(assessment: Assessment, final: bool) -> Iterator[Finding]:
    for pair in assessment.duplicates:
        yield Finding(
            Level.WARNING,
            pair.location,
            f"message '{pair.later}'",
            f"may say the same as '{pair.earlier}' ({pair.similarity} % alike): mark it "
            f"'same_as: {pair.earlier}' to merge them, or 'distinct_from: [{pair.earlier}]'",
        )
    for group in assessment.look_alikes:
        what = f"messages under objective {group.objective}" if group.objective else "cross-cutting messages"
        named = ", ".join(f"'{uid}'" for uid in group.messages[: DUPLICATE_GROUP + 1])
        more = len(group.messages) - DUPLICATE_GROUP - 1
        yield Finding(
            Level.WARNING,
            group.location,
            f"{len(group.messages):,} {what}",
            f"may say the same (each at least {group.similarity} % like another of them): {named}"
            f"{f' and {more:,} more' if more else ''}; mark each repeat 'same_as: <the message it "
            "repeats>' to merge them, or 'distinct_from: [<message>]' to set it apart",
        )
    known = {message.uid for message in assessment.messages}
    for message in assessment.messages:
        for other in message.distinct_from:
            if other not in known:
                yield Finding(
                    Level.WARNING,
                    message.location,
                    f"message '{message.uid}'",
                    f"distinct_from names '{other}', which is no message",
                )


def _length(assessment: Assessment, final: bool) -> Iterator[Finding]:
    for count in assessment.words:
        if count.over:
            yield Finding(
                _level(final),
                assessment.corpus.review.places.get("word_limit", assessment.review_file),
                f"the {LANGUAGES[count.language].name} document",
                f"has {count.total:,} words, {count.over:,} over the word limit of {count.limit:,}",
            )


def subheadings(assessment: Assessment, final: bool) -> Iterator[Finding]:
    """Yield a finding for each part with one lettered subheading: UN documents have a "B." for
    every "A." (a level with one subheading drops it)."""
    view = assessment.views[0]  # the structure is the same in every language
    review = assessment.corpus.review
    for name, part, extra in (
        ("main body", view.body, 0),
        ("annex", view.annex, int(bool(view.annex.cross_cutting))),
    ):
        lettered = sum(1 for cluster in part.clusters if cluster.title) + extra
        if lettered == 1:
            yield Finding(
                _level(final),
                review.places.get("group_by", assessment.review_file),
                f"the {name}",
                "has one lettered subheading (A.) and no B.: UN documents drop a subheading that "
                "stands alone; set 'group_by: objective', or wait for messages under another cluster",
            )


def _dates(assessment: Assessment, final: bool) -> Iterator[Finding]:
    review = assessment.corpus.review
    contributing = {message.event for message in assessment.messages}
    for event in assessment.outcome.timeline:
        if event.date.start > review.date and event.id in contributing:
            yield Finding(
                _level(final),
                event.location,
                f"event '{event.id}'",
                f"is dated {event.date}, after the document's date ({review.date.isoformat()}), "
                "yet contributes messages",
            )


def _final(assessment: Assessment) -> Iterator[Finding]:
    """Yield what must not reach the General Assembly."""
    corpus, review_file = assessment.corpus, assessment.review_file
    for summary in corpus.summaries:
        for sample in summary.samples:
            yield Finding(Level.ERROR, sample, f"event '{summary.event}'", _SAMPLE)
    for chapter in corpus.front:
        if chapter.illustrative:
            subject = f"the {chapter.name} ({chapter.language})"
            yield Finding(Level.ERROR, chapter.location, subject, _SAMPLE)
    review = corpus.review
    if any(mark in review.symbol for mark in PLACEHOLDERS) or not review.symbol.strip("…. "):
        problem = f"'{review.symbol}' is a placeholder: give the symbol assigned"
        yield Finding(Level.ERROR, review.places.get("symbol", review_file), "the symbol", problem)
    if review.draft_label:
        label = ", ".join(f"{code}: {text}" for code, text in review.draft_label.items())
        where = review.places.get("draft_label", review_file)
        yield Finding(
            Level.ERROR, where, "the draft label", f"remove draft_label for the final version ({label})"
        )
    yield from _working_translations(assessment)
    for event in corpus.timeline:
        if event.awaiting_summary:
            yield Finding(Level.ERROR, event.location, f"event '{event.id}'", "its summary is still awaited")


def _working_translations(assessment: Assessment) -> Iterator[Finding]:
    """Yield the Arabic titles the document prints that are not the official text."""
    if "ar" not in assessment.corpus.review.languages:
        return
    reference, outcome = assessment.corpus.reference, assessment.outcome
    parts = (outcome.body, outcome.annex)
    printed = {
        section.objective for part in parts for cluster in part.clusters for section in cluster.objectives
    }
    tables = {cluster.round_table for part in parts for cluster in part.clusters if cluster.round_table}
    titles = [
        (f"objective {o.number}", o.location, o.ar_official, o.number in printed)
        for o in reference.objectives
    ]
    titles += [
        (f"round table {t.number}", t.location, t.ar_official, t.number in tables)
        for t in reference.round_tables
    ]
    for subject, location, official, shown in titles:
        if shown and not official:
            yield Finding(
                Level.ERROR,
                location,
                subject,
                "its Arabic title is a working translation (ar_official: false)",
            )
