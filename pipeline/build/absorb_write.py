"""Write what `outcome absorb` takes from an edited document into the sources, in place: a message's
text into its summary (with the records that keep its translations in step), a paragraph of a
hand-written chapter into its Markdown file, every other line of each file kept as it was; then
the deletions asked for, apart, so that a deletion the sources refuse leaves the edits written."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline import files
from pipeline.build import validate
from pipeline.build.absorb_read import Comment
from pipeline.build.absorb_report import Absorbed
from pipeline.errors import PipelineError, SourceError, display_path
from pipeline.front import FRONT_DIR, paragraph_lines
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import KeyMessage, Summary
from pipeline.translations import record, text_digest
from pipeline.translations.yamledit import SummaryFile, restored_on_error


@dataclass(frozen=True)
class Edit:
    summary: Summary
    message: KeyMessage
    text: str


class Writing:
    """The edits taken from one document, and their writing."""

    def __init__(self, sources: Path, language: str):
        self.sources, self.language = sources, language
        self.edits: dict[Path, list[Edit]] = {}
        self.front: dict[Path, dict[int, str]] = {}

    def take_front(self, chapter: str, number: int, text: str) -> str:
        """Take *text* for paragraph *number* of *chapter*; or say why it cannot be written in place."""
        path = self.sources / FRONT_DIR / f"{chapter}.{self.language}.md"
        spans = paragraph_lines(path) if path.is_file() else []
        if not text:
            return "it is empty"
        if number > len(spans):
            return f"{path.name} has {len(spans)} paragraphs now"
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        if any("<!--" in lines[i - 1] or "-->" in lines[i - 1] for i in spans[number - 1]):
            return f"its lines in {path.name} hold an HTML comment; copy the new text there by hand"
        self.front.setdefault(path, {})[number] = text
        return ""

    def write(
        self,
        result: Absorbed,
        deletions: list[str],
        messages: dict[str, tuple[Summary, KeyMessage]],
        dry_run: bool,
    ) -> None:
        """Write the edits (all or none: the sources must validate after), then the *deletions*,
        saying in *result* what became of each."""
        paths = {*self.edits, *self.front}
        if paths and dry_run:
            with tempfile.TemporaryDirectory() as folder:  # a dry run checks the edits on a copy
                copy = Path(folder) / "sources"
                shutil.copytree(self.sources, copy)
                self._write_edits(copy, "nothing written: this is a dry run, and")
        elif paths:
            with restored_on_error(paths):
                self._write_edits(self.sources, "nothing written:")
        removable = self._removable(result, deletions, messages)
        if not removable or dry_run:
            result.deletions.update({m.uid: "would be removed from the sources" for m in removable})
            return
        by_file: dict[Path, list[KeyMessage]] = {}
        for message in removable:
            by_file.setdefault(message.location.path, []).append(message)
        try:
            with restored_on_error(by_file):
                for path, listed in by_file.items():
                    edited = SummaryFile(path)
                    for message in listed:
                        edited.delete_message(message.id)
                    edited.save()
                validate(self.sources)
        except PipelineError as error:
            reason = str(error).splitlines()[0]
            result.deletions.update(
                {m.uid: f"kept in the sources: removing it fails ({reason})" for m in removable}
            )
            return
        result.deletions.update({m.uid: "removed from the sources" for m in removable})

    def _write_edits(self, sources: Path, nothing: str) -> None:
        """Write the edits into *sources* (the sources, or a copy of them), then validate them."""
        for path, changes in self.edits.items():
            _write_summary(_within(path, self.sources, sources), changes, self.language)
        for path, paragraphs in self.front.items():
            _write_front(_within(path, self.sources, sources), paragraphs)
        try:
            validate(sources)
        except SourceError as error:
            said = str(error).replace(str(sources), str(self.sources))
            raise PipelineError(
                f"{nothing} with the edited texts the sources would not validate (every file as it "
                f"was):\n{said}"
            ) from None

    def _removable(
        self, result: Absorbed, deletions: list[str], messages: dict[str, tuple[Summary, KeyMessage]]
    ) -> list[KeyMessage]:
        """Return the messages of *deletions* that can be removed; say in *result* why the others cannot."""
        named = {m.same_as for _, m in messages.values() if m.same_as and m.uid not in deletions}
        removable = []
        for uid in deletions:
            summary, message = messages[uid]
            if message.location.path.suffix != ".yaml":
                result.deletions[uid] = "kept in the sources: it comes from a report"
            elif uid in named:
                result.deletions[uid] = "kept in the sources: another message names it by same_as"
            elif all(m.uid in deletions for m in summary.messages):
                result.deletions[uid] = "kept in the sources: its summary would have no message left"
            else:
                removable.append(message)
        return removable

    def comments(
        self, build: Path, document: Path, comments: list[tuple[str, Comment]], dry_run: bool
    ) -> Path:
        """Add *comments* to build/comments.<language>.md, under the document's path, beside those of
        the documents absorbed before (a comment already there is not repeated); return its path."""
        path = build / f"comments.{self.language}.md"
        sections: dict[str, dict[str, list[str]]] = {}
        heading, where = "", ""
        for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
            if line.startswith("# "):
                heading = line
            elif line.startswith("## "):
                where = line
            elif line.startswith("- ") and heading and where:
                sections.setdefault(heading, {}).setdefault(where, []).append(line)
        own = sections.setdefault(f"# Comments in {display_path(document)}", {})
        for place, comment in comments:
            said = own.setdefault(f"## {place}", [])
            line = f"- {comment.author}, {comment.date}: {comment.text}"
            if line not in said:
                said.append(line)
        lines = []
        for heading, places in sections.items():
            lines += [heading, ""]
            for where, said in places.items():
                lines += [where, "", *said, ""]
        if not dry_run:
            files.write_text(path, "\n".join(lines))
        return path


def _within(path: Path, sources: Path, copy: Path) -> Path:
    """Return where *path*, in *sources*, stands in *copy* (the same folder, or a copy of it)."""
    if copy == sources:
        return path
    return copy / path.resolve().relative_to(sources.resolve())


def _write_summary(path: Path, changes: list[Edit], language: str) -> None:
    """Write each new *language* text of *changes* into the summary *path*: a changed source makes
    its translations stale; a corrected translation is recorded as made from the current source."""
    edited = SummaryFile(path)
    for change in changes:
        summary, message = change.summary, change.message
        edited.set_entries(message.id, "text", {language: change.text}, first=summary.language)
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


def _write_front(path: Path, changes: dict[int, str]) -> None:
    """Write each paragraph of *changes* (number → text) into the chapter *path*, one line each,
    in place of its lines; every other line kept."""
    spans = paragraph_lines(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    for number in sorted(changes, reverse=True):
        span = spans[number - 1]
        lines[span.start - 1 : span.stop - 1] = [changes[number]]
    written = newline.join(lines) + (newline if text.endswith(("\n", "\r")) else "")
    files.write_bytes(path, (b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b"") + written.encode())
