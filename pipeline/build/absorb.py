"""`outcome absorb FILE.docx`: the edits made in a built outcome document, back into the sources.

Each numbered paragraph carries its message's id in a hidden bookmark (pipeline.render.anchors).
A paragraph whose text changed (typed, or as tracked changes, pending ones taken as accepted and
listed with their author) gives that language's new text of the message, written in place in its
summary (every other line kept); the other languages' translations of a changed source become
stale. A paragraph gone, or added without an anchor, is reported, never invented into a message;
a message whose text changed in the sources since the document was built (the build's manifest
holds each text's hash) is a conflict: reported, nothing written for it.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline import files
from pipeline.build import validate
from pipeline.errors import PipelineError, display_path
from pipeline.fingerprint import MANIFEST_FILE
from pipeline.ingest.package import check_file
from pipeline.languages import DOCUMENT_LANGUAGES, SOURCE_LANGUAGES
from pipeline.model import Corpus, KeyMessage, Summary
from pipeline.render.anchors import PREFIX, uids_by_anchor
from pipeline.render.wordml import FOOTNOTE_REFERENCE_STYLE
from pipeline.text import clean_text
from pipeline.translations import record, text_digest
from pipeline.translations.yamledit import SummaryFile, restored_on_error

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
_LABEL = re.compile(r"^\s*\d+\s*(?:\.|-)\s*")  # "12.\t" or "12 -\t"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the edited document: its anchor (if any), its text with every change
    accepted, and the authors of the changes still pending in it."""

    anchor: str | None
    text: str
    pending: tuple[str, ...]
    number: int  # its place among the document's paragraphs, from 1
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Comment:
    """A comment of the document: who wrote it, when, and what."""

    author: str
    date: str
    text: str


@dataclass
class Absorbed:
    """What absorbing found and did."""

    language: str
    written: list[str] = field(default_factory=list)  # "uid: old → new"
    conflicts: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    comments: list[tuple[str, Comment]] = field(default_factory=list)  # (the message or paragraph, comment)
    deletions_applied: bool = False

    def describe(self, dry_run: bool) -> str:
        lines = [*(f"conflict: {line}" for line in self.conflicts)]
        kept = "removed from the sources" if self.deletions_applied else "kept in the sources"
        lines += [f"deleted in the document ({kept}): {line}" for line in self.deleted]
        lines += [
            f"added in the document (not a message; add it to a summary): {line}" for line in self.added
        ]
        lines += [f"tracked change taken as accepted: {line}" for line in self.pending]
        lines += [f"comment on {where} by {c.author} ({c.date}): {c.text}" for where, c in self.comments]
        verb = "Would write" if dry_run else "Wrote"
        lines += [f"{verb}: {line}" for line in self.written]
        lines.append(
            f"{verb} {len(self.written)} edited text{'s' * (len(self.written) != 1)} in '{self.language}'"
            + (f"; {len(self.conflicts)} in conflict, nothing written for them." if self.conflicts else ".")
        )
        return "\n".join(lines)


def read_paragraphs(path: Path) -> tuple[str, list[Paragraph]]:
    """Return the document's language and its paragraphs."""
    check_file(path)
    try:
        with zipfile.ZipFile(path) as package:
            body = etree.fromstring(package.read("word/document.xml"))
            core = etree.fromstring(package.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise PipelineError(f"{display_path(path)}: not an outcome document ({error})") from None
    language = (core.findtext(f"{DC}language") or "").strip()
    if language not in DOCUMENT_LANGUAGES:
        raise PipelineError(
            f"{display_path(path)}: not an outcome document built by `outcome build` (its language "
            f"{language!r} is none of {', '.join(DOCUMENT_LANGUAGES)})"
        )
    comments = _comments(path)
    paragraphs = []
    for number, element in enumerate(body.iter(f"{W}p"), start=1):
        marks = element.iter(f"{W}commentRangeStart", f"{W}commentReference")
        said = tuple(comments[i] for i in dict.fromkeys(m.get(f"{W}id", "") for m in marks) if i in comments)
        names = [mark.get(f"{W}name", "") for mark in element.iter(f"{W}bookmarkStart")]
        anchor = next((name for name in names if name.startswith(PREFIX)), None)
        pending = tuple(
            dict.fromkeys(
                change.get(f"{W}author", "someone") for change in element.iter(f"{W}ins", f"{W}del")
            )
        )
        paragraphs.append(Paragraph(anchor, _accepted_text(element), pending, number, said))
    return language, paragraphs


def _comments(path: Path) -> dict[str, Comment]:
    """Return the document's comments by id (none when it has no comments part)."""
    with zipfile.ZipFile(path) as package:
        if "word/comments.xml" not in package.namelist():
            return {}
        root = etree.fromstring(package.read("word/comments.xml"))
    return {
        str(comment.get(f"{W}id")): Comment(
            comment.get(f"{W}author", ""),
            comment.get(f"{W}date", "")[:10],
            " ".join(" ".join(comment.itertext()).split()),
        )
        for comment in root.iter(f"{W}comment")
    }


def _accepted_text(paragraph: etree._Element) -> str:
    """Return the paragraph's text with every tracked change accepted, without footnote marks."""
    parts = []
    for run in paragraph.iter(f"{W}r"):
        if any(ancestor.tag in (f"{W}del", f"{W}moveFrom") for ancestor in run.iterancestors()):
            continue
        style = run.find(f"{W}rPr/{W}rStyle")
        if style is not None and style.get(f"{W}val") == FOOTNOTE_REFERENCE_STYLE:
            continue  # a note's mark, not the message's text
        for child in run:
            if child.tag == f"{W}t":
                parts.append(child.text or "")
            elif child.tag == f"{W}tab":
                parts.append("\t")
    return "".join(parts)


def absorb(
    document: Path, sources: Path, build: Path, dry_run: bool = False, apply_deletions: bool = False
) -> Absorbed:
    """Write the edits of *document* into the summaries of *sources* (see the module's text); with
    *apply_deletions*, remove from them the messages whose paragraphs were deleted."""
    language, paragraphs = read_paragraphs(document)
    corpus = validate(sources).corpus
    messages = {m.uid: (summary, m) for summary in corpus.summaries for m in summary.messages}
    lookup = uids_by_anchor(messages)
    manifest = _manifest(build)
    result = Absorbed(language)
    words = DOCUMENT_LANGUAGES[language].words
    seen: set[str] = set()
    edits: dict[Path, list[tuple[Summary, KeyMessage, str]]] = {}
    previous = ""
    for paragraph in paragraphs:
        where = lookup.get(paragraph.anchor or "") or f"paragraph {paragraph.number}"
        result.comments.extend((where, comment) for comment in paragraph.comments)
        if paragraph.anchor is None:
            if previous and _LABEL.match(paragraph.text) and "\t" in paragraph.text:  # past the front matter
                result.added.append(
                    f"paragraph {paragraph.number}, after {previous}: {paragraph.text[:80]!r}"
                )
            continue
        uid = lookup.get(paragraph.anchor)
        if uid is None:
            result.conflicts.append(f"paragraph {paragraph.number}: its message is no longer in the sources")
            continue
        seen.add(uid)
        previous = uid
        summary, message = messages[uid]
        text, _ = clean_text(_LABEL.sub("", paragraph.text, count=1))
        if words.translation_pending in text or message.location.path.suffix != ".yaml":
            continue  # a translation pending, or a message from a report: not absorbable here
        current = message.text.get(language) or ""
        if text == current:
            continue
        if manifest.get(uid, {}).get(language) not in (None, text_digest(current)):
            result.conflicts.append(
                f"{uid}: its '{language}' text changed in the sources since the document was built"
            )
            continue
        if paragraph.pending:
            result.pending.append(f"{uid} (by {', '.join(paragraph.pending)})")
        edits.setdefault(message.location.path, []).append((summary, message, text))
        result.written.append(f"{uid}: {current[:60]!r} → {text[:60]!r}")
    result.deleted = [uid for uid in _printed(corpus) if uid not in seen]
    removed = [messages[uid] for uid in result.deleted if messages[uid][1].location.path.suffix == ".yaml"]
    removed = removed if apply_deletions else []
    result.deletions_applied = bool(removed) and not dry_run
    if not dry_run:
        with restored_on_error({*edits, *(m.location.path for _, m in removed)}):
            for path, changes in edits.items():
                _write(path, changes, language)
            for path in dict.fromkeys(m.location.path for _, m in removed):
                edited = SummaryFile(path)
                for _, message in removed:
                    if message.location.path == path:
                        edited.delete_message(message.id)
                edited.save()
            if removed:
                validate(sources)  # another message may name a removed one (same_as): put all back
        if result.comments:
            _write_comments(build / f"comments.{language}.md", document, result.comments)
    return result


def _write_comments(path: Path, document: Path, comments: list[tuple[str, Comment]]) -> None:
    """Write the document's comments, message by message, to *path* (build/comments.<language>.md)."""
    lines = [f"# Comments in {document.name}", ""]
    for where in dict.fromkeys(where for where, _ in comments):
        lines += [f"## {where}", ""]
        lines += [f"- {c.author}, {c.date}: {c.text}" for w, c in comments if w == where]
        lines.append("")
    files.write_text(path, "\n".join(lines))


def _manifest(build: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    messages = data.get("messages") if isinstance(data, dict) else None
    return messages if isinstance(messages, dict) else {}


def _printed(corpus: Corpus) -> list[str]:
    """Return the ids of the messages the document prints (those merged into another are not)."""
    return [
        message.uid for summary in corpus.summaries for message in summary.messages if message.same_as is None
    ]


def _write(path: Path, changes: list[tuple[Summary, KeyMessage, str]], language: str) -> None:
    edited = SummaryFile(path)
    for summary, message, text in changes:
        edited.set_entries(message.id, "text", {language: text}, first=summary.language)
        source = summary.language
        if language == source:  # the source changed: translations without a record become stale
            known = {translation.language for translation in message.translated_from}
            stale = {
                code: f"{source} {text_digest(message.text.get(source) or '')}"
                for code in SOURCE_LANGUAGES
                if code != source and message.text.get(code) and code not in known
            }
            if stale:
                edited.set_entries(message.id, "translated_from", stale)
        elif message.text.get(source):  # a translation corrected against its source
            edited.set_entries(
                message.id, "translated_from", {language: record(message.text, language, source)}
            )
    edited.save()
