"""Write what `outcome absorb` takes from an edited document into the sources, in place: a message's
text into its summary (with the records that keep its translations in step), a paragraph of a
hand-written chapter into its Markdown file; every other line of each file kept as it was."""

from __future__ import annotations

from pathlib import Path

from pipeline import files
from pipeline.front import paragraph_lines
from pipeline.languages import SOURCE_LANGUAGES
from pipeline.model import KeyMessage, Summary
from pipeline.translations import record, text_digest
from pipeline.translations.yamledit import SummaryFile

Edit = tuple[Summary, KeyMessage, str]


def write_summary(path: Path, changes: list[Edit], language: str) -> None:
    """Write each new *language* text of *changes* into the summary *path*: a changed source makes
    its translations stale; a corrected translation is recorded as made from the current source."""
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


def delete_messages(path: Path, messages: list[KeyMessage]) -> None:
    """Remove the lines of *messages* from the summary *path*."""
    edited = SummaryFile(path)
    for message in messages:
        edited.delete_message(message.id)
    edited.save()


def front_refusal(path: Path, number: int) -> str | None:
    """Say why paragraph *number* of the chapter *path* cannot be rewritten in place, or None."""
    spans = paragraph_lines(path)
    if number > len(spans):
        return f"{path.name} has {len(spans)} paragraphs now"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if any("<!--" in lines[i - 1] or "-->" in lines[i - 1] for i in spans[number - 1]):
        return f"its lines in {path.name} hold an HTML comment; copy the new text there by hand"
    return None


def write_front(path: Path, changes: dict[int, str]) -> None:
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
