"""The whole build conserves every message (merge's property, test_merge.py, carried to the Word files).

For arbitrary valid sources (events, some of them stakeholder consultations, some still awaiting
their summary; summaries in Arabic, English or French; messages with or without objectives, with
any of their translations missing), `build` puts every message's text in the Word document of
each language exactly once, in the main body or (for a stakeholder event) in the annex: in the
document's language, or, where that translation is missing, in another language marked as a
pending translation, with a notice at the message's file and line that says so.
"""

from __future__ import annotations

import datetime
import functools
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import reference
from pipeline.build import build
from pipeline.drafts import manifest
from pipeline.languages import DOCUMENT_LANGUAGES, SOURCE_LANGUAGES
from pipeline.model import PdfEngine
from tests.corpus import BASE, TEMPLATES

INTRODUCTION = 2  # paragraphs of tests/error_cases/_base/front/introduction.*.md
FRONT = INTRODUCTION + 1  # and chapter II's paragraph, numbered before the messages

# Text a summary may hold, drawn so that cleaning (NFC, spacing) leaves it as written: letters of
# each script (precomposed), digits, and every character XML, Jinja, docxtpl, YAML or Typst reads.
MARKUP = "&<>\"'{}%#*_$[]\\@/-.,;:!?()|`~^="
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + MARKUP,
    "fr": "abcdeéèêfghijklmnopqrstuüvwxyzàâçôœÉÀ0123456789" + MARKUP,
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوى٠١٢٣0123456789،؛؟" + MARKUP,
}
# Small sources built in memory where there is a tmpfs: a build writes, syncs and moves its outputs.
MEMORY = Path("/dev/shm")
KINDS = ("key-message", "recommendation", "good-practice", "challenge")


def texts(language: str) -> st.SearchStrategy[str]:
    word = st.text(ALPHABETS[language], min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=6).map(" ".join)


@dataclass(frozen=True)
class Message:
    id: str
    text: dict[str, str]  # by language; one only when written as plain text
    plain: bool  # written `text: ...`, meaning text in the summary's language
    objectives: list[int]
    kind: str


@dataclass(frozen=True)
class Event:
    id: str
    day: datetime.date
    phase: str
    stakeholder: bool
    language: str | None  # the summary's; None when the event awaits its summary
    messages: tuple[Message, ...]


@st.composite
def messages(draw: st.DrawFn, language: str) -> Message:
    plain = draw(st.booleans())
    if plain:
        text = {language: draw(texts(language))}
    else:
        written = draw(st.lists(st.sampled_from(SOURCE_LANGUAGES), min_size=1, max_size=3, unique=True))
        text = {code: draw(texts(code)) for code in SOURCE_LANGUAGES if code in written}
    objectives = draw(st.lists(st.integers(1, 23), max_size=3, unique=True))
    return Message("", text, plain, objectives, draw(st.sampled_from(KINDS)))


@st.composite
def events(draw: st.DrawFn, index: int, awaiting: bool) -> Event:
    day = draw(st.dates(datetime.date(2022, 1, 1), datetime.date(2024, 9, 1)))
    phase = draw(st.sampled_from(("preparatory", "regional-review")))
    stakeholder = draw(st.booleans())
    if awaiting:
        return Event(f"event-{index}", day, phase, stakeholder, None, ())
    language = draw(st.sampled_from(SOURCE_LANGUAGES))
    drawn = draw(st.lists(messages(language), min_size=1, max_size=5))
    numbered = tuple(
        Message(f"m{n}", m.text, m.plain, m.objectives, m.kind) for n, m in enumerate(drawn, start=1)
    )
    return Event(f"event-{index}", day, phase, stakeholder, language, numbered)


@st.composite
def sources(draw: st.DrawFn) -> tuple[tuple[Event, ...], str, str]:
    """Draw events (the first with a summary), the review's original language and its grouping."""
    count = draw(st.integers(1, 4))
    drawn = tuple(draw(events(index, awaiting=index > 0 and draw(st.booleans()))) for index in range(count))
    return drawn, draw(st.sampled_from(("en", "ar"))), draw(st.sampled_from(("cluster", "objective")))


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it: 20 times faster


def dump(data: object, path: Path) -> None:
    path.write_text(
        yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000),
        encoding="utf-8",
    )


def write(folder: Path, drawn: tuple[Event, ...], original: str, group_by: str) -> Path:
    """Write the sources: the base review and introduction, the events and their summaries."""
    sources = folder / "sources"
    (sources / "summaries").mkdir(parents=True)
    for introduction in sorted((BASE / "front").iterdir()):
        (sources / "front").mkdir(exist_ok=True)
        (sources / "front" / introduction.name).write_bytes(introduction.read_bytes())
    review = (BASE / "review.yaml").read_text(encoding="utf-8")
    review = review.replace("original_language: en", f"original_language: {original}")
    (sources / "review.yaml").write_text(f"{review}\ngroup_by: {group_by}\n", encoding="utf-8")
    timeline = []
    for event in drawn:
        entry: dict[str, object] = {
            "id": event.id,
            "title": {"en": f"Event {event.id}", "ar": f"حدث {event.id}"},
            "organizer": {"en": "IOM", "ar": "المنظمة الدولية للهجرة"},
            "date": event.day,
            "phase": event.phase,
            "stakeholder": event.stakeholder,
        }
        if event.language is None:
            entry["awaiting_summary"] = True
        timeline.append(entry)
        if event.language is not None:
            written = [
                {
                    "id": m.id,
                    "kind": m.kind,
                    "objectives": m.objectives,
                    "text": m.text[event.language] if m.plain else m.text,
                }
                for m in event.messages
            ]
            summary = {"event": event.id, "language": event.language, "messages": written}
            dump(summary, sources / "summaries" / f"{event.id}.yaml")
    dump({"events": timeline}, sources / "events.yaml")
    return sources


def line_of(path: Path, message: Message) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(f"- id: {message.id}") + 1


def shown(message: Message, code: str, original: str) -> tuple[str, str, str]:
    """Return the text *message* must show in the *code* document, its language and its marker."""
    if code in message.text:
        return message.text[code], code, ""
    language = next(c for c in (original, *SOURCE_LANGUAGES) if c in message.text)
    return message.text[language], language, f" {DOCUMENT_LANGUAGES[code].words.translation_pending}"


BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_texts(document: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return each numbered paragraph's text and pending-translation marker after the front
    chapters: those of the main body, and those of the annex (read from word/document.xml alone,
    as python-docx's `paragraphs` would, without unpacking the embedded fonts)."""
    with zipfile.ZipFile(document) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(W + "body")
    assert body is not None
    parts: list[list[tuple[str, str]]] = [[]]
    numbered = 0
    for paragraph in body.iterchildren(W + "p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = None if style is None else style.get(W + "val")
        if style_id == "AnnexLabel":
            parts.append([])
        if style_id != "NumberedParagraph":
            continue
        numbered += 1
        if numbered <= FRONT:
            continue
        text, marker, after_tab = [], [], False
        for run in paragraph.iterchildren(W + "r"):
            run_style = run.find(f"{W}rPr/{W}rStyle")
            written = "".join(t.text or "" for t in run.iterchildren(W + "t"))
            if run_style is None:
                if after_tab:
                    text.append(written)
                after_tab = after_tab or run.find(W + "tab") is not None
            elif run_style.get(W + "val") == "TranslationPending":
                marker.append(written)
        parts[-1].append(("".join(text).translate(BIDI_MARKS), "".join(marker)))
    assert len(parts) <= 2, "one annex at most"
    return parts[0], parts[1] if len(parts) > 1 else []


def expectations(
    drawn: tuple[Event, ...], sources: Path, code: str, original: str
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], Counter[tuple[str, int, str]]]:
    """Return what the *code* document must hold in its body and its annex, and the notices."""
    body: Counter[tuple[str, str]] = Counter()
    annex: Counter[tuple[str, str]] = Counter()
    notices: Counter[tuple[str, int, str]] = Counter()
    for event in drawn:
        for message in event.messages:
            text, language, marker = shown(message, code, original)
            (annex if event.stakeholder else body)[(text, marker)] += 1
            if marker:
                path = sources / "summaries" / f"{event.id}.yaml"
                notices[
                    (path.name, line_of(path, message), pending_notice(event, message, code, language))
                ] += 1
    return body, annex, notices


def pending_notice(event: Event, message: Message, code: str, language: str) -> str:
    marker = DOCUMENT_LANGUAGES[code].words.translation_pending
    return (
        f"message '{event.id}#{message.id}' has no '{code}' text: outcome.{code}.docx shows its "
        f"'{language}' text marked {marker}"
    )


@pytest.fixture(scope="module")
def read_once() -> Iterator[None]:
    """Read what no build changes only once: the GCM reference, the installed packages' versions
    (for the manifest), the Word templates' Jinja code and their variables. Every build reads them
    again, a third of the time of a small build; what a build makes of them is unchanged."""
    with pytest.MonkeyPatch.context() as patch:
        for function in (reference.load_reference, manifest.packages):
            cached = functools.cache(function)
            for module in [module for name, module in sys.modules.items() if name.startswith("pipeline")]:
                if getattr(module, function.__name__, None) is function:
                    patch.setattr(module, function.__name__, cached)
        for method in ("compile", "parse"):
            patch.setattr(jinja2.Environment, method, _once(getattr(jinja2.Environment, method)))
        # The template's variables, found in the template parsed once (above): a Node hashes by identity.
        patch.setattr(
            jinja2.meta, "find_undeclared_variables", functools.cache(jinja2.meta.find_undeclared_variables)
        )
        yield


def _once(method: Callable[..., object]) -> Callable[..., object]:
    """Return *method* of a Jinja environment, remembering its result for each source and each
    kind of environment (autoescaping, undefined, sandbox)."""
    results: dict[tuple[object, ...], object] = {}

    def remembered(self: jinja2.Environment, source: str, *args: object, **options: object) -> object:
        key = (type(self), self.autoescape, self.undefined, source, args, tuple(sorted(options.items())))
        if key not in results:
            results[key] = method(self, source, *args, **options)
        return results[key]

    return remembered


# About 0.4 s an example on a shared two-core machine (300 in about two minutes): a third of it is
# the Arabic document's embedded fonts, compressed again by every build.
@pytest.mark.slow
@settings(max_examples=300)
@given(sources())
def test_every_message_is_in_each_word_document_or_noticed(read_once: None, drawn) -> None:
    events_drawn, original, group_by = drawn
    with tempfile.TemporaryDirectory(dir=MEMORY if MEMORY.is_dir() else None) as folder:
        sources_dir = write(Path(folder), events_drawn, original, group_by)
        result = build(sources_dir, Path(folder) / "build", TEMPLATES, pdf_engine=PdfEngine.NONE)
        noticed = Counter(
            (n.location.path.name, n.location.line, n.message)
            for n in result.notices
            if n.location is not None and " text marked " in n.message
        )
        expected_notices: Counter[tuple[str, int, str]] = Counter()
        for code in ("ar", "en"):
            body, annex, notices = expectations(events_drawn, sources_dir, code, original)
            produced_body, produced_annex = paragraph_texts(Path(folder) / "build" / f"outcome.{code}.docx")
            assert Counter(produced_body) == body
            assert Counter(produced_annex) == annex
            expected_notices += notices
        assert noticed == expected_notices
