"""Merge: structure, numbering and provenance; no message lost, duplicated or order-dependent."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import Location
from pipeline.languages import Localized
from pipeline.merge import chronological, merge
from pipeline.model import (
    Corpus,
    Event,
    EventDate,
    FrontMatter,
    GroupBy,
    KeyMessage,
    Kind,
    OutcomeDocument,
    Phase,
    Precision,
    Review,
    Summary,
)
from pipeline.reference import load_reference

REFERENCE = load_reference()
HERE = Location(Path("test.yaml"), 1, 1)


def review(group_by: GroupBy = GroupBy.CLUSTER) -> Review:
    return Review(
        title=Localized(ar="عنوان", en="Title"),
        subtitle=Localized(),
        symbol="A/79/…",
        date=datetime.date(2024, 9, 16),
        languages=("ar", "en"),
        original_language="en",
        draft_label=Localized(),
        word_limit=10700,
        deadline=datetime.date(2024, 9, 30),
        group_by=group_by,
        organ=Localized(ar="الجمعية العامة", en="General Assembly"),
        session=Localized(),
        distribution="General",
    )


def event(event_id: str, day: datetime.date, stakeholder: bool = False) -> Event:
    return Event(
        id=event_id,
        title=Localized(ar="حدث", en="Event"),
        organizer=Localized(ar="منظم", en="Organizer"),
        date=EventDate(day, day, Precision.DAY),
        phase=Phase.PREPARATORY,
        closed=False,
        stakeholder=stakeholder,
        awaiting_summary=False,
        location=HERE,
    )


def message(event_id: str, message_id: str, objectives: tuple[int, ...]) -> KeyMessage:
    return KeyMessage(
        uid=f"{event_id}#{message_id}",
        event=event_id,
        id=message_id,
        text=Localized(en=f"Message {message_id} of {event_id}."),
        objectives=objectives,
        principles=(),
        kind=Kind.KEY_MESSAGE,
        location=HERE,
    )


def summary(event_id: str, messages: list[KeyMessage]) -> Summary:
    return Summary(
        event=event_id, language="en", illustrative=False, source=HERE.path, messages=tuple(messages)
    )


def merged(
    review: Review,
    events: tuple[Event, ...],
    summaries: tuple[Summary, ...],
    front: tuple[FrontMatter, ...] = (),
) -> OutcomeDocument:
    corpus = Corpus(
        folder=Path("sources"),
        review=review,
        timeline=events,
        front=front,
        summaries=summaries,
        reference=REFERENCE,
    )
    return merge(corpus)


def uids(part) -> list[str]:
    return [paragraph.message.uid for paragraph in part.paragraphs()]


def test_groups_by_cluster_then_primary_objective():
    day = datetime.date(2024, 1, 1)
    events = (event("e", day),)
    messages = [
        message("e", "data", (1,)),  # round table 4
        message("e", "detention", (13, 1)),  # round table 2; 1 is secondary
        message("e", "pathways", (5,)),  # round table 1
        message("e", "general", ()),
    ]
    outcome = merged(review(), events, (summary("e", messages),))
    clusters = [(c.round_table, [s.objective for s in c.objectives]) for c in outcome.body.clusters]
    assert clusters == [(1, [5]), (2, [13]), (4, [1])]
    assert uids(outcome.body) == ["e#pathways", "e#detention", "e#data", "e#general"]
    # Numbered on after chapter II's paragraph (there is no introduction here).
    assert [p.number for p in outcome.body.paragraphs()] == [2, 3, 4, 5]
    assert [p.message.uid for p in outcome.body.cross_cutting] == ["e#general"]


def test_the_body_is_numbered_on_from_the_introduction_and_chapter_two():
    introduction = tuple(
        FrontMatter(
            name="introduction",
            language=language,
            paragraphs=("One.", "Two.", "Three."),
            location=Location(Path(f"introduction.{language}.md")),
        )
        for language in ("ar", "en")
    )
    events = (event("e", datetime.date(2024, 1, 1)), event("s", datetime.date(2024, 2, 1), stakeholder=True))
    summaries = (
        summary("e", [message("e", "a", (1,)), message("e", "b", (5,))]),
        summary("s", [message("s", "c", (6,))]),
    )
    outcome = merged(review(), events, summaries, front=introduction)
    assert [p.number for p in outcome.body.paragraphs()] == [5, 6]  # 1-3 the introduction, 4 chapter II
    assert [p.number for p in outcome.annex.paragraphs()] == [1]


def test_groups_by_objective_alone():
    day = datetime.date(2024, 1, 1)
    messages = [message("e", "a", (13,)), message("e", "b", (1,)), message("e", "c", (5,))]
    outcome = merged(review(GroupBy.OBJECTIVE), (event("e", day),), (summary("e", messages),))
    assert len(outcome.body.clusters) == 1 and outcome.body.clusters[0].round_table is None
    assert [s.objective for s in outcome.body.clusters[0].objectives] == [1, 5, 13]


def test_stakeholder_messages_form_the_annex_numbered_on_its_own():
    events = (event("talks", datetime.date(2023, 7, 1)), event("hearing", datetime.date(2024, 7, 2), True))
    summaries = (
        summary("talks", [message("talks", "m1", (6,)), message("talks", "m2", ())]),
        summary("hearing", [message("hearing", "m1", (6,))]),
    )
    outcome = merged(review(), events, summaries)
    assert uids(outcome.body) == ["talks#m1", "talks#m2"]
    assert uids(outcome.annex) == ["hearing#m1"]
    assert [p.number for p in outcome.annex.paragraphs()] == [1]
    assert [p.events for p in outcome.annex.paragraphs()] == [("hearing",)]


def test_messages_of_one_objective_follow_the_event_dates():
    events = (event("later", datetime.date(2024, 5, 1)), event("earlier", datetime.date(2023, 5, 1)))
    summaries = (
        summary("later", [message("later", "m1", (8,))]),
        summary("earlier", [message("earlier", "m1", (8,)), message("earlier", "m2", (8,))]),
    )
    outcome = merged(review(), events, summaries)
    assert uids(outcome.body) == ["earlier#m1", "earlier#m2", "later#m1"]


def test_chronological_breaks_ties_by_timeline_order():
    day = datetime.date(2023, 7, 1)
    events = (event("b", day), event("a", day), event("first", datetime.date(2022, 9, 1)))
    assert [e.id for e in chronological(events)] == ["first", "b", "a"]


def test_a_long_period_comes_after_the_months_it_spans():
    half = Event(
        **{
            **event("plenary", datetime.date(2024, 7, 1)).__dict__,
            "date": EventDate(datetime.date(2024, 7, 1), datetime.date(2024, 12, 31), Precision.MONTH),
        }
    )
    september = Event(
        **{**event("submission", datetime.date(2024, 9, 1)).__dict__, "date": EventDate.month(2024, 9)}
    )
    assert [e.id for e in chronological((half, september))] == ["submission", "plenary"]


def test_events_without_summary_are_listed():
    events = (event("with", datetime.date(2023, 1, 1)), event("without", datetime.date(2023, 2, 1)))
    outcome = merged(review(), events, (summary("with", [message("with", "m1", ())]),))
    assert outcome.without_summary == ("without",)


# --- Properties: nothing lost or duplicated, order of input irrelevant ---------------------------

objective_lists = st.lists(st.integers(1, 23), max_size=3, unique=True).map(tuple)


@st.composite
def corpora(draw):
    """Draw events (some stakeholder, some sharing a date) and their summaries."""
    count = draw(st.integers(1, 8))
    days = draw(
        st.lists(
            st.dates(datetime.date(2022, 1, 1), datetime.date(2024, 12, 31)), min_size=count, max_size=count
        )
    )
    events = tuple(event(f"event-{index}", day, draw(st.booleans())) for index, day in enumerate(days))
    summaries = []
    for item in events:
        if draw(st.booleans()) or item is events[0]:
            objective_sets = draw(st.lists(objective_lists, min_size=1, max_size=6))
            summaries.append(
                summary(item.id, [message(item.id, f"m{n}", objs) for n, objs in enumerate(objective_sets)])
            )
    return events, tuple(summaries), draw(st.sampled_from(list(GroupBy)))


@given(corpora())
def test_every_message_appears_exactly_once(corpus):
    events, summaries, group_by = corpus
    outcome = merged(review(group_by), events, summaries)
    placed = Counter(uids(outcome.body) + uids(outcome.annex))
    written = Counter(m.uid for s in summaries for m in s.messages)
    assert placed == written
    stakeholder = {e.id for e in events if e.stakeholder}
    assert all(p.message.event in stakeholder for p in outcome.annex.paragraphs())
    assert not any(p.message.event in stakeholder for p in outcome.body.paragraphs())


@given(corpora())
def test_paragraphs_are_numbered_one_to_n_in_document_order(corpus):
    events, summaries, group_by = corpus
    outcome = merged(review(group_by), events, summaries)
    for part, first in ((outcome.body, 2), (outcome.annex, 1)):  # the body after chapter II's paragraph
        numbers = [p.number for p in part.paragraphs()]
        assert numbers == list(range(first, first + len(numbers)))


@given(corpora(), st.randoms(use_true_random=False))
def test_output_does_not_depend_on_the_order_of_summaries(corpus, random):
    events, summaries, group_by = corpus
    shuffled = list(summaries)
    random.shuffle(shuffled)
    assert merged(review(group_by), events, summaries) == merged(review(group_by), events, tuple(shuffled))
