"""Where paragraph N comes from (`outcome where N`): its event, message, file and line,
objectives and text in each language, and the messages merged into it; or, for a paragraph of
chapters I and II, the introduction's file or the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import PipelineError
from pipeline.model import (
    Corpus,
    Event,
    FrontMatter,
    KeyMessage,
    OutcomeDocument,
    Paragraph,
    paragraphs_before_messages,
)


@dataclass(frozen=True)
class ParagraphSource:
    """A numbered paragraph of the outcome and where each message it stands for was written."""

    number: int
    part: str
    paragraph: Paragraph
    events: tuple[Event, ...]
    merged: tuple[KeyMessage, ...]
    languages: tuple[str, ...]  # the languages the document is built in

    def describe(self, languages: tuple[str, ...] = ()) -> str:
        """Return the paragraph's sources as lines to print, with its text in *languages* (by
        default, in the document's languages and any other language a message is written in)."""
        message = self.paragraph.message
        lines = [f"Paragraph {self.number} of the {self.part}", *self._message(message, languages)]
        for event in self.events:
            title = event.title.get("en") or next(iter(event.title.values()), "")
            lines.append(f"  event      {event.id}: {title} ({event.date})")
        for repeat in self.merged:
            lines += ["  merged into it (same_as):", *self._message(repeat, languages)]
        return "\n".join(lines)

    def _message(self, message: KeyMessage, languages: tuple[str, ...]) -> list[str]:
        objectives = ", ".join(map(str, message.objectives)) or "none (cross-cutting)"
        languages = languages or tuple(dict.fromkeys([*self.languages, *message.text]))
        lines = [
            f"  message    {message.uid} ({message.kind.value})",
            f"  written at {message.location}",
            f"  objectives {objectives}",
        ]
        lines += [f"  {code:<10} {message.text.get(code, '(no text)')}" for code in languages]
        return lines + ([f"  note       {message.note}"] if message.note else [])


@dataclass(frozen=True)
class ChapterSource:
    """A numbered paragraph of chapter I (from the introduction's files) or II (written by the
    pipeline from the timeline)."""

    number: int
    chapters: tuple[FrontMatter, ...]  # the introduction, in each language

    def describe(self, languages: tuple[str, ...] = ()) -> str:
        if not self.chapters or self.number > len(self.chapters[0].paragraphs):
            return (
                f"Paragraph {self.number} of the main body\n"
                "  chapter II: written by the pipeline from the timeline (events.yaml) and the words "
                "of pipeline/languages.py"
            )
        lines = [f"Paragraph {self.number} of the main body", "  chapter I: the introduction"]
        for chapter in self.chapters:
            if not languages or chapter.language in languages:
                lines.append(f"  {chapter.language:<10} {chapter.location.path}, paragraph {self.number}")
                lines.append(f"  {'':<10} {chapter.paragraphs[self.number - 1]}")
        return "\n".join(lines)


def where(
    corpus: Corpus, outcome: OutcomeDocument, number: int, annex: bool = False
) -> ParagraphSource | ChapterSource:
    """Return the source of paragraph *number* of the main body (or of the annex)."""
    part, name = (outcome.annex, "annex") if annex else (outcome.body, "main body")
    paragraphs = list(part.paragraphs())
    first = 1 if annex else paragraphs_before_messages(outcome.front) + 1
    if not annex and 1 <= number < first:
        return ChapterSource(number, tuple(c for c in outcome.front if c.name == "introduction"))
    found = next((paragraph for paragraph in paragraphs if paragraph.number == number), None)
    if found is None:
        last = first + len(paragraphs) - 1 if paragraphs else first - 1
        has = f"it has 1 to {last}" if last >= 1 else "it has none"
        raise PipelineError(f"there is no paragraph {number} in the {name} ({has})")
    events = {event.id: event for event in outcome.timeline}
    messages = {message.uid: message for summary in corpus.summaries for message in summary.messages}
    return ParagraphSource(
        number=number,
        part=name,
        paragraph=found,
        events=tuple(events[event_id] for event_id in found.events),
        merged=tuple(messages[uid] for uid in found.merged),
        languages=corpus.review.languages,
    )
