"""What `outcome absorb` found and did, said for the terminal and, for the comments, written to
build/comments.<language>.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.build.absorb_read import Comment
from pipeline.errors import display_path

EXCERPT = 70
_WHERE = {  # where a paragraph the pipeline writes comes from, by its style
    "UN": "review.yaml (the masthead)",
    "Table": "events.yaml (the timeline)",
    "NumberedParagraph": "events.yaml and the fixed words of pipeline/languages.py (chapter II)",
}


def written_from(style: str) -> str:
    """Say where a paragraph the pipeline writes, in the paragraph style *style*, comes from."""
    found = next((source for prefix, source in _WHERE.items() if style.startswith(prefix)), "")
    return found or "the GCM reference data and review.yaml (headings)"


def quoted(text: str) -> str:
    """Return *text* between quotes, as written (no escapes: an editor reads it)."""
    return f"'{text}'"


def excerpt(text: str, length: int = EXCERPT) -> str:
    """Return *text* quoted, shortened to about *length* characters."""
    return quoted(text if len(text) <= length else text[: length - 1].rstrip() + "…")


def change(old: str, new: str) -> str:
    """Return "'…old…' → '…new…'", both cut to show where they differ."""
    start = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
    )
    start = max(0, start - 20)
    start = old.rfind(" ", 0, start) + 1 if start else 0  # from the beginning of a word
    return (
        f"{excerpt(('…' if start else '') + old[start:])} → {excerpt(('…' if start else '') + new[start:])}"
    )


@dataclass
class Absorbed:
    """What absorbing found and did."""

    language: str
    written: list[str] = field(default_factory=list)  # "uid: old → new"
    conflicts: list[str] = field(default_factory=list)
    not_absorbable: list[str] = field(default_factory=list)
    deleted: list[tuple[str, str, bool]] = field(default_factory=list)  # (uid, as said, known for certain)
    deletions: dict[str, str] = field(default_factory=dict)  # what became of each: "removed from…"
    added: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)
    comments: list[tuple[str, Comment]] = field(default_factory=list)  # (the message or paragraph, comment)
    comments_file: Path | None = None

    def describe(self, dry_run: bool) -> str:
        lines = [f"conflict: {line}" for line in self.conflicts]
        lines += [f"not absorbable: {line}" for line in self.not_absorbable]
        for uid, said, certain in self.deleted:
            kept = "kept in the sources; --apply-deletions removes it" if certain else "kept in the sources"
            lines.append(
                f"deleted in the document ({self.deletions.get(uid, kept) if certain else kept}): {said}"
            )
        lines += [f"added in the document (not made a message): {line}" for line in self.added]
        lines += [
            f"moved in the document (not absorbed: a message's place follows its objectives and its "
            f"summary): {line}"
            for line in self.moved
        ]
        lines += [f"tracked change taken as accepted: {line}" for line in self.pending]
        lines += [f"comment on {where} by {c.author} ({c.date}): {c.text}" for where, c in self.comments]
        if self.comments_file:
            lines.append(f"Comments {'would be ' * dry_run}written to {display_path(self.comments_file)}.")
        verb = "Would write" if dry_run else "Wrote"
        lines += [f"{verb}: {line}" for line in self.written]
        lines += [f"to check: {line}" for line in self.reminders]
        count = len(self.written)
        lines.append(
            f"{verb} {count} edited text{'s' * (count != 1)} in '{self.language}'"
            + (f"; {len(self.conflicts)} in conflict, nothing written for them." if self.conflicts else ".")
        )
        return "\n".join(lines)
