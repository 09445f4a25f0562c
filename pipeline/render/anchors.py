"""Anchors: every numbered paragraph of the Word file carries its message's id, invisibly, so that
edits made in Word can be traced back to the message they change (issue 17).

The anchor is a hidden bookmark (its name begins with "_", which Word keeps out of its Bookmark
list) around the paragraph's content, named from a hash of the message id: Word keeps a bookmark
when the paragraph's text is edited, moved or its tracked changes accepted. Nothing visible
changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from lxml import etree

from pipeline.render.wordml import parent_of, qn

PREFIX = "_msg_"


def anchor_name(uid: str) -> str:
    """Return the bookmark name of the message *uid* (Word allows 40 characters: this is 21)."""
    return PREFIX + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:16]


def uids_by_anchor(uids: Iterable[str]) -> dict[str, str]:
    """Return the message id of each anchor name, for the messages *uids*."""
    return {anchor_name(uid): uid for uid in uids}


def add_anchors(body: etree._Element, tokens: Sequence[str], uids: Sequence[str]) -> None:
    """Put a hidden bookmark named from *uids*[i] around the paragraph that holds *tokens*[i]
    (each message paragraph's footnote token, before the footnotes are made)."""
    wanted = set(tokens)
    found = {text.text: text for text in body.iter(qn("w:t")) if text.text in wanted}
    numbers = [int(mark.get(qn("w:id"), "0")) for mark in body.iter(qn("w:bookmarkStart"))]
    next_id = max([0, *numbers]) + 1
    for offset, (token, uid) in enumerate(zip(tokens, uids, strict=True)):
        if token not in found:
            continue  # add_footnotes says the template lost the paragraph's note
        paragraph = parent_of(parent_of(found[token]))
        while paragraph.tag != qn("w:p"):
            paragraph = parent_of(paragraph)
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(qn("w:id"), str(next_id + offset))
        start.set(qn("w:name"), anchor_name(uid))
        end = etree.Element(qn("w:bookmarkEnd"))
        end.set(qn("w:id"), str(next_id + offset))
        properties = paragraph.find(qn("w:pPr"))
        paragraph.insert(0 if properties is None else paragraph.index(properties) + 1, start)
        paragraph.append(end)
