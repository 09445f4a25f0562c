"""The typed data that flows from stage to stage.

    collect ──Sources──▶ normalize ──Corpus──▶ merge ──OutcomeDocument──▶ render

The review, its events and their messages (review.py), the values that pass between the stages
(stages.py), and the outcome (outcome.py). Fields of the records written to build/ are declared
in the order they are written (see pipeline.plain).
"""

from pipeline.model.outcome import (
    ClusterSection,
    ObjectiveSection,
    OutcomeDocument,
    Paragraph,
    Part,
    paragraphs_before_messages,
)
from pipeline.model.review import (
    EVENT_ID,
    Attribution,
    Block,
    Event,
    EventDate,
    FrontMatter,
    GroupBy,
    KeyMessage,
    Kind,
    PdfEngine,
    Phase,
    Precision,
    Report,
    Review,
    Summary,
    Translation,
    event_id_problem,
)
from pipeline.model.stages import Corpus, ReportFile, Sources, SummaryFile

__all__ = [
    "Block",
    "ClusterSection",
    "Corpus",
    "EVENT_ID",
    "Event",
    "EventDate",
    "FrontMatter",
    "Attribution",
    "GroupBy",
    "KeyMessage",
    "Kind",
    "ObjectiveSection",
    "OutcomeDocument",
    "Paragraph",
    "Part",
    "PdfEngine",
    "Phase",
    "Precision",
    "Report",
    "ReportFile",
    "Review",
    "Sources",
    "Summary",
    "Translation",
    "SummaryFile",
    "event_id_problem",
    "paragraphs_before_messages",
]
