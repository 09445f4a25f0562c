"""The summary of a redline, for the terminal and build/redline.<FROM>.<TO>.md: each message
inserted, deleted, edited or moved, by the objective it stands under (a moved one under both),
with its paragraph numbers before and after; each objective heading that appears or goes; then
every paragraph renumbered, which delegations cite in negotiations."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pipeline.drafts.changes import PARTS, MessageChange, Position, Renumbered, SectionChange
from pipeline.drafts.compare import Redline
from pipeline.render.tracked import Change


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _where(objective: int | None) -> str:
    return f"Objective {objective}" if objective is not None else "Cross-cutting messages"


def _grouping(round_table: int | None) -> str:
    return f"round table {round_table}" if round_table is not None else "no round table"


def _numbers(change: MessageChange) -> str:
    before, after = change.before, change.after
    assert before is not None and after is not None
    was = f" (was {before.number})" if before.number != after.number else ""
    return f"paragraph {after.number}{was}"


def _what(change: MessageChange, edited: list[str], footnoted: list[str]) -> list[str]:
    """Return what happened to a message that stayed, besides a move: its text, its footnote."""
    said = [f"edited ({', '.join(edited)})"] if edited else []
    return said + ([f"footnote changed ({', '.join(footnoted)})"] if footnoted else [])


def _lines(change: MessageChange, edited: list[str], footnoted: list[str]) -> Iterator[tuple[Position, str]]:
    """Yield each line the summary gives *change*, with the place it stands under."""
    before, after, uid = change.before, change.after, change.uid
    if after is None:
        assert before is not None
        host = change.merged_into
        merged = f"; merged into {host[0]}, paragraph {host[1]}" if host else ""
        yield before, f"- deleted: {uid}, was paragraph {before.number}{merged}"
        return
    if before is None:
        yield after, f"- inserted: {uid}, now paragraph {after.number}"
        return
    what = _what(change, edited, footnoted)
    if change.change is Change.EDITED:
        yield after, f"- {', '.join(what)}: {uid}, {_numbers(change)}"
        return
    also = "".join(f", and {item}" for item in what)
    if before.part != after.part:
        was = f"{_where(before.objective).lower()} of the {before.part}"
        yield before, f"- moved to the {after.part}: {uid}, was paragraph {before.number}"
        yield after, f"- moved from {was}{also}: {uid}, paragraph {after.number} (was {before.number})"
        return
    if before.objective == after.objective:
        if before.round_table == after.round_table:
            moved = "moved within the objective"
        else:
            moved = f"regrouped from {_grouping(before.round_table)} to {_grouping(after.round_table)}"
        yield after, f"- {moved}{also}: {uid}, {_numbers(change)}"
        return
    yield before, f"- moved to {_where(after.objective).lower()}: {uid}, was paragraph {before.number}"
    yield after, f"- moved from {_where(before.objective).lower()}{also}: {uid}, {_numbers(change)}"


def _heading(section: SectionChange) -> str:
    if section.change is Change.DELETED:
        return "- heading deleted: no message is left under it"
    return "- heading inserted: its first message"


def summarize(redlines: Mapping[str, Redline], old: str, new: str) -> str:
    """Return the summary of the *redlines* (one per language) from draft *old* to *new* as Markdown."""
    changes: dict[str, MessageChange] = {}
    edited: dict[str, list[str]] = {}
    footnoted: dict[str, list[str]] = {}
    renumbered: dict[str, Renumbered] = {}
    sections: dict[tuple[str, int | None], SectionChange] = {}
    for language, redline in redlines.items():
        for change in redline.changes:
            changes.setdefault(change.uid, change)  # the same in every language, but for its edits
            if change.edited:
                edited.setdefault(change.uid, []).append(language)
            if change.footnote_edited:
                footnoted.setdefault(change.uid, []).append(language)
        renumbered |= {item.uid: item for item in redline.renumbered}
        sections |= {(item.part, item.objective): item for item in redline.sections}
    kinds = [change.change for change in changes.values()]
    text_edits = sum(
        kind is Change.EDITED and uid in edited for kind, uid in zip(kinds, changes, strict=True)
    )
    lines = [
        f"# Changes from {old} to {new}",
        "",
        f"{kinds.count(Change.INSERTED)} inserted, {kinds.count(Change.DELETED)} deleted, "
        f"{text_edits} edited, {kinds.count(Change.MOVED_TO)} moved, "
        f"{_count(kinds.count(Change.EDITED) - text_edits, 'footnote')} changed; "
        f"{_count(len(renumbered), 'paragraph')} renumbered.",
    ]
    for part in PARTS:
        by_place: dict[int | None, list[tuple[int, str, str]]] = {}
        for section in sections.values():
            if section.part == part:
                by_place.setdefault(section.objective, []).append((0, "", _heading(section)))
        for change in changes.values():
            for position, line in _lines(change, edited.get(change.uid, []), footnoted.get(change.uid, [])):
                if position.part == part:
                    by_place.setdefault(position.objective, []).append((position.number, change.uid, line))
        if not by_place:
            continue
        lines += ["", f"## The {part}"]
        for place in sorted(by_place, key=lambda objective: (objective is None, objective or 0)):
            lines += ["", f"### {_where(place)}", ""]
            lines += [line for _, _, line in sorted(by_place[place])]
    if renumbered:
        lines += ["", "## Paragraphs renumbered", "", "| part | message | was | now |", "|---|---|---|---|"]
        for item in sorted(renumbered.values(), key=lambda item: (item.part != PARTS[0], item.old_number)):
            lines.append(f"| {item.part} | {item.uid} | {item.old_number} | {item.new_number} |")
    return "\n".join(lines) + "\n"
