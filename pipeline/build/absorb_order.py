"""Where the message paragraphs of an edited outcome document stand, for `outcome absorb`: moved,
deleted (named for certain only when the sources print the messages the document was built with),
or replaced; and the paragraphs added without an anchor, some of them messages whose anchor was
lost (found by their text)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.build.absorb_read import Paragraph, clean, split_label
from pipeline.build.absorb_report import excerpt, quoted
from pipeline.render.anchors import Anchor, digest, message_key, order_digest
from pipeline.render.view import ParagraphView


@dataclass(frozen=True)
class Seen:
    """A message paragraph found in the document: where it stands, after what, under which heading."""

    paragraph: Paragraph
    anchor: Anchor
    after: str
    heading: str
    whole: bool = True  # False: split, or joined with another paragraph (its number not its own)


@dataclass(frozen=True)
class Unanchored:
    """A paragraph with text and no anchor: after what, under which heading, after which message."""

    paragraph: Paragraph
    after: str
    heading: str
    last: int  # the place of the message paragraph before it (0: none)


@dataclass
class Placement:
    found: dict[int, ParagraphView] = field(default_factory=dict)  # by paragraph number
    added: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    deleted: list[tuple[str, str, bool]] = field(default_factory=list)  # (uid, as said, known for certain)
    reminders: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # paragraph numbers changed


def place(
    printed: list[ParagraphView],
    seen: list[Seen],
    emptied: list[tuple[Anchor, bool]],  # and whether its paragraph holds no other text
    unanchored: list[Unanchored],
    built: tuple[int, set[str]],
    uids: Mapping[str, str],
    where: Callable[[Paragraph], str],
) -> Placement:
    """Say where the message paragraphs stand; *built* is how many the document was built with,
    and the hash of their order (from its anchors)."""
    result = Placement()
    order = [p.uid for p in printed]
    count, orders = built
    now = order_digest(message_key(p.uid) + digest(p.written) for p in printed)
    consistent = orders == {now} and len(order) == count
    missing = set(range(1, count + 1)) - {
        a.place for a in (*(s.anchor for s in seen), *(a for a, _ in emptied))
    }
    replaced: set[int] = set()
    for item in unanchored:
        text = item.paragraph.body
        found = next(
            (k for k in sorted(missing) if consistent and text == clean(printed[k - 1].written)), None
        )
        if found is not None:  # its anchor lost, its text the same
            missing.discard(found)
            result.found[item.paragraph.number] = printed[found - 1]
            result.reminders.append(f"{order[found - 1]} found by its text, its anchor lost")
            continue
        under = f"under {excerpt(item.heading)}, " if item.heading else ""
        to = (
            "the introduction (front/introduction.*.md)"
            if "of the introduction" in item.after
            else "a summary"
        )
        result.added.append(f"{under}after {item.after}, to add to {to}: {quoted(text)}")
        # A paragraph standing where messages are missing may be one of them, rewritten whole.
        replaced |= {k for k in missing if k > item.last and set(range(item.last + 1, k)) <= missing}
    places = [s.anchor.place for s in seen]
    matcher = SequenceMatcher(None, sorted(places), places, autojunk=False)
    staying = {places[b + i] for _, b, size in matcher.get_matching_blocks() for i in range(size)}
    for s in seen:
        if s.anchor.place not in staying:
            result.moved.append(f"{where(s.paragraph)}, now after {s.after} under {excerpt(s.heading)}")
    by_key = {message_key(p.uid): p for p in printed}
    for a, alone in emptied:  # deleted as a tracked change, or its text deleted: its anchor names it
        shown = by_key.get(a.key)
        if shown is None:
            continue
        if digest(shown.written) != a.digest:
            said = f"{shown.uid} (its text changed in the sources since the document was built)"
            result.deleted.append((shown.uid, said, False))
        elif not alone:
            result.deleted.append(
                (shown.uid, f"{shown.uid} (or rewritten as the paragraph added there)", False)
            )
        else:
            result.deleted.append((shown.uid, shown.uid, True))
    by_place = {s.anchor.place: s.paragraph for s in seen}
    for k in sorted(missing):
        if consistent:
            certain = k not in replaced
            said = f"{order[k - 1]} (paragraph {printed[k - 1].label.rstrip('.- ')})"
            said += "" if certain else ", or rewritten as the paragraph added there"
            result.deleted.append((order[k - 1], said, certain))
            continue
        before = next((by_place[p] for p in range(k - 1, 0, -1) if p in by_place), None)
        after = next((by_place[p] for p in range(k + 1, count + 1) if p in by_place), None)
        between = " and ".join(where(p) for p in (before, after) if p is not None)
        said = f"the message paragraph {'between ' + between if between else k} (which one is not certain: "
        result.deleted.append(("", said + "the sources changed since the document was built)", False))
    if consistent:
        for s in seen:
            label, expected = split_label(s.paragraph.text)[0], printed[s.anchor.place - 1].label
            if s.whole and label not in ("", expected):
                result.numbers.append(f"{quoted(label)} for {quoted(expected)}")
    return result
