"""The summary of a redline, for the terminal and build/redline.<FROM>.<TO>.md: each message
inserted, deleted, edited or moved, by the objective it stands under, with its paragraph numbers
before and after; then every paragraph only renumbered, which delegations cite in negotiations."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.drafts.compare import MessageChange, Redline, Renumbered
from pipeline.render.tracked import Change


def _where(objective: int | None) -> str:
    return f"Objective {objective}" if objective is not None else "Cross-cutting messages"


def _line(change: MessageChange, languages: list[str]) -> str:
    if change.change is Change.INSERTED:
        return f"- inserted: {change.uid}, now paragraph {change.new_number}"
    if change.change is Change.DELETED:
        return f"- deleted: {change.uid}, was paragraph {change.old_number}"
    numbers = f"paragraph {change.new_number}" + (
        f" (was {change.old_number})" if change.old_number != change.new_number else ""
    )
    edited = f"edited ({', '.join(languages)})" if languages else ""
    if change.change is Change.EDITED:
        return f"- {edited}: {change.uid}, {numbers}"
    also = f", and {edited}" if edited else ""
    return f"- moved from {_where(change.old_objective).lower()}{also}: {change.uid}, {numbers}"


def summarize(redlines: Mapping[str, Redline], old: str, new: str) -> str:
    """Return the summary of the *redlines* (one per language) from draft *old* to *new* as Markdown."""
    changes: dict[str, MessageChange] = {}
    edited_in: dict[str, list[str]] = {}
    renumbered: dict[str, Renumbered] = {}
    for language, redline in redlines.items():
        for change in redline.changes:
            kept = changes.setdefault(change.uid, change)
            if change.edited:
                edited_in.setdefault(change.uid, []).append(language)
                if kept.change is Change.EDITED or change.change is Change.MOVED_TO:
                    changes[change.uid] = change
        renumbered |= {item.uid: item for item in redline.renumbered}
    counts = {kind: sum(c.change is kind for c in changes.values()) for kind in Change}
    lines = [
        f"# Changes from {old} to {new}",
        "",
        f"{counts[Change.INSERTED]} inserted, {counts[Change.DELETED]} deleted, "
        f"{counts[Change.EDITED]} edited, {counts[Change.MOVED_TO]} moved; "
        f"{len(renumbered)} paragraphs renumbered.",
    ]
    for part in ("main body", "annex"):
        inside = [c for c in changes.values() if c.part == part]
        if not inside:
            continue
        lines += ["", f"## The {part}"]
        by_place: dict[int | None, list[MessageChange]] = {}
        for change in inside:
            place = change.new_objective if change.new_number is not None else change.old_objective
            by_place.setdefault(place, []).append(change)
        for place in sorted(by_place, key=lambda objective: (objective is None, objective or 0)):
            lines += ["", f"### {_where(place)}", ""]
            ordered = sorted(by_place[place], key=lambda c: (c.new_number or c.old_number or 0, c.uid))
            lines += [_line(change, edited_in.get(change.uid, [])) for change in ordered]
    if renumbered:
        lines += ["", "## Paragraphs renumbered", "", "| part | message | was | now |", "|---|---|---|---|"]
        for item in sorted(renumbered.values(), key=lambda item: (item.part != "main body", item.old_number)):
            lines.append(f"| {item.part} | {item.uid} | {item.old_number} | {item.new_number} |")
    return "\n".join(lines) + "\n"
