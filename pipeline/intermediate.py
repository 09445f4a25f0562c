"""Write the stages' inspectable results: build/normalized/<event>.yaml and build/merged.yaml."""

from __future__ import annotations

from pathlib import Path

from pipeline import yamlio
from pipeline.model import (
    SOURCE_LANGUAGES,
    Event,
    KeyMessage,
    Localized,
    OutcomeDocument,
    Paragraph,
    Part,
    Summary,
)

NORMALIZED_DIR = "normalized"
MERGED_FILE = "merged.yaml"
_HEADER = "Written by `outcome build` from the sources; edit the sources, not this file."


def _localized(text: Localized) -> dict[str, str]:
    return {language: text.get(language) for language in SOURCE_LANGUAGES if text.get(language)}


def _relative(path: Path, sources: Path) -> str:
    """Return *path* as written below the sources folder, so outputs do not depend on where it is."""
    try:
        return path.resolve().relative_to(sources.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _message(message: KeyMessage, sources: Path) -> dict:
    return {
        "id": message.uid,
        "kind": message.kind.value,
        "objectives": list(message.objectives),
        "principles": list(message.principles),
        "text": _localized(message.text),
        "source": f"{_relative(message.location.path, sources)}:{message.location.line}",
    }


def write_normalized(summaries: tuple[Summary, ...], sources: Path, build: Path) -> tuple[Path, ...]:
    """Write one YAML file per summary under build/normalized/, removing files of past builds."""
    folder = build / NORMALIZED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for summary in summaries:
        path = folder / f"{summary.event}.yaml"
        yamlio.dump(
            {
                "event": summary.event,
                "language": summary.language,
                "illustrative": summary.illustrative,
                "source": _relative(summary.location.path, sources),
                "messages": [_message(message, sources) for message in summary.messages],
            },
            path,
            header=_HEADER,
        )
        written.append(path)
    for stale in sorted(set(folder.glob("*.yaml")) - set(written)):
        stale.unlink()
    return tuple(written)


def _event(event: Event) -> dict:
    return {
        "id": event.id,
        "date": str(event.date),
        "phase": event.phase.value,
        "closed": event.closed,
        "stakeholder": event.stakeholder,
        "organizer": _localized(event.organizer),
        "title": _localized(event.title),
    }


def _paragraph(paragraph: Paragraph, sources: Path) -> dict:
    return {
        "number": paragraph.number,
        "events": list(paragraph.events),
        **_message(paragraph.message, sources),
    }


def _part(part: Part, sources: Path) -> dict:
    return {
        "clusters": [
            {
                "round_table": cluster.round_table.number if cluster.round_table else None,
                "title": _localized(cluster.round_table.title) if cluster.round_table else None,
                "objectives": [
                    {
                        "objective": section.objective.number,
                        "title": _localized(section.objective.title),
                        "paragraphs": [_paragraph(p, sources) for p in section.paragraphs],
                    }
                    for section in cluster.objectives
                ],
            }
            for cluster in part.clusters
        ],
        "cross_cutting": [_paragraph(p, sources) for p in part.cross_cutting],
    }


def outcome_data(outcome: OutcomeDocument, sources: Path) -> dict:
    """Return the merged outcome as plain data, in document order."""
    review = outcome.review
    return {
        "review": {
            "title": _localized(review.title),
            "subtitle": _localized(review.subtitle),
            "symbol": review.symbol,
            "date": review.date.isoformat(),
            "languages": list(review.languages),
            "original_language": review.original_language,
            "draft_label": _localized(review.draft_label),
            "word_limit": review.word_limit,
            "deadline": review.deadline.isoformat(),
            "group_by": review.group_by.value,
            "organ": _localized(review.organ),
            "session": _localized(review.session),
            "distribution": review.distribution,
        },
        "front": [
            {"name": front.name, "language": front.language, "paragraphs": list(front.paragraphs)}
            for front in outcome.front
        ],
        "timeline": [_event(event) for event in outcome.timeline],
        "without_summary": [event.id for event in outcome.without_summary],
        "body": _part(outcome.body, sources),
        "annex": _part(outcome.annex, sources),
    }


def write_merged(outcome: OutcomeDocument, sources: Path, build: Path) -> Path:
    """Write build/merged.yaml."""
    path = build / MERGED_FILE
    yamlio.dump(outcome_data(outcome, sources), path, header=_HEADER)
    return path
