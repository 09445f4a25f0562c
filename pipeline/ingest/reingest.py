"""Ingest again over a summary an editor may have worked on, never losing what they typed.

A message of the summary whose text, in every language the reports give it in, is still what
the reports say is kept as the summary has it: its translations, objectives, kind, principles and
links typed by hand. A message whose text the reports changed (still at least SIMILAR % alike),
and whose summary text is the one its translations were recorded as made from (so the change is
the report's, not an edit of the summary's), takes the new text and keeps the rest, its
translations now stale (pipeline.translations). The reports' new messages are added. Anything
else the new reading would lose (a message the reports no longer have, a comment) is refused,
located, with what to do instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

from rapidfuzz import fuzz

from pipeline import yamlio
from pipeline.errors import Location, Problem, SourceError
from pipeline.ingest.draft import Draft
from pipeline.plain import Plain, plain
from pipeline.text import clean_text
from pipeline.translations import text_digest

_ADVICE = (
    "re-ingesting would lose it: ingest to another file (-o NEW.yaml) and copy what you need, "
    "or move the summary aside to start afresh"
)
_CHANGED = (
    "is not in the reports any more, or its text was changed in the summary or in the report: " + _ADVICE
)
# The comment lines `outcome ingest` writes at the top of a summary (Draft.yaml).
_HEADER = re.compile(r"#\s*(Ingested by `outcome ingest` from .*|Check each message, .*|)")
_NUMBER = re.compile(r"[0-9]{1,9}")
SIMILAR = 60  # % alike: a message of the summary and one of the reports are two versions of it
# A comment after a quoted text or a list on its line (one after a plain text is the YStr's).
_COMMENT_AFTER = re.compile(r"[\"'\]}][ \t]+#")


def merged_with(draft: Draft, path: Path) -> tuple[dict[str, Plain], tuple[Problem, ...]]:
    """Return *draft* as plain data with what the summary at *path* holds by hand, and notes on it.

    Raise SourceError, each problem located in the summary, when writing would lose its text.
    """
    summary = yamlio.load(path)
    new = plain(draft)
    assert isinstance(new, dict)
    problems = [*_comments(path, summary)]
    written_messages = summary.get("messages") if isinstance(summary, yamlio.YMap) else None
    if not isinstance(summary, yamlio.YMap) or not isinstance(written_messages, yamlio.YSeq):
        problems.append(Problem(Location(path), f"not a summary with messages: {_ADVICE}"))
        raise SourceError(problems)
    read_messages = cast(list[dict[str, Plain]], new["messages"])
    if str(summary.get("event")) != draft.event:
        where = summary.key_locations.get("event", summary.location)
        problems.append(Problem(where, f"the summary of event '{summary.get('event')}', not '{draft.event}'"))
        raise SourceError(problems)
    language = str(summary.get("language", draft.language))
    kept: list[dict[str, Plain] | None] = [None] * len(draft.messages)
    notes: list[Problem] = []
    used: set[int] = set()
    for written in written_messages:
        message = _plain(written)
        place = written.location if isinstance(written, yamlio.YMap) else summary.location
        if not isinstance(message, dict):
            problems.append(Problem(place, f"a message that is not a mapping: {_ADVICE}"))
            continue
        texts = _texts(message, language)
        match = next(
            (
                index
                for index, candidate in enumerate(draft.messages)
                if index not in used and _same(texts, dict(candidate.text.items()))
            ),
            None,
        )
        changed = match is None
        if match is None and _as_recorded(message, texts, language):
            match = _closest(texts, draft, used)
        if match is None:
            problems.append(Problem(place, f"message {message.get('id')} ({_excerpt(texts)}) {_CHANGED}"))
            continue
        used.add(match)
        report = read_messages[match]
        if changed:
            kept[match], note = _changed(message, report, texts, language, draft.event)
            notes.append(Problem(place, note))
            continue
        kept[match] = _kept(message, report, texts, language)
        if hand := _by_hand(message, report, texts):
            notes.append(Problem(place, f"message {message.get('id')}: kept as the summary has it: {hand}"))
    if problems:
        raise SourceError(problems)
    taken = {str(message["id"]) for message in kept if message is not None}
    messages: list[Plain] = []
    for index, report in enumerate(read_messages):
        if (summary_message := kept[index]) is not None:
            messages.append(summary_message)
            continue
        number = next(n for n in range(index + 1, index + 2 + len(taken)) if f"m{n}" not in taken)
        taken.add(f"m{number}")
        messages.append({**report, "id": f"m{number}"})
        notes.append(Problem(Location(path), f"message m{number}: new in the reports, added"))
    merged = {**new, **{key: _plain(value) for key, value in summary.items() if key != "messages"}}
    return {**merged, "messages": messages}, tuple(notes)


def _plain(value: yamlio.YValue) -> Plain:
    """Return a located YAML value as the plain data it was written as (13 a number, "13" text)."""
    if isinstance(value, yamlio.YMap):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, yamlio.YSeq):
        return [_plain(item) for item in value]
    if isinstance(value, yamlio.YNull):
        return None
    if not value.quoted and _NUMBER.fullmatch(value):
        return int(value)
    if not value.quoted and value in ("true", "false"):
        return value == "true"
    return str(value)


def _texts(message: dict[str, Plain], language: str) -> dict[str, str]:
    text = message.get("text")
    if isinstance(text, dict):
        return {str(code): str(words) for code, words in text.items() if words is not None}
    return {language: str(text)} if text is not None else {}


def _same(written: dict[str, str], read: dict[str, str]) -> bool:
    """Return whether the summary's texts agree with the reports' in every language both have."""
    shared = written.keys() & read.keys()
    return bool(shared) and all(" ".join(written[c].split()) == " ".join(read[c].split()) for c in shared)


def _as_recorded(message: dict[str, Plain], texts: dict[str, str], language: str) -> bool:
    """Tell whether the summary's text is the one its translations were recorded as made from:
    then a different text in the reports is a new version of the report, not an edit of the
    summary's (which re-ingesting would lose)."""
    records = message.get("translated_from")
    digest = text_digest(clean_text(texts.get(language, ""))[0])
    return isinstance(records, dict) and any(str(made) == f"{language} {digest}" for made in records.values())


def _closest(texts: dict[str, str], draft: Draft, used: set[int]) -> int | None:
    """Return the report's message not matched yet that *texts* most likely are an earlier
    version of (at least SIMILAR % alike in every language both give), or None."""
    best, found = 0.0, None
    for index, candidate in enumerate(draft.messages):
        shared = texts.keys() & candidate.text.keys()
        if index in used or not shared:
            continue
        score = min(
            fuzz.ratio(" ".join(texts[c].split()), " ".join(str(candidate.text[c]).split())) for c in shared
        )
        if score > best:
            best, found = score, index
    return found if best >= SIMILAR else None


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _changed(
    message: dict[str, Plain], report: dict[str, Plain], texts: dict[str, str], language: str, event: str
) -> tuple[dict[str, Plain], str]:
    """Return the summary's *message* with the reports' new texts, the translations typed by hand
    kept and recorded as made from the earlier text (so stale), and the note that says so."""
    read = report["text"]
    assert isinstance(read, dict)
    hand = {code: words for code, words in texts.items() if code not in read}
    records = dict(cast(dict[str, Plain], message.get("translated_from") or {}))
    earlier = texts.get(language)
    stale = [code for code in hand if code != language and earlier and language in read]
    for code in stale:
        records.setdefault(code, f"{language} {text_digest(clean_text(earlier or '')[0])}")
    for code, made_from in cast(dict[str, Plain], report.get("translated_from") or {}).items():
        records.setdefault(code, made_from)
    updated: dict[str, Plain] = {**message, "text": {**read, **hand}}
    if records:
        ordered = cast(dict[str, Plain], updated["text"])
        updated["translated_from"] = {code: records[code] for code in ordered if code in records}
    note = f"message {message.get('id')}: its {', '.join(map(repr, read))} text changed in the reports: taken"
    if stale:
        note += (
            f"; its {', '.join(map(repr, stale))} translation typed by hand is kept, now stale: update it, "
            f"then run `outcome translations confirm {event}#{message.get('id')}`"
        )
    return updated, note


def _kept(
    message: dict[str, Plain], report: dict[str, Plain], texts: dict[str, str], language: str
) -> dict[str, Plain]:
    """Return the summary's message, with the texts of languages only the reports give added."""
    read = report["text"]
    assert isinstance(read, dict)
    added = {code: words for code, words in read.items() if code not in texts}
    if not added:
        return message
    text = message.get("text")
    return {**message, "text": {**(text if isinstance(text, dict) else {language: text}), **added}}


def _by_hand(message: dict[str, Plain], report: dict[str, Plain], texts: dict[str, str]) -> str:
    """Return what the summary's message holds that the reports do not give, in words."""
    read = report["text"]
    assert isinstance(read, dict)
    held = [f"its '{code}' text" for code in texts if code not in read]
    for key in ("objectives", "kind"):
        if key in message and message[key] != report[key]:
            held.append(f"its {key} {_listed(message[key])} (the reports give {_listed(report[key])})")
    held.extend(f"its {key}" for key in message if key not in report)
    return ", ".join(held)


def _listed(value: Plain) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    return str(value)


def _excerpt(texts: dict[str, str], length: int = 60) -> str:
    text = next(iter(texts.values()), "")
    return f'"{text if len(text) <= length else text[: length - 1] + "…"}"'


def _comments(path: Path, summary: yamlio.YValue | None) -> list[Problem]:
    """Return a problem for every comment typed into the summary (writing it anew would drop it)."""
    found = [
        Location(path, number, line.rindex("#") + 1 if _COMMENT_AFTER.search(line) else line.index("#") + 1)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (line.lstrip().startswith("#") and not _HEADER.fullmatch(line.strip()))
        or _COMMENT_AFTER.search(line)
    ]
    found.extend(comment.location for comment in _trailing(summary))
    return [Problem(where, f"a comment typed into the summary: {_ADVICE}") for where in sorted(set(found))]


def _trailing(value: yamlio.YValue | None) -> list[yamlio.Comment]:
    if isinstance(value, yamlio.YMap):
        return [comment for item in value.values() for comment in _trailing(item)]
    if isinstance(value, yamlio.YSeq):
        return [comment for item in value for comment in _trailing(item)]
    if isinstance(value, (yamlio.YStr, yamlio.YNull)) and value.comment is not None:
        return [value.comment]
    return []
