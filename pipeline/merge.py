"""Merge: arrange every message into the outcome's structure and number its paragraphs.

The main body holds the messages of all events except the stakeholder consultations, grouped by
IMRF round-table cluster, then by primary objective (or by objective alone), then the
cross-cutting messages, numbered on from the paragraphs of chapters I and II; the annex holds the
stakeholder consultations' messages, grouped the same way and numbered on its own from 1.
Within an objective, messages follow the events' dates, then the order of each summary, so the
result does not depend on the order files were read in. A message
marked `same_as` another is not a paragraph of its own: the other's paragraph stands for both, and
its footnote names both events.
"""

from __future__ import annotations

from pipeline.gcm import Reference
from pipeline.languages import Localized
from pipeline.model import (
    ClusterSection,
    Corpus,
    Event,
    GroupBy,
    KeyMessage,
    ObjectiveSection,
    OutcomeDocument,
    Paragraph,
    Part,
    paragraphs_before_messages,
)


def chronological(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Return *events* by the date they end, then the date they start, then their order in the timeline.

    Ending first puts "the second half of 2024" after "September 2024", as a reader expects, and
    leaves single days and months in calendar order.
    """
    order = {event.id: index for index, event in enumerate(events)}
    return tuple(sorted(events, key=lambda event: (event.date.end, event.date.start, order[event.id])))


def merge(corpus: Corpus) -> OutcomeDocument:
    """Return the outcome document built from the summaries of the corpus's events."""
    timeline = chronological(corpus.timeline)
    by_event = {summary.event: summary for summary in corpus.summaries}
    body: list[KeyMessage] = []
    annex: list[KeyMessage] = []
    repeats: dict[str, list[KeyMessage]] = {}
    for event in timeline:
        for message in by_event[event.id].messages if event.id in by_event else ():
            if message.same_as is not None:
                repeats.setdefault(message.same_as, []).append(message)
            else:
                (annex if event.stakeholder else body).append(message)
    group_by, reference = corpus.review.group_by, corpus.reference
    return OutcomeDocument(
        review=corpus.review,
        front=corpus.front,
        timeline=timeline,
        without_summary=tuple(event.id for event in timeline if event.id not in by_event),
        body=_part(
            body, group_by, reference, repeats, timeline, first=paragraphs_before_messages(corpus.front) + 1
        ),
        annex=_part(annex, group_by, reference, repeats, timeline, first=1),
    )


def _part(
    messages: list[KeyMessage],
    group_by: GroupBy,
    reference: Reference,
    repeats: dict[str, list[KeyMessage]],
    timeline: tuple[Event, ...],
    first: int,
) -> Part:
    """Group *messages* (in chronological order) and number them from *first*; each paragraph
    stands for its message and the *repeats* of it (messages marked `same_as` it)."""
    numbers = iter(range(first, first + len(messages)))
    rank = {event.id: index for index, event in enumerate(timeline)}

    def paragraph(message: KeyMessage) -> Paragraph:
        same = repeats.get(message.uid, [])
        # The footnote names the events in the timeline's order, whichever message was marked.
        ordered = sorted([message, *same], key=lambda item: rank[item.event])
        events = tuple(dict.fromkeys(item.event for item in ordered))
        merged = tuple(repeat.uid for repeat in same)
        return Paragraph(number=next(numbers), events=events, message=message, merged=merged)

    def paragraphs(selected: list[KeyMessage]) -> tuple[Paragraph, ...]:
        return tuple(map(paragraph, selected))

    def section(objective_number: int) -> ObjectiveSection | None:
        selected = [m for m in messages if m.primary_objective == objective_number]
        if not selected:
            return None
        title = reference.objective(objective_number).title
        return ObjectiveSection(objective=objective_number, title=title, paragraphs=paragraphs(selected))

    groups: list[tuple[int | None, Localized | None, list[int]]]
    if group_by is GroupBy.CLUSTER:
        groups = [(table.number, table.title, sorted(table.objectives)) for table in reference.round_tables]
    else:
        groups = [(None, None, list(reference.objective_numbers))]
    clusters = []
    for round_table, title, objective_numbers in groups:
        sections = tuple(filter(None, map(section, objective_numbers)))
        if sections:
            clusters.append(ClusterSection(round_table=round_table, title=title, objectives=sections))
    cross_cutting = paragraphs([m for m in messages if m.primary_objective is None])
    return Part(clusters=tuple(clusters), cross_cutting=cross_cutting)
